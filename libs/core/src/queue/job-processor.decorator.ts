import { SetMetadata } from '@nestjs/common';
import type { JobContext } from './job-driver.js';

export const JOB_PROCESSOR = Symbol('JOB_PROCESSOR');

export interface JobProcessorOptions {
  queue: string;
  concurrency?: number;
}

/** Marks a provider whose `handle(job)` consumes a queue in processes that run jobs. */
export const JobProcessor = (options: JobProcessorOptions) => SetMetadata(JOB_PROCESSOR, options);

export interface HandlesJobs<T = unknown> {
  handle(job: JobContext<T>): Promise<void>;
}
