/**
 * `npm run bench -- api`: the read API under a fixed load with 1M tasks in the database.
 *
 * The data set (bench/api/api-data.ts) is built by SQL in its own database `dt_bench_api` (reused
 * with --reuse while its parameters and date match). The API runs in a child process (the real
 * createApiApp, no jobs); autocannon drives it from this process at a fixed rate, as users who
 * logged in through the API: officers reading single tasks, their task lists ("my tasks") and their
 * inboxes, and chiefs reading their unit's escalation report. On request (--only) also the
 * fulfilment and coverage reports (chiefs) and the supervision board (deputies); with --units 20
 * each unit has 50,000 tasks, and --rate 5 --connections 1 measures one request at a time.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSealKey } from '#libs/history';
import { benchDatabaseUrl, benchOptions, ensureDataset, machine, openSql, printTable, sized, withDatabase, writeResult, BENCH_PASSWORD, type Cell } from '../lib/index.js';
import { generateApiData, pickUsers } from './api-data.js';
import { runLoad, type LoadFigures, type LoadRequest } from './load.js';
import { runPacedLoad } from './paced-load.js';

const USAGE = `npm run bench -- api [options]
  --tasks N          tasks in the database (default 1,000,000 × scale)
  --units N          sections the tasks are spread over (default one per 5,000 tasks; 20 for
                     50,000 tasks a unit, in its own database dt_bench_api_u20)
  --rate N           requests per second, all connections together (default 300)
  --duration S       seconds of load per scenario (default 30)
  --warmup S         seconds of unmeasured load before each scenario (default 3)
  --connections N    connections (default 10, autocannon's own default; 50 makes each second's
                     burst 50 requests deep)
  --only LIST        scenarios, comma-separated: task,my-tasks,inbox,report,report-fulfilment,
                     report-coverage,board (default: the first four)
  --period P         the reports' period: month (the last calendar month, default) or year (the
                     last 12 calendar months)
  --reuse            keep the data set when it was built with the same parameters today
  --server-prof DIR  write a V8 CPU profile of the API process into DIR
  --paced            send at an even pace (one request every 1000/rate ms, open loop) instead of
                     autocannon's per-second quota, which sends each second's requests in a burst
  --scale F          fraction of the issue's sizes (e.g. 0.05)`;

const here = dirname(fileURLToPath(import.meta.url));
const SCENARIOS = ['task', 'my-tasks', 'inbox', 'report', 'report-fulfilment', 'report-coverage', 'board'] as const;
type Scenario = (typeof SCENARIOS)[number];
/** The load scenarios run without --only; the other reports are measured one request at a time. */
const DEFAULT_SCENARIOS: Scenario[] = ['task', 'my-tasks', 'inbox', 'report'];

/** p99 targets of the issue: single reads 50 ms, reports 300 ms. */
const TARGET_P99_MS: Record<Scenario, number> = { task: 50, 'my-tasks': 50, inbox: 50, report: 300, 'report-fulfilment': 300, 'report-coverage': 300, board: 300 };
const DESCRIPTION: Record<Scenario, string> = {
  task: 'GET /api/tasks/:id',
  'my-tasks': 'GET /api/tasks?mine=true&status=<open>',
  inbox: 'GET /api/inbox',
  report: 'GET /api/reports/escalations',
  'report-fulfilment': 'GET /api/reports/fulfilment',
  'report-coverage': 'GET /api/reports/coverage',
  board: 'GET /api/units/:id/board',
};

export async function run(args: string[]): Promise<void> {
  const { values, scale } = benchOptions(
    args,
    {
      tasks: { type: 'string' },
      units: { type: 'string' },
      rate: { type: 'string' },
      duration: { type: 'string' },
      warmup: { type: 'string' },
      connections: { type: 'string' },
      only: { type: 'string' },
      period: { type: 'string' },
      reuse: { type: 'boolean' },
      'server-prof': { type: 'string' },
      paced: { type: 'boolean' },
    },
    USAGE,
  );
  const tasks = sized(values.tasks, 1_000_000, scale, 1000);
  const units = values.units === undefined ? undefined : sized(values.units, 1, 1);
  const rate = sized(values.rate, 300, 1);
  const seconds = sized(values.duration, 30, 1);
  const warmup = sized(values.warmup, 3, 1, 0);
  // autocannon's own default, so `-R 300 -d 30` on the command line measures the same thing.
  const connections = sized(values.connections, 10, 1);
  const load = values.paced ? runPacedLoad : runLoad;
  const only = (values.only?.split(',').map((s) => s.trim()) ?? DEFAULT_SCENARIOS) as Scenario[];
  if (values.period !== undefined && !['month', 'year'].includes(values.period)) throw new Error(`--period is month or year, got "${values.period}"`);
  for (const s of only) if (!SCENARIOS.includes(s)) throw new Error(`unknown scenario "${s}" (${SCENARIOS.join(', ')})`);

  // Another spread gets its own database, so the default one stays reusable.
  const url = withDatabase(benchDatabaseUrl(), units === undefined ? 'dt_bench_api' : `dt_bench_api_u${units}`);
  // The data is laid out around the day it was generated: a reuse on another day rebuilds it.
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  console.log(`api: ${tasks.toLocaleString('en')} tasks in ${url.replace(/\/\/[^@]*@/, '//')}`);
  const dataset = await ensureDataset(
    url,
    { benchmark: 'api', tasks, units, today, version: 2 },
    async (sql) => {
      await generateApiData(sql, { tasks, units }, (line) => console.log(line));
    },
    { reuse: !!values.reuse },
  );
  console.log(dataset.reused ? '  data set reused' : `  data set built in ${(dataset.ms / 1000).toFixed(0)} s`);

  const sql = openSql(url, 2);
  const orgId = await sql.scalar<string>(`SELECT id::text FROM organisation LIMIT 1`);
  const counts = (await sql.query(`SELECT (SELECT count(*) FROM task)::int AS tasks,
      (SELECT count(*) FROM task WHERE status NOT IN ('DONE', 'CANCELLED'))::int AS open,
      (SELECT count(*) FROM escalation)::int AS escalations, (SELECT count(*) FROM post)::int AS posts,
      (SELECT count(*) FROM unit)::int AS units`))[0]!;
  const users = await pickUsers(sql, 20, 10, 10);
  await sql.end();

  const server = await startServer(url, orgId, values['server-prof']);
  try {
    const base = `http://127.0.0.1:${server.port}`;
    const tokens = new Map<string, string>();
    for (const u of [...users.officers, ...users.chiefs, ...users.deputies]) tokens.set(u.username, await login(base, u.username));
    const auth = (username: string) => ({ authorization: `Bearer ${tokens.get(username)!}` });

    const month = values.period === 'year' ? previousMonths(today, 12) : previousMonth(today);
    const chiefReport = (report: string) =>
      users.chiefs.map((c) => ({ path: `/api/reports/${report}?unitId=${c.unitId}&from=${month.from}&to=${month.to}`, headers: auth(c.username) }));
    const requests: Record<Scenario, LoadRequest[]> = {
      // Interleaved: consecutive requests come from different people.
      task: interleave(users.officers.map((o) => o.taskIds.map((id) => ({ path: `/api/tasks/${id}`, headers: auth(o.username) })))),
      'my-tasks': users.officers.map((o) => ({
        path: '/api/tasks?mine=true&status=ISSUED,ACCEPTED,IN_PROGRESS,SUBMITTED,REVIEWED&sort=dueAt&order=asc&pageSize=20',
        headers: auth(o.username),
      })),
      inbox: users.officers.map((o) => ({ path: '/api/inbox', headers: auth(o.username) })),
      report: chiefReport('escalations'),
      'report-fulfilment': chiefReport('fulfilment'),
      'report-coverage': chiefReport('coverage'),
      board: users.deputies.map((d) => ({ path: `/api/units/${d.unitId}/board`, headers: auth(d.username) })),
    };
    const sizes = await responseSizes(base, only, requests);

    // Other work on the machine shows here: figures from a busy machine are read with it.
    const loadBefore = loadavg()[0]!;
    const figures: Partial<Record<Scenario, LoadFigures>> = {};
    const apiCpu: Partial<Record<Scenario, number>> = {};
    // Where the machine's CPU went per request: the API process, this process (the load generator),
    // and the rest (PostgreSQL, the kernel), from the machine's own busy time.
    const generatorCpu: Partial<Record<Scenario, number>> = {};
    const otherCpu: Partial<Record<Scenario, number>> = {};
    for (const scenario of only) {
      process.stdout.write(`  ${scenario}: ${rate} req/s for ${seconds} s … `);
      if (warmup > 0) await load(base, requests[scenario], { rate, seconds: warmup, connections });
      const cpuBefore = await server.cpuMs();
      const generatorBefore = process.cpuUsage();
      const busyBefore = machineBusyMs();
      figures[scenario] = await load(base, requests[scenario], { rate, seconds, connections });
      const n = Math.max(1, figures[scenario].requests);
      const generator = process.cpuUsage(generatorBefore);
      apiCpu[scenario] = ((await server.cpuMs()) - cpuBefore) / n;
      generatorCpu[scenario] = (generator.user + generator.system) / 1000 / n;
      otherCpu[scenario] = Math.max(0, (machineBusyMs() - busyBefore) / n - apiCpu[scenario] - generatorCpu[scenario]);
      console.log(`p99 ${figures[scenario].p99} ms`);
    }

    const rows: Record<string, Cell>[] = only.map((s) => {
      const f = figures[s]!;
      return {
        scenario: s,
        request: DESCRIPTION[s],
        'rows/answer': sizes[s],
        'req/s': f.rps,
        'p50 ms': f.p50,
        'p97.5 ms': f.p97_5,
        'p99 ms': f.p99,
        'max ms': f.max,
        non2xx: f.non2xx,
        errors: f.errors + f.timeouts,
        'API CPU ms/req': apiCpu[s],
        'load gen. CPU ms/req': generatorCpu[s],
        'other CPU ms/req': otherCpu[s],
        'target p99': `< ${TARGET_P99_MS[s]} ms`,
        verdict: f.p99 < TARGET_P99_MS[s] && f.non2xx === 0 && f.errors + f.timeouts === 0 ? 'met' : 'MISSED',
      };
    });
    printTable(
      `api: ${counts.tasks.toLocaleString('en')} tasks in ${counts.units} units (${counts.open.toLocaleString('en')} open, ${counts.escalations.toLocaleString('en')} escalations, ${counts.posts.toLocaleString('en')} posts), ${rate} req/s offered, ${seconds} s per scenario, ${connections} connections, ${values.paced ? 'evenly paced' : 'autocannon per-second quota'}, reports over ${month.from} – ${month.to}`,
      rows,
    );
    console.log(`load average (1 min): ${loadBefore.toFixed(1)} before, ${loadavg()[0]!.toFixed(1)} after, on ${machine().cpus as number} CPUs`);
    const file = writeResult('api', {
      machine: machine({ loadAverage1m: { before: loadBefore, after: loadavg()[0] } }),
      parameters: { tasks, units: counts.units, rate, seconds, warmup, connections, paced: !!values.paced, officers: users.officers.length, chiefs: users.chiefs.length, reportPeriod: month },
      data: counts,
      results: Object.fromEntries(only.map((s) => [s, { request: DESCRIPTION[s], rowsPerAnswer: sizes[s], targetP99Ms: TARGET_P99_MS[s], apiCpuMsPerRequest: apiCpu[s], generatorCpuMsPerRequest: generatorCpu[s], otherCpuMsPerRequest: otherCpu[s], ...figures[s] }])),
    });
    console.log(`\nwritten to ${file}`);
  } finally {
    await server.stop();
  }
}

interface RunningServer {
  port: number;
  /** CPU time the API process has used so far, in milliseconds. */
  cpuMs(): Promise<number>;
  stop(): Promise<void>;
}

/** Forks bench/api/api-server.js on the data set and waits for its port. */
async function startServer(databaseUrl: string, orgId: string, profileDir: string | undefined): Promise<RunningServer> {
  const child: ChildProcess = fork(join(here, 'api-server.js'), [], {
    execArgv: profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      AUTH_TOKEN_SECRET: randomBytes(48).toString('base64'),
      HISTORY_SEAL_KEY: generateSealKey(),
      AUTH_ACCESS_TTL_SECONDS: '3600',
      LOG_LEVEL: 'warn',
      BENCH_ORG_ID: orgId,
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m: { port?: number }) => (m.port ? resolve(m.port) : reject(new Error('api server sent no port'))));
    child.once('exit', (code) => reject(new Error(`api server exited with ${code} before listening`)));
  });
  return {
    port,
    cpuMs: () =>
      new Promise<number>((resolve) => {
        const onMessage = (m: { type?: string; micros?: number }) => {
          if (m.type !== 'cpu') return;
          child.off('message', onMessage);
          resolve(m.micros! / 1000);
        };
        child.on('message', onMessage);
        child.send({ type: 'cpu' });
      }),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

async function login(base: string, username: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: BENCH_PASSWORD }),
  });
  if (!res.ok) throw new Error(`login of ${username} failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

/**
 * One request of each kind before the load: each must answer 200, and what it returns is counted
 * (items in a task list, open tasks in an inbox, escalations in a report, tasks due in the
 * fulfilment report, work items covered, open tasks on the board), so the figures are read against
 * answers that carry content. The reports' content is also printed, one line per answer.
 */
async function responseSizes(base: string, scenarios: Scenario[], requests: Record<Scenario, LoadRequest[]>): Promise<Record<Scenario, string>> {
  const sizes = {} as Record<Scenario, string>;
  for (const scenario of scenarios) {
    const counts: number[] = [];
    for (const r of requests[scenario].slice(0, 10)) {
      const res = await fetch(base + r.path, { headers: r.headers });
      if (res.status !== 200) throw new Error(`${r.path} answered ${res.status}: ${await res.text()}`);
      const body = (await res.json()) as Record<string, unknown>;
      const { count, detail } = answerContent(scenario, body);
      counts.push(count);
      if (detail) console.log(`  ${scenario}: ${detail}`);
    }
    const min = Math.min(...counts);
    const max = Math.max(...counts);
    sizes[scenario] = min === max ? String(min) : `${min}–${max}`;
  }
  return sizes;
}

/** What one answer carries, read loosely (for counting, not checking the shape). */
function answerContent(scenario: Scenario, body: any): { count: number; detail?: string } {
  switch (scenario) {
    case 'task':
      return { count: body.task.escalations.length + body.history.length };
    case 'my-tasks':
      return { count: body.items.length };
    case 'inbox':
      return { count: body.total };
    case 'report':
      return { count: body.items.length };
    case 'report-fulfilment': {
      const t = body.totals;
      return {
        count: t.due,
        detail: `${t.due} due, ${t.doneOnTime} on time, ${t.doneLate} late, ${t.open} open (${t.openOverdue} overdue), ${t.extensionsGranted} extensions granted; ${body.byPost.length} posts, ${body.byPerson.length} people, ${body.byWorkItem.length} work items`,
      };
    }
    case 'report-coverage': {
      const s = body.summary;
      return {
        count: s.workItems,
        detail: `${s.workItems} work items: ${s.withTasks} with tasks, ${s.withoutTasks} without, ${s.withEvidence} with evidence; ${s.responsibilities} responsibilities, ${s.responsibilitiesExercised} exercised`,
      };
    }
    case 'board': {
      const t = body.totals;
      return { count: t.open, detail: `${body.posts.length} posts, totals ${JSON.stringify(t)}, ${body.supervisionDuties.length} supervision duties` };
    }
  }
}

function interleave<T>(lists: T[][]): T[] {
  const out: T[] = [];
  for (let i = 0; lists.some((l) => i < l.length); i++) for (const l of lists) if (i < l.length) out.push(l[i]!);
  return out;
}

/** The calendar month before `today` (YYYY-MM-DD), as a chief would read last month's report. */
function previousMonth(today: string): { from: string; to: string } {
  return previousMonths(today, 1);
}

/** The `n` calendar months before the month of `today`. */
function previousMonths(today: string, n: number): { from: string; to: string } {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const first = new Date(Date.UTC(y, m - 1 - n, 1));
  const last = new Date(Date.UTC(y, m - 1, 0));
  return { from: first.toISOString().slice(0, 10), to: last.toISOString().slice(0, 10) };
}

/** CPU time all CPUs of the machine have spent busy so far (not idle, not waiting for I/O), in ms. */
function machineBusyMs(): number {
  return cpus().reduce((sum, c) => sum + c.times.user + c.times.nice + c.times.sys + c.times.irq, 0);
}
