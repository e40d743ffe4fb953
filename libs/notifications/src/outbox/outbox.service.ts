import { Injectable } from '@nestjs/common';
import { CalendarService, isLocalDate, localDateOf } from '#libs/calendar';
import { AppConfig, Clock, type SqlTx } from '#libs/core';
import { outboxMessageInvalid } from '../notifications.errors.js';
import type { NotificationColour, OutgoingMessage } from '../notification.types.js';
import { earliestSendTime, nextDigestTime } from '../quiet-hours/quiet-hours.rules.js';
import { OutboxRepository, type NewOutboxRow } from './outbox.repository.js';

const COLOURS: readonly NotificationColour[] = ['blue', 'yellow', 'orange', 'red'];

/**
 * The producer side of delivery. Rows are written in the caller's transaction, so a notification
 * exists exactly when the decision to notify (an escalation, an urge) was committed.
 */
@Injectable()
export class OutboxService {
  constructor(
    private readonly repository: OutboxRepository,
    private readonly calendars: CalendarService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /**
   * Inside the caller's transaction: one IN_APP row (available now) and, when the person has an
   * e-mail address, one EMAIL row whose availableAt respects quiet hours, per message. With
   * CHIEF_DIGEST, a chief's EMAIL row waits for the next working morning's digest instead.
   */
  async write(tx: SqlTx, orgId: string, messages: OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return;
    messages.forEach(assertValid);
    const now = this.clock.now();
    const recipients = [...new Set(messages.map((m) => m.recipientPersonId))];
    const emails = await this.repository.emailsOf(tx, recipients);

    let emailAt = now;
    let digestAt = now;
    let chiefs = new Set<string>();
    if (emails.size > 0) {
      const calendar = await this.calendars.calendarFor(orgId);
      emailAt = earliestSendTime(now, calendar, this.config.workHours);
      if (this.config.chiefDigest) {
        chiefs = await this.repository.chiefsAmong(tx, [...emails.keys()], localDateOf(now));
        digestAt = nextDigestTime(now, calendar, this.config.workHours);
      }
    }

    const rows: NewOutboxRow[] = messages.flatMap((m) => {
      const common = { recipientPersonId: m.recipientPersonId, taskId: m.taskId, escalationId: m.escalationId ?? null, payload: m.payload };
      const inApp: NewOutboxRow = { ...common, channel: 'IN_APP', availableAt: now };
      if (!emails.has(m.recipientPersonId)) return [inApp];
      const availableAt = chiefs.has(m.recipientPersonId) ? digestAt : emailAt;
      return [inApp, { ...common, channel: 'EMAIL', availableAt }];
    });
    await this.repository.insertMany(tx, rows);
  }
}

/** A malformed message is a bug of the caller: refuse it (rolling its transaction back) rather than mail garbage. */
function assertValid(m: OutgoingMessage): void {
  const p = m.payload;
  const bad = (reason: string) => {
    throw outboxMessageInvalid(reason, { recipientPersonId: m.recipientPersonId, taskId: m.taskId });
  };
  if (!m.recipientPersonId || !m.taskId) bad('缺少接收人或任务');
  if (!p || (p.kind !== 'ESCALATION' && p.kind !== 'URGE')) bad('通知类型无效');
  if (!Number.isInteger(p.level) || p.level < 0 || p.level > 3) bad(`等级无效：${String(p.level)}`);
  if (!COLOURS.includes(p.colour)) bad(`颜色无效：${String(p.colour)}`);
  if (!isLocalDate(p.dueDate)) bad(`截止日期无效：${String(p.dueDate)}`);
  if (p.taskId !== m.taskId) bad('通知内容与任务不一致');
}
