import { Global, Module, type OnModuleDestroy } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AppConfig } from '../config/app-config.js';
import { BullMqJobDriver } from './bullmq.driver.js';
import { InProcessJobDriver } from './in-process.driver.js';
import { JobDriver } from './job-driver.js';
import { JobRunner } from './job-runner.service.js';

export function createJobDriver(config: AppConfig): JobDriver {
  return config.jobDriver === 'bullmq'
    ? new BullMqJobDriver(config.redisUrl!, config.redisPrefix)
    : new InProcessJobDriver();
}

/** Producing jobs: every process. */
@Global()
@Module({
  providers: [{ provide: JobDriver, useFactory: createJobDriver, inject: [AppConfig] }],
  exports: [JobDriver],
})
export class QueueModule implements OnModuleDestroy {
  constructor(private readonly driver: JobDriver) {}

  // Stop taking jobs and let running ones finish before the database pool closes.
  async onModuleDestroy(): Promise<void> {
    await this.driver.close();
  }
}

/** Consuming jobs: the worker process and the embedded default only. */
@Module({ imports: [DiscoveryModule], providers: [JobRunner] })
export class JobRunnerModule {}
