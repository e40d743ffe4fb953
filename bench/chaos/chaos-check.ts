import pg from 'pg';
import { EXPECTED_LEVELS } from './chaos-data.js';

/** Read-only questions about the outcome, in SQL against the run's own database. */
export class ChaosCheck {
  constructor(private readonly databaseUrl: string) {}

  private async query<T extends pg.QueryResultRow>(text: string, params: unknown[] = []): Promise<T[]> {
    const client = new pg.Client({ connectionString: this.databaseUrl, connectionTimeoutMillis: 5_000 });
    await client.connect();
    try {
      return (await client.query<T>(text, params)).rows;
    } finally {
      await client.end();
    }
  }

  /** Cheap progress figures for the settle loop. */
  async progress(): Promise<{ escalations: number; dueTasks: number; outboxOpen: number; outboxTotal: number }> {
    const [row] = await this.query<{ escalations: string; due_tasks: string; outbox_open: string; outbox_total: string }>(
      `SELECT (SELECT count(*) FROM escalation) AS escalations,
              (SELECT count(*) FROM task t WHERE next_escalation_at <= now() AND status NOT IN ('DONE', 'CANCELLED')
                  AND NOT EXISTS (SELECT 1 FROM set_aside_row s WHERE s.kind = 'ESCALATION_SWEEP' AND s.ref_id = t.id)) AS due_tasks,
              (SELECT count(*) FROM outbox WHERE status <> 'SENT') AS outbox_open,
              (SELECT count(*) FROM outbox) AS outbox_total`,
    );
    return { escalations: +row!.escalations, dueTasks: +row!.due_tasks, outboxOpen: +row!.outbox_open, outboxTotal: +row!.outbox_total };
  }

  /** The poison task: set aside by the sweep (with what error, how often tried) and what it got. */
  async poison(taskId: string): Promise<{ setAside: boolean; errorCode: string | null; attempts: number; escalations: number; otherSetAside: number }> {
    const [row] = await this.query<{ error_code: string | null; attempts: number | null; escalations: string; other: string }>(
      `SELECT s.error_code, s.attempts,
              (SELECT count(*) FROM escalation WHERE task_id = $1::uuid) AS escalations,
              (SELECT count(*) FROM set_aside_row WHERE ref_id <> $1::uuid) AS other
         FROM (SELECT 1) one LEFT JOIN set_aside_row s ON s.kind = 'ESCALATION_SWEEP' AND s.ref_id = $1::uuid`,
      [taskId],
    );
    return { setAside: row!.error_code !== null, errorCode: row!.error_code, attempts: row!.attempts ?? 0, escalations: +row!.escalations, otherSetAside: +row!.other };
  }

  /** Of the given outbox ids, those not marked SENT (sent by SMTP but not yet recorded). */
  async notSent(outboxIds: string[]): Promise<string[]> {
    if (outboxIds.length === 0) return [];
    const rows = await this.query<{ id: string }>(`SELECT id::text FROM outbox WHERE id = ANY($1::uuid[]) AND status <> 'SENT'`, [outboxIds]);
    return rows.map((r) => r.id);
  }

  /** (task, level, cycle 0) expected from how each task was built vs what the sweeps recorded. */
  async escalations(): Promise<{ expected: number; recorded: number; missing: number; duplicate: number; unexpected: number }> {
    // Set operations (hash joins): correlated NOT EXISTS over tens of thousands of rows would crawl.
    const [row] = await this.query<{ expected: string; recorded: string; missing: string; duplicate: string; unexpected: string }>(
      `WITH expected AS (
         SELECT t.id AS task_id, l.level, 0 AS cycle
           FROM task t
           CROSS JOIN LATERAL unnest(CASE t.description WHEN 'past' THEN $1::int[] WHEN 'crossing' THEN $2::int[] ELSE $3::int[] END) AS l(level)
       ),
       recorded AS (SELECT task_id, level, cycle FROM escalation)
       SELECT (SELECT count(*) FROM expected) AS expected,
              (SELECT count(*) FROM recorded) AS recorded,
              (SELECT count(*) FROM (SELECT * FROM expected EXCEPT SELECT * FROM recorded) m) AS missing,
              (SELECT count(*) - count(DISTINCT (task_id, level, cycle)) FROM recorded) AS duplicate,
              (SELECT count(*) FROM (SELECT * FROM recorded EXCEPT SELECT * FROM expected) u) AS unexpected`,
      [EXPECTED_LEVELS.past, EXPECTED_LEVELS.crossing, EXPECTED_LEVELS.future],
    );
    return {
      expected: +row!.expected,
      recorded: +row!.recorded,
      missing: +row!.missing,
      duplicate: +row!.duplicate,
      unexpected: +row!.unexpected,
    };
  }

  /**
   * Every recipient of every recorded level must have a message for that task naming that level or
   * a higher one (one message per recipient and task and sweep names the highest), on both channels.
   */
  async unnotified(): Promise<{ email: number; inApp: number }> {
    const [row] = await this.query<{ email: string; in_app: string }>(
      `WITH reached AS (
         SELECT e.task_id, e.level, p.person_id::uuid AS person_id
           FROM escalation e CROSS JOIN LATERAL jsonb_array_elements_text(e.recipients -> 'personIds') AS p(person_id)
       ),
       told AS (
         SELECT task_id, recipient_person_id AS person_id,
                max((payload ->> 'level')::int) FILTER (WHERE channel = 'EMAIL') AS email_level,
                max((payload ->> 'level')::int) FILTER (WHERE channel = 'IN_APP') AS in_app_level
           FROM outbox GROUP BY task_id, recipient_person_id
       )
       SELECT count(*) FILTER (WHERE t.email_level IS NULL OR t.email_level < r.level) AS email,
              count(*) FILTER (WHERE t.in_app_level IS NULL OR t.in_app_level < r.level) AS in_app
         FROM reached r LEFT JOIN told t ON t.task_id = r.task_id AND t.person_id = r.person_id`,
    );
    return { email: +row!.email, inApp: +row!.in_app };
  }

  async outbox(deadline: Date): Promise<{
    rows: number;
    email: number;
    byStatus: Record<string, number>;
    sentAfterDeadline: number;
    firstSentAt: Date | null;
    lastSentAt: Date | null;
    inAppNotifications: number;
    sentEmailIds: string[];
  }> {
    const statuses = await this.query<{ status: string; n: string }>(`SELECT status::text, count(*) AS n FROM outbox GROUP BY status`);
    const [row] = await this.query<{ rows: string; email: string; late: string; first: Date | null; last: Date | null; notifications: string }>(
      `SELECT count(*) AS rows, count(*) FILTER (WHERE channel = 'EMAIL') AS email,
              count(*) FILTER (WHERE sent_at > $1) AS late, min(sent_at) AS first, max(sent_at) AS last,
              (SELECT count(*) FROM notification) AS notifications
         FROM outbox`,
      [deadline],
    );
    const sent = await this.query<{ id: string }>(`SELECT id::text FROM outbox WHERE channel = 'EMAIL' AND status = 'SENT'`);
    return {
      rows: +row!.rows,
      email: +row!.email,
      byStatus: Object.fromEntries(statuses.map((s) => [s.status, +s.n])),
      sentAfterDeadline: +row!.late,
      firstSentAt: row!.first,
      lastSentAt: row!.last,
      inAppNotifications: +row!.notifications,
      sentEmailIds: sent.map((s) => s.id),
    };
  }
}
