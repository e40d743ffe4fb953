import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createTestApi, type TestApi } from '../support/test-app.js';

const CLI = join(process.cwd(), 'dist/apps/cli/src/main.js');
const TASKS = 2000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * "A worker killed mid-batch loses nothing", for real: the compiled CLI sweeps 2,000 due
 * tasks and is SIGKILLed once some batches are committed and others not; a second sweep finishes.
 * Needs the build (`npm test` builds first). The CLI runs on the system clock: the tasks are due
 * weeks before any date these tests run on.
 */
describe('escalation sweep killed with SIGKILL mid-run', () => {
  let t: TestApi;

  beforeAll(async () => {
    t = await createTestApi({ jobs: false });
    // Every officer task of the planning section, due 2026-11-02: all four levels are due.
    await t.db.sql(
      `INSERT INTO task (kind, unit_id, post_id, assignee_person_id, title, status, review_steps, assigned_on, issued_at,
                         due_date, due_at, next_escalation_at)
       SELECT 'AD_HOC', p.unit_id, p.id, a.person_id, '强杀' || g, 'IN_PROGRESS', '{DEPUTY}', '2026-10-20', '2026-10-20T02:00:00Z',
              '2026-11-02', '2026-11-02T16:00:00Z', '2026-11-01T16:00:00Z'
         FROM generate_series(1, $1::int) g
         JOIN post p ON p.code = 'officer-' || (1 + g % 4)
         JOIN post_assignment a ON a.post_id = p.id`,
      [TASKS],
    );
  }, 60_000);
  afterAll(() => t.close());

  const sweep = (): ChildProcess =>
    spawn(process.execPath, [CLI, 'sweep', '--json'], { env: { PATH: process.env.PATH, DATABASE_URL: t.db.url, LOG_LEVEL: 'error' }, stdio: 'pipe' });
  const exited = (child: ChildProcess) =>
    new Promise<{ code: number | null; signal: string | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const levels = async () =>
    (await t.db.sql(`SELECT count(*)::int n FROM escalation e JOIN task k ON k.id = e.task_id WHERE k.title LIKE '强杀%'`))[0].n as number;

  it('keeps every committed batch whole, and the next sweep records each remaining level exactly once with its outbox entries', async () => {
    const first = sweep();
    const firstExit = exited(first);
    let atKill = 0;
    // Kill as soon as a batch is committed (the CLI sweeps in batches of 500 tasks, one transaction each).
    for (const started = Date.now(); Date.now() - started < 40_000; await sleep(5)) {
      atKill = await levels();
      if (atKill > 0) break;
    }
    first.kill('SIGKILL');
    expect(await firstExit).toEqual({ code: null, signal: 'SIGKILL' });
    expect(atKill).toBeGreaterThan(0);

    // The killed process's open transaction ends when PostgreSQL notices the closed connection.
    for (let i = 0; i < 200; i++) {
      const [open] = await t.db.sql(
        `SELECT count(*)::int n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND xact_start IS NOT NULL`,
      );
      if (open.n === 0) break;
      await sleep(50);
    }
    const afterKill = await levels();
    // Killed mid-run: some work committed, not all of it.
    expect(afterKill).toBeGreaterThan(0);
    expect(afterKill).toBeLessThan(TASKS * 4);
    // Per task all or nothing: a committed task has its four levels, its history and its next time cleared.
    const [partial] = await t.db.sql(`SELECT count(*)::int n FROM task k WHERE k.title LIKE '强杀%' AND
      (SELECT count(*) FROM escalation e WHERE e.task_id = k.id) NOT IN (0, 4)`);
    expect(partial.n).toBe(0);
    const [inconsistent] = await t.db.sql(`SELECT count(*)::int n FROM task k WHERE k.title LIKE '强杀%' AND
      (k.escalation_level = 3) <> EXISTS (SELECT 1 FROM escalation e WHERE e.task_id = k.id)`);
    expect(inconsistent.n).toBe(0);

    const second = sweep();
    let out = '';
    second.stdout!.on('data', (d: Buffer) => (out += d));
    expect(await exited(second)).toEqual({ code: 0, signal: null });
    expect(JSON.parse(out)).toMatchObject({ escalations: expect.any(Number) });

    const [counts] = await t.db.sql(`SELECT count(*)::int n, count(DISTINCT (e.task_id, e.level, e.cycle))::int d, count(DISTINCT e.task_id)::int tasks
      FROM escalation e JOIN task k ON k.id = e.task_id WHERE k.title LIKE '强杀%'`);
    expect(counts).toEqual({ n: TASKS * 4, d: TASKS * 4, tasks: TASKS });
    const [events] = await t.db.sql(`SELECT count(*)::int n FROM history_event h JOIN task k ON h.stream = 'task:' || k.id
      WHERE k.title LIKE '强杀%' AND h.type = 'escalation.raised'`);
    expect(events.n).toBe(TASKS * 4);
    // Outbox: one in-app message per task and recipient (assignee L1, deputy L2, chief L3), never two.
    const [outbox] = await t.db.sql(`SELECT count(*)::int n, count(DISTINCT (o.task_id, o.recipient_person_id))::int pairs
      FROM outbox o JOIN task k ON k.id = o.task_id WHERE k.title LIKE '强杀%' AND o.channel = 'IN_APP'`);
    expect(outbox).toEqual({ n: TASKS * 3, pairs: TASKS * 3 });
    const [unsent] = await t.db.sql(`SELECT count(*)::int n FROM escalation e JOIN task k ON k.id = e.task_id
      WHERE k.title LIKE '强杀%' AND e.level >= 1 AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.escalation_id = e.id AND o.channel = 'IN_APP')`);
    expect(unsent.n).toBe(0);
    expect((await t.db.sql(`SELECT count(*)::int n FROM task WHERE title LIKE '强杀%' AND next_escalation_at IS NOT NULL`))[0].n).toBe(0);
  }, 90_000);
});
