import { CalendarRulesError } from './calendar-rules.error.js';
import {
  EXCEPTIONAL_DAY_KINDS,
  type CalendarData,
  type DayInfo,
  type ExceptionalDay,
  type SkippedDay,
  type WorkdayCheck,
  type WorkdayCount,
  type WorkdayResult,
  type YearSchedule,
} from './calendar.types.js';
import {
  firstDayOfMonth,
  fromEpochDay,
  isLocalDate,
  isWeekend,
  lastDayOfMonth,
  toEpochDay,
  yearOf,
  type LocalDate,
} from './local-date.js';
import { WorkdayIndex } from './workday-index.js';

interface WalkOptions {
  start: LocalDate;
  step: 1 | -1;
  /** How many working days to count; the last one counted is the answer. */
  count: number;
  includeStart: boolean;
  /** Stop (and fail) once the walk passes this date. */
  bound?: LocalDate;
}

/**
 * Working-day calendar over a set of loaded years plus the listed exceptional days. Immutable;
 * build a new one when an administrator loads another year.
 */
export class WorkingCalendar {
  private readonly years: ReadonlySet<number>;
  private readonly exceptions: ReadonlyMap<string, ExceptionalDay>;
  /** Built on first use, so a calendar only asked about single days never pays for it. */
  private indexCache: WorkdayIndex | undefined;

  constructor(data: CalendarData) {
    for (const year of data.years) {
      if (!Number.isInteger(year) || year < 1900 || year > 9999) {
        throw new CalendarRulesError('INVALID_CALENDAR_DATA', `年份无效：${year}`, { year });
      }
    }
    this.years = new Set(data.years);
    const exceptions = new Map<string, ExceptionalDay>();
    for (const day of data.days) {
      validateExceptionalDay(day);
      const existing = exceptions.get(day.date);
      if (existing && (existing.kind !== day.kind || existing.name !== day.name)) {
        throw new CalendarRulesError(
          'CONFLICTING_CALENDAR_DAY',
          `${day.date} 的安排冲突：${existing.name}（${existing.kind}）与 ${day.name}（${day.kind}）`,
          { date: day.date },
        );
      }
      exceptions.set(day.date, { date: day.date, kind: day.kind, name: day.name });
    }
    this.exceptions = exceptions;
  }

  /** Two schedules for one year would be ambiguous, so that is rejected. */
  static fromSchedules(schedules: readonly YearSchedule[]): WorkingCalendar {
    const years = schedules.map((s) => s.year);
    const duplicate = years.find((y, i) => years.indexOf(y) !== i);
    if (duplicate !== undefined) {
      throw new CalendarRulesError('INVALID_CALENDAR_DATA', `${duplicate}年的节假日安排重复提供`, { year: duplicate });
    }
    return new WorkingCalendar({ years, days: schedules.flatMap((s) => s.days) });
  }

  get loadedYears(): number[] {
    return [...this.years].sort((a, b) => a - b);
  }

  hasYear(year: number): boolean {
    return this.years.has(year);
  }

  exceptionalDays(): ExceptionalDay[] {
    return [...this.exceptions.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
  }

  day(date: LocalDate): DayInfo {
    const listed = this.exceptions.get(date);
    if (listed) {
      // A listed day is known even if it spills into an unloaded year (元旦 blocks starting in December).
      return { date, workday: listed.kind === 'MAKEUP_WORKDAY', kind: listed.kind, name: listed.name, provisional: false };
    }
    const weekend = isWeekend(date);
    return {
      date,
      workday: !weekend,
      kind: weekend ? 'WEEKEND' : 'WORKDAY',
      name: null,
      provisional: !this.years.has(yearOf(date)),
    };
  }

  isWorkday(date: LocalDate): WorkdayCheck {
    const day = this.day(date);
    return { workday: day.workday, day, ...provenance(day.provisional ? [yearOf(date)] : []) };
  }

  /**
   * n > 0: the n-th working day after `from` (from not counted); n < 0: the |n|-th before;
   * n = 0: `from` if it is a working day, else the next working day.
   */
  addWorkdays(from: LocalDate, n: number): WorkdayResult {
    requireInteger(n, 'n');
    if (n === 0) return this.walk({ start: from, step: 1, count: 1, includeStart: true });
    return this.walk({ start: from, step: n > 0 ? 1 : -1, count: Math.abs(n), includeStart: false });
  }

  /** Strictly after `date`. */
  nextWorkday(date: LocalDate): WorkdayResult {
    return this.walk({ start: date, step: 1, count: 1, includeStart: false });
  }

  /** Strictly before `date`. */
  previousWorkday(date: LocalDate): WorkdayResult {
    return this.walk({ start: date, step: -1, count: 1, includeStart: false });
  }

  /** `date` itself when it is a working day, else the nearest working day in `direction`. */
  adjustToWorkday(date: LocalDate, direction: 'NEXT' | 'PREVIOUS'): WorkdayResult {
    return this.walk({ start: date, step: direction === 'NEXT' ? 1 : -1, count: 1, includeStart: true });
  }

  /** Working days d with a < d <= b; negative (−count over b < d <= a) when b < a. */
  workdaysBetween(a: LocalDate, b: LocalDate): WorkdayCount {
    const [lo, hi, sign] = a <= b ? [a, b, 1] : [b, a, -1];
    const index = this.index;
    const from = toEpochDay(lo);
    const to = toEpochDay(hi);
    const count = index.workdaysThrough(to) - index.workdaysThrough(from);
    return { count: sign * count, ...provenance(index.missingYears(from + 1, to)) };
  }

  nthWorkdayOfMonth(year: number, month: number, n: number): WorkdayResult {
    requireMonth(year, month);
    if (!Number.isInteger(n) || n < 1) {
      throw new CalendarRulesError('INVALID_ARGUMENT', `第n个工作日的n必须为正整数：${n}`, { n });
    }
    return this.walk({
      start: firstDayOfMonth(year, month),
      step: 1,
      count: n,
      includeStart: true,
      bound: lastDayOfMonth(year, month),
    });
  }

  lastWorkdayOfMonth(year: number, month: number): WorkdayResult {
    requireMonth(year, month);
    return this.lastWorkdayIn(firstDayOfMonth(year, month), lastDayOfMonth(year, month));
  }

  lastWorkdayOfQuarter(year: number, quarter: number): WorkdayResult {
    if (!Number.isInteger(quarter) || quarter < 1 || quarter > 4) {
      throw new CalendarRulesError('INVALID_ARGUMENT', `季度无效：${quarter}`, { quarter });
    }
    requireMonth(year, quarter * 3);
    return this.lastWorkdayIn(firstDayOfMonth(year, quarter * 3 - 2), lastDayOfMonth(year, quarter * 3));
  }

  lastWorkdayOfYear(year: number): WorkdayResult {
    requireMonth(year, 12);
    return this.lastWorkdayIn(firstDayOfMonth(year, 1), lastDayOfMonth(year, 12));
  }

  private lastWorkdayIn(start: LocalDate, end: LocalDate): WorkdayResult {
    return this.walk({ start: end, step: -1, count: 1, includeStart: true, bound: start });
  }

  private get index(): WorkdayIndex {
    this.indexCache ??= new WorkdayIndex(this.exceptions.values(), this.years);
    return this.indexCache;
  }

  /**
   * The `count`-th working day from `start` in direction `step`, with every day passed over on
   * the way, exactly as walking day by day would report it.
   */
  private walk(options: WalkOptions): WorkdayResult {
    const { start, step, count, includeStart, bound } = options;
    const index = this.index;
    const first = toEpochDay(start) + (includeStart ? 0 : step);
    // The cumulative count rises by one on each working day, so the answer is where it first reaches its level.
    const target =
      step > 0
        ? index.firstReaching(index.workdaysThrough(first - 1) + count)
        : index.firstReaching(index.workdaysThrough(first) - count + 1);
    if (bound !== undefined && (step > 0 ? target > toEpochDay(bound) : target < toEpochDay(bound))) {
      throw new CalendarRulesError('NO_WORKDAY_IN_PERIOD', `${start} 至 ${bound} 之间不足 ${count} 个工作日`, {
        start,
        bound,
        count,
      });
    }
    const [from, to] = step > 0 ? [first, target] : [target, first];
    return {
      date: fromEpochDay(target),
      skipped: index.restDays(from, to),
      countedMakeupDays: index.makeupDays(from, to),
      ...provenance(index.missingYears(from, to)),
    };
  }
}

function provenance(missingYears: number[]): { provisional: boolean; missingYears: number[] } {
  return { provisional: missingYears.length > 0, missingYears };
}

function validateExceptionalDay(day: ExceptionalDay): void {
  const fail = (why: string): never => {
    throw new CalendarRulesError('INVALID_CALENDAR_DATA', `节假日数据无效（${String(day?.date)}）：${why}`, { day });
  };
  if (!isLocalDate(day?.date)) fail('日期无效');
  if (!EXCEPTIONAL_DAY_KINDS.includes(day.kind)) fail(`类型无效 ${String(day.kind)}`);
  if (typeof day.name !== 'string' || day.name.trim() === '') fail('缺少名称');
  if (day.kind === 'MAKEUP_WORKDAY' && !isWeekend(day.date)) fail('调休上班日必须是周六或周日');
}

function requireInteger(value: number, field: string): void {
  if (!Number.isInteger(value)) {
    throw new CalendarRulesError('INVALID_ARGUMENT', `${field} 必须为整数：${value}`, { field, value });
  }
}

function requireMonth(year: number, month: number): void {
  if (!Number.isInteger(year) || year < 1900 || year > 9999 || !Number.isInteger(month) || month < 1 || month > 12) {
    throw new CalendarRulesError('INVALID_ARGUMENT', `年月无效：${year}年${month}月`, { year, month });
  }
}
