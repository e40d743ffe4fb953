import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { DispatchService, NOTIFICATIONS_QUEUE } from '#libs/notifications';
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
    await h?.t.close();
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
});
