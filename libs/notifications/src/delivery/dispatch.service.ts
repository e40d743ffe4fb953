import { Injectable, Logger } from '@nestjs/common';
import { localDateOf } from '#libs/calendar';
import { AppConfig, Clock, JobDriver, PrismaService, SetAsideService, isTransientError } from '#libs/core';
import { NOTIFICATIONS_QUEUE } from '../notification.types.js';
import { OutboxRepository } from '../outbox/outbox.repository.js';
import { DISPATCH_LEASE_MS } from './delivery.rules.js';
import { planDeliveryJobs, type DeliveryJob } from './dispatch.rules.js';

const BATCH = 500;
// Bounds one run; a larger backlog continues on the next tick (every 20 s).
const MAX_BATCHES_PER_RUN = 20;

/**
 * Turns due outbox rows into delivery jobs. Runs repeatedly (NotificationJobsModule) and may run in
 * several workers at once: runs are serialised by an advisory lock and claim with SKIP LOCKED.
 */
@Injectable()
export class DispatchService {
  private readonly logger = new Logger('NotificationDispatch');

  constructor(
    private readonly prisma: PrismaService,
    private readonly repository: OutboxRepository,
    private readonly driver: JobDriver,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly setAside: SetAsideService,
  ) {}

  /** Returns how many rows were handed to the queue. */
  async dispatchDue(): Promise<number> {
    let total = 0;
    for (let i = 0; i < MAX_BATCHES_PER_RUN; i++) {
      let claimed: number;
      try {
        claimed = await this.dispatchBatch(BATCH);
      } catch (error) {
        // The database, the network or Redis: nothing is wrong with the rows, the next run tries again.
        if (isTransientError(error)) throw error;
        claimed = await this.dispatchOneByOne(error);
      }
      total += claimed;
      if (claimed < BATCH) break;
    }
    if (total > 0) this.logger.debug(`dispatched ${total} outbox rows`);
    return total;
  }

  /**
   * Makes rows whose delivery jobs the queue may have lost due now, instead of after their lease;
   * the next dispatch run picks them up. Returns how many rows were released.
   */
  async releaseLeases(): Promise<number> {
    const released = await this.repository.releaseLeases(this.clock.now());
    if (released > 0) this.logger.log(`${released} dispatched outbox rows are due again: the queue may have lost their jobs`);
    return released;
  }

  /**
   * A batch failed on something in its rows: the same rows again, each in its own claim, so the
   * one that fails is set aside with its error (left out of claims until its retry time) while
   * the others are queued. Only a failed batch pays for this.
   */
  private async dispatchOneByOne(batchError: unknown): Promise<number> {
    const ids = await this.repository.dueIds(this.clock.now(), BATCH);
    this.logger.log(`a dispatch batch of ${ids.length} row(s) failed (${(batchError as Error)?.message ?? String(batchError)}); retrying them one by one`);
    for (const id of ids) {
      try {
        await this.dispatchBatch(1, [id]);
      } catch (error) {
        if (isTransientError(error)) throw error;
        await this.setAside.setAside('OUTBOX_DISPATCH', id, error);
      }
    }
    // Counted as a full batch when it was one: the rows after it are dispatched by the next batch.
    return ids.length;
  }

  private dispatchBatch(limit: number, ids?: string[]): Promise<number> {
    const now = this.clock.now();
    return this.prisma.$transaction(
      async (tx) => {
        await this.repository.lockDispatch(tx);
        const claimed = await this.repository.claimDue(tx, now, limit, new Date(now.getTime() + DISPATCH_LEASE_MS), ids);
        if (claimed.length === 0) return 0;
        const emailRecipients = [...new Set(claimed.filter((r) => r.channel === 'EMAIL').map((r) => r.recipientPersonId))];
        const digest = this.config.chiefDigest ? await this.repository.chiefsAmong(tx, emailRecipients, localDateOf(now)) : new Set<string>();
        // Enqueued inside the claim's transaction: a run waiting on the lock starts only after this
        // one's jobs are queued (so draining the queue after a run sees them all), and if enqueueing
        // fails the claim rolls back and the rows stay due. A job starting before the commit finds
        // its row PENDING, which is all delivery needs.
        await this.driver.enqueueBulk<DeliveryJob['data']>(NOTIFICATIONS_QUEUE, planDeliveryJobs(claimed, digest));
        const recovered = claimed.filter((r) => r.setAside).map((r) => r.id);
        if (recovered.length > 0) await this.setAside.clear('OUTBOX_DISPATCH', recovered, tx);
        return claimed.length;
      },
      { maxWait: 10_000, timeout: 60_000 },
    );
  }
}
