/**
 * Queues only carry work: every job must be safe to run more than once, because the database is
 * the source of truth and both drivers deliver at least once.
 */
export interface JobOptions {
  /** Deduplicates while a job with the same id is waiting or running. */
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

/**
 * One interface, two drivers: BullMQ on Redis for production (API and workers in separate
 * processes) and an in-process driver for the single-process embedded default.
 */
export abstract class JobDriver {
  abstract readonly kind: 'bullmq' | 'in-process';
  abstract enqueue<T>(queue: string, job: NewJob<T>): Promise<void>;
  abstract enqueueBulk<T>(queue: string, jobs: NewJob<T>[]): Promise<void>;
  /** Starts consuming a queue in this process. */
  abstract process<T>(queue: string, handler: JobHandler<T>, concurrency?: number): Promise<void>;
  /** Creates or updates a repeating job; calling it again with the same id changes nothing. */
  abstract repeat<T>(queue: string, schedulerId: string, everyMs: number, job: Omit<NewJob<T>, 'opts'>): Promise<void>;
  /** Resolves when nothing is waiting, delayed or running (tests, CLI one-shots). */
  abstract drain(queue: string, timeoutMs?: number): Promise<void>;
  abstract close(): Promise<void>;
}

export const DEFAULT_ATTEMPTS = 5;
export const DEFAULT_BACKOFF_MS = 2_000;
