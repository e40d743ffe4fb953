import { instantAt, localDateOf, type WorkingCalendar } from '#libs/calendar';

/** Shanghai wall-clock hours in which e-mail may go out, 'HH:MM' (end exclusive, may be '24:00'). */
export interface WorkHours {
  start: string;
  end: string;
}

/**
 * The first instant at or after `at` when an e-mail may be sent: `at` itself inside working hours of
 * a working day (make-up Saturdays included, holidays and ordinary weekends excluded), otherwise the
 * start of working hours of the next working day — or of today, before opening time on a workday.
 * Nobody gets supervision mail at night or on a rest day; in-app notifications never wait.
 */
export function earliestSendTime(at: Date, calendar: WorkingCalendar, hours: WorkHours): Date {
  const today = localDateOf(at);
  if (calendar.isWorkday(today).workday) {
    const open = instantAt(today, hours.start);
    if (at < open) return open;
    if (at < instantAt(today, hours.end)) return at;
  }
  return instantAt(calendar.nextWorkday(today).date, hours.start);
}

export function isSendingTime(at: Date, calendar: WorkingCalendar, hours: WorkHours): boolean {
  return earliestSendTime(at, calendar, hours).getTime() === at.getTime();
}

/**
 * When a chief's daily digest collecting something written at `at` goes out: the next opening of
 * working hours strictly after `at` — so everything written during a working day waits for the next
 * working morning and is sent there together, once.
 */
export function nextDigestTime(at: Date, calendar: WorkingCalendar, hours: WorkHours): Date {
  const today = localDateOf(at);
  if (calendar.isWorkday(today).workday) {
    const open = instantAt(today, hours.start);
    if (at < open) return open;
  }
  return instantAt(calendar.nextWorkday(today).date, hours.start);
}
