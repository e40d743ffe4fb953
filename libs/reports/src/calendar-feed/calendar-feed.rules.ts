import { createHash, randomBytes } from 'node:crypto';
import { addDays, instantAt, type LocalDate, type WorkingCalendar } from '#libs/calendar';
import { LEVEL_NAMES } from '#libs/escalation';
import { STATUS_NAME } from '#libs/tasks';
import type { IcsEvent } from './ics.rules.js';

/** Where the API serves the feed; the link handed out is the public URL plus this. */
export const FEED_PATH = '/api/calendar/feed.ics';

/** The reminder goes off at the start of office hours on the working day before the due date. */
export const ALARM_TIME = '09:00';

/** 32 random bytes, base64url: 43 characters, safe in a query string without escaping. */
export function newFeedToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Only this is stored: a leaked table does not reveal working feed links. */
export function hashFeedToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function isWellFormedFeedToken(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{43}$/.test(value);
}

export function feedUrls(publicUrl: string, token: string): { url: string; webcalUrl: string } {
  const url = `${publicUrl}${FEED_PATH}?token=${token}`;
  // webcal:// makes phones and Outlook offer "subscribe" instead of downloading the file once.
  return { url, webcalUrl: url.replace(/^https?:\/\//, 'webcal://') };
}

/** An open task of the person, as the feed shows it. */
export interface FeedTask {
  id: string;
  title: string;
  status: string;
  escalationLevel: number;
  dueDate: LocalDate;
  deadlineProvisional: boolean;
  updatedAt: Date;
  postName: string;
  unitName: string;
  /** Set when the person covers the post as AB backup for this holder. */
  actingForName: string | null;
  workItemTitle: string | null;
  /** The organisation's deadline cut-off, '24:00' = end of the due date. */
  cutoff: string;
}

export const taskUid = (taskId: string) => `task-${taskId}@duty-tracker`;

/** "业务岗1：国土空间规划及专项规划工作" → "业务岗1": the full name is in the description. */
export function shortPostName(name: string): string {
  const short = name.split(/[：:]/)[0]!.trim();
  return short || name;
}

/** e.g. 【催办】报送月度统计（业务岗1·代刘洋）: the level first, since it is what a glance must catch. */
export function feedSummary(t: FeedTask): string {
  const level = t.escalationLevel >= 1 ? `【${LEVEL_NAMES[t.escalationLevel] ?? `L${t.escalationLevel}`}】` : '';
  const acting = t.actingForName ? `·代${t.actingForName}` : '';
  return `${level}${t.title}（${shortPostName(t.postName)}${acting}）`;
}

export function feedDescription(t: FeedTask, link: string): string {
  const provisional = t.deadlineProvisional ? '（期限暂定：当年节假日安排尚未公布）' : '';
  return [
    `状态：${STATUS_NAME[t.status as keyof typeof STATUS_NAME] ?? t.status}`,
    `预警等级：${t.escalationLevel >= 0 ? (LEVEL_NAMES[t.escalationLevel] ?? `L${t.escalationLevel}`) : '无'}`,
    `办理期限：${t.dueDate} ${t.cutoff}前${provisional}`,
    `岗位：${t.postName}（${t.unitName}）`,
    ...(t.actingForName ? [`代岗：代${t.actingForName}办理（AB角）`] : []),
    ...(t.workItemTitle ? [`工作事项：${t.workItemTitle}`] : []),
    `任务链接：${link}`,
  ].join('\n');
}

/**
 * The working day before the due date, at 09:00 Shanghai (the working day before, not the
 * calendar day before: a Monday deadline reminds on Friday, one after National Day on the last
 * working day before the holiday).
 */
export function alarmInstant(dueDate: LocalDate, calendar: WorkingCalendar): Date {
  return instantAt(calendar.previousWorkday(dueDate).date, ALARM_TIME);
}

/**
 * One all-day event on the due date. All-day rather than timed at dueAt: a deadline is the end of
 * a Shanghai date (dueAt is the next midnight, which a timed event would show on the wrong day),
 * and a DATE value reads the same in every time zone a phone may be set to. An earlier cut-off
 * is spelled out in the description.
 */
export function feedEventOf(t: FeedTask, link: string, calendar: WorkingCalendar): IcsEvent {
  return {
    uid: taskUid(t.id),
    stamp: t.updatedAt,
    start: t.dueDate,
    end: addDays(t.dueDate, 1),
    summary: feedSummary(t),
    description: feedDescription(t, link),
    url: link,
    alarm: { at: alarmInstant(t.dueDate, calendar), description: `${t.dueDate} 到期：${t.title}` },
  };
}
