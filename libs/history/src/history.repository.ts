import { Injectable } from '@nestjs/common';
import type { Prisma } from '@prisma/client';
import { camelRows, type SqlTx } from '#libs/core';
import { eventHash, GENESIS_HASH, type ChainedFields } from './history-chain.rules.js';
import type { ActorNames, NewHistoryEvent } from './history.types.js';

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
  async append(tx: SqlTx, event: NewHistoryEvent, at: Date): Promise<{ seq: number; hash: string }> {
    const [row] = await this.appendMany(tx, [event], at);
    return { seq: row.seq, hash: row.hash };
  }

  /**
   * First events of streams that cannot have any event yet (e.g. of tasks inserted in this same
   * transaction): no stream lock or lookup is needed, so a batch is one INSERT.
   */
  async appendFirst(tx: SqlTx, events: NewHistoryEvent[], at: Date): Promise<void> {
    if (events.length === 0) return;
    await tx.$executeRaw`SELECT pg_advisory_xact_lock_shared(${SEAL_CUT_LOCK[0]}::int, ${SEAL_CUT_LOCK[1]}::int)`;
    await insertRows(tx, events.map((event) => chained(event, 1, GENESIS_HASH, at)));
  }

  /**
   * Appends events to their streams in a few statements (a sweep raising thousands of levels):
   * takes the shared seal-cut lock (see SEAL_CUT_LOCK), locks every stream in a fixed order, reads
   * each stream's head once and chains in memory.
   */
  async appendMany(tx: SqlTx, events: NewHistoryEvent[], at: Date): Promise<ChainedRow[]> {
    if (events.length === 0) return [];
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
      const row = chained(event, last.seq + 1, last.hash, at);
      head.set(event.stream, { seq: row.seq, hash: row.hash });
      return row;
    });
    await insertRows(tx, rows);
    return rows;
  }

  /** A stream's events in order (a raw query, see DirectSql). */
  async listStream(tx: SqlTx, stream: string): Promise<Prisma.HistoryEventGetPayload<object>[]> {
    return camelRows(await tx.$queryRaw<Record<string, unknown>[]>`SELECT * FROM history_event WHERE stream = ${stream} ORDER BY seq`);
  }

  /**
   * A stream's events in order with who acted, by name, in the same statement (every task view
   * reads one): the person's name, and for the account its person's name or else its login; null
   * where the person or account no longer exists.
   */
  async listStreamWithActorNames(tx: SqlTx, stream: string): Promise<(Prisma.HistoryEventGetPayload<object> & ActorNames)[]> {
    return camelRows(await tx.$queryRaw<Record<string, unknown>[]>`
      SELECT h.*, p.name AS actor_person_name, COALESCE(up.name, u.username) AS actor_user_name
        FROM history_event h
        LEFT JOIN person p ON p.id = h.actor_person_id
        LEFT JOIN app_user u ON u.id = h.actor_user_id
        LEFT JOIN person up ON up.id = u.person_id
       WHERE h.stream = ${stream}
       ORDER BY h.seq`);
  }
}

type ChainedRow = ChainedFields & { hash: string; data: Prisma.InputJsonValue };

/**
 * One INSERT for any number of chained rows, sent as a single JSON parameter: Prisma's createMany
 * spends far more CPU building thousands of rows than PostgreSQL spends storing them. The JSON
 * carries exactly the values that were hashed (dates as ISO instants, data as its JSON).
 */
async function insertRows(tx: SqlTx, rows: ChainedRow[]): Promise<void> {
  if (rows.length === 0) return;
  const json = JSON.stringify(
    rows.map((r) => ({
      stream: r.stream,
      seq: r.seq,
      at: r.at.toISOString(),
      type: r.type,
      actor_user_id: r.actorUserId,
      actor_person_id: r.actorPersonId,
      acting_for_post_id: r.actingForPostId,
      subject_id: r.subjectId,
      data: r.data,
      prev_hash: r.prevHash,
      hash: r.hash,
    })),
  );
  await tx.$executeRaw`
    INSERT INTO history_event (stream, seq, at, type, actor_user_id, actor_person_id, acting_for_post_id, subject_id, data, prev_hash, hash)
    SELECT stream, seq, at, type, actor_user_id, actor_person_id, acting_for_post_id, subject_id, data, prev_hash, hash
      FROM jsonb_to_recordset(${json}::jsonb) AS r(stream text, seq int, at timestamptz, type text, actor_user_id uuid,
           actor_person_id uuid, acting_for_post_id uuid, subject_id text, data jsonb, prev_hash text, hash text)`;
}

/** The stored row of an event at a position in its chain, with its hash. */
function chained(event: NewHistoryEvent, seq: number, prevHash: string, at: Date): ChainedRow {
  const fields = {
    stream: event.stream,
    seq,
    at,
    type: event.type,
    actorUserId: event.actorUserId ?? null,
    actorPersonId: event.actorPersonId ?? null,
    actingForPostId: event.actingForPostId ?? null,
    subjectId: event.subjectId ?? null,
    // Round-trip through JSON so the hash covers exactly what jsonb stores.
    data: JSON.parse(JSON.stringify(event.data ?? {})) as Prisma.InputJsonValue,
    prevHash,
  };
  return { ...fields, hash: eventHash(fields) };
}
