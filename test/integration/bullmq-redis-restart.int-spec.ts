import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { BullMqJobDriver } from '#libs/core';

/**
 * A Redis that restarts empty (no persistence, or a failover to a fresh node) loses the job
 * schedulers. The driver must put them back once it reconnects — not only when a process restarts.
 * Runs its own redis-server on a free port: the shared one must never be restarted by a test.
 */
const binary = process.env.REDIS_SERVER ?? 'redis-server';
const haveRedisServer = spawnSync(binary, ['--version']).status === 0;
if (!haveRedisServer) console.warn(`!!! ${binary} not found: bullmq-redis-restart.int-spec.ts did NOT run`);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn(binary, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  for (let i = 0; i < 100; i++) {
    const probe = new Redis(port, '127.0.0.1', { lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 });
    probe.on('error', () => undefined);
    try {
      await probe.connect();
      await probe.ping();
      return child;
    } catch {
      await sleep(50);
    } finally {
      probe.disconnect();
    }
  }
  throw new Error('redis-server did not start');
}

async function stopRedis(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGKILL');
  await exited;
}

(haveRedisServer ? describe : describe.skip)('BullMQ driver across a Redis restart that lost every key', () => {
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
