import { Injectable } from '@nestjs/common';
import { PrismaService } from '../prisma/prisma.service.js';
import type { SqlTx } from '../prisma/direct-sql.js';
import type { SetAsideKind } from './set-aside.rules.js';

export interface SetAsideRecord {
  id: string;
  kind: SetAsideKind;
  refId: string;
  errorCode: string;
  errorMessage: string;
  attempts: number;
  firstFailedAt: Date;
  lastFailedAt: Date;
  retryAfter: Date;
}

const COLUMNS = `id::text AS id, kind, ref_id::text AS "refId", error_code AS "errorCode", error_message AS "errorMessage",
  attempts, first_failed_at AS "firstFailedAt", last_failed_at AS "lastFailedAt", retry_after AS "retryAfter"`;

@Injectable()
export class SetAsideRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Inserts the row or counts one more failure of it; returns how many failures in a row it has now. */
  async recordFailure(kind: SetAsideKind, refId: string, error: { code: string; message: string }, now: Date): Promise<number> {
    const [row] = await this.prisma.direct.$queryRaw<{ attempts: number }[]>`
      INSERT INTO set_aside_row (kind, ref_id, error_code, error_message, attempts, first_failed_at, last_failed_at, retry_after)
      VALUES (${kind}, ${refId}::uuid, ${error.code}, ${error.message}, 1, ${now}, ${now}, ${now})
      ON CONFLICT (kind, ref_id) DO UPDATE
        SET attempts = set_aside_row.attempts + 1, error_code = EXCLUDED.error_code,
            error_message = EXCLUDED.error_message, last_failed_at = EXCLUDED.last_failed_at
      RETURNING attempts`;
    return row!.attempts;
  }

  async setRetryAfter(kind: SetAsideKind, refId: string, at: Date): Promise<void> {
    await this.prisma.direct.$executeRaw`UPDATE set_aside_row SET retry_after = ${at} WHERE kind = ${kind} AND ref_id = ${refId}::uuid`;
  }

  /** The rows went through: forget them (in the caller's transaction when given). */
  async clear(kind: SetAsideKind, refIds: string[], tx?: SqlTx): Promise<void> {
    if (refIds.length === 0) return;
    await (tx ?? this.prisma.direct).$executeRaw`DELETE FROM set_aside_row WHERE kind = ${kind} AND ref_id = ANY(${refIds}::uuid[])`;
  }

  /** Ref ids of the kind that must not be tried before a later time. */
  async waiting(kind: SetAsideKind, now: Date): Promise<Set<string>> {
    const rows = await this.prisma.direct.$queryRaw<{ refId: string }[]>`
      SELECT ref_id::text AS "refId" FROM set_aside_row WHERE kind = ${kind} AND retry_after > ${now}`;
    return new Set(rows.map((r) => r.refId));
  }

  /** Every ref id of the kind (set aside now or waiting): those whose success must clear a record. */
  async all(kind: SetAsideKind): Promise<Set<string>> {
    const rows = await this.prisma.direct.$queryRaw<{ refId: string }[]>`SELECT ref_id::text AS "refId" FROM set_aside_row WHERE kind = ${kind}`;
    return new Set(rows.map((r) => r.refId));
  }

  list(): Promise<SetAsideRecord[]> {
    return this.prisma.direct.$queryRawUnsafe<SetAsideRecord[]>(`SELECT ${COLUMNS} FROM set_aside_row ORDER BY last_failed_at DESC, id LIMIT 1000`);
  }

  async retryNow(id: string, now: Date): Promise<SetAsideRecord | null> {
    const [row] = await this.prisma.direct.$queryRawUnsafe<SetAsideRecord[]>(
      `UPDATE set_aside_row SET retry_after = $1 WHERE id = $2::uuid RETURNING ${COLUMNS}`,
      now,
      id,
    );
    return row ?? null;
  }

  countsByKind(): Promise<{ kind: SetAsideKind; count: number; oldest: Date }[]> {
    return this.prisma.direct.$queryRaw`
      SELECT kind, count(*)::int AS count, min(first_failed_at) AS oldest FROM set_aside_row GROUP BY kind ORDER BY kind`;
  }
}
