import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { BullMqJobDriver, InProcessJobDriver, type JobDriver } from '#libs/core';
import { redisAvailable } from '../support/test-app.js';
import { testEnvironment } from '../support/test-env.js';

interface DriverCase {
  name: string;
  make(): JobDriver;
}

const prefix = `dt-test-jobs-${randomUUID().slice(0, 8)}`;
const drivers: DriverCase[] = [{ name: 'in-process', make: () => new InProcessJobDriver() }];
if (redisAvailable()) drivers.push({ name: 'bullmq', make: () => new BullMqJobDriver(testEnvironment().redisUrl, prefix) });
else console.warn('!!! Redis not reachable: the BullMQ driver cases of job-drivers.int-spec.ts did NOT run');

// The drivers log the failures these tests provoke through Nest's static logger (no application
// here to set a level): keep them out of a passing run.
beforeAll(() => Logger.overrideLogger(['fatal']));
afterAll(() => Logger.overrideLogger(['log', 'error', 'warn', 'debug', 'verbose', 'fatal']));

describe.each(drivers)('job driver: $name', ({ make }) => {
  let driver: JobDriver;
  const queue = () => `q-${expect.getState().currentTestName?.replace(/\W+/g, '-').slice(-40)}`;

  beforeEach(() => {
    driver = make();
  });
  afterEach(() => driver.close());

  it('runs every enqueued job once, with its data', async () => {
    const q = queue();
    const seen: number[] = [];
    await driver.process<{ n: number }>(q, async (job) => {
      seen.push(job.data.n);
    }, 2);
    await driver.enqueue(q, { name: 'one', data: { n: 1 } });
    await driver.enqueueBulk(q, [2, 3, 4].map((n) => ({ name: 'many', data: { n } })));
    await driver.drain(q, 10_000);
    expect(seen.sort()).toEqual([1, 2, 3, 4]);
  });

  it('retries a failing job with backoff until it succeeds', async () => {
    const q = queue();
    const attempts: number[] = [];
    await driver.process(q, async (job) => {
      attempts.push(job.attempt);
      if (job.attempt < 3) throw new Error('transient');
    });
    await driver.enqueue(q, { name: 'flaky', data: {}, opts: { attempts: 5, backoffMs: 20 } });
    await driver.drain(q, 10_000);
    expect(attempts).toEqual([1, 2, 3]);
  });

  it('gives up after the last attempt', async () => {
    const q = queue();
    let runs = 0;
    await driver.process(q, async () => {
      runs++;
      throw new Error('permanent');
    });
    await driver.enqueue(q, { name: 'doomed', data: {}, opts: { attempts: 2, backoffMs: 10 } });
    await driver.drain(q, 10_000);
    expect(runs).toBe(2);
  });

  it('deduplicates by job id while the job is waiting', async () => {
    const q = queue();
    const ids: string[] = [];
    await driver.enqueue(q, { name: 'x', data: { v: 1 }, opts: { jobId: 'outbox-1' } });
    await driver.enqueue(q, { name: 'x', data: { v: 2 }, opts: { jobId: 'outbox-1' } });
    await driver.enqueue(q, { name: 'x', data: { v: 3 }, opts: { jobId: 'outbox-2' } });
    await driver.process(q, async (job) => {
      ids.push(job.id);
    });
    await driver.drain(q, 10_000);
    expect(ids.sort()).toEqual(['outbox-1', 'outbox-2']);
  });

  it('frees a job id once its job has ended, failed included', async () => {
    const q = queue();
    const runs: string[] = [];
    await driver.process<{ v: string }>(q, async (job) => {
      runs.push(job.data.v);
      if (job.data.v === 'fails') throw new Error('permanent');
    });
    for (const v of ['fails', 'after a failure', 'after a success']) {
      await driver.enqueue(q, { name: 'x', data: { v }, opts: { jobId: 'outbox-9', attempts: 1 } });
      await driver.drain(q, 10_000);
    }
    expect(runs).toEqual(['fails', 'after a failure', 'after a success']);
  });

  it('tells the first process to ask whether the queue kept earlier state', async () => {
    // A fresh prefix is a Redis that never held this deployment's queues; the in-process queue never keeps any.
    const another = make();
    const kept = [await driver.queueStateKept(), await driver.queueStateKept(), await another.queueStateKept()];
    await another.close();
    expect(kept).toEqual(driver.kind === 'bullmq' ? [false, true, true] : [false, false, false]);
  });

  it('repeats a scheduled job, and re-registering the schedule does not double it', async () => {
    const q = queue();
    let ticks = 0;
    await driver.process(q, async () => {
      ticks++;
    });
    for (let i = 0; i < 3; i++) await driver.repeat(q, 'sweep', 100, { name: 'tick', data: {} });
    await new Promise((r) => setTimeout(r, 650));
    // One schedule at 100 ms gives about 6 ticks; three independent ones would give about 18.
    expect(ticks).toBeGreaterThanOrEqual(2);
    expect(ticks).toBeLessThanOrEqual(8);
    if (driver.kind === 'bullmq') {
      const inspect = new Queue(q, { connection: { url: testEnvironment().redisUrl }, prefix });
      expect(await inspect.getJobSchedulersCount()).toBe(1);
      await inspect.close();
    }
  });
});

(redisAvailable() ? describe : describe.skip)('BullMQ driver: queue state after a reconnect', () => {
  it('does not claim the earlier state was kept once it has reconnected', async () => {
    const driver = new BullMqJobDriver(testEnvironment().redisUrl, `${prefix}-reconnect`);
    try {
      await driver.queueStateKept();
      expect(await driver.queueStateKept()).toBe(true);
      // Drop this driver's own connection (as a network blip does); it reconnects by itself.
      const connection = (driver as unknown as { connection: Redis }).connection;
      const ready = new Promise((resolve) => connection.once('ready', resolve));
      const admin = new Redis(testEnvironment().redisUrl);
      await admin.client('KILL', 'ID', String(await connection.client('ID')));
      await admin.quit();
      await ready;
      expect(await driver.queueStateKept()).toBe(false);
    } finally {
      await driver.close();
    }
  });
});
