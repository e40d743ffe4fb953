import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { Clock } from '../clock/clock.js';
import { NotFoundError } from '../errors/domain.error.js';
import { HealthService } from '../health/health.service.js';
import type { SqlTx } from '../prisma/direct-sql.js';
import { SetAsideRepository, type SetAsideRecord } from './set-aside.repository.js';
import { describeRowError, retryAfterFailure, type SetAsideKind } from './set-aside.rules.js';

/**
 * Rows whose processing threw, kept out of their batches until their retry time so that one bad
 * row never stops a sweep, a generation run or delivery. Batch code records a failure here,
 * excludes waiting rows from its claims and clears a row once it goes through.
 */
@Injectable()
export class SetAsideService implements OnModuleInit {
  private readonly logger = new Logger('SetAside');

  constructor(
    private readonly repository: SetAsideRepository,
    private readonly health: HealthService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    // A warning, not a failure: the rest of the work goes on; someone has to look at the rows.
    this.health.registerWarningSource(async () => {
      const counts = await this.repository.countsByKind();
      if (counts.length === 0) return [];
      const total = counts.reduce((n, c) => n + c.count, 0);
      return [
        {
          code: 'ROWS_SET_ASIDE',
          message: `${total} 条记录处理失败，已暂置并将稍后重试（管理员可在系统管理查看）`,
          details: { total, byKind: Object.fromEntries(counts.map((c) => [c.kind, c.count])), oldest: counts.map((c) => c.oldest).sort((a, b) => a.getTime() - b.getTime())[0] },
        },
      ];
    });
  }

  /** Records the failure and when to try again; never throws (the batch it protects must go on). */
  async setAside(kind: SetAsideKind, refId: string, error: unknown): Promise<void> {
    const described = describeRowError(error);
    try {
      const now = this.clock.now();
      const attempts = await this.repository.recordFailure(kind, refId, described, now);
      const retryAt = retryAfterFailure(attempts, now);
      await this.repository.setRetryAfter(kind, refId, retryAt);
      this.logger.log(`${kind} ${refId} set aside (failure ${attempts}, retry at ${retryAt.toISOString()}): ${described.code} ${described.message}`);
    } catch (e) {
      this.logger.error(`${kind} ${refId} failed (${described.code} ${described.message}) and could not be set aside: ${(e as Error).message}`);
    }
  }

  clear(kind: SetAsideKind, refIds: string[], tx?: SqlTx): Promise<void> {
    return this.repository.clear(kind, refIds, tx);
  }

  waiting(kind: SetAsideKind): Promise<Set<string>> {
    return this.repository.waiting(kind, this.clock.now());
  }

  all(kind: SetAsideKind): Promise<Set<string>> {
    return this.repository.all(kind);
  }

  list(): Promise<SetAsideRecord[]> {
    return this.repository.list();
  }

  /** Makes the row due at once: the next run of its batch tries it again. */
  async retryNow(id: string): Promise<SetAsideRecord> {
    const row = await this.repository.retryNow(id, this.clock.now());
    if (!row) throw new NotFoundError('SET_ASIDE_NOT_FOUND', '暂置记录不存在（可能已处理成功）', { id });
    return row;
  }
}
