import { Injectable } from '@nestjs/common';
import type { Prisma } from '@prisma/client';
import type { Tx } from '#libs/core';
import { eventHash, GENESIS_HASH } from './history-chain.rules.js';
import type { NewHistoryEvent } from './history.types.js';

/**
 * SEAL_CUT_LOCK is the advisory lock (two-key space, an arbitrary constant pair) that every appending
 * transaction holds SHARED until it ends. A sealer that briefly gets it EXCLUSIVELY knows no
 * transaction is between allocating an event id and committing, so "every id ≤ max(id)" is final:
 * ids are allocated before commit, and without this a seal could skip an event that commits late.
 */
export const SEAL_CUT_LOCK = [1685353574, 1] as const;

@Injectable()
export class HistoryRepository {
  /**
   * Appends to the stream's chain inside the caller's transaction. The advisory lock orders
   * concurrent writers of one stream; the unique (stream, seq) is the backstop.
   */
  async append(tx: Tx, event: NewHistoryEvent, at: Date): Promise<{ seq: number; hash: string }> {
    // Shared seal-cut lock first (see SEAL_CUT_LOCK), then the stream's own lock.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock_shared(${SEAL_CUT_LOCK[0]}::int, ${SEAL_CUT_LOCK[1]}::int), pg_advisory_xact_lock(hashtextextended(${`history:${event.stream}`}, 0))`;
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

  /**
   * First events of streams that cannot have any event yet (e.g. of tasks inserted in this same
   * transaction): no lock or lookup is needed, so a batch is one INSERT.
   */
  async appendFirst(tx: Tx, events: NewHistoryEvent[], at: Date): Promise<void> {
    if (events.length === 0) return;
    await tx.$executeRaw`SELECT pg_advisory_xact_lock_shared(${SEAL_CUT_LOCK[0]}::int, ${SEAL_CUT_LOCK[1]}::int)`;
    const rows = events.map((event) => {
      const fields = {
        stream: event.stream,
        seq: 1,
        at,
        type: event.type,
        actorUserId: event.actorUserId ?? null,
        actorPersonId: event.actorPersonId ?? null,
        actingForPostId: event.actingForPostId ?? null,
        subjectId: event.subjectId ?? null,
        data: JSON.parse(JSON.stringify(event.data ?? {})) as Prisma.InputJsonValue,
        prevHash: GENESIS_HASH,
      };
      return { ...fields, hash: eventHash(fields) };
    });
    await tx.historyEvent.createMany({ data: rows });
  }

  /**
   * Appends many events to existing streams in a few statements (a sweep raising thousands of
   * levels): locks every stream in a fixed order, reads each stream's head once, chains in memory.
   */
  async appendMany(tx: Tx, events: NewHistoryEvent[], at: Date): Promise<void> {
    if (events.length === 0) return;
    const streams = [...new Set(events.map((e) => e.stream))].sort();
    await tx.$executeRaw`SELECT pg_advisory_xact_lock_shared(${SEAL_CUT_LOCK[0]}::int, ${SEAL_CUT_LOCK[1]}::int)`;
    await tx.$queryRaw`SELECT count(pg_advisory_xact_lock(hashtextextended('history:' || s, 0)))::int AS n
                         FROM (SELECT s FROM unnest(${streams}::text[]) AS s ORDER BY s) AS ordered`;
    const heads = await tx.$queryRaw<{ stream: string; seq: number; hash: string }[]>`
      SELECT DISTINCT ON (stream) stream, seq, hash FROM history_event
       WHERE stream = ANY(${streams}::text[]) ORDER BY stream, seq DESC`;
    const head = new Map(heads.map((h) => [h.stream, { seq: h.seq, hash: h.hash }]));
    const rows = events.map((event) => {
      const last = head.get(event.stream) ?? { seq: 0, hash: GENESIS_HASH };
      const fields = {
        stream: event.stream,
        seq: last.seq + 1,
        at,
        type: event.type,
        actorUserId: event.actorUserId ?? null,
        actorPersonId: event.actorPersonId ?? null,
        actingForPostId: event.actingForPostId ?? null,
        subjectId: event.subjectId ?? null,
        data: JSON.parse(JSON.stringify(event.data ?? {})) as Prisma.InputJsonValue,
        prevHash: last.hash,
      };
      const hash = eventHash(fields);
      head.set(event.stream, { seq: fields.seq, hash });
      return { ...fields, hash };
    });
    await tx.historyEvent.createMany({ data: rows });
  }

  listStream(tx: Tx, stream: string) {
    return tx.historyEvent.findMany({ where: { stream }, orderBy: { seq: 'asc' } });
  }
}
