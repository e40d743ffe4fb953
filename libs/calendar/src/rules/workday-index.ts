import type { ExceptionalDay, ExceptionalDayKind, SkippedDay } from './calendar.types.js';
import { civilOfEpochDay, epochDayOf, fromEpochDay, toEpochDay, type LocalDate } from './local-date.js';

/**
 * Working-day arithmetic on epoch days in O(log e), e = number of listed days, so counting over
 * a range or finding the n-th working day never walks the days in between.
 *
 * The cumulative count W(x) = "working days up to x" is the Mon–Fri count (a closed formula)
 * plus a prefix sum over the listed days of how each one changes its own day: a HOLIDAY on a
 * weekday −1, a MAKEUP_WORKDAY (always a weekend) +1, a HOLIDAY on a weekend 0. W rises by one
 * exactly on working days, so a range count is a difference of two W values and the n-th
 * working day is the first x where W reaches a level. Unloaded years follow the same weekday
 * rule, which is what the calendar answers for them; only provenance cares about loading.
 */
export class WorkdayIndex {
  /** Epoch days of the listed days, ascending; kinds, names and dates run parallel to it. */
  private readonly days: Float64Array;
  private readonly kinds: ExceptionalDayKind[];
  private readonly names: string[];
  private readonly dates: LocalDate[];
  /** shift[i]: net change the first i listed days make to the Mon–Fri count. */
  private readonly shift: Float64Array;

  /** `listed` must already be valid (a MAKEUP_WORKDAY on a weekend, one entry per date). */
  constructor(
    listed: Iterable<ExceptionalDay>,
    private readonly loadedYears: ReadonlySet<number>,
  ) {
    const sorted = [...listed].map((day) => ({ day, epochDay: toEpochDay(day.date) }));
    sorted.sort((a, b) => a.epochDay - b.epochDay);
    this.days = Float64Array.from(sorted, (s) => s.epochDay);
    this.kinds = sorted.map((s) => s.day.kind);
    this.names = sorted.map((s) => s.day.name);
    this.dates = sorted.map((s) => s.day.date);
    this.shift = new Float64Array(sorted.length + 1);
    sorted.forEach(({ day, epochDay }, i) => {
      const delta = day.kind === 'MAKEUP_WORKDAY' ? 1 : isWeekendDay(epochDay) ? 0 : -1;
      this.shift[i + 1] = this.shift[i]! + delta;
    });
  }

  /** W(x): working days from a fixed origin through x; only differences are meaningful. */
  workdaysThrough(epochDay: number): number {
    return weekdaysThrough(epochDay) + this.shift[this.countListedThrough(epochDay)]!;
  }

  /** The first day x with W(x) >= level; W(x) = level there and x is a working day. */
  firstReaching(level: number): number {
    // Find the first listed day where W reaches the level; the answer lies after the listed day
    // before it and at or before this one, where the shift is constant.
    let lo = 0;
    let hi = this.days.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (weekdaysThrough(this.days[mid]!) + this.shift[mid + 1]! >= level) hi = mid;
      else lo = mid + 1;
    }
    const plain = firstWithWeekdays(level - this.shift[lo]!);
    return lo < this.days.length && plain >= this.days[lo]! ? this.days[lo]! : plain;
  }

  /** Rest days in [from, to], ascending, as a day-by-day walk would skip them. */
  restDays(from: number, to: number): SkippedDay[] {
    const rest: SkippedDay[] = [];
    let i = this.countListedThrough(from - 1);
    let weekend = firstWeekendDayFrom(from);
    for (;;) {
      const listed = i < this.days.length && this.days[i]! <= to ? this.days[i]! : Infinity;
      const plain = weekend <= to ? weekend : Infinity;
      if (listed === Infinity && plain === Infinity) return rest;
      if (listed <= plain) {
        // A listed weekend day replaces the plain weekend: HOLIDAY keeps it a rest day, MAKEUP_WORKDAY works it.
        if (this.kinds[i] === 'HOLIDAY') rest.push({ date: this.dates[i]!, kind: 'HOLIDAY', name: this.names[i]! });
        if (listed === plain) weekend = nextWeekendDay(weekend);
        i += 1;
      } else {
        rest.push({ date: fromEpochDay(plain), kind: 'WEEKEND', name: null });
        weekend = nextWeekendDay(weekend);
      }
    }
  }

  /** 调休上班 days in [from, to], ascending. */
  makeupDays(from: number, to: number): LocalDate[] {
    const makeups: LocalDate[] = [];
    for (let i = this.countListedThrough(from - 1); i < this.days.length && this.days[i]! <= to; i += 1) {
      if (this.kinds[i] === 'MAKEUP_WORKDAY') makeups.push(this.dates[i]!);
    }
    return makeups;
  }

  /**
   * Unloaded years with at least one unlisted day in [from, to], ascending: the years a walk over
   * those days would have had to guess (a listed day is known even in an unloaded year).
   */
  missingYears(from: number, to: number): number[] {
    const missing: number[] = [];
    if (from > to) return missing;
    const last = civilOfEpochDay(to).year;
    for (let year = civilOfEpochDay(from).year; year <= last; year += 1) {
      if (this.loadedYears.has(year)) continue;
      const start = Math.max(from, epochDayOf(year, 1, 1));
      const end = Math.min(to, epochDayOf(year + 1, 1, 1) - 1);
      const listed = this.countListedThrough(end) - this.countListedThrough(start - 1);
      if (listed < end - start + 1) missing.push(year);
    }
    return missing;
  }

  /** How many listed days are on or before `epochDay`. */
  private countListedThrough(epochDay: number): number {
    let lo = 0;
    let hi = this.days.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.days[mid]! <= epochDay) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

// Weeks are counted from Monday 1969-12-29 (epoch day −3), so epochDay + 4 is 1-based within them.

/** Mon–Fri days in [1969-12-29, x]; extends below that origin (≤ 0) with the same differences. */
function weekdaysThrough(epochDay: number): number {
  const position = epochDay + 4;
  const weeks = Math.floor(position / 7);
  return 5 * weeks + Math.min(position - 7 * weeks, 5);
}

/** The first day x with weekdaysThrough(x) >= count; always a Mon–Fri. */
function firstWithWeekdays(count: number): number {
  const weeks = Math.floor((count - 1) / 5);
  return 7 * weeks + (count - 5 * weeks) - 4;
}

/** 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
function weekdayIndex(epochDay: number): number {
  return (((epochDay + 3) % 7) + 7) % 7;
}

function isWeekendDay(epochDay: number): boolean {
  return weekdayIndex(epochDay) >= 5;
}

function firstWeekendDayFrom(epochDay: number): number {
  const index = weekdayIndex(epochDay);
  return index >= 5 ? epochDay : epochDay + 5 - index;
}

function nextWeekendDay(weekendDay: number): number {
  return weekdayIndex(weekendDay) === 5 ? weekendDay + 1 : weekendDay + 6;
}
