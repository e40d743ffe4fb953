/**
 * `npm run bench -- sweep`: 1M open tasks, 100k of them newly due (one level each). Times the real
 * SweepService escalating all of them, next to the physical ceiling — the same claim + escalation
 * insert + outbox rows + task advance as ONE hand-written SQL statement per batch — on an identical
 * copy of the data (CREATE DATABASE … TEMPLATE). Then checks both copies: nothing missing, nothing
 * twice.
 */
import { SweepService } from '#libs/escalation';
import {
  benchDatabaseUrl,
  benchOptions,
  bootContext,
  cloneDatabase,
  databaseName,
  dropDatabase,
  ensureDataset,
  generateOpenTasks,
  generateOrganisation,
  loadCalendar,
  machine,
  openSql,
  printTable,
  serverVersion,
  sized,
  timed,
  writeResult,
  type Sql,
} from '../lib/index.js';

const USAGE = `usage: npm run bench -- sweep [options]
  --tasks N      open tasks (default 1,000,000 × scale)
  --due N        of which newly due, one level each (default 100,000 × scale)
  --units N      units of 1 chief + 1 deputy + officers (default 2,500 × scale)
  --officers N   officers per unit (default 8)
  --batch N      tasks per sweep transaction, both runs (default 1,000)
  --workers N    concurrent sweepers, both runs (default 1)
  --scale F      multiply the default sizes (e.g. 0.05 for a quick run)
  --reuse        keep the generated database when its parameters match
  --keep         keep the two run databases afterwards (for inspection)`;

// A Thursday 10:00 in Shanghai: yesterday was a working day, e-mail is inside working hours.
const NOW = new Date('2026-11-26T02:00:00.000Z');

export async function run(args: string[]): Promise<void> {
  const { values, scale } = benchOptions(
    args,
    {
      tasks: { type: 'string' },
      due: { type: 'string' },
      units: { type: 'string' },
      officers: { type: 'string' },
      batch: { type: 'string' },
      workers: { type: 'string' },
      reuse: { type: 'boolean' },
      keep: { type: 'boolean' },
    },
    USAGE,
  );
  const tasks = sized(values.tasks, 1_000_000, scale);
  const due = Math.min(tasks, sized(values.due, 100_000, scale));
  const units = sized(values.units, 2_500, scale);
  const officersPerUnit = sized(values.officers, 8, 1);
  const batch = sized(values.batch, 1_000, 1);
  const workers = sized(values.workers, 1, 1);
  const base = benchDatabaseUrl();
  // Smaller runs get their own database, so a development run keeps the full data set reusable.
  const template = `${databaseName(base)}_sweep${tasks === 1_000_000 ? '' : `_${tasks}`}`;
  const templateUrl = new URL(base);
  templateUrl.pathname = `/${template}`;

  console.log(`sweep: ${tasks.toLocaleString()} open tasks, ${due.toLocaleString()} due, ${units.toLocaleString()} units × ${officersPerUnit + 2} posts; batch ${batch}, ${workers} sweeper(s)`);
  const built = await ensureDataset(
    templateUrl.toString(),
    { v: 1, tasks, due, units, officersPerUnit, now: NOW.toISOString() },
    async (sql) => {
      const org = await generateOrganisation(sql, { units, officersPerUnit });
      const ctx = await bootContext({ databaseUrl: templateUrl.toString() });
      try {
        await loadCalendar(ctx, org.orgId);
      } finally {
        await ctx.close();
      }
      await generateOpenTasks(sql, org.orgId, { tasks, due, now: NOW, history: true });
    },
    { reuse: values.reuse ?? false },
  );
  console.log(built.reused ? 'data: reused' : `data: generated in ${(built.ms / 1000).toFixed(1)} s`);

  const realUrl = await cloneDatabase(templateUrl.toString(), `${template}_real`);
  const ceilingUrl = await cloneDatabase(templateUrl.toString(), `${template}_ceiling`);
  try {
    const real = await runReal(realUrl, batch, workers);
    const ceiling = await runCeiling(ceilingUrl, batch, workers);
    const realCheck = await check(realUrl, due, true);
    const ceilingCheck = await check(ceilingUrl, due, false);

    const rows = [
      { run: 'SweepService.sweep (real code)', tasks: real.tasks, escalations: real.escalations, 'outbox rows': realCheck.outbox, seconds: real.ms / 1000, 'tasks/s': rate(real.tasks, real.ms) },
      { run: 'one SQL statement per batch (ceiling)', tasks: ceiling.tasks, escalations: ceiling.escalations, 'outbox rows': ceilingCheck.outbox, seconds: ceiling.ms / 1000, 'tasks/s': rate(ceiling.tasks, ceiling.ms) },
    ];
    printTable('Sweep', rows);
    const ratio = rate(real.tasks, real.ms) / rate(ceiling.tasks, ceiling.ms);
    console.log(`\nratio real/ceiling: ${ratio.toFixed(2)} (target ≥ 0.5) ${ratio >= 0.5 ? 'met' : 'NOT met'}`);
    printTable('Checks (each copy)', [
      { copy: 'real', ...realCheck },
      { copy: 'ceiling', ...ceilingCheck },
    ]);
    const ok = [realCheck, ceilingCheck].every((c) => c.missing === 0 && c.duplicates === 0 && c.stillDue === 0 && c.escalations === due);
    console.log(ok ? 'verified: every due task escalated exactly once in both runs' : 'VERIFICATION FAILED: see the checks above');

    const sql = openSql(realUrl, 1);
    const postgres = await serverVersion(sql).finally(() => sql.end());
    const file = writeResult('sweep', {
      parameters: { tasks, due, units, officersPerUnit, batch, workers, now: NOW.toISOString() },
      real: { ...real, tasksPerSecond: rate(real.tasks, real.ms), checks: realCheck },
      ceiling: { ...ceiling, tasksPerSecond: rate(ceiling.tasks, ceiling.ms), checks: ceilingCheck },
      ratio,
      verified: ok,
      machine: machine({ postgres }),
    });
    console.log(`written ${file}`);
  } finally {
    if (!values.keep) {
      await dropDatabase(realUrl);
      await dropDatabase(ceilingUrl);
    }
  }
}

const rate = (n: number, ms: number) => (ms > 0 ? (n * 1000) / ms : 0);

async function runReal(url: string, batch: number, workers: number) {
  const ctx = await bootContext({ databaseUrl: url, now: NOW });
  try {
    const sweeper = ctx.app.get(SweepService);
    const { result, ms } = await timed(() => Promise.all(Array.from({ length: workers }, () => sweeper.sweep({ batchSize: batch }))));
    return { tasks: sum(result.map((r) => r.tasks)), escalations: sum(result.map((r) => r.escalations)), messages: sum(result.map((r) => r.messages)), ms };
  } finally {
    await ctx.close();
  }
}

/**
 * The ceiling: claim (SKIP LOCKED) + insert the level under the unique key + outbox rows (in-app,
 * and e-mail for people with an address) + advance the task, one statement per batch, autocommit.
 * Same rows as the real sweep minus what only application code can do (history hash chain, the
 * working-day arithmetic of the next level: here simply one day later).
 */
const CEILING = `
WITH due AS (
  SELECT t.id, t.unit_id, t.assignee_person_id, t.title, t.due_date, t.due_at, t.post_id, t.escalation_cycle
    FROM task t
   WHERE t.next_escalation_at IS NOT NULL AND t.next_escalation_at <= $1
     AND t.status NOT IN ('DONE', 'CANCELLED')
   ORDER BY t.next_escalation_at
   LIMIT $2
     FOR UPDATE OF t SKIP LOCKED
), esc AS (
  INSERT INTO escalation (task_id, unit_id, level, cycle, due_at, recipients, overdue_workdays)
  SELECT d.id, d.unit_id, 1, d.escalation_cycle, d.due_at,
         jsonb_build_object('role', 'ASSIGNEE', 'personIds', jsonb_build_array(d.assignee_person_id), 'viaPostId', NULL, 'bureauLeader', false), 0
    FROM due d
  ON CONFLICT (task_id, level, cycle) DO NOTHING
  RETURNING id, task_id
), msg AS (
  SELECT e.id AS escalation_id, d.id AS task_id, d.assignee_person_id AS person_id, pe.email,
         jsonb_build_object('kind', 'ESCALATION', 'level', 1, 'levelName', '逾期', 'colour', 'yellow', 'taskId', d.id,
           'taskTitle', d.title, 'postName', p.name, 'unitName', u.name, 'assigneeName', pe.name,
           'dueDate', to_char(d.due_date, 'YYYY-MM-DD'), 'overdueWorkdays', 0, 'link', 'http://localhost:3000/tasks/' || d.id) AS payload
    FROM esc e JOIN due d ON d.id = e.task_id JOIN post p ON p.id = d.post_id JOIN unit u ON u.id = p.unit_id
    JOIN person pe ON pe.id = d.assignee_person_id
), ob AS (
  INSERT INTO outbox (channel, recipient_person_id, escalation_id, task_id, payload, available_at)
  SELECT 'IN_APP'::outbox_channel, person_id, escalation_id, task_id, payload, $1 FROM msg
  UNION ALL
  SELECT 'EMAIL'::outbox_channel, person_id, escalation_id, task_id, payload, $1 FROM msg WHERE email IS NOT NULL
  RETURNING 1
), adv AS (
  UPDATE task t SET escalation_level = 1, next_escalation_at = t.due_at + interval '1 day'
    FROM due WHERE t.id = due.id
  RETURNING 1
)
SELECT (SELECT count(*) FROM due)::int AS claimed, (SELECT count(*) FROM esc)::int AS escalations,
       (SELECT count(*) FROM ob)::int AS outbox, (SELECT count(*) FROM adv)::int AS advanced`;

async function runCeiling(url: string, batch: number, workers: number) {
  const sql = openSql(url, workers);
  try {
    const one = async () => {
      const total = { tasks: 0, escalations: 0 };
      for (;;) {
        const [r] = await sql.query<{ claimed: number; escalations: number }>(CEILING, [NOW, batch]);
        total.tasks += r.claimed;
        total.escalations += r.escalations;
        if (r.claimed < batch) return total;
      }
    };
    const { result, ms } = await timed(() => Promise.all(Array.from({ length: workers }, one)));
    return { tasks: sum(result.map((r) => r.tasks)), escalations: sum(result.map((r) => r.escalations)), ms };
  } finally {
    await sql.end();
  }
}

/** What a run left behind: every due task has its level once, nothing is still due. */
async function check(url: string, due: number, withHistory: boolean) {
  const sql: Sql = openSql(url, 1);
  try {
    const [r] = await sql.query<Record<string, string>>(
      `SELECT (SELECT count(*) FROM escalation) AS escalations,
              (SELECT count(*) FROM (SELECT 1 FROM escalation GROUP BY task_id, level, cycle HAVING count(*) > 1) d) AS duplicates,
              (SELECT count(*) FROM task t WHERE t.due_at <= $1 AND NOT EXISTS
                 (SELECT 1 FROM escalation e WHERE e.task_id = t.id AND e.level = 1)) AS missing,
              (SELECT count(*) FROM task WHERE next_escalation_at <= $1 AND status NOT IN ('DONE', 'CANCELLED')) AS still_due,
              (SELECT count(*) FROM outbox) AS outbox,
              (SELECT count(*) FROM outbox o WHERE NOT EXISTS (SELECT 1 FROM escalation e WHERE e.id = o.escalation_id)) AS orphan_outbox,
              (SELECT count(*) FROM history_event WHERE type = 'escalation.raised') AS history`,
      [NOW],
    );
    const n = (k: string) => Number(r[k]);
    if (n('escalations') !== due) console.warn(`expected ${due} escalations, found ${n('escalations')}`);
    return {
      escalations: n('escalations'),
      duplicates: n('duplicates'),
      missing: n('missing'),
      stillDue: n('still_due'),
      outbox: n('outbox'),
      orphanOutbox: n('orphan_outbox'),
      history: withHistory ? n('history') : null,
    };
  } finally {
    await sql.end();
  }
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
