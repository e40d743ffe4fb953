import { CalendarRulesError } from './calendar-rules.error.js';
import type { Provenance } from './calendar.types.js';
import { deadlineInstant } from './cutoff.js';
import { localDateOf, type LocalDate } from './local-date.js';
import type { WorkingCalendar } from './working-calendar.js';

/**
 * The single definition of "overdue" used by task status and escalation.
 *
 * A working day d after the due date "has passed" once `now >= deadlineInstant(d, cutoff)` — the
 * same exclusive boundary as the deadline itself — so:
 *   overdueWorkdays(t) >= n  ⇔  t >= instantWhenOverdueBy(n)   for n >= 1
 *   isOverdue(dueAt, t)      ⇔  t >= instantWhenOverdueBy(0)
 * and an escalation job scheduled exactly at instantWhenOverdueBy(n) already sees level n.
 */

/** True from the deadline instant on (dueAt is exclusive, see cutoff.ts). */
export function isOverdue(dueAt: Date, now: Date): boolean {
  return now.getTime() >= dueAt.getTime();
}

export interface OverdueDetail extends Provenance {
  workdays: number;
}

/**
 * Working days after `dueDate` whose own cut-off has passed at `now`: a task due Friday is
 * overdue by 1 once Monday's cut-off has passed (if Monday is a working day), 0 before that.
 */
export function overdueWorkdays(
  dueDate: LocalDate,
  cutoff: string,
  now: Date,
  calendar: WorkingCalendar,
): number {
  return overdueDetail(dueDate, cutoff, now, calendar).workdays;
}

/** overdueWorkdays plus whether a missing year was involved (then escalation is provisional). */
export function overdueDetail(
  dueDate: LocalDate,
  cutoff: string,
  now: Date,
  calendar: WorkingCalendar,
): OverdueDetail {
  if (!isOverdue(deadlineInstant(dueDate, cutoff), now)) {
    return { workdays: 0, provisional: false, missingYears: [] };
  }
  const today = localDateOf(now);
  if (today <= dueDate) return { workdays: 0, provisional: false, missingYears: [] };
  // Every working day strictly before today has had its cut-off (cut-offs are at most 24:00);
  // today's counts only once its own cut-off is reached.
  const between = calendar.workdaysBetween(dueDate, today);
  const todayCounts = isOverdue(deadlineInstant(today, cutoff), now);
  const todayIsWorkday = calendar.day(today).workday;
  const workdays = between.count - (todayIsWorkday && !todayCounts ? 1 : 0);
  return { workdays, provisional: between.provisional, missingYears: between.missingYears };
}

/** The instant at which overdueWorkdays first reaches n; n = 0 is the deadline instant itself. */
export function instantWhenOverdueBy(
  dueDate: LocalDate,
  cutoff: string,
  n: number,
  calendar: WorkingCalendar,
): Date {
  return instantWhenOverdueByDetail(dueDate, cutoff, n, calendar).at;
}

export function instantWhenOverdueByDetail(
  dueDate: LocalDate,
  cutoff: string,
  n: number,
  calendar: WorkingCalendar,
): Provenance & { at: Date; workday: LocalDate } {
  if (!Number.isInteger(n) || n < 0) {
    throw new CalendarRulesError('INVALID_ARGUMENT', `逾期工作日数必须为非负整数：${n}`, { n });
  }
  if (n === 0) return { at: deadlineInstant(dueDate, cutoff), workday: dueDate, provisional: false, missingYears: [] };
  const nth = calendar.addWorkdays(dueDate, n);
  return {
    at: deadlineInstant(nth.date, cutoff),
    workday: nth.date,
    provisional: nth.provisional,
    missingYears: nth.missingYears,
  };
}
