import { Injectable } from '@nestjs/common';
import { AccessPolicyService, type Actor } from '#libs/auth';
import { Clock, type HealthWarning } from '#libs/core';
import { outboxRowNotFound } from '../notifications.errors.js';
import { OutboxRepository, type FailedRow } from './outbox.repository.js';

// Dispatch runs every 20 s and a lease lasts 5 min: a row due for longer than this is not being delivered.
const STALE_AFTER_MS = 15 * 60_000;

export interface FailedDeliveryPage {
  items: FailedRow[];
  total: number;
  page: number;
  pageSize: number;
}

/** Administrators see permanent delivery failures (kept, never deleted) and may give one another try. */
@Injectable()
export class FailedDeliveryService {
  constructor(
    private readonly repository: OutboxRepository,
    private readonly access: AccessPolicyService,
    private readonly clock: Clock,
  ) {}

  async list(actor: Actor, page: number, pageSize: number): Promise<FailedDeliveryPage> {
    await this.access.assertAdmin(actor, 'outbox.failed.list');
    const { total, rows } = await this.repository.listFailed((page - 1) * pageSize, pageSize);
    return { items: rows, total, page, pageSize };
  }

  /** /health warnings: failures wait for an administrator; a stale backlog means no process delivers. */
  async healthWarnings(): Promise<HealthWarning[]> {
    const { failed, stale } = await this.repository.healthCounts(new Date(this.clock.now().getTime() - STALE_AFTER_MS));
    const warnings: HealthWarning[] = [];
    if (failed > 0) {
      warnings.push({ code: 'NOTIFICATIONS_FAILED', message: `有 ${failed} 条通知多次发送失败，请管理员查看 /api/outbox/failed`, details: { failed } });
    }
    if (stale > 0) {
      warnings.push({ code: 'NOTIFICATIONS_STALLED', message: `有 ${stale} 条通知超过 15 分钟未能投递，请检查后台任务进程`, details: { stale } });
    }
    return warnings;
  }

  /** Back to PENDING with a fresh set of attempts, due now (e.g. after the mail server was fixed). */
  async retry(actor: Actor, id: string): Promise<{ id: string; status: 'PENDING' }> {
    await this.access.assertAdmin(actor, 'outbox.failed.retry');
    if (!(await this.repository.reopenFailed(id, this.clock.now()))) throw outboxRowNotFound(id);
    return { id, status: 'PENDING' };
  }
}
