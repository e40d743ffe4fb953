import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DEFAULT_ATTEMPTS, DEFAULT_BACKOFF_MS, JobDriver, type JobHandler, type NewJob } from './job-driver.js';

interface PendingJob {
  id: string;
  name: string;
  data: unknown;
  attempts: number;
  backoffMs: number;
  attempt: number;
}

interface QueueState {
  handler?: JobHandler;
  concurrency: number;
  running: number;
  ready: PendingJob[];
  timers: Set<NodeJS.Timeout>;
  /** ids waiting, delayed or running: the same dedup window BullMQ gives. */
  live: Set<string>;
  idle: Array<() => void>;
}

/**
 * Runs jobs inside this process (embedded default, no Redis). Jobs live in memory only, which is
 * acceptable because producers write their intent to PostgreSQL first (outbox, schedules) and
 * the periodic jobs find anything a restart dropped.
 */
export class InProcessJobDriver extends JobDriver {
  readonly kind = 'in-process' as const;
  private readonly logger = new Logger('InProcessJobDriver');
  private readonly queues = new Map<string, QueueState>();
  private readonly repeaters = new Map<string, NodeJS.Timeout>();
  private closed = false;

  // Never notifies listeners of lost queue state either: while the process runs its queue loses
  // nothing, and what an earlier process queued is always gone.
  async queueStateKept(): Promise<boolean> {
    return false;
  }

  async enqueue<T>(queue: string, job: NewJob<T>): Promise<void> {
    this.add(queue, job);
  }

  async enqueueBulk<T>(queue: string, jobs: NewJob<T>[]): Promise<void> {
    for (const job of jobs) this.add(queue, job);
  }

  async process<T>(queue: string, handler: JobHandler<T>, concurrency = 1): Promise<void> {
    const state = this.state(queue);
    state.handler = handler as JobHandler;
    state.concurrency = concurrency;
    this.pump(queue);
  }

  async repeat<T>(queue: string, schedulerId: string, everyMs: number, job: Omit<NewJob<T>, 'opts'>): Promise<void> {
    const key = `${queue}:${schedulerId}`;
    const existing = this.repeaters.get(key);
    if (existing) clearInterval(existing);
    const timer = setInterval(() => this.add(queue, { ...job, opts: { jobId: `${key}:tick` } }), everyMs);
    timer.unref();
    this.repeaters.set(key, timer);
  }

  async drain(queue: string, timeoutMs = 30_000): Promise<void> {
    const state = this.state(queue);
    if (state.live.size === 0) return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`queue ${queue} did not drain in ${timeoutMs} ms`)), timeoutMs);
      state.idle.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.repeaters.values()) clearInterval(timer);
    for (const state of this.queues.values()) for (const timer of state.timers) clearTimeout(timer);
    // Let running handlers finish so a shutdown does not cut a transaction in half.
    await Promise.all([...this.queues.keys()].map((q) => this.waitForRunning(q)));
  }

  private add(queue: string, job: NewJob<unknown>): void {
    if (this.closed) return;
    const state = this.state(queue);
    const id = job.opts?.jobId ?? randomUUID();
    if (state.live.has(id)) return;
    state.live.add(id);
    const pending: PendingJob = {
      id,
      name: job.name,
      data: job.data,
      attempts: job.opts?.attempts ?? DEFAULT_ATTEMPTS,
      backoffMs: job.opts?.backoffMs ?? DEFAULT_BACKOFF_MS,
      attempt: 0,
    };
    this.schedule(queue, pending, job.opts?.delayMs ?? 0);
  }

  private schedule(queue: string, job: PendingJob, delayMs: number): void {
    const state = this.state(queue);
    if (delayMs <= 0) {
      state.ready.push(job);
      setImmediate(() => this.pump(queue));
      return;
    }
    const timer = setTimeout(() => {
      state.timers.delete(timer);
      state.ready.push(job);
      this.pump(queue);
    }, delayMs);
    timer.unref();
    state.timers.add(timer);
  }

  private pump(queue: string): void {
    const state = this.state(queue);
    while (!this.closed && state.handler && state.running < state.concurrency && state.ready.length > 0) {
      const job = state.ready.shift()!;
      state.running++;
      void this.run(queue, state, job);
    }
  }

  private async run(queue: string, state: QueueState, job: PendingJob): Promise<void> {
    job.attempt++;
    try {
      await state.handler!({ id: job.id, queue, name: job.name, data: job.data, attempt: job.attempt });
      state.live.delete(job.id);
    } catch (e) {
      if (job.attempt < job.attempts && !this.closed) {
        this.logger.warn(`job ${queue}/${job.name} ${job.id} failed (attempt ${job.attempt}), retrying: ${(e as Error).message}`);
        this.schedule(queue, job, job.backoffMs * 2 ** (job.attempt - 1));
      } else {
        this.logger.error(`job ${queue}/${job.name} ${job.id} failed permanently: ${(e as Error).message}`);
        state.live.delete(job.id);
      }
    } finally {
      state.running--;
      this.notifyIdle(state);
      this.pump(queue);
    }
  }

  private notifyIdle(state: QueueState): void {
    if (state.live.size > 0) return;
    for (const resolve of state.idle.splice(0)) resolve();
  }

  private async waitForRunning(queue: string): Promise<void> {
    const state = this.state(queue);
    while (state.running > 0) await new Promise((r) => setTimeout(r, 10));
  }

  private state(queue: string): QueueState {
    let state = this.queues.get(queue);
    if (!state) {
      state = { concurrency: 1, running: 0, ready: [], timers: new Set(), live: new Set(), idle: [] };
      this.queues.set(queue, state);
    }
    return state;
  }
}
