import type { ChildProcess } from 'node:child_process';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { BullMqJobDriver } from '#libs/core';
import { freePort, haveRedisServer, sleep, startRedis, stopRedis } from '../support/redis-server.js';

/**
 * A Redis that restarts empty (no persistence, or a failover to a fresh node) loses the job
 * schedulers. The driver must put them back once it reconnects — not only when a process restarts.
 * Runs its own redis-server on a free port: the shared one must never be restarted by a test.
 */
const redisServerFound = haveRedisServer('bullmq-redis-restart.int-spec.ts');

(redisServerFound ? describe : describe.skip)('BullMQ driver across a Redis restart that lost every key', () => {
  let port: number;
  let redis: ChildProcess | undefined;
  let driver: BullMqJobDriver;
  let inspector: Queue;

  beforeAll(async () => {
    port = await freePort();
    redis = await startRedis(port);
    driver = new BullMqJobDriver(`redis://127.0.0.1:${port}`, 'dt-restart');
    inspector = new Queue('sweeps', { connection: { host: '127.0.0.1', port, maxRetriesPerRequest: null }, prefix: 'dt-restart' });
  });

  afterAll(async () => {
    await driver.close();
    await inspector.close();
    await stopRedis(redis);
  });

  it('registers the job scheduler again once Redis is back', async () => {
    await driver.repeat('sweeps', 'sweep', 60_000, { name: 'sweep', data: {} });
    expect(await inspector.getJobScheduler('sweep')).toBeTruthy();

    await stopRedis(redis);
    redis = await startRedis(port);

    let scheduler: unknown;
    for (let i = 0; i < 100 && !scheduler; i++) {
      await sleep(100);
      scheduler = await inspector.getJobScheduler('sweep').catch(() => undefined);
    }
    expect(scheduler).toBeTruthy();
  }, 30_000);
});
