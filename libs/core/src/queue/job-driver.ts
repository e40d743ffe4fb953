import { Logger } from '@nestjs/common';

/**
 * Queues only carry work: every job must be safe to run more than once, because the database is
 * the source of truth and both drivers deliver at least once.
 */
export interface JobOptions {
  /** Deduplicates while a job with the same id is waiting or running; once it ends, failed or not, the id is free. */
  jobId?: string;
  delayMs?: number;
  attempts?: number;
  /** First retry delay; doubles on each further attempt. */
  backoffMs?: number;
}

export interface JobContext<T = unknown> {
  id: string;
  queue: string;
  name: string;
  data: T;
  /** 1 on the first run. */
  attempt: number;
}

export type JobHandler<T = unknown> = (job: JobContext<T>) => Promise<void>;

export interface NewJob<T = unknown> {
  name: string;
  data: T;
  opts?: JobOptions;
}

export type QueueStateLostListener = () => void | Promise<void>;

/**
 * One interface, two drivers: BullMQ on Redis for production (API and workers in separate
 * processes) and an in-process driver for the single-process embedded default.
 */
export abstract class JobDriver {
  abstract readonly kind: 'bullmq' | 'in-process';
  /**
   * Whether the queue still holds what earlier processes of this deployment queued, asked by a
   * process as it starts. False for the in-process queue (it died with the previous process) and
   * for a Redis that came back empty while no process of this deployment was connected to see it:
   * whatever the database still records as handed to the queue was then lost. The first process
   * to ask after such a loss gets false; the loss counts as seen from then on. A process that
   * reconnected before asking gets false too (it cannot tell whether the loss came first).
   */
  abstract queueStateKept(): Promise<boolean>;
  private readonly queueStateLostListeners = new Set<QueueStateLostListener>();
  abstract enqueue<T>(queue: string, job: NewJob<T>): Promise<void>;
  abstract enqueueBulk<T>(queue: string, jobs: NewJob<T>[]): Promise<void>;
  /** Starts consuming a queue in this process. */
  abstract process<T>(queue: string, handler: JobHandler<T>, concurrency?: number): Promise<void>;
  /** Creates or updates a repeating job; calling it again with the same id changes nothing. */
  abstract repeat<T>(queue: string, schedulerId: string, everyMs: number, job: Omit<NewJob<T>, 'opts'>): Promise<void>;
  /** Resolves when nothing is waiting, delayed or running (tests, CLI one-shots). */
  abstract drain(queue: string, timeoutMs?: number): Promise<void>;
  abstract close(): Promise<void>;

  /**
   * Called whenever jobs queued earlier may have been lost while this process keeps running
   * (BullMQ: after every reconnect to Redis, which may have come back empty). Lets the owners of
   * the work re-queue from the database instead of waiting for their own timeouts. Returns a
   * function that removes the listener.
   */
  onQueueStateLost(listener: QueueStateLostListener): () => void {
    this.queueStateLostListeners.add(listener);
    return () => this.queueStateLostListeners.delete(listener);
  }

  /** Runs every listener; one that fails does not keep the others from running. */
  protected async notifyQueueStateLost(): Promise<void> {
    await Promise.all(
      [...this.queueStateLostListeners].map(async (listener) => {
        try {
          await listener();
        } catch (e) {
          queueLogger.error(`a listener for lost queue state failed: ${(e as Error).stack ?? String(e)}`);
        }
      }),
    );
  }
}

const queueLogger = new Logger('JobDriver');

export const DEFAULT_ATTEMPTS = 5;
export const DEFAULT_BACKOFF_MS = 2_000;
