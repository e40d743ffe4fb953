import { CalendarRulesError } from './calendar-rules.error.js';
import type { ExceptionalDay, ExceptionalDayKind, YearSchedule } from './calendar.types.js';
import { addDays, isWeekend, monthOf, yearOf, type LocalDate } from './local-date.js';

/** One day read from a schedule file, with where it came from for error messages. */
export interface SourcedDay {
  date: LocalDate;
  kind: ExceptionalDayKind;
  name: string;
  /** e.g. '第3条' or '第12行', shown to the administrator. */
  where: string;
}

/** A single entry longer than this is almost certainly a typo (the longest block so far is 9 days). */
export const MAX_RANGE_DAYS = 31;

export function expandRange(from: LocalDate, to: LocalDate, where: string): LocalDate[] {
  if (to < from) {
    throw new CalendarRulesError('SCHEDULE_INVALID_ENTRY', `${where}：结束日期 ${to} 早于开始日期 ${from}`, { where });
  }
  const dates: LocalDate[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) {
    dates.push(d);
    if (dates.length > MAX_RANGE_DAYS) {
      throw new CalendarRulesError('SCHEDULE_INVALID_ENTRY', `${where}：${from} 至 ${to} 超过 ${MAX_RANGE_DAYS} 天，请检查日期`, {
        where,
      });
    }
  }
  return dates;
}

/**
 * Whether `date` may appear in the notice for `year`. Besides the year itself, the previous
 * December is allowed: a 元旦 block can start there (the 2019 notice has 2018-12-29 上班 and
 * 2018-12-30/31 放假; the 2023 notice starts on 2022-12-31).
 */
export function belongsToScheduleYear(date: LocalDate, year: number): boolean {
  return yearOf(date) === year || (yearOf(date) === year - 1 && monthOf(date) === 12);
}

export function requireYear(value: unknown, where: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1900 || value > 9999) {
    throw new CalendarRulesError('SCHEDULE_INVALID_FORMAT', `${where}：年份无效 ${String(value)}`, { where });
  }
  return value;
}

export function requireExpectedYear(year: number, expectedYear: number | undefined): void {
  if (expectedYear !== undefined && year !== expectedYear) {
    throw new CalendarRulesError('SCHEDULE_YEAR_MISMATCH', `文件中的年份为${year}年，与要导入的${expectedYear}年不一致`, {
      year,
      expectedYear,
    });
  }
}

/** Checks the whole year's days and returns them sorted. */
export function validateSchedule(year: number, days: readonly SourcedDay[]): YearSchedule {
  if (days.length === 0) {
    throw new CalendarRulesError('SCHEDULE_EMPTY', `${year}年节假日安排为空，未找到任何放假或调休上班日`, { year });
  }
  const seen = new Map<string, SourcedDay>();
  for (const day of days) {
    if (!belongsToScheduleYear(day.date, year)) {
      throw new CalendarRulesError(
        'SCHEDULE_DATE_OUT_OF_YEAR',
        `${day.where}：日期 ${day.date} 不属于${year}年（仅允许${year}年及${year - 1}年12月的元旦连休）`,
        { where: day.where, date: day.date, year },
      );
    }
    if (day.kind === 'MAKEUP_WORKDAY' && !isWeekend(day.date)) {
      throw new CalendarRulesError(
        'SCHEDULE_MAKEUP_NOT_WEEKEND',
        `${day.where}：调休上班日 ${day.date} 不是周六或周日`,
        { where: day.where, date: day.date },
      );
    }
    if (day.name.trim() === '') {
      throw new CalendarRulesError('SCHEDULE_INVALID_ENTRY', `${day.where}：缺少节日名称`, { where: day.where });
    }
    const previous = seen.get(day.date);
    if (previous) {
      throw new CalendarRulesError(
        'SCHEDULE_DUPLICATE_DATE',
        `${day.where}：日期 ${day.date} 重复（已在${previous.where}列为${previous.name}）`,
        { where: day.where, previous: previous.where, date: day.date },
      );
    }
    seen.set(day.date, day);
  }
  const sorted: ExceptionalDay[] = [...seen.values()]
    .sort((a, b) => (a.date < b.date ? -1 : 1))
    .map(({ date, kind, name }) => ({ date, kind, name: name.trim() }));
  return { year, days: sorted };
}
