import rrulePackage from 'rrule';
import {
  compareLocalDates,
  makeLocalDate,
  monthOf,
  yearOf,
  type LocalDate,
  type WorkingCalendar,
} from '#libs/calendar';
import { TaskError, TaskErrorCode } from '../task.errors.js';

const { RRule } = rrulePackage;

/**
 * How often a schedule issues a task: an RFC 5545 RRULE (dates only, e.g. FREQ=WEEKLY;BYDAY=FR),
 * or a working-day form that an RRULE cannot express because it depends on holidays and 调休.
 */
export type Recurrence =
  | { kind: 'RRULE'; rrule: string }
  | { kind: 'NTH_WORKDAY_OF_MONTH'; n: number; months?: number[] }
  | { kind: 'LAST_WORKDAY_OF'; period: 'MONTH' | 'QUARTER' | 'YEAR' };

const invalid = (message: string, details?: Record<string, unknown>) =>
  new TaskError(TaskErrorCode.SCHEDULE_INVALID, 'INVALID', message, details);

export function parseRecurrence(value: unknown): Recurrence {
  const v = value as Record<string, unknown> | null;
  switch (v?.kind) {
    case 'RRULE': {
      if (typeof v.rrule !== 'string' || !/^(RRULE:)?FREQ=/i.test(v.rrule.trim())) throw invalid('RRULE 格式无效', { rrule: v.rrule });
      const rrule = v.rrule.trim().replace(/^RRULE:/i, '');
      if (/DTSTART|BYHOUR|BYMINUTE|BYSECOND|FREQ=(HOURLY|MINUTELY|SECONDLY)/i.test(rrule)) {
        throw invalid('RRULE 只能按日期重复（开始日期由日程给出）', { rrule });
      }
      try {
        RRule.parseString(rrule);
      } catch {
        throw invalid('RRULE 格式无效', { rrule });
      }
      return { kind: 'RRULE', rrule };
    }
    case 'NTH_WORKDAY_OF_MONTH': {
      const n = v.n;
      if (!Number.isInteger(n) || (n as number) < 1 || (n as number) > 23) throw invalid('第N个工作日须为1至23的整数', { n });
      const months = v.months;
      if (months !== undefined && (!Array.isArray(months) || months.some((m) => !Number.isInteger(m) || m < 1 || m > 12))) {
        throw invalid('月份须为1至12的整数', { months });
      }
      return { kind: 'NTH_WORKDAY_OF_MONTH', n: n as number, ...(months ? { months: months as number[] } : {}) };
    }
    case 'LAST_WORKDAY_OF':
      if (!['MONTH', 'QUARTER', 'YEAR'].includes(v.period as string)) throw invalid('周期须为 MONTH、QUARTER 或 YEAR', { period: v.period });
      return { kind: 'LAST_WORKDAY_OF', period: v.period as 'MONTH' | 'QUARTER' | 'YEAR' };
    default:
      throw invalid('未知的重复规则类型', { kind: v?.kind });
  }
}

/** Occurrence dates in [from, to], none before `start`, in order. */
export function occurrences(rec: Recurrence, start: LocalDate, from: LocalDate, to: LocalDate, calendar: WorkingCalendar): LocalDate[] {
  const lower = compareLocalDates(from, start) < 0 ? start : from;
  if (compareLocalDates(lower, to) > 0) return [];
  if (rec.kind === 'RRULE') {
    const rule = new RRule({ ...RRule.parseString(rec.rrule), dtstart: utcMidnight(start) });
    return rule.between(utcMidnight(lower), utcMidnight(to), true).map((d) => d.toISOString().slice(0, 10) as LocalDate);
  }
  const result: LocalDate[] = [];
  // Walk months from the lower bound's month; each month yields at most one date.
  for (let y = yearOf(lower), m = monthOf(lower); compareLocalDates(makeLocalDate(y, m, 1), to) <= 0; m === 12 ? (y++, (m = 1)) : m++) {
    const date = occurrenceInMonth(rec, y, m, calendar);
    if (date && compareLocalDates(date, lower) >= 0 && compareLocalDates(date, to) <= 0) result.push(date);
  }
  return result;
}

function occurrenceInMonth(rec: Recurrence, year: number, month: number, calendar: WorkingCalendar): LocalDate | null {
  if (rec.kind === 'NTH_WORKDAY_OF_MONTH') {
    if (rec.months && !rec.months.includes(month)) return null;
    return calendar.nthWorkdayOfMonth(year, month, rec.n).date;
  }
  if (rec.kind === 'LAST_WORKDAY_OF') {
    if (rec.period === 'QUARTER' && month % 3 !== 0) return null;
    if (rec.period === 'YEAR' && month !== 12) return null;
    return calendar.lastWorkdayOfMonth(year, month).date;
  }
  return null;
}

function utcMidnight(date: LocalDate): Date {
  return new Date(`${date}T00:00:00.000Z`);
}
