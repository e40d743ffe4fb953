import { Injectable } from '@nestjs/common';
import { Prisma, type OutboxChannel, type OutboxStatus } from '@prisma/client';
import { PrismaService, type SqlTx, type Tx } from '#libs/core';
import type { NotificationPayload } from '../notification.types.js';

export interface NewOutboxRow {
  channel: OutboxChannel;
  recipientPersonId: string;
  taskId: string;
  escalationId: string | null;
  payload: NotificationPayload;
  availableAt: Date;
}

export interface ClaimedRow {
  id: string;
  channel: OutboxChannel;
  recipientPersonId: string;
  /** Set aside after an earlier dispatch failure and being retried now. */
  setAside?: boolean;
}

/** A row with what delivering it needs: the recipient's current address and the task's organisation. */
export interface DeliverableRow {
  id: string;
  channel: OutboxChannel;
  status: OutboxStatus;
  attempts: number;
  payload: NotificationPayload;
  recipientPersonId: string;
  recipientName: string | null;
  recipientEmail: string | null;
  taskId: string | null;
  escalationId: string | null;
  /** Through task → unit; null when the task is gone (then Monday–Friday rules apply). */
  orgId: string | null;
  /** Set aside after an earlier delivery could not render it, and being retried now. */
  setAside: boolean;
}

export interface FailedRow {
  id: string;
  channel: OutboxChannel;
  recipientPersonId: string;
  recipientName: string | null;
  taskId: string | null;
  escalationId: string | null;
  attempts: number;
  lastError: string | null;
  payload: NotificationPayload;
  createdAt: Date;
  /** Time of the last attempt. */
  failedAt: Date;
}

export interface InAppNotification {
  personId: string;
  taskId: string | null;
  escalationId: string | null;
  level: number | null;
  title: string;
  body: string;
}

// Dispatchers on several workers would otherwise interleave; one at a time is plenty (a run takes ms).
export const DISPATCH_LOCK_KEY = 0x6e6f7469; // "noti"

/** The only code touching the outbox table. Every state change is conditional on PENDING. */
@Injectable()
export class OutboxRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * One INSERT for the whole batch. Rows travel as one JSON parameter and each distinct payload
   * once (the in-app and e-mail rows of a message share theirs): Prisma's per-character cost of
   * large parameters, not PostgreSQL, is what a sweep writing thousands of rows would wait on.
   */
  async insertMany(tx: SqlTx, rows: NewOutboxRow[]): Promise<void> {
    if (rows.length === 0) return;
    const payloads = new Map<NotificationPayload, number>();
    for (const r of rows) if (!payloads.has(r.payload)) payloads.set(r.payload, payloads.size);
    const json = JSON.stringify(
      rows.map((r) => ({
        channel: r.channel,
        recipient_person_id: r.recipientPersonId,
        task_id: r.taskId,
        escalation_id: r.escalationId,
        payload_index: payloads.get(r.payload),
        available_at: r.availableAt.toISOString(),
      })),
    );
    await tx.$executeRaw`
      INSERT INTO outbox (channel, recipient_person_id, task_id, escalation_id, payload, available_at)
      SELECT r.channel, r.recipient_person_id, r.task_id, r.escalation_id, p.payload, r.available_at
        FROM jsonb_to_recordset(${json}::jsonb) AS r(channel outbox_channel, recipient_person_id uuid, task_id uuid,
             escalation_id uuid, payload_index int, available_at timestamptz)
        JOIN jsonb_array_elements(${JSON.stringify([...payloads.keys()])}::jsonb) WITH ORDINALITY AS p(payload, n)
          ON p.n = r.payload_index + 1`;
  }

  /** E-mail addresses of the given people (blank addresses count as none). */
  async emailsOf(tx: SqlTx, personIds: string[]): Promise<Map<string, string>> {
    if (personIds.length === 0) return new Map();
    // Raw: a sweep asks for a thousand people at once, where Prisma's IN-list handling is CPU-heavy.
    const people = await tx.$queryRaw<{ id: string; email: string | null }[]>`
      SELECT id::text AS id, email FROM person WHERE id = ANY(${personIds}::uuid[])`;
    return new Map(people.flatMap((p) => (p.email?.trim() ? [[p.id, p.email.trim()] as const] : [])));
  }

  /** Those of `personIds` who hold a chief post (substantive or acting) on `today` (YYYY-MM-DD). */
  async chiefsAmong(db: SqlTx, personIds: string[], today: string): Promise<Set<string>> {
    if (personIds.length === 0) return new Set();
    const rows = await db.$queryRaw<{ person_id: string }[]>`
      SELECT DISTINCT pa.person_id::text AS person_id
        FROM post_assignment pa JOIN post p ON p.id = pa.post_id
       WHERE p.kind = 'CHIEF' AND p.retired_at IS NULL
         AND pa.person_id = ANY(${personIds}::uuid[])
         AND pa.start_date <= ${today}::date AND (pa.end_date IS NULL OR pa.end_date >= ${today}::date)`;
    return new Set(rows.map((r) => r.person_id));
  }

  /** Serialises dispatch runs across processes until the caller's transaction ends. */
  async lockDispatch(tx: Tx): Promise<void> {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${DISPATCH_LOCK_KEY}::bigint)`;
  }

  /**
   * Takes up to `limit` due PENDING rows, oldest first, and hides them until `leaseUntil`: the row
   * stays PENDING, so if its job is lost it is simply due again after the lease and re-dispatched.
   * leased_until tells these rows from deferred or backed-off ones (see releaseLeases). A row set
   * aside (dispatch or delivery failed on it) waits for its retry time; `setAside` marks one whose
   * dispatch record a success clears. With `ids`, only those rows (a failed batch retried row by row).
   */
  async claimDue(tx: Tx, now: Date, limit: number, leaseUntil: Date, ids?: string[]): Promise<ClaimedRow[]> {
    const rows = await tx.$queryRaw<{ id: string; channel: OutboxChannel; recipient_person_id: string; set_aside: boolean }[]>`
      WITH due AS (
        SELECT o.id, EXISTS (SELECT 1 FROM set_aside_row s WHERE s.kind = 'OUTBOX_DISPATCH' AND s.ref_id = o.id) AS set_aside
          FROM outbox o
         WHERE o.status = 'PENDING' AND o.available_at <= ${now}
           AND NOT EXISTS (SELECT 1 FROM set_aside_row s WHERE s.kind IN ('OUTBOX_DISPATCH', 'OUTBOX_DELIVERY')
                              AND s.ref_id = o.id AND s.retry_after > ${now})
           ${ids ? Prisma.sql`AND o.id = ANY(${ids}::uuid[])` : Prisma.empty}
         ORDER BY o.available_at, o.id
         LIMIT ${limit}
         FOR UPDATE OF o SKIP LOCKED
      )
      UPDATE outbox o SET available_at = ${leaseUntil}, leased_until = ${leaseUntil}
        FROM due WHERE o.id = due.id
      RETURNING o.id::text AS id, o.channel, o.recipient_person_id::text AS recipient_person_id, due.set_aside`;
    return rows.map((r) => ({ id: r.id, channel: r.channel, recipientPersonId: r.recipient_person_id, setAside: r.set_aside }));
  }

  /** The ids the next claim would take, without locking them: a failed batch is retried row by row. */
  async dueIds(now: Date, limit: number): Promise<string[]> {
    const rows = await this.prisma.$queryRaw<{ id: string }[]>`
      SELECT o.id::text AS id FROM outbox o
       WHERE o.status = 'PENDING' AND o.available_at <= ${now}
         AND NOT EXISTS (SELECT 1 FROM set_aside_row s WHERE s.kind IN ('OUTBOX_DISPATCH', 'OUTBOX_DELIVERY')
                            AND s.ref_id = o.id AND s.retry_after > ${now})
       ORDER BY o.available_at, o.id
       LIMIT ${limit}`;
    return rows.map((r) => r.id);
  }

  async findDeliverable(ids: string[]): Promise<DeliverableRow[]> {
    if (ids.length === 0) return [];
    const rows = await this.prisma.$queryRaw<
      {
        id: string;
        channel: OutboxChannel;
        status: OutboxStatus;
        attempts: number;
        payload: NotificationPayload;
        recipient_person_id: string;
        recipient_name: string | null;
        recipient_email: string | null;
        task_id: string | null;
        escalation_id: string | null;
        org_id: string | null;
        set_aside: boolean;
      }[]
    >`
      SELECT o.id::text AS id, o.channel, o.status, o.attempts, o.payload,
             o.recipient_person_id::text AS recipient_person_id, p.name AS recipient_name, p.email AS recipient_email,
             o.task_id::text AS task_id, o.escalation_id::text AS escalation_id, u.org_id::text AS org_id,
             EXISTS (SELECT 1 FROM set_aside_row s WHERE s.kind = 'OUTBOX_DELIVERY' AND s.ref_id = o.id) AS set_aside
        FROM outbox o
        LEFT JOIN person p ON p.id = o.recipient_person_id
        LEFT JOIN task t ON t.id = o.task_id
        LEFT JOIN unit u ON u.id = t.unit_id
       WHERE o.id = ANY(${ids}::uuid[])
       ORDER BY o.created_at, o.id`;
    return rows.map((r) => ({
      id: r.id,
      channel: r.channel,
      status: r.status,
      attempts: r.attempts,
      payload: r.payload,
      recipientPersonId: r.recipient_person_id,
      recipientName: r.recipient_name,
      recipientEmail: r.recipient_email?.trim() || null,
      taskId: r.task_id,
      escalationId: r.escalation_id,
      orgId: r.org_id,
      setAside: r.set_aside,
    }));
  }

  /**
   * In-app delivery in one transaction: the row turns SENT and its notification appears, or
   * neither. The unique outbox_id makes a second insert a no-op should a row ever be re-opened.
   * Returns false when the row was no longer PENDING (delivered by a concurrent run).
   */
  async markInAppDelivered(id: string, at: Date, notification: InAppNotification): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      const { count } = await tx.outbox.updateMany({
        where: { id, status: 'PENDING' },
        data: { status: 'SENT', sentAt: at, attempts: { increment: 1 }, leasedUntil: null },
      });
      if (count === 0) return false;
      await tx.notification.createMany({ data: [{ ...notification, outboxId: id, createdAt: at }], skipDuplicates: true });
      return true;
    });
  }

  /** After the SMTP server accepted: only rows still PENDING change. Returns how many did. */
  async markSent(ids: string[], at: Date): Promise<number> {
    const { count } = await this.prisma.outbox.updateMany({
      where: { id: { in: ids }, status: 'PENDING' },
      data: { status: 'SENT', sentAt: at, attempts: { increment: 1 }, leasedUntil: null },
    });
    return count;
  }

  /**
   * A failed attempt. Conditional on the attempt count read before trying, so two overlapping
   * deliveries of one row cannot count one failure twice. `availableAt` is the next try of a
   * PENDING row; a FAILED row keeps the time of its last attempt there (shown as failedAt).
   */
  async recordFailure(
    id: string,
    previousAttempts: number,
    next: { status: 'PENDING' | 'FAILED'; attempts: number; availableAt: Date },
    lastError: string,
  ): Promise<boolean> {
    const { count } = await this.prisma.outbox.updateMany({
      where: { id, status: 'PENDING', attempts: previousAttempts },
      data: { status: next.status, attempts: next.attempts, availableAt: next.availableAt, lastError, leasedUntil: null },
    });
    return count === 1;
  }

  /** Holds a row (quiet hours) without counting an attempt. */
  async deferUntil(id: string, at: Date): Promise<void> {
    await this.prisma.outbox.updateMany({ where: { id, status: 'PENDING' }, data: { availableAt: at, leasedUntil: null } });
  }

  /**
   * Rows handed to the queue and not handled since become due at `now` (or stay due earlier), for
   * when the queue lost its jobs. Rows held for quiet hours or a retry carry no lease and keep
   * their time. Returns how many rows were released.
   */
  async releaseLeases(now: Date): Promise<number> {
    // A row whose job still exists is merely dispatched again, which the queue's job-id dedup
    // turns into nothing; so releasing when unsure whether jobs were lost costs little.
    return this.prisma.$executeRaw`
      UPDATE outbox SET available_at = LEAST(available_at, ${now}), leased_until = NULL
       WHERE leased_until IS NOT NULL AND status = 'PENDING'`;
  }

  async listFailed(offset: number, limit: number): Promise<{ total: number; rows: FailedRow[] }> {
    const [total, rows] = await Promise.all([
      this.prisma.outbox.count({ where: { status: 'FAILED' } }),
      this.prisma.$queryRaw<
        {
          id: string;
          channel: OutboxChannel;
          recipient_person_id: string;
          recipient_name: string | null;
          task_id: string | null;
          escalation_id: string | null;
          attempts: number;
          last_error: string | null;
          payload: NotificationPayload;
          created_at: Date;
          available_at: Date;
        }[]
      >`
        SELECT o.id::text AS id, o.channel, o.recipient_person_id::text AS recipient_person_id, p.name AS recipient_name,
               o.task_id::text AS task_id, o.escalation_id::text AS escalation_id, o.attempts, o.last_error,
               o.payload, o.created_at, o.available_at
          FROM outbox o LEFT JOIN person p ON p.id = o.recipient_person_id
         WHERE o.status = 'FAILED'
         ORDER BY o.available_at DESC, o.id
         OFFSET ${offset} LIMIT ${limit}`,
    ]);
    return {
      total,
      rows: rows.map((r) => ({
        id: r.id,
        channel: r.channel,
        recipientPersonId: r.recipient_person_id,
        recipientName: r.recipient_name,
        taskId: r.task_id,
        escalationId: r.escalation_id,
        attempts: r.attempts,
        lastError: r.last_error,
        payload: r.payload,
        createdAt: r.created_at,
        failedAt: r.available_at,
      })),
    };
  }

  /** For /health: permanent failures, and due rows nobody dispatched (e.g. no worker running). */
  async healthCounts(staleBefore: Date): Promise<{ failed: number; stale: number }> {
    const [failed, stale] = await Promise.all([
      this.prisma.outbox.count({ where: { status: 'FAILED' } }),
      this.prisma.outbox.count({ where: { status: 'PENDING', availableAt: { lt: staleBefore } } }),
    ]);
    return { failed, stale };
  }

  /** An administrator gives a FAILED row a fresh set of attempts. */
  async reopenFailed(id: string, now: Date): Promise<boolean> {
    const { count } = await this.prisma.outbox.updateMany({
      where: { id, status: 'FAILED' },
      data: { status: 'PENDING', attempts: 0, availableAt: now, leasedUntil: null },
    });
    return count === 1;
  }
}
