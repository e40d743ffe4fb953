import { Injectable, Logger } from '@nestjs/common';
import { CalendarService, WorkingCalendar, localDateOf } from '#libs/calendar';
import { AppConfig, Clock, SetAsideService } from '#libs/core';
import { MailTransport } from '../mail/mail-transport.js';
import { digestMessageId, outboxMessageId } from '../mail/message-id.js';
import { renderDigest, renderInApp, renderMail } from '../mail/notification-mail.template.js';
import { OutboxRepository, type DeliverableRow } from '../outbox/outbox.repository.js';
import { earliestSendTime } from '../quiet-hours/quiet-hours.rules.js';
import { afterFailure, describeDeliveryError } from './delivery.rules.js';

/** What one delivery run did with a row (for logs and tests). */
export type DeliveryOutcome = 'sent' | 'skipped' | 'deferred' | 'retry' | 'failed' | 'set-aside';

// Used when a row's task (and so its organisation) cannot be found: plain Monday–Friday.
const WEEKDAYS_ONLY = new WorkingCalendar({ years: [], days: [] });

/**
 * Delivers outbox rows. Safe to run any number of times for the same row: a row that is no longer
 * PENDING is skipped, and every state change is conditional on PENDING. E-mail is sent before the
 * row is marked, so a crash in between re-sends it later with the same Message-ID (at least once).
 */
@Injectable()
export class DeliveryService {
  private readonly logger = new Logger('Delivery');

  constructor(
    private readonly repository: OutboxRepository,
    private readonly mail: MailTransport,
    private readonly calendars: CalendarService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly setAside: SetAsideService,
  ) {}

  async deliver(outboxId: string): Promise<DeliveryOutcome> {
    const [row] = await this.repository.findDeliverable([outboxId]);
    if (!row || row.status !== 'PENDING') return 'skipped';
    return row.channel === 'IN_APP' ? this.deliverInApp(row) : this.deliverEmail(row);
  }

  /** A chief's digest: the given rows (those still PENDING) in one e-mail. */
  async deliverDigest(recipientPersonId: string, outboxIds: string[]): Promise<DeliveryOutcome> {
    let rows = (await this.repository.findDeliverable(outboxIds)).filter(
      (r) => r.status === 'PENDING' && r.channel === 'EMAIL' && r.recipientPersonId === recipientPersonId,
    );
    if (rows.length === 0) return 'skipped';
    const first = rows[0]!;
    const now = this.clock.now();
    const calendar = await this.calendarOf(first.orgId);
    if (!(await this.withinSendingHours(rows, calendar, now))) return 'deferred';
    if (!first.recipientEmail) return this.failPermanently(rows, 'NO_EMAIL_ADDRESS 收件人没有电子邮箱地址', now);
    const date = localDateOf(now);
    let rendered: ReturnType<typeof renderDigest>;
    try {
      rendered = renderDigest(rows.map((r) => r.payload), date);
    } catch {
      // One bad message must not hold up the chief's whole digest: set aside those that cannot be
      // rendered on their own (only a failed digest pays for this) and send the rest.
      rows = await this.withoutUnrenderable(rows, (r) => renderDigest([r.payload], date));
      const rest = rows;
      const again = rest.length > 0 ? await this.render(rest, () => renderDigest(rest.map((r) => r.payload), date)) : null;
      if (!again) return 'set-aside';
      rendered = again;
    }
    await this.clearRecovered(rows);
    const ids = rows.map((r) => r.id);
    try {
      await this.mail.send({ to: recipient(first), ...rendered, messageId: digestMessageId(ids, this.config.mailFrom) });
    } catch (error) {
      return this.recordFailures(rows, error, calendar, now);
    }
    await this.markSent(ids, now);
    return 'sent';
  }

  private async deliverInApp(row: DeliverableRow): Promise<DeliveryOutcome> {
    const now = this.clock.now();
    const rendered = await this.render([row], () => renderInApp(row.payload));
    if (!rendered) return 'set-aside';
    const { title, body } = rendered;
    try {
      const changed = await this.repository.markInAppDelivered(row.id, now, {
        personId: row.recipientPersonId,
        taskId: row.taskId,
        escalationId: row.escalationId,
        level: row.payload.level,
        title,
        body,
      });
      return changed ? 'sent' : 'skipped';
    } catch (error) {
      return this.recordFailures([row], error, WEEKDAYS_ONLY, now);
    }
  }

  private async deliverEmail(row: DeliverableRow): Promise<DeliveryOutcome> {
    const now = this.clock.now();
    const calendar = await this.calendarOf(row.orgId);
    if (!(await this.withinSendingHours([row], calendar, now))) return 'deferred';
    // The address is read now, not when the row was written: a corrected address is used.
    if (!row.recipientEmail) return this.failPermanently([row], 'NO_EMAIL_ADDRESS 收件人没有电子邮箱地址', now);
    const rendered = await this.render([row], () => renderMail(row.payload));
    if (!rendered) return 'set-aside';
    try {
      await this.mail.send({ to: recipient(row), ...rendered, messageId: outboxMessageId(row.id, this.config.mailFrom) });
    } catch (error) {
      return this.recordFailures([row], error, calendar, now);
    }
    await this.markSent([row.id], now);
    return 'sent';
  }

  /**
   * Renders the rows' message, or — when their payload cannot be rendered (a malformed row, a
   * bug) — sets them aside with the error and returns null. Such a row is not a delivery failure
   * (no attempt is counted, SMTP retries would not help): it waits in set_aside_row for its retry
   * time instead of coming back with every lease, and a later rendering clears its record.
   */
  private async render<T>(rows: DeliverableRow[], render: () => T): Promise<T | null> {
    let rendered: T;
    try {
      rendered = render();
    } catch (error) {
      for (const row of rows) await this.setRowAside(row, error);
      return null;
    }
    await this.clearRecovered(rows);
    return rendered;
  }

  private async clearRecovered(rows: DeliverableRow[]): Promise<void> {
    const recovered = rows.filter((r) => r.setAside).map((r) => r.id);
    if (recovered.length > 0) await this.setAside.clear('OUTBOX_DELIVERY', recovered);
  }

  /** Sets aside each row that cannot be rendered on its own; returns the others. */
  private async withoutUnrenderable(rows: DeliverableRow[], renderOne: (row: DeliverableRow) => unknown): Promise<DeliverableRow[]> {
    const renderable: DeliverableRow[] = [];
    for (const row of rows) {
      try {
        renderOne(row);
        renderable.push(row);
      } catch (error) {
        await this.setRowAside(row, error);
      }
    }
    return renderable;
  }

  private async setRowAside(row: DeliverableRow, error: unknown): Promise<void> {
    await this.setAside.setAside('OUTBOX_DELIVERY', row.id, error);
    // Lease released: the dispatch claim leaves the row out until its set-aside retry time.
    await this.repository.deferUntil(row.id, this.clock.now());
  }

  /**
   * Rows are written with quiet hours applied, but a retry or a late dispatch can still fall
   * outside them: hold the rows to the next opening without counting an attempt.
   */
  private async withinSendingHours(rows: DeliverableRow[], calendar: WorkingCalendar, now: Date): Promise<boolean> {
    const earliest = earliestSendTime(now, calendar, this.config.workHours);
    if (earliest.getTime() === now.getTime()) return true;
    for (const row of rows) await this.repository.deferUntil(row.id, earliest);
    return false;
  }

  private async markSent(ids: string[], now: Date): Promise<void> {
    // The server has the message: losing the record now (a database restart) would send it again
    // after the lease, so keep trying for a while before giving up.
    const marked = await retrying(() => this.repository.markSent(ids, now), MARK_SENT_RETRY_MS);
    // Another delivery of the same row finished first: the recipient got it twice, same Message-ID.
    if (marked < ids.length) this.logger.warn(`e-mail for ${ids.join(', ')} was already marked sent: a duplicate went out`);
  }

  private async recordFailures(rows: DeliverableRow[], error: unknown, calendar: WorkingCalendar, now: Date): Promise<DeliveryOutcome> {
    const lastError = describeDeliveryError(error);
    let outcome: DeliveryOutcome = 'retry';
    for (const row of rows) {
      const next = afterFailure(row.attempts, this.config.deliveryMaxAttempts, now);
      if (next.status === 'FAILED') {
        outcome = 'failed';
        await this.repository.recordFailure(row.id, row.attempts, { ...next, availableAt: now }, lastError);
        this.logger.error(`outbox ${row.id} (${row.channel}) FAILED after ${next.attempts} attempts: ${lastError}`);
      } else {
        // A retry of an e-mail also waits for working hours.
        const retryAt = row.channel === 'EMAIL' ? earliestSendTime(next.retryAt, calendar, this.config.workHours) : next.retryAt;
        await this.repository.recordFailure(row.id, row.attempts, { status: 'PENDING', attempts: next.attempts, availableAt: retryAt }, lastError);
        this.logger.warn(`outbox ${row.id} (${row.channel}) attempt ${next.attempts} failed, retry at ${retryAt.toISOString()}: ${lastError}`);
      }
    }
    return outcome;
  }

  /** Nothing to retry (no address): FAILED at once, visible to administrators. */
  private async failPermanently(rows: DeliverableRow[], lastError: string, now: Date): Promise<DeliveryOutcome> {
    for (const row of rows) {
      await this.repository.recordFailure(row.id, row.attempts, { status: 'FAILED', attempts: row.attempts + 1, availableAt: now }, lastError);
    }
    this.logger.error(`outbox ${rows.map((r) => r.id).join(', ')} FAILED: ${lastError}`);
    return 'failed';
  }

  private calendarOf(orgId: string | null): Promise<WorkingCalendar> {
    return orgId ? this.calendars.calendarFor(orgId) : Promise.resolve(WEEKDAYS_ONLY);
  }
}

/** Waits before each further try of recording a sent e-mail (~15 s in all: a database restart). */
const MARK_SENT_RETRY_MS = [500, 1_000, 2_000, 4_000, 8_000];

async function retrying<T>(fn: () => Promise<T>, delaysMs: readonly number[]): Promise<T> {
  for (const delay of delaysMs) {
    try {
      return await fn();
    } catch {
      await new Promise((r) => setTimeout(r, delay));
    }
  }
  return fn();
}

function recipient(row: DeliverableRow): { name: string; address: string } {
  return { name: row.recipientName ?? '', address: row.recipientEmail! };
}
