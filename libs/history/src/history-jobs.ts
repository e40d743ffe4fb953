import { Injectable, Logger, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { JobDriver, JobProcessor, type HandlesJobs, type JobContext } from '#libs/core';
import { HistorySealService } from './history-seal.service.js';

export const HISTORY_QUEUE = 'history';
/** Events recorded after the last seal are covered only by their chain links until the next one. */
export const SEAL_EVERY_MS = 60 * 60_000;

/** Thin: sealing is safe to run repeatedly and from several workers at once. */
@Injectable()
@JobProcessor({ queue: HISTORY_QUEUE })
export class HistoryJobsProcessor implements HandlesJobs {
  private readonly logger = new Logger('HistoryJobs');

  constructor(private readonly seals: HistorySealService) {}

  async handle(job: JobContext): Promise<void> {
    if (job.name !== 'seal') return;
    const result = await this.seals.seal();
    if (result.sealed) this.logger.log(`sealed ${result.streams} stream head(s) through event ${result.throughId}`);
  }
}

/** Registers the hourly seal (idempotently: one scheduler per id, whatever the number of workers). */
@Injectable()
export class HistoryJobsScheduler implements OnApplicationBootstrap {
  constructor(private readonly driver: JobDriver) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.driver.repeat(HISTORY_QUEUE, 'seal-history', SEAL_EVERY_MS, { name: 'seal', data: {} });
  }
}

/** Imported only by processes that run jobs (the worker, the embedded default). */
@Module({ providers: [HistoryJobsProcessor, HistoryJobsScheduler] })
export class HistoryJobsModule {}
