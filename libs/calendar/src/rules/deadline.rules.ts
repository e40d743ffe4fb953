import type { Provenance, SkippedDay, WorkdayResult } from './calendar.types.js';
import { END_OF_DAY, deadlineInstant } from './cutoff.js';
import {
  adjustClause,
  cutoffClause,
  makeupClause,
  provisionalClause,
  skippedClause,
} from './deadline-explanation.js';
import { DEFAULT_CALENDAR_DAYS_ADJUST, parseDeadlineRule, type Adjust, type DeadlineRule } from './deadline-rule.js';
import {
  addDays,
  daysInMonth,
  makeLocalDate,
  monthOf,
  parseTimeOfDay,
  yearOf,
  type LocalDate,
} from './local-date.js';
import type { WorkingCalendar } from './working-calendar.js';

export interface DeadlineResult extends Provenance {
  dueDate: LocalDate;
  /** Exclusive: overdue from this instant on (see cutoff.ts). */
  dueAt: Date;
  skipped: SkippedDay[];
  /** Chinese, for task pages and notices. */
  explanation: string;
}

interface Resolved {
  result: WorkdayResult;
  /** Opening phrase of the explanation, e.g. '自2026-09-30起5个工作日'. */
  head: string;
  /** Set for date + adjust rules, whose wording differs from counted working days. */
  adjust?: { raw: LocalDate; mode: Adjust };
}

/**
 * The due date and instant of `rule` anchored at `anchor`. `cutoff` is Shanghai wall time
 * ('HH:mm', '24:00' = end of the due date, the default).
 */
export function computeDeadline(
  rule: DeadlineRule,
  anchor: LocalDate,
  calendar: WorkingCalendar,
  cutoff: string = END_OF_DAY,
): DeadlineResult {
  const checked = parseDeadlineRule(rule);
  const time = parseTimeOfDay(cutoff);
  const { result, head, adjust } = resolve(checked, anchor, calendar);
  const due = result.date;
  const makeups = result.countedMakeupDays.map((date) => ({ date, name: calendar.day(date).name }));
  const body = adjust
    ? `${head}${adjustClause(adjust.raw, due, result.skipped, adjust.mode, restLabel(calendar, adjust.raw))}` +
      `${makeupClause(makeups)}，到期日${due}`
    : `${head}${skippedClause(result.skipped)}${makeupClause(makeups)}，到期日${due}`;
  return {
    dueDate: due,
    dueAt: deadlineInstant(due, time),
    provisional: result.provisional,
    missingYears: result.missingYears,
    skipped: result.skipped,
    explanation: `${body}${cutoffClause(due, time)}${provisionalClause(result.missingYears)}`,
  };
}

function resolve(rule: DeadlineRule, anchor: LocalDate, calendar: WorkingCalendar): Resolved {
  const year = yearOf(anchor);
  const month = monthOf(anchor);
  switch (rule.kind) {
    case 'WORKDAYS_AFTER': {
      const result = calendar.addWorkdays(anchor, rule.days);
      if (rule.days === 0) return { result, head: `${anchor}当日（非工作日则顺延至下一工作日）` };
      if (rule.days < 0) return { result, head: `${anchor}前${-rule.days}个工作日` };
      return { result, head: `自${anchor}起${rule.days}个工作日` };
    }
    case 'CALENDAR_DAYS_AFTER': {
      const raw = addDays(anchor, rule.days);
      const head = `自${anchor}起${rule.days}个自然日为${raw}`;
      return adjusted(calendar, raw, rule.adjust ?? DEFAULT_CALENDAR_DAYS_ADJUST, head);
    }
    case 'NTH_WORKDAY_OF_MONTH': {
      const [y, m] = shiftMonth(year, month, rule.monthOffset ?? 0);
      return { result: calendar.nthWorkdayOfMonth(y, m, rule.n), head: `${y}年${m}月第${rule.n}个工作日` };
    }
    case 'LAST_WORKDAY_OF':
      if (rule.period === 'MONTH') {
        return { result: calendar.lastWorkdayOfMonth(year, month), head: `${year}年${month}月最后一个工作日` };
      }
      if (rule.period === 'QUARTER') {
        const q = Math.ceil(month / 3);
        return { result: calendar.lastWorkdayOfQuarter(year, q), head: `${year}年第${q}季度最后一个工作日` };
      }
      return { result: calendar.lastWorkdayOfYear(year), head: `${year}年最后一个工作日` };
    case 'FIXED_DATE':
      return adjusted(calendar, rule.date, rule.adjust, `固定日期${rule.date}`);
    case 'MONTH_DAY': {
      const m = rule.month ?? month;
      // Day 31 of a 30-day month (or 29–31 of February) means the month's last day.
      const day = Math.min(rule.day, daysInMonth(year, m));
      const raw = makeLocalDate(year, m, day);
      const clamp = day === rule.day ? '' : `（该月无${rule.day}日，取月末）`;
      return adjusted(calendar, raw, rule.adjust, `${year}年${m}月${rule.day}日${clamp}`);
    }
  }
}

function adjusted(calendar: WorkingCalendar, raw: LocalDate, mode: Adjust, head: string): Resolved {
  // With NONE the answer does not depend on the calendar, so it is never provisional.
  const result: WorkdayResult =
    mode === 'NONE'
      ? { date: raw, skipped: [], countedMakeupDays: [], provisional: false, missingYears: [] }
      : calendar.adjustToWorkday(raw, mode);
  return { result, head, adjust: { raw, mode } };
}

/** '国庆节' / '周末' when the date is a known rest day, null otherwise (or when unknown). */
function restLabel(calendar: WorkingCalendar, date: LocalDate): string | null {
  const info = calendar.day(date);
  if (info.workday || info.provisional) return null;
  return info.kind === 'HOLIDAY' ? (info.name ?? '节假日') : '周末';
}

function shiftMonth(year: number, month: number, offset: number): [number, number] {
  const index = year * 12 + (month - 1) + offset;
  return [Math.floor(index / 12), (index % 12) + 1];
}
