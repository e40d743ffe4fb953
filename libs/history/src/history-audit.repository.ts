import { Injectable } from '@nestjs/common';
import type { HistoryEvent } from '@prisma/client';
import { PrismaService, type Tx } from '#libs/core';
import { SEAL_CUT_LOCK } from './history.repository.js';
import { SEAL_STREAM, type SealedHead } from './seal.rules.js';

/** Reads for verification and sealing: keyset pages in id order, never the whole table at once. */
@Injectable()
export class HistoryAuditRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** The next `limit` events after `afterId`, in id (append) order. */
  pageAfter(afterId: bigint, limit: number): Promise<HistoryEvent[]> {
    return this.prisma.historyEvent.findMany({ where: { id: { gt: afterId } }, orderBy: { id: 'asc' }, take: limit });
  }

  /** The next `limit` seals after seal number `afterSeq`. */
  sealPageAfter(afterSeq: number, limit: number): Promise<HistoryEvent[]> {
    return this.prisma.historyEvent.findMany({
      where: { stream: SEAL_STREAM, seq: { gt: afterSeq } },
      orderBy: { seq: 'asc' },
      take: limit,
    });
  }

  /** The first event recorded at or after `since` (ids follow append order closely enough). */
  async firstIdAtOrAfter(since: Date): Promise<bigint | null> {
    const [row] = await this.prisma.$queryRaw<{ id: bigint | null }[]>`SELECT min(id) AS id FROM history_event WHERE at >= ${since}`;
    return row?.id ?? null;
  }

  /** The events now at the given positions (missing ones are simply absent). */
  async eventsAt(positions: { stream: string; seq: number }[]): Promise<{ id: bigint; stream: string; seq: number; hash: string }[]> {
    if (positions.length === 0) return [];
    return this.prisma.$queryRaw`
      SELECT h.id, h.stream, h.seq, h.hash
        FROM history_event h
        JOIN unnest(${positions.map((p) => p.stream)}::text[], ${positions.map((p) => p.seq)}::int[]) AS k(stream, seq)
          ON h.stream = k.stream AND h.seq = k.seq`;
  }

  async lastSeqs(streams: string[]): Promise<Map<string, number>> {
    if (streams.length === 0) return new Map();
    const rows = await this.prisma.$queryRaw<{ stream: string; seq: number }[]>`
      SELECT stream, max(seq) AS seq FROM history_event WHERE stream = ANY(${streams}::text[]) GROUP BY stream`;
    return new Map(rows.map((r) => [r.stream, Number(r.seq)]));
  }

  /**
   * The highest event id once no append is in flight, or null when appenders hold the lock. Never
   * waits: a waiting exclusive request would queue every new appender behind it.
   */
  async trySealCut(): Promise<bigint | null> {
    return this.prisma.$transaction(async (tx) => {
      const [lock] = await tx.$queryRaw<{ ok: boolean }[]>`SELECT pg_try_advisory_xact_lock(${SEAL_CUT_LOCK[0]}::int, ${SEAL_CUT_LOCK[1]}::int) AS ok`;
      if (!lock?.ok) return null;
      const [row] = await tx.$queryRaw<{ id: bigint | null }[]>`SELECT max(id) AS id FROM history_event`;
      return row?.id ?? 0n;
    });
  }

  /** Serialises sealers: the same lock the appender of the seal stream takes. */
  async lockSealStream(tx: Tx): Promise<void> {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`history:${SEAL_STREAM}`}, 0))`;
  }

  lastSeal(tx: Tx): Promise<HistoryEvent | null> {
    return tx.historyEvent.findFirst({ where: { stream: SEAL_STREAM }, orderBy: { seq: 'desc' } });
  }

  /** The last event of every stream (but the seal stream) that changed in (afterId, throughId]. */
  async headsBetween(tx: Tx, afterId: bigint, throughId: bigint): Promise<SealedHead[]> {
    const rows = await tx.$queryRaw<{ stream: string; seq: number; hash: string }[]>`
      SELECT DISTINCT ON (stream) stream, seq, hash
        FROM history_event
       WHERE id > ${afterId} AND id <= ${throughId} AND stream <> ${SEAL_STREAM}
       ORDER BY stream, seq DESC`;
    return rows.map((r) => [r.stream, Number(r.seq), r.hash]);
  }
}
