import { Injectable } from '@nestjs/common';
import type { Prisma } from '@prisma/client';
import type { Tx } from '#libs/core';
import { eventHash, GENESIS_HASH } from './history-chain.rules.js';
import type { NewHistoryEvent } from './history.types.js';

@Injectable()
export class HistoryRepository {
  /**
   * Appends to the stream's chain inside the caller's transaction. The advisory lock orders
   * concurrent writers of one stream; the unique (stream, seq) is the backstop.
   */
  async append(tx: Tx, event: NewHistoryEvent, at: Date): Promise<{ seq: number; hash: string }> {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`history:${event.stream}`}, 0))`;
    const last = await tx.historyEvent.findFirst({
      where: { stream: event.stream },
      orderBy: { seq: 'desc' },
      select: { seq: true, hash: true },
    });
    const fields = {
      stream: event.stream,
      seq: (last?.seq ?? 0) + 1,
      at,
      type: event.type,
      actorUserId: event.actorUserId ?? null,
      actorPersonId: event.actorPersonId ?? null,
      actingForPostId: event.actingForPostId ?? null,
      subjectId: event.subjectId ?? null,
      // Round-trip through JSON so the hash covers exactly what jsonb stores.
      data: JSON.parse(JSON.stringify(event.data ?? {})) as Prisma.InputJsonValue,
      prevHash: last?.hash ?? GENESIS_HASH,
    };
    const hash = eventHash(fields);
    await tx.historyEvent.create({ data: { ...fields, hash } });
    return { seq: fields.seq, hash };
  }

  listStream(tx: Tx, stream: string) {
    return tx.historyEvent.findMany({ where: { stream }, orderBy: { seq: 'asc' } });
  }
}
