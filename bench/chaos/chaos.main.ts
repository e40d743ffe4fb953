/**
 * `npm run chaos [-- --tasks 10000 --duration 180 --kill-every 10 --settle 900 --keep]`
 *
 * Escalation and delivery under faults, on services this run starts itself (its own embedded
 * PostgreSQL, redis-server and SMTP sink — never the machine's shared ones): 10k tasks cross their
 * deadlines while 2 production workers are SIGKILLed in turn every 10 s, Redis is restarted twice
 * (losing every key) and PostgreSQL once. Afterwards: no missing or duplicate escalation level,
 * every outbox row delivered within 5 minutes of the last fault, and duplicate e-mails (by
 * Message-ID) no more than the sends in flight at the faults. Exits non-zero only if it could not run.
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyMigrations, projectRoot } from '#libs/core';
import { generateSealKey } from '#libs/history';
import { ChaosCheck } from './chaos-check.js';
import { POISON_DUE_DATE, loadChaosData, type ChaosData } from './chaos-data.js';
import { parseChaosOptions, type ChaosOptions } from './chaos-options.js';
import { LocalPostgres, LocalRedis, freePort, logPath } from './local-services.js';
import { SmtpRecorder, outboxIdOf } from './smtp-recorder.js';
import { WorkerPool } from './worker-pool.js';
import { buildReport, printReport, type FaultRecord } from './chaos-report.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const WORKERS = 2;
/** Deliveries must be done this long after the last fault (issue #10). */
const DELIVERY_WINDOW_MS = 5 * 60_000;

interface Services {
  tmp: string;
  pg?: LocalPostgres;
  redis?: LocalRedis;
  smtp?: SmtpRecorder;
  workers?: WorkerPool;
}

const started: Services = { tmp: '' };
let cleaning: Promise<void> | undefined;

function cleanup(keep: boolean): Promise<void> {
  cleaning ??= (async () => {
    await started.workers?.stopAll().catch(() => undefined);
    await started.redis?.stop().catch(() => undefined);
    await started.pg?.stop().catch(() => undefined);
    await started.smtp?.stop().catch(() => undefined);
    // PostgreSQL may still be removing its files right after stopping: retry briefly.
    if (started.tmp && !keep) {
      try {
        rmSync(started.tmp, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
      } catch (e) {
        console.error(`[chaos] could not remove ${started.tmp}: ${(e as Error).message}`);
      }
    }
  })();
  return cleaning;
}

function say(t0: number, message: string): void {
  const at = t0 ? `+${((performance.now() - t0) / 1000).toFixed(1).padStart(6)} s ` : '';
  console.log(`[chaos] ${at}${message}`);
}

async function run(options: ChaosOptions): Promise<void> {
  const root = projectRoot();
  const resultsDir = join(root, 'bench/results');
  const logDir = join(resultsDir, 'chaos-logs');
  rmSync(logDir, { recursive: true, force: true });
  mkdirSync(logDir, { recursive: true });
  started.tmp = mkdtempSync(join(tmpdir(), 'dt-chaos-'));
  // Run as root, PostgreSQL runs as the system user `postgres`, which must reach its data dir.
  chmodSync(started.tmp, 0o755);
  say(0, `own services under ${started.tmp}, logs in ${logDir}`);

  const pg = (started.pg = new LocalPostgres(join(started.tmp, 'pg-data'), await freePort()));
  const databaseUrl = await pg.start();
  await applyMigrations(databaseUrl);
  const redis = (started.redis = new LocalRedis(join(started.tmp, 'redis'), await freePort(), logPath(logDir, 'redis.log')));
  await redis.start();
  const smtp = (started.smtp = new SmtpRecorder());
  await smtp.start();
  say(0, `PostgreSQL :${pg.port}, Redis :${redis.port}, SMTP sink ${smtp.url}`);

  // Workers take a few seconds to boot; the first tasks come due as they start consuming.
  const bootMs = 8_000;
  const spreadMs = Math.min(90_000, (options.durationS * 1000) / 2);
  const data: ChaosData = await loadChaosData(databaseUrl, {
    tasks: options.tasks,
    firstLookAt: new Date(Date.now() + bootMs),
    spreadMs,
    crossingAfter: new Date(Date.now() + bootMs + (options.durationS * 1000) / 2),
  });
  say(0, `organisation loaded: ${data.tasks} tasks (${JSON.stringify(data.byGroup)}) and 1 poison task due ${POISON_DUE_DATE}, ${data.expectedEscalations} escalation levels expected, cut-off ${data.cutoff} (${data.crossingAt.toISOString()})`);

  const t0 = performance.now();
  const clock = () => performance.now() - t0;
  const workers = (started.workers = new WorkerPool(
    WORKERS,
    root,
    {
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      REDIS_URL: redis.url,
      // Workers sign the hourly history seal; a key for this run only.
      HISTORY_SEAL_KEY: generateSealKey(),
      SMTP_URL: smtp.url,
      MAIL_FROM: 'duty-tracker <noreply@chaos.example.cn>',
      // Quiet hours must not hold mail: all day on working days (the run's days are working days).
      WORK_HOURS: '00:00-24:00',
      PUBLIC_URL: 'http://localhost:3000',
      LOG_LEVEL: 'info',
    },
    logDir,
    clock,
  ));
  workers.startAll();
  say(t0, `${WORKERS} workers started`);

  const check = new ChaosCheck(databaseUrl);
  const faults: FaultRecord[] = [];
  // Sends accepted by the sink but not yet recorded as sent right after a fault: the most a fault
  // can duplicate (the row stays PENDING and is sent again with the same Message-ID). A row still
  // unrecorded at the next fault is counted once.
  const counted = new Set<string>();
  const inFlight = async (sinceMs: number) => {
    const ids = smtp.accepted.filter((m) => m.at >= sinceMs).map((m) => outboxIdOf(m.messageId)).filter((id): id is string => !!id);
    const unrecorded = (await check.notSent([...new Set(ids)]).catch(() => [] as string[])).filter((id) => !counted.has(id));
    for (const id of unrecorded) counted.add(id);
    return unrecorded.length;
  };

  const events = faultPlan(options);
  for (const event of events) {
    const wait = event.atMs - clock();
    if (wait > 0) await sleep(wait);
    const startedAt = performance.now();
    const open = smtp.openTransfers;
    if (event.kind === 'kill-worker') {
      await workers.kill(event.worker);
      const unrecorded = await inFlight(startedAt - 60_000);
      workers.start(event.worker);
      faults.push({ kind: event.kind, atS: clock() / 1000, detail: `worker ${event.worker + 1}`, inFlight: unrecorded + open });
    } else if (event.kind === 'restart-redis') {
      await redis.kill();
      await sleep(2_000);
      await redis.start();
      faults.push({ kind: event.kind, atS: clock() / 1000, detail: 'SIGKILL, 2 s down, all keys lost', inFlight: 0 });
      say(t0, 'Redis restarted (empty)');
    } else {
      await pg.stop();
      await sleep(2_000);
      await pg.start();
      const unrecorded = await inFlight(startedAt - 60_000);
      faults.push({ kind: event.kind, atS: clock() / 1000, detail: 'fast shutdown, 2 s down', inFlight: unrecorded + open });
      say(t0, 'PostgreSQL restarted');
    }
  }
  const lastFaultMs = clock();
  const lastFaultAt = new Date();
  say(t0, `${faults.length} faults done; waiting up to ${options.settleS} s for the backlog`);

  const settleUntil = lastFaultMs + options.settleS * 1000;
  let settledAtMs: number | null = null;
  let lastLine = '';
  while (clock() < settleUntil) {
    const p = await check.progress().catch(() => null);
    if (p) {
      const line = `escalations ${p.escalations}/${data.expectedEscalations}, tasks due ${p.dueTasks}, outbox open ${p.outboxOpen}/${p.outboxTotal}, e-mails received ${smtp.accepted.length}`;
      if (line !== lastLine) say(t0, line);
      lastLine = line;
      if (p.escalations >= data.expectedEscalations && p.dueTasks === 0 && p.outboxOpen === 0 && Date.now() > data.crossingAt.getTime()) {
        settledAtMs = clock();
        break;
      }
    }
    await sleep(5_000);
  }
  // A delivery that read its row as PENDING just before another marked it may still be sending.
  await sleep(5_000);

  const deadline = new Date(lastFaultAt.getTime() + DELIVERY_WINDOW_MS);
  const [escalations, unnotified, outbox] = [await check.escalations(), await check.unnotified(), await check.outbox(deadline)];
  const poison = await check.poison(data.poisonTaskId);
  const report = buildReport({
    options,
    data,
    faults,
    escalations,
    unnotified,
    poison,
    outbox,
    smtp,
    workers,
    lastFaultS: lastFaultMs / 1000,
    settledAfterLastFaultS: settledAtMs === null ? null : (settledAtMs - lastFaultMs) / 1000,
    deadline,
  });
  printReport(report);
  writeFileSync(join(resultsDir, 'chaos.json'), JSON.stringify(report, null, 2) + '\n');
  say(t0, `written ${join(resultsDir, 'chaos.json')}`);
}

type FaultEvent = { atMs: number } & ({ kind: 'kill-worker'; worker: number } | { kind: 'restart-redis' } | { kind: 'restart-postgres' });

/** Kills every `killEvery` s (workers in turn); Redis at 30 % and 60 %, PostgreSQL at 80 % of the run, between kills. */
function faultPlan(options: ChaosOptions): FaultEvent[] {
  const events: FaultEvent[] = [];
  const every = options.killEveryS * 1000;
  const duration = options.durationS * 1000;
  for (let k = 1; k * every <= duration; k++) events.push({ atMs: k * every, kind: 'kill-worker', worker: (k - 1) % WORKERS });
  const between = (fraction: number) => Math.round((duration * fraction) / every) * every + every / 2;
  events.push({ atMs: between(0.3), kind: 'restart-redis' }, { atMs: between(0.6), kind: 'restart-redis' }, { atMs: between(0.8), kind: 'restart-postgres' });
  return events.sort((a, b) => a.atMs - b.atMs);
}

const options = parseChaosOptions(process.argv.slice(2));
const interrupted = (signal: string) => {
  console.error(`[chaos] ${signal}: stopping everything this run started`);
  void cleanup(options.keep).finally(() => process.exit(130));
};
process.once('SIGINT', () => interrupted('SIGINT'));
process.once('SIGTERM', () => interrupted('SIGTERM'));

try {
  await run(options);
  await cleanup(options.keep);
  process.exit(0);
} catch (e) {
  console.error(`[chaos] could not run: ${(e as Error).stack ?? String(e)}`);
  await cleanup(options.keep);
  process.exit(1);
}
