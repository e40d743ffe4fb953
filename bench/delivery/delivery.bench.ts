/**
 * `npm run bench -- delivery`: e-mails per second from the outbox into a local SMTP sink through
 * the real path (dispatch claims rows → BullMQ on Redis → delivery processor → nodemailer → SMTP,
 * row marked SENT), next to the queue's own ceiling: the same number of jobs added in the same
 * batches and processed at the same concurrency by a no-op processor. A third figure, the same
 * e-mails through nodemailer alone, tells the SMTP part from the rest.
 *
 * Redis: its own key prefix on its own database index (BENCH_REDIS_URL, default DB 7), so nothing
 * collides with tests on the same server. PostgreSQL: `dt_bench_delivery`, cloned for each run.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { createTransport } from 'nodemailer';
import { DEFAULT_ATTEMPTS, DEFAULT_BACKOFF_MS, FixedClock } from '#libs/core';
import { CalendarService } from '#libs/calendar';
import { DispatchService } from '#libs/notifications';
import {
  benchDatabaseUrl,
  benchOptions,
  cloneDatabase,
  dropDatabase,
  ensureDataset,
  machine,
  openSql,
  printTable,
  sized,
  withDatabase,
  writeResult,
} from '../lib/index.js';
import { bootDelivery } from './delivery-context.js';
import { generateDeliveryData } from './delivery-data.js';

const USAGE = `npm run bench -- delivery [options]
  --emails N        outbox e-mails to deliver (default 10,000 × scale)
  --reuse           keep the data set when it was built with the same parameters
  --scale F         fraction of the issue's sizes
Environment: BENCH_REDIS_URL (default redis://127.0.0.1:6379/7), BENCH_DATABASE_URL.`;

const here = dirname(fileURLToPath(import.meta.url));
const PREFIX = 'dt-bench-delivery';
// A Wednesday, 10:00 in Shanghai: a working day inside working hours, whatever day the run is on.
const NOW = new Date('2026-11-25T02:00:00.000Z');
const DUE_AT = new Date(NOW.getTime() + 1000);
// What the dispatcher hands BullMQ per addBulk, and the delivery processor's concurrency.
const DISPATCH_BATCH = 500;
const DELIVERY_CONCURRENCY = 5;
const MAIL_FROM = '督办提醒 <duban@bench.example.cn>';

interface SinkStats {
  received: number;
  unique: number;
  duplicates: number;
  firstAt: number | null;
  lastAt: number | null;
}

export async function run(args: string[]): Promise<void> {
  const { values, scale } = benchOptions(args, { emails: { type: 'string' }, reuse: { type: 'boolean' } }, USAGE);
  const emails = sized(values.emails, 10_000, scale, 100);
  const redisUrl = process.env.BENCH_REDIS_URL?.trim() || 'redis://127.0.0.1:6379/7';
  const url = withDatabase(benchDatabaseUrl(), 'dt_bench_delivery');
  const units = Math.max(1, Math.ceil(emails / 200));
  console.log(`delivery: ${emails.toLocaleString('en')} e-mails to ${units * 8} people; Redis ${redisUrl} prefix ${PREFIX}`);
  const dataset = await ensureDataset(
    url,
    { benchmark: 'delivery', emails, units, version: 1 },
    async (sql) => void (await generateDeliveryData(sql, { emails, units, now: NOW, availableAt: DUE_AT })),
    { reuse: !!values.reuse },
  );
  console.log(dataset.reused ? '  data set reused' : `  data set built in ${(dataset.ms / 1000).toFixed(1)} s`);

  await clearPrefix(redisUrl);
  // Other work on the machine shows here: figures from a busy machine are read with it.
  const loadBefore = loadavg()[0]!;
  const ceiling = await queueCeiling(redisUrl, emails);
  console.log(`  bare BullMQ: ${emails} jobs in ${(ceiling.ms / 1000).toFixed(2)} s`);
  await clearPrefix(redisUrl);

  const runUrl = await cloneDatabase(url, 'dt_bench_delivery_run');
  const sink = await startSink();
  try {
    const smtp = await smtpOnly(sink, emails);
    console.log(`  SMTP alone: ${emails} e-mails in ${(smtp.ms / 1000).toFixed(2)} s`);
    await sink.reset();
    const delivery = await deliverAll(runUrl, redisUrl, sink, emails);
    console.log(`  delivery: ${delivery.sent} e-mails in ${(delivery.ms / 1000).toFixed(2)} s`);
    const deliveryRate = (delivery.sent / delivery.ms) * 1000;
    const ceilingRate = (emails / ceiling.ms) * 1000;
    printTable(`delivery: ${emails.toLocaleString('en')} outbox e-mails, concurrency ${DELIVERY_CONCURRENCY}, batches of ${DISPATCH_BATCH}`, [
      {
        path: 'real: outbox, BullMQ, nodemailer, SMTP sink',
        jobs: delivery.sent,
        seconds: delivery.ms / 1000,
        'per second': deliveryRate,
        'sink received': delivery.sink.received,
        duplicates: delivery.sink.duplicates,
        'rows SENT': delivery.sent,
      },
      { path: 'ceiling: BullMQ add + no-op process', jobs: emails, seconds: ceiling.ms / 1000, 'per second': ceilingRate },
      { path: 'SMTP alone: nodemailer, same pool', jobs: emails, seconds: smtp.ms / 1000, 'per second': (emails / smtp.ms) * 1000 },
      { path: 'ratio real / ceiling', 'per second': deliveryRate / ceilingRate },
    ]);
    console.log(`load average (1 min): ${loadBefore.toFixed(1)} before, ${loadavg()[0]!.toFixed(1)} after, on ${machine().cpus as number} CPUs`);
    const file = writeResult('delivery', {
      machine: machine({ loadAverage1m: { before: loadBefore, after: loadavg()[0] } }),
      parameters: { emails, recipients: units * 8, concurrency: DELIVERY_CONCURRENCY, dispatchBatch: DISPATCH_BATCH, redis: redisUrl, prefix: PREFIX },
      delivery: { sent: delivery.sent, ms: delivery.ms, perSecond: deliveryRate, dispatchMs: delivery.dispatchMs, sink: delivery.sink },
      ceiling: { jobs: emails, ms: ceiling.ms, perSecond: ceilingRate },
      smtpAlone: { emails, ms: smtp.ms, perSecond: (emails / smtp.ms) * 1000 },
      ratio: deliveryRate / ceilingRate,
    });
    console.log(`\nwritten to ${file}`);
  } finally {
    await sink.stop();
    await clearPrefix(redisUrl);
    await dropDatabase(runUrl);
  }
}

/** Removes every key of this benchmark's prefix (left by an interrupted run); nothing else. */
async function clearPrefix(redisUrl: string): Promise<void> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${PREFIX}:*`, 'COUNT', 1000);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/**
 * The queue alone: `jobs` jobs added with the driver's options in the dispatcher's batch size,
 * consumed at the delivery concurrency by a processor that does nothing. Timed from the first add
 * to the last completion.
 */
async function queueCeiling(redisUrl: string, jobs: number): Promise<{ ms: number }> {
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const workerConnection = connection.duplicate();
  const queue = new Queue('bench-noop', { connection, prefix: PREFIX });
  let completed = 0;
  let done!: () => void;
  const finished = new Promise<void>((resolve) => (done = resolve));
  const worker = new Worker('bench-noop', async () => undefined, { connection: workerConnection, prefix: PREFIX, concurrency: DELIVERY_CONCURRENCY });
  worker.on('completed', () => {
    if (++completed === jobs) done();
  });
  await worker.waitUntilReady();
  const opts = {
    attempts: DEFAULT_ATTEMPTS,
    backoff: { type: 'exponential', delay: DEFAULT_BACKOFF_MS },
    removeOnComplete: true,
    removeOnFail: { age: 7 * 24 * 3600 },
  };
  const start = performance.now();
  for (let i = 0; i < jobs; i += DISPATCH_BATCH) {
    const batch = Array.from({ length: Math.min(DISPATCH_BATCH, jobs - i) }, (_, k) => ({
      name: 'deliver',
      data: { outboxId: `bench-${i + k}` },
      opts: { ...opts, jobId: `bench-${i + k}` },
    }));
    await queue.addBulk(batch);
  }
  await finished;
  const ms = performance.now() - start;
  await worker.close();
  await queue.close();
  connection.disconnect();
  workerConnection.disconnect();
  return { ms };
}

interface Sink {
  url: string;
  stats(): Promise<SinkStats>;
  reset(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The mail part alone: the same number of messages of the same size through a transport
 * configured as MailTransport's (pooled, as many connections as deliveries run at once), no
 * queue and no database. Tells how much of the real path's time is SMTP.
 */
async function smtpOnly(sink: Sink, emails: number): Promise<{ ms: number }> {
  const transport = createTransport({ url: sink.url, pool: true, maxConnections: DELIVERY_CONCURRENCY });
  const text = '【催办】'.padEnd(600, '办');
  const html = `<p>${text}</p>`.padEnd(1800, ' ');
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: DELIVERY_CONCURRENCY }, async () => {
      while (next < emails) {
        const n = next++;
        await transport.sendMail({ from: MAIL_FROM, to: `p${n}@bench.example.cn`, subject: `【催办】交办事项 ${n}`, text, html, messageId: `<smtp-only-${n}@bench.example.cn>` });
      }
    }),
  );
  const ms = performance.now() - start;
  transport.close();
  return { ms };
}

async function startSink(): Promise<Sink> {
  const child: ChildProcess = fork(join(here, 'smtp-sink.process.js'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m: { type: string; port: number }) => resolve(m.port));
    child.once('exit', (code) => reject(new Error(`SMTP sink exited with ${code}`)));
  });
  return {
    url: `smtp://127.0.0.1:${port}`,
    stats: () =>
      new Promise<SinkStats>((resolve) => {
        const onMessage = (m: { type: string } & SinkStats) => {
          if (m.type !== 'stats') return;
          child.off('message', onMessage);
          resolve(m);
        };
        child.on('message', onMessage);
        child.send({ type: 'stats' });
      }),
    reset: () =>
      new Promise<void>((resolve) => {
        const onMessage = (m: { type: string }) => {
          if (m.type !== 'reset') return;
          child.off('message', onMessage);
          resolve();
        };
        child.on('message', onMessage);
        child.send({ type: 'reset' });
      }),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/**
 * Boots the notification worker on the clone, makes the rows due, and runs the dispatcher (as its
 * repeating job would) until nothing is left to claim; then waits until every row is SENT.
 * Timed from the first claim to the last row marked SENT.
 */
async function deliverAll(databaseUrl: string, redisUrl: string, sink: Sink, emails: number) {
  const clock = new FixedClock(NOW);
  const app = await bootDelivery(
    {
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      REDIS_PREFIX: PREFIX,
      SMTP_URL: sink.url,
      MAIL_FROM,
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
    },
    clock,
  );
  const sql = openSql(databaseUrl, 1);
  try {
    const orgId = await sql.scalar<string>('SELECT id::text FROM organisation LIMIT 1');
    await app.get(CalendarService).ensurePackageYears(orgId);
    clock.set(new Date(DUE_AT.getTime() + 1000));
    const dispatch = app.get(DispatchService);
    const start = performance.now();
    while ((await dispatch.dispatchDue()) > 0);
    const dispatchMs = performance.now() - start;
    let sent = 0;
    const deadline = start + 10 * 60_000;
    for (;;) {
      sent = await sql.scalar<number>(`SELECT count(*)::int FROM outbox WHERE status = 'SENT'`);
      if (sent >= emails) break;
      if (performance.now() > deadline) throw new Error(`only ${sent} of ${emails} e-mails sent after 10 minutes`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const ms = performance.now() - start;
    return { sent, ms, dispatchMs, sink: await sink.stats() };
  } finally {
    await sql.end();
    await app.close();
  }
}
