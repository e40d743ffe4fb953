import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DispatchService, NOTIFICATIONS_QUEUE } from '#libs/notifications';
import { createApiApp } from '../../apps/api/src/create-api-app.js';
import { MINUTE, helpers, startHarness, type DeliveryHelpers, type Harness } from '../support/delivery-harness.js';
import { freePort, haveRedisServer, sleep, startRedis, stopRedis } from '../support/redis-server.js';

/**
 * Redis restarting empty loses every queued delivery job. The dispatched rows must come back once
 * the workers reconnect, not after their 5-minute lease (the test clock stands still, so without
 * the release they would never be due again here). Runs its own redis-server on a free port: the
 * shared one must never be restarted by a test.
 */
const redisServerFound = haveRedisServer('outbox-lease-redis-restart.int-spec.ts');

(redisServerFound ? describe : describe.skip)('outbox leases across a Redis restart that lost every job (BullMQ driver)', () => {
  const prefix = 'dt-lease';
  let port: number;
  let redis: ChildProcess | undefined;
  let h: Harness | undefined;
  let x: DeliveryHelpers;
  let deliveries: Queue;
  const stopped = new Set<NestFastifyApplication>();

  beforeAll(async () => {
    port = await freePort();
    redis = await startRedis(port);
    h = await startHarness({ REDIS_URL: `redis://127.0.0.1:${port}`, REDIS_PREFIX: prefix });
    x = helpers(h);
    deliveries = new Queue(NOTIFICATIONS_QUEUE, { connection: { host: '127.0.0.1', port, maxRetriesPerRequest: null }, prefix });
    // Thursday 2026-11-26, 10:00 in Shanghai: inside working hours.
    h.t.clock.set('2026-11-26T02:00:00.000Z');
  });

  afterAll(async () => {
    await deliveries?.close();
    // Whichever app runs now (a test may have stopped and restarted it), then the database.
    if (h && !stopped.has(h.t.app)) await h.t.app.close();
    await h?.t.db.drop();
    await h?.sink.stop();
    await stopRedis(redis);
  });

  it('delivers the dispatched rows soon after the workers reconnect; a row waiting for a retry keeps waiting', async () => {
    expect(h!.t.config.jobDriver).toBe('bullmq');
    const [retryTask, lostTask] = [await x.newTask('重试等待'), await x.newTask('队列丢失')];
    // Waiting for a retry: the mail server was down.
    const retry = `lease-retry-${randomUUID()}`;
    await h!.sink.stop();
    await x.write([x.message('officer1', retryTask, retry)]);
    await x.run();
    await h!.sink.start();
    const backingOff = await x.row(retry, 'EMAIL');
    expect(backingOff).toMatchObject({ status: 'PENDING', attempts: 1, available_at: new Date(h!.t.clock.now().getTime() + MINUTE) });

    // Dispatched onto a paused queue, so the jobs are still waiting when Redis goes.
    await deliveries.pause();
    const lost = `lease-lost-${randomUUID()}`;
    await x.write([x.message('officer1', lostTask, lost)]);
    await h!.t.app.get(DispatchService).dispatchDue();
    const dispatched = await x.rows(lost);
    expect(dispatched.map((r) => r.status)).toEqual(['PENDING', 'PENDING']);
    for (const row of dispatched) expect(await deliveries.getJob(row.id)).toBeTruthy();

    await stopRedis(redis);
    redis = await startRedis(port);

    // Reconnecting takes up to 2 s (ioredis' backoff), then release, dispatch and delivery.
    for (let i = 0; i < 100 && (await x.rows(lost)).some((r) => r.status !== 'SENT'); i++) await sleep(150);
    expect((await x.rows(lost)).map((r) => r.status)).toEqual(['SENT', 'SENT']);
    expect(x.mailsFor((await x.row(lost, 'EMAIL')).id)).toHaveLength(1);
    expect(await x.row(retry, 'EMAIL')).toEqual(backingOff);
  }, 60_000);

  it('a worker starting on a Redis that came back empty while no worker ran releases the rows; on one that kept its jobs it does not', async () => {
    // Dispatched onto a paused queue, then the only worker stops: nobody sees Redis go.
    const dispatchOnto = async (note: string) => {
      await deliveries.pause();
      await x.write([x.message('officer1', await x.newTask(note), note)]);
      await h!.t.app.get(DispatchService).dispatchDue();
      const rows = await x.rows(note);
      expect(rows.every((r) => r.status === 'PENDING' && r.available_at > h!.t.clock.now())).toBe(true);
      return rows;
    };
    const emptied = `emptied-${randomUUID()}`;
    await dispatchOnto(emptied);
    await stopApp();
    await stopRedis(redis);
    redis = await startRedis(port);
    await restartApp();
    for (let i = 0; i < 100 && (await x.rows(emptied)).some((r) => r.status !== 'SENT'); i++) await sleep(150);
    expect((await x.rows(emptied)).map((r) => r.status)).toEqual(['SENT', 'SENT']);
    expect(x.mailsFor((await x.row(emptied, 'EMAIL')).id)).toHaveLength(1);

    // Redis kept: the jobs still wait (paused), and the rows keep their lease. A minute on, a
    // release and a new claim would have moved them.
    const kept = `kept-${randomUUID()}`;
    const waiting = await dispatchOnto(kept);
    await stopApp();
    h!.t.clock.advance(MINUTE);
    await restartApp();
    await sleep(1_000);
    expect(await x.rows(kept)).toEqual(waiting);
    for (const row of waiting) expect(await deliveries.getJob(row.id)).toBeTruthy();
    await deliveries.resume();
  }, 60_000);

  /** The worker process again, on the same database and clock (what a deploy or a crash restart does). */
  async function restartApp(): Promise<void> {
    const app = await createApiApp({ config: h!.t.config, clock: h!.t.clock, runJobs: true, logRequests: false });
    await app.getHttpAdapter().getInstance().ready();
    (h!.t as { app: NestFastifyApplication }).app = app;
  }

  /** Stops the running app and with it the only worker. */
  async function stopApp(): Promise<void> {
    stopped.add(h!.t.app);
    await h!.t.app.close();
  }
});
