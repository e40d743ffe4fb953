import argon2 from 'argon2';
import { normalizePassword } from '#libs/auth';
import { eventHash, GENESIS_HASH } from '#libs/history';
import type pg from 'pg';
import type { Sql } from './bench-database.js';

/**
 * Loads millions of rows the way a restore would: secondary (non-unique) indexes of `tables` are
 * dropped and rebuilt afterwards, and foreign-key triggers are off for the load (the generator's
 * rows reference what it created itself). Unique keys stay, so a generator bug still fails loudly.
 */
export async function bulkLoad<T>(sql: Sql, tables: string[], fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
  return sql.transaction(async (c) => {
    const { rows: indexes } = await c.query<{ name: string; def: string }>(
      `SELECT i.indexname AS name, i.indexdef AS def FROM pg_indexes i
        WHERE i.schemaname = 'public' AND i.tablename = ANY($1::text[]) AND i.indexdef NOT LIKE 'CREATE UNIQUE%'`,
      [tables],
    );
    for (const i of indexes) await c.query(`DROP INDEX "${i.name}"`);
    await c.query(`SET LOCAL session_replication_role = replica`);
    const result = await fn(c);
    await c.query(`SET LOCAL session_replication_role = origin`);
    await c.query(`SET LOCAL maintenance_work_mem = '256MB'`);
    for (const i of indexes) await c.query(i.def);
    return result;
  });
}

/**
 * Generates an organisation at scale with plain SQL (generate_series), the way a large bureau's
 * data would sit in the database after years of use — never through the API, which would take hours.
 *
 * Shape: one organisation; `units` units of one chief, one deputy and `officersPerUnit` officers;
 * officers report to the deputy, the deputy to the chief; one person (with an e-mail address) holds
 * each post since 2020-01-01. Posts are coded `chief`, `deputy`, `officer-N` as the importer does.
 */
export interface OrgShape {
  units: number;
  officersPerUnit: number;
}

export interface GeneratedOrg {
  orgId: string;
  units: number;
  posts: number;
  persons: number;
}

export const BENCH_ORG_CODE = 'BENCH';
export const BENCH_PASSWORD = 'bench-pass-1234';

export async function generateOrganisation(sql: Sql, shape: OrgShape): Promise<GeneratedOrg> {
  return sql.transaction(async (c) => {
    const { rows } = await c.query<{ id: string }>(
      `INSERT INTO organisation (code, name, deadline_cutoff) VALUES ($1, '基准测试自然资源和规划局', '24:00') RETURNING id`,
      [BENCH_ORG_CODE],
    );
    const orgId = rows[0].id;
    await c.query(
      `INSERT INTO unit (org_id, code, name)
       SELECT $1, 'u' || lpad(u::text, 5, '0'), '第' || u || '科' FROM generate_series(1, $2::int) AS u`,
      [orgId, shape.units],
    );
    // Chiefs first, then deputies reporting to them, then officers reporting to the deputies.
    await c.query(
      `INSERT INTO post (unit_id, kind, code, name, title, seq)
       SELECT id, 'CHIEF', 'chief', '正职：全面负责', '全面负责', 0 FROM unit WHERE org_id = $1`,
      [orgId],
    );
    await c.query(
      `INSERT INTO post (unit_id, kind, code, name, title, seq, reports_to_id)
       SELECT p.unit_id, 'DEPUTY', 'deputy', '副职：协助正职', '协助正职', 1, p.id
         FROM post p JOIN unit u ON u.id = p.unit_id WHERE u.org_id = $1 AND p.kind = 'CHIEF'`,
      [orgId],
    );
    await c.query(
      `INSERT INTO post (unit_id, kind, code, name, title, seq, reports_to_id)
       SELECT p.unit_id, 'OFFICER', 'officer-' || n, '业务岗' || n || '：业务工作' || n, '业务工作' || n, 1 + n, p.id
         FROM post p JOIN unit u ON u.id = p.unit_id CROSS JOIN generate_series(1, $2::int) AS n
        WHERE u.org_id = $1 AND p.kind = 'DEPUTY'`,
      [orgId, shape.officersPerUnit],
    );
    // One person per post; the person row is created with the post's id order so holders are stable.
    await c.query(
      `WITH posts AS (
         SELECT p.id, row_number() OVER (ORDER BY u.code, p.seq) AS n
           FROM post p JOIN unit u ON u.id = p.unit_id WHERE u.org_id = $1
       ), people AS (
         INSERT INTO person (id, name, email)
         SELECT gen_random_uuid(), '人员' || n, 'p' || n || '@bench.example.cn' FROM posts
         RETURNING id, substring(email FROM 2 FOR position('@' IN email) - 2)::bigint AS n
       )
       INSERT INTO post_assignment (post_id, person_id, start_date)
       SELECT posts.id, people.id, DATE '2020-01-01' FROM posts JOIN people USING (n)`,
      [orgId],
    );
    const counts = await c.query<{ posts: string; persons: string }>(
      `SELECT count(*) AS posts, count(DISTINCT pa.person_id) AS persons
         FROM post p JOIN unit u ON u.id = p.unit_id LEFT JOIN post_assignment pa ON pa.post_id = p.id WHERE u.org_id = $1`,
      [orgId],
    );
    return { orgId, units: shape.units, posts: Number(counts.rows[0].posts), persons: Number(counts.rows[0].persons) };
  });
}

/**
 * Logins for the holders of the first `units` units, named `<unit code>-<post code>` (e.g.
 * `u00001-chief`, `u00001-officer-3`), all with BENCH_PASSWORD (one argon2id hash shared by all).
 */
export async function generateLogins(sql: Sql, orgId: string, units: number, password = BENCH_PASSWORD): Promise<number> {
  const hash = await argon2.hash(normalizePassword(password), { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
  const rows = await sql.query<{ n: string }>(
    `WITH inserted AS (
       INSERT INTO app_user (username, password_hash, person_id)
       SELECT u.code || '-' || p.code, $3, pa.person_id
         FROM unit u JOIN post p ON p.unit_id = u.id JOIN post_assignment pa ON pa.post_id = p.id
        WHERE u.org_id = $1 AND u.code <= 'u' || lpad($2::text, 5, '0')
       ON CONFLICT DO NOTHING RETURNING 1)
     SELECT count(*) AS n FROM inserted`,
    [orgId, units, hash],
  );
  return Number(rows[0].n);
}

export interface OpenTaskShape {
  /** Open tasks in all. */
  tasks: number;
  /** Of which this many have an escalation level due at `now`. */
  due: number;
  /** The sweep's "now"; must be a working day whose previous day is a working day too. */
  now: Date;
  /** Also write each task's hash-chained `task.created` event (as the application would). */
  history: boolean;
}

/** Local date (Asia/Shanghai) of an instant, and the instant that ends a local date (cut-off 24:00). */
const shanghaiDate = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
const endOfShanghaiDay = (date: string) => new Date(Date.parse(`${date}T00:00:00.000Z`) + 16 * 3_600_000);

/**
 * `tasks` open ad-hoc tasks spread round-robin over the officer posts, assigned to the holder.
 *
 * The first `due` tasks were due yesterday and already had their reminder (L0): their next level
 * (L1 逾期, to the assignee) fell due at yesterday's deadline, so one sweep at `now` records exactly
 * one level per task. The others are due 5 to 200 days later, their reminder not yet due.
 */
export async function generateOpenTasks(sql: Sql, orgId: string, shape: OpenTaskShape): Promise<void> {
  const yesterday = shanghaiDate(new Date(shape.now.getTime() - 86_400_000));
  const dueAt = endOfShanghaiDay(yesterday);
  const issuedAt = new Date(shape.now.getTime() - 20 * 86_400_000);
  await bulkLoad(sql, ['task', 'history_event'], (c) => c.query(
    `WITH officers AS (
       SELECT p.id, p.unit_id, pa.person_id, (row_number() OVER (ORDER BY p.id)) - 1 AS n
         FROM post p JOIN unit u ON u.id = p.unit_id JOIN post_assignment pa ON pa.post_id = p.id
        WHERE u.org_id = $1 AND p.kind = 'OFFICER'
     ), series AS (
       SELECT i, CASE WHEN i <= $3 THEN 0 ELSE 5 + (i % 196) END AS days_ahead FROM generate_series(1, $2::int) AS i
     )
     INSERT INTO task (kind, unit_id, post_id, assignee_person_id, title, status, review_steps, assigned_on, issued_at,
                       due_date, due_at, required_evidence, escalation_level, next_escalation_at, updated_at)
     SELECT 'AD_HOC', o.unit_id, o.id, o.person_id, '交办事项 ' || s.i,
            (CASE WHEN s.i % 3 = 0 THEN 'IN_PROGRESS' ELSE 'ISSUED' END)::task_status, '{DEPUTY}', $5::date - 20, $6,
            $5::date + s.days_ahead, $4::timestamptz + make_interval(days => s.days_ahead), '{}',
            CASE WHEN s.days_ahead = 0 THEN 0 ELSE -1 END,
            -- not yet due: the reminder at the start of the day before (good enough: after "now")
            CASE WHEN s.days_ahead = 0 THEN $4::timestamptz ELSE $4::timestamptz + make_interval(days => s.days_ahead - 1) END,
            $6
       FROM series s JOIN officers o ON o.n = s.i % (SELECT count(*) FROM officers)`,
    [orgId, shape.tasks, shape.due, dueAt, yesterday, issuedAt],
  ).then(async () => {
    if (shape.history) await generateCreationEvents(c, issuedAt);
  }));
  if (shape.history) await checkCreationEvents(sql, issuedAt);
}

/**
 * One `task.created` event per task, first of its stream, with the hash the application would
 * compute (canonical JSON of every chained field, built in SQL for this fixed shape). Checked
 * against eventHash on one row, so a change to the chain format fails here instead of silently.
 */
async function generateCreationEvents(c: pg.PoolClient, at: Date): Promise<void> {
  await c.query(
    `INSERT INTO history_event (stream, seq, at, type, subject_id, data, prev_hash, hash)
     SELECT 'task:' || t.id, 1, $1, 'task.created', t.id::text, '{"kind":"AD_HOC"}'::jsonb, $2,
            encode(sha256(convert_to(
              '{"actingForPostId":null,"actorPersonId":null,"actorUserId":null,"at":"' ||
              to_char($1::timestamptz AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') ||
              '","data":{"kind":"AD_HOC"},"prevHash":"' || $2 || '","seq":1,"stream":"task:' || t.id ||
              '","subjectId":"' || t.id || '","type":"task.created"}', 'UTF8')), 'hex')
       FROM task t`,
    [at, GENESIS_HASH],
  );
}

async function checkCreationEvents(sql: Sql, at: Date): Promise<void> {
  const [row] = await sql.query<{ stream: string; subject_id: string; hash: string }>(
    `SELECT stream, subject_id, hash FROM history_event WHERE type = 'task.created' ORDER BY id LIMIT 1`,
  );
  const expected = eventHash({
    stream: row.stream,
    seq: 1,
    at,
    type: 'task.created',
    actorUserId: null,
    actorPersonId: null,
    actingForPostId: null,
    subjectId: row.subject_id,
    data: { kind: 'AD_HOC' },
    prevHash: GENESIS_HASH,
  });
  if (expected !== row.hash) throw new Error('generated history hashes differ from eventHash: update generateCreationEvents');
}

export interface ScheduleShape {
  schedules: number;
  /** First occurrence date (local). */
  startDate: string;
}

/**
 * `schedules` schedules, each on its own work item of an officer post (round-robin), with a mix of
 * recurrences: 40 % weekly (RRULE), 30 % monthly on the 5th working day, 20 % monthly (RRULE, the
 * 15th), 10 % last working day of the quarter; deadlines 3 working days after the occurrence for
 * half of them, lead time 2 working days.
 */
export async function generateSchedules(sql: Sql, orgId: string, shape: ScheduleShape): Promise<void> {
  await sql.query(
    `WITH officers AS (
       SELECT p.id, (row_number() OVER (ORDER BY p.id)) - 1 AS n
         FROM post p JOIN unit u ON u.id = p.unit_id WHERE u.org_id = $1 AND p.kind = 'OFFICER'
     ), items AS (
       INSERT INTO work_item (post_id, seq, title, workflow_refs, required_evidence)
       SELECT o.id, s.i, '定期事项 ' || s.i, '{}', '{}'
         FROM generate_series(1, $2::int) AS s(i) JOIN officers o ON o.n = s.i % (SELECT count(*) FROM officers)
       RETURNING id, seq
     )
     INSERT INTO schedule (work_item_id, title, recurrence, deadline_rule, lead_workdays, start_date, checklist, required_evidence)
     SELECT id, '定期事项 ' || seq,
            CASE seq % 10
              WHEN 0 THEN '{"kind":"LAST_WORKDAY_OF","period":"QUARTER"}'
              WHEN 1 THEN '{"kind":"RRULE","rrule":"FREQ=MONTHLY;BYMONTHDAY=15"}'
              WHEN 2 THEN '{"kind":"RRULE","rrule":"FREQ=MONTHLY;BYMONTHDAY=15"}'
              WHEN 3 THEN '{"kind":"NTH_WORKDAY_OF_MONTH","n":5}'
              WHEN 4 THEN '{"kind":"NTH_WORKDAY_OF_MONTH","n":5}'
              WHEN 5 THEN '{"kind":"NTH_WORKDAY_OF_MONTH","n":5}'
              ELSE '{"kind":"RRULE","rrule":"FREQ=WEEKLY;BYDAY=FR"}'
            END::jsonb,
            CASE WHEN seq % 2 = 0 THEN '{"kind":"WORKDAYS_AFTER","days":3}'::jsonb END,
            2, $3::date, '{}', '{}'
       FROM items`,
    [orgId, shape.schedules, shape.startDate],
  );
}
