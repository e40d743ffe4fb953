import { Injectable } from '@nestjs/common';
import { PrismaService, type Tx } from '#libs/core';

export interface FeedTokenRow {
  id: string;
  personId: string;
  createdAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}

export interface FeedTokenOwner {
  id: string;
  personId: string;
  personName: string;
  revokedAt: Date | null;
  /** The person's login is disabled: their links stop working with it. */
  accountDisabled: boolean;
}

/** A feed fetched more often than this is not worth a write per fetch to record its last use. */
const LAST_USED_GRANULARITY_MS = 5 * 60_000;

const TOKEN_FIELDS = { id: true, personId: true, createdAt: true, revokedAt: true, lastUsedAt: true } as const;

@Injectable()
export class CalendarFeedRepository {
  constructor(private readonly prisma: PrismaService) {}

  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    return this.prisma.$transaction((tx) => fn(tx));
  }

  createToken(tx: Tx, personId: string, tokenHash: string, now: Date): Promise<FeedTokenRow> {
    return tx.calendarFeedToken.create({ data: { personId, tokenHash, createdAt: now }, select: TOKEN_FIELDS });
  }

  tokensOf(personId: string): Promise<FeedTokenRow[]> {
    return this.prisma.calendarFeedToken.findMany({ where: { personId }, select: TOKEN_FIELDS, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }] });
  }

  findToken(id: string): Promise<FeedTokenRow | null> {
    return this.prisma.calendarFeedToken.findUnique({ where: { id }, select: TOKEN_FIELDS });
  }

  /** Revokes once: false when it was already revoked (by a concurrent request, say). */
  async revokeToken(tx: Tx, id: string, now: Date): Promise<boolean> {
    const { count } = await tx.calendarFeedToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: now } });
    return count === 1;
  }

  async ownerOfTokenHash(tokenHash: string): Promise<FeedTokenOwner | null> {
    const rows = await this.prisma.$queryRaw<FeedTokenOwner[]>`
      SELECT f.id, f.person_id AS "personId", pe.name AS "personName", f.revoked_at AS "revokedAt",
             EXISTS (SELECT 1 FROM app_user u WHERE u.person_id = f.person_id AND u.disabled_at IS NOT NULL) AS "accountDisabled"
        FROM calendar_feed_token f JOIN person pe ON pe.id = f.person_id
       WHERE f.token_hash = ${tokenHash}`;
    return rows[0] ?? null;
  }

  async markUsed(id: string, now: Date): Promise<void> {
    await this.prisma.calendarFeedToken.updateMany({
      where: { id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - LAST_USED_GRANULARITY_MS) } }] },
      data: { lastUsedAt: now },
    });
  }
}
