import { Logger } from '@nestjs/common';
import { Queue, Worker, type JobsOptions } from 'bullmq';
import { Redis } from 'ioredis';
import { DEFAULT_ATTEMPTS, DEFAULT_BACKOFF_MS, JobDriver, type JobHandler, type JobOptions, type NewJob } from './job-driver.js';

/**
 * BullMQ on Redis: any number of API processes produce, any number of worker processes consume.
 * Completed jobs are removed (the database keeps the record); failed ones without a job id are
 * kept a week for inspection (see toBullOptions).
 */
export class BullMqJobDriver extends JobDriver {
  readonly kind = 'bullmq' as const;
  private readonly logger = new Logger('BullMqJobDriver');
  private readonly queues = new Map<string, Queue>();
  private readonly workers: Worker[] = [];
  private readonly connection: Redis;
  /** Blocking connections of the workers; BullMQ does not close connections it was handed. */
  private readonly workerConnections: Redis[] = [];
  /** Schedulers registered by this process, restored after a reconnect (see constructor). */
  private readonly schedulers = new Map<string, () => Promise<void>>();
  private connectedBefore = false;
  private reconnected = false;

  constructor(
    private readonly redisUrl: string,
    private readonly prefix: string,
  ) {
    super();
    // Workers block on Redis; BullMQ requires unlimited retries per request for them.
    this.connection = new Redis(redisUrl, { maxRetriesPerRequest: null, lazyConnect: true });
    // A Redis that comes back empty (restart without persistence, failover to a fresh node) has
    // lost the job schedulers and every queued job; nothing else would recreate them until a
    // process restarts. A reconnect cannot tell a network blip from an empty restart, so both are
    // treated as a loss: upserting the schedulers again is harmless when they survived, and so is
    // re-queueing work that is still queued: delivery jobs are named after their rows and
    // deduplicated, and a digest job skips rows already sent (two digests over the same rows
    // running at the same moment would both send: delivery is at least once).
    this.connection.on('ready', () => {
      if (this.connectedBefore) {
        this.reconnected = true;
        void Promise.all([this.restoreSchedulers(), this.markSeen().then(() => this.notifyQueueStateLost())]);
      }
      this.connectedBefore = true;
    });
  }

  /**
   * A marker key tells whether this Redis is the one earlier processes queued into: absent, it is
   * new or came back empty (a restart without persistence while no worker was connected to see a
   * reconnect). Setting it only where absent makes the first process to ask the one that learns.
   */
  async queueStateKept(): Promise<boolean> {
    const markerWasMissing = await this.markSeen();
    // A reconnect before the question may have met an empty Redis while nobody listened yet (the
    // marker is set again on reconnecting): not kept, to be safe.
    return !markerWasMissing && !this.reconnected;
  }

  /** Sets the marker; true when it was absent (the queue's state was lost, or never existed). */
  private async markSeen(): Promise<boolean> {
    try {
      return (await this.connection.set(`${this.prefix}:queue-state-marker`, '1', 'NX')) === 'OK';
    } catch (e) {
      // Unknown: treated as lost, which costs at most re-queueing work that is still queued.
      this.logger.warn(`could not read the queue state marker: ${(e as Error).message}`);
      return true;
    }
  }

  async enqueue<T>(queue: string, job: NewJob<T>): Promise<void> {
    await this.queue(queue).add(job.name, job.data, toBullOptions(job.opts));
  }

  async enqueueBulk<T>(queue: string, jobs: NewJob<T>[]): Promise<void> {
    if (jobs.length === 0) return;
    await this.queue(queue).addBulk(jobs.map((j) => ({ name: j.name, data: j.data, opts: toBullOptions(j.opts) })));
  }

  async process<T>(queue: string, handler: JobHandler<T>, concurrency = 1): Promise<void> {
    const connection = this.connection.duplicate();
    this.workerConnections.push(connection);
    const worker = new Worker(
      queue,
      async (job) => {
        await handler({ id: job.id ?? '', queue, name: job.name, data: job.data as T, attempt: job.attemptsMade + 1 });
      },
      { connection, prefix: this.prefix, concurrency },
    );
    worker.on('failed', (job, err) =>
      this.logger.warn(`job ${queue}/${job?.name} ${job?.id} failed (attempt ${job?.attemptsMade}): ${err.message}`),
    );
    worker.on('error', (err) => this.logger.error(`worker ${queue}: ${err.message}`));
    this.workers.push(worker);
    await worker.waitUntilReady();
  }

  async repeat<T>(queue: string, schedulerId: string, everyMs: number, job: Omit<NewJob<T>, 'opts'>): Promise<void> {
    // upsert: every worker may call this at boot; Redis keeps exactly one scheduler per id.
    const upsert = async () => {
      await this.queue(queue).upsertJobScheduler(schedulerId, { every: everyMs }, {
        name: job.name,
        data: job.data,
        opts: { removeOnComplete: true, removeOnFail: 100 },
      });
    };
    this.schedulers.set(`${queue}:${schedulerId}`, upsert);
    await upsert();
  }

  private async restoreSchedulers(): Promise<void> {
    for (const [key, upsert] of this.schedulers) {
      try {
        await upsert();
      } catch (e) {
        // The next reconnect tries again; a worker restart also re-registers at boot.
        this.logger.error(`could not restore job scheduler ${key} after reconnecting: ${(e as Error).message}`);
      }
    }
    if (this.schedulers.size > 0) this.logger.log(`job schedulers restored after reconnecting: ${[...this.schedulers.keys()].join(', ')}`);
  }

  async drain(queue: string, timeoutMs = 30_000): Promise<void> {
    const q = this.queue(queue);
    // A monotonic clock: drain timeouts must not jump with the wall clock.
    const until = performance.now() + timeoutMs;
    for (;;) {
      const counts = await q.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children');
      if (Object.values(counts).every((n) => n === 0)) return;
      if (performance.now() > until) throw new Error(`queue ${queue} did not drain in ${timeoutMs} ms: ${JSON.stringify(counts)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** Removes every job and scheduler of a queue (tests and benchmarks only). */
  async obliterate(queue: string): Promise<void> {
    await this.queue(queue).obliterate({ force: true });
  }

  async close(): Promise<void> {
    this.schedulers.clear();
    // Workers first: they finish their current job before closing.
    await Promise.all(this.workers.splice(0).map((w) => w.close()));
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    this.queues.clear();
    // quit() waits for a reply that never comes from an unreachable server; disconnect() does not.
    for (const c of [this.connection, ...this.workerConnections.splice(0)]) {
      if (c.status === 'ready') await c.quit().catch(() => c.disconnect());
      else c.disconnect();
    }
  }

  private queue(name: string): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: this.connection, prefix: this.prefix });
      this.queues.set(name, queue);
    }
    return queue;
  }
}

function toBullOptions(opts: JobOptions = {}): JobsOptions {
  return {
    jobId: opts.jobId,
    delay: opts.delayMs,
    attempts: opts.attempts ?? DEFAULT_ATTEMPTS,
    backoff: { type: 'exponential', delay: opts.backoffMs ?? DEFAULT_BACKOFF_MS },
    removeOnComplete: true,
    // BullMQ refuses a new job whose id a kept failed job still holds: an id would then stay taken
    // for the week failed jobs are kept, and the work it stands for (an outbox row's delivery)
    // would be dropped each time it is queued again. Jobs with an id go when they fail, as the
    // contract says (deduplicated while waiting or running); the others are kept for inspection.
    removeOnFail: opts.jobId ? true : { age: 7 * 24 * 3600 },
  };
}
