import { Injectable, Logger, Module, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { JobDriver, JobProcessor, type HandlesJobs, type JobContext } from '#libs/core';
import { DeliveryService } from '../delivery/delivery.service.js';
import { DispatchService } from '../delivery/dispatch.service.js';
import {
  DELIVER_DIGEST_JOB,
  DELIVER_JOB,
  DISPATCH_JOB,
  NOTIFICATIONS_DISPATCH_QUEUE,
  NOTIFICATIONS_QUEUE,
  type DeliverDigestJobData,
  type DeliverJobData,
} from '../notification.types.js';
import { NotificationsModule } from '../notifications.module.js';

const DISPATCH_EVERY_MS = 20_000;
/** Further runs of a delivery job that failed (≈ 15 s in all), before its row is left to the lease. */
const RUN_AGAIN_AFTER_MS = [1_000, 2_000, 4_000, 8_000];

/**
 * Delivers one row (or one digest) per job. Never throws: the row is the retry state, not the job
 * — on any error it stays PENDING and is due again after its lease or backoff.
 */
@Injectable()
@JobProcessor({ queue: NOTIFICATIONS_QUEUE, concurrency: 5 })
export class NotificationDeliveryProcessor implements HandlesJobs {
  private readonly logger = new Logger('NotificationDelivery');

  constructor(private readonly delivery: DeliveryService) {}

  async handle(job: JobContext): Promise<void> {
    // A database restart fails every delivery for a few seconds; a row left to its lease would
    // wait 5 minutes, so try again shortly first (delivery is safe to repeat).
    for (let attempt = 0; ; attempt++) {
      try {
        if (job.name === DELIVER_JOB) await this.delivery.deliver((job.data as DeliverJobData).outboxId);
        else if (job.name === DELIVER_DIGEST_JOB) {
          const { recipientPersonId, outboxIds } = job.data as DeliverDigestJobData;
          await this.delivery.deliverDigest(recipientPersonId, outboxIds);
        }
        return;
      } catch (error) {
        if (attempt < RUN_AGAIN_AFTER_MS.length) {
          await new Promise((r) => setTimeout(r, RUN_AGAIN_AFTER_MS[attempt]));
          continue;
        }
        this.logger.error(`delivery job ${job.id} could not run, its rows will be dispatched again: ${(error as Error).stack ?? String(error)}`);
        return;
      }
    }
  }
}

@Injectable()
@JobProcessor({ queue: NOTIFICATIONS_DISPATCH_QUEUE })
export class NotificationDispatchProcessor implements HandlesJobs {
  private readonly logger = new Logger('NotificationDispatch');

  constructor(private readonly dispatch: DispatchService) {}

  async handle(): Promise<void> {
    try {
      await this.dispatch.dispatchDue();
    } catch (error) {
      // The next tick tries again; nothing was claimed by a run that failed (its transaction rolled back).
      this.logger.error(`dispatch failed: ${(error as Error).message}`);
    }
  }
}

/**
 * Registers the repeating dispatch (idempotently) and runs one at start, e.g. after downtime. Rows
 * whose delivery jobs the queue lost are made due again at once rather than after their lease.
 */
@Injectable()
export class NotificationJobsScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('NotificationJobs');
  private stopListening?: () => void;

  constructor(
    private readonly driver: JobDriver,
    private readonly dispatch: DispatchService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // At boot only where the queue lost what was queued before: the in-process queue died with the
    // previous process; a Redis may have come back empty while no worker was connected. Redis
    // otherwise keeps a restarted BullMQ worker's jobs and BullMQ hands its stalled ones to another
    // worker, so a release at every worker boot (a deploy boots them all) would only re-dispatch
    // rows still queued. Running workers see an empty Redis as a reconnect (see below).
    if (!(await this.driver.queueStateKept())) await this.releaseLeases();
    this.stopListening?.();
    this.stopListening = this.driver.onQueueStateLost(() => this.releaseAndDispatchSoon());
    await this.driver.repeat(NOTIFICATIONS_DISPATCH_QUEUE, 'dispatch-notifications', DISPATCH_EVERY_MS, { name: DISPATCH_JOB, data: {} });
    // Also picks up the rows released above.
    await this.driver.enqueue(NOTIFICATIONS_DISPATCH_QUEUE, { name: DISPATCH_JOB, data: {}, opts: { jobId: 'dispatch-at-start', attempts: 1 } });
    this.logger.log(`notification dispatch every ${DISPATCH_EVERY_MS / 1000} s`);
  }

  onModuleDestroy(): void {
    this.stopListening?.();
  }

  private async releaseAndDispatchSoon(): Promise<void> {
    if ((await this.releaseLeases()) === 0) return;
    // A run of its own rather than the next tick: that is up to 20 s away, and later still when an
    // empty Redis first needs the scheduler restored. One job id, so the workers that all reconnect
    // at once queue one run between them (a dispatch run takes every due row anyway).
    await this.driver.enqueue(NOTIFICATIONS_DISPATCH_QUEUE, { name: DISPATCH_JOB, data: {}, opts: { jobId: 'dispatch-after-queue-loss', attempts: 1 } });
  }

  private async releaseLeases(): Promise<number> {
    try {
      return await this.dispatch.releaseLeases();
    } catch (error) {
      // Nothing is lost: the rows come back when their lease runs out.
      this.logger.error(`could not release dispatched outbox rows, they are due again after their lease: ${(error as Error).message}`);
      return 0;
    }
  }
}

/** Imported only by processes that run jobs (the worker, the embedded default). */
@Module({
  imports: [NotificationsModule],
  providers: [NotificationDeliveryProcessor, NotificationDispatchProcessor, NotificationJobsScheduler],
})
export class NotificationJobsModule {}
