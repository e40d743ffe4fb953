import { isDeepStrictEqual } from 'node:util';
import type { CalendarData, DayInfo, ExceptionalDay, SkippedDay, WorkdayCount, WorkdayResult } from './calendar.types.js';
import { deadlineInstant } from './cutoff.js';
import { parseLocalDate, type LocalDate } from './local-date.js';
import { overdueDetail } from './overdue.rules.js';
import { packageSchedule } from './package-schedule.js';
import { WorkingCalendar } from './working-calendar.js';

/*
 * The calendar counts through prefix sums and binary search; this file keeps the plain
 * day-by-day definition next to it and compares the two over many ranges. The reference uses
 * only Date and the raw calendar data, nothing from the fast path, so an off-by-one at a block
 * edge, a year boundary or an unloaded year shows up as a mismatch.
 */

const MS_PER_DAY = 86_400_000;

function refAddDays(date: string, days: number): LocalDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * MS_PER_DAY).toISOString().slice(0, 10) as LocalDate;
}

function refDaysBetween(a: string, b: string): number {
  return (Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / MS_PER_DAY;
}

class ReferenceCalendar {
  private readonly years: Set<number>;
  private readonly listed: Map<string, ExceptionalDay>;

  constructor(data: CalendarData) {
    this.years = new Set(data.years);
    this.listed = new Map(data.days.map((day) => [day.date, day]));
  }

  day(date: LocalDate): DayInfo {
    const listed = this.listed.get(date);
    if (listed) {
      return { date, workday: listed.kind === 'MAKEUP_WORKDAY', kind: listed.kind, name: listed.name, provisional: false };
    }
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    const weekend = weekday === 0 || weekday === 6;
    return {
      date,
      workday: !weekend,
      kind: weekend ? 'WEEKEND' : 'WORKDAY',
      name: null,
      provisional: !this.years.has(Number(date.slice(0, 4))),
    };
  }

  workdaysBetween(a: LocalDate, b: LocalDate): WorkdayCount {
    const [lo, hi, sign] = a <= b ? [a, b, 1] : [b, a, -1];
    const missing = new Set<number>();
    let count = 0;
    for (let d = refAddDays(lo, 1); d <= hi; d = refAddDays(d, 1)) {
      const info = this.day(d);
      if (info.provisional) missing.add(Number(d.slice(0, 4)));
      if (info.workday) count += 1;
    }
    return { count: sign * count, ...provenanceOf(missing) };
  }

  /** Walks from `start` until the `count`-th working day; null when it passes `bound` first. */
  walk(start: LocalDate, step: 1 | -1, count: number, includeStart: boolean, bound?: LocalDate): WorkdayResult | null {
    const missing = new Set<number>();
    const skipped: SkippedDay[] = [];
    const makeups: LocalDate[] = [];
    let counted = 0;
    for (let d = includeStart ? start : refAddDays(start, step); ; d = refAddDays(d, step)) {
      if (bound !== undefined && (step > 0 ? d > bound : d < bound)) return null;
      const info = this.day(d);
      if (info.provisional) missing.add(Number(d.slice(0, 4)));
      if (info.workday) {
        counted += 1;
        if (info.kind === 'MAKEUP_WORKDAY') makeups.push(d);
        if (counted === count) {
          skipped.sort((x, y) => (x.date < y.date ? -1 : 1));
          makeups.sort();
          return { date: d, skipped, countedMakeupDays: makeups, ...provenanceOf(missing) };
        }
      } else {
        skipped.push({ date: d, kind: info.kind === 'HOLIDAY' ? 'HOLIDAY' : 'WEEKEND', name: info.name });
      }
    }
  }

  addWorkdays(from: LocalDate, n: number): WorkdayResult | null {
    return n === 0 ? this.walk(from, 1, 1, true) : this.walk(from, n > 0 ? 1 : -1, Math.abs(n), false);
  }

  /** Working days after `due` whose own cut-off has passed at `now`, counted one by one. */
  overdueWorkdays(due: LocalDate, cutoff: string, now: Date): number {
    if (now < deadlineInstant(due, cutoff)) return 0;
    let count = 0;
    for (let d = refAddDays(due, 1); deadlineInstant(d, cutoff) <= now; d = refAddDays(d, 1)) {
      if (this.day(d).workday) count += 1;
    }
    return count;
  }
}

function provenanceOf(missing: Set<number>): { provisional: boolean; missingYears: number[] } {
  const missingYears = [...missing].sort((a, b) => a - b);
  return { provisional: missingYears.length > 0, missingYears };
}

/** Deterministic, so a failure names a reproducible case. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A throw becomes its code, so an error and a result compare like values. */
function outcome<T>(fn: () => T): T | { error: unknown } {
  try {
    return fn();
  } catch (error) {
    return { error: (error as { code?: unknown }).code ?? error };
  }
}

interface Mismatch {
  call: string;
  fast: unknown;
  reference: unknown;
}

/** Collects every case where the two disagree (Object.is on numbers, so −0 ≠ 0 too). */
function mismatchesOf(cases: Iterable<[call: string, fast: () => unknown, reference: () => unknown]>): Mismatch[] {
  const found: Mismatch[] = [];
  for (const [call, fast, reference] of cases) {
    const f = outcome(fast);
    const r = outcome(reference);
    if (!isDeepStrictEqual(f, r) && found.length < 5) found.push({ call, fast: f, reference: r });
  }
  return found;
}

const d = parseLocalDate;
/** 2024-12-01 … 2028-01-31: 2025 and 2026 loaded from the package, 2027 not. */
const SPAN_START = d('2024-12-01');
const SPAN_DAYS = refDaysBetween(SPAN_START, '2028-01-31') + 1;
const dayOfSpan = (i: number): LocalDate => refAddDays(SPAN_START, i);

const official = packageSchedule();

/**
 * The real 2024–2026 days with 2025 deliberately left unloaded (its listed days stay known, the
 * rest is a guess) plus a made-up arrangement for 2027 that is NOT the official one: it only puts
 * listed days in an unloaded year, including a weekend holiday, a make-up Saturday and a
 * 2027-12-31 holiday such as a 2028 notice could start with.
 */
const partlyLoaded: CalendarData = {
  years: [2024, 2026],
  days: [
    ...official.days.filter((day) => day.date >= '2024-01-01' && day.date <= '2026-12-31'),
    { date: d('2027-01-01'), kind: 'HOLIDAY', name: '元旦' },
    { date: d('2027-01-02'), kind: 'HOLIDAY', name: '元旦' },
    { date: d('2027-01-03'), kind: 'HOLIDAY', name: '元旦' },
    { date: d('2027-01-09'), kind: 'MAKEUP_WORKDAY', name: '元旦' },
    { date: d('2027-12-31'), kind: 'HOLIDAY', name: '元旦' },
  ],
};

describe.each<[string, CalendarData]>([
  ['the package calendar (2027 unloaded)', official],
  ['a partly loaded calendar (2025 and 2027 unloaded, with listed days)', partlyLoaded],
])('fast working-day arithmetic equals the day-by-day reference: %s', (_label, data) => {
  const fast = new WorkingCalendar(data);
  const ref = new ReferenceCalendar(data);

  it('day() for every day of the span', () => {
    expect(
      mismatchesOf(
        Array.from({ length: SPAN_DAYS }, (_, i) => {
          const x = dayOfSpan(i);
          return [`day(${x})`, () => fast.day(x), () => ref.day(x)];
        }),
      ),
    ).toEqual([]);
  });

  it.each([1, 2, 3, 7, 8, 9, 10, 31, 45])('workdaysBetween(x, x ± %i) from every day of the span', (k) => {
    const cases = Array.from({ length: SPAN_DAYS }, (_, i): [string, () => unknown, () => unknown][] => {
      const a = dayOfSpan(i);
      const b = refAddDays(a, k);
      return [
        [`workdaysBetween(${a}, ${b})`, () => fast.workdaysBetween(a, b), () => ref.workdaysBetween(a, b)],
        [`workdaysBetween(${b}, ${a})`, () => fast.workdaysBetween(b, a), () => ref.workdaysBetween(b, a)],
      ];
    }).flat();
    expect(mismatchesOf(cases)).toEqual([]);
  });

  it.each([101, 202])('workdaysBetween over 400 random ranges (seed %i)', (seed) => {
    const random = mulberry32(seed);
    const pick = (): LocalDate => dayOfSpan(Math.floor(random() * SPAN_DAYS));
    expect(
      mismatchesOf(
        Array.from({ length: 400 }, () => {
          const [a, b] = [pick(), pick()];
          return [`workdaysBetween(${a}, ${b})`, () => fast.workdaysBetween(a, b), () => ref.workdaysBetween(a, b)];
        }),
      ),
    ).toEqual([]);
  });

  it.each([-12, -5, -2, -1, 0, 1, 2, 3, 5, 12])('addWorkdays(x, %i) from every day of the span', (n) => {
    expect(
      mismatchesOf(
        Array.from({ length: SPAN_DAYS }, (_, i) => {
          const x = dayOfSpan(i);
          return [`addWorkdays(${x}, ${n})`, () => fast.addWorkdays(x, n), () => ref.addWorkdays(x, n)];
        }),
      ),
    ).toEqual([]);
  });

  it.each([7, 8])('addWorkdays over 400 random starts and n in −150…150 (seed %i)', (seed) => {
    const random = mulberry32(seed);
    expect(
      mismatchesOf(
        Array.from({ length: 400 }, () => {
          const x = dayOfSpan(Math.floor(random() * SPAN_DAYS));
          const n = Math.floor(random() * 301) - 150;
          return [`addWorkdays(${x}, ${n})`, () => fast.addWorkdays(x, n), () => ref.addWorkdays(x, n)];
        }),
      ),
    ).toEqual([]);
  });

  it('next / previous / adjusted working day from every day of the span', () => {
    const cases = Array.from({ length: SPAN_DAYS }, (_, i): [string, () => unknown, () => unknown][] => {
      const x = dayOfSpan(i);
      return [
        [`nextWorkday(${x})`, () => fast.nextWorkday(x), () => ref.walk(x, 1, 1, false)],
        [`previousWorkday(${x})`, () => fast.previousWorkday(x), () => ref.walk(x, -1, 1, false)],
        [`adjustToWorkday(${x}, NEXT)`, () => fast.adjustToWorkday(x, 'NEXT'), () => ref.walk(x, 1, 1, true)],
        [`adjustToWorkday(${x}, PREVIOUS)`, () => fast.adjustToWorkday(x, 'PREVIOUS'), () => ref.walk(x, -1, 1, true)],
      ];
    }).flat();
    expect(mismatchesOf(cases)).toEqual([]);
  });

  it('n-th and last working day of every month, quarter and year of 2025–2027', () => {
    const cases: [string, () => unknown, () => unknown][] = [];
    const orFail = (result: WorkdayResult | null) => result ?? { error: 'NO_WORKDAY_IN_PERIOD' };
    /** First and last day of `months` months from year-month. */
    const period = (year: number, month: number, months: number): [LocalDate, LocalDate] => {
      const first = d(`${year}-${String(month).padStart(2, '0')}-01`);
      const next = new Date(Date.UTC(year, month - 1 + months, 1)).toISOString().slice(0, 10);
      return [first, refAddDays(next, -1)];
    };
    const lastIn = ([first, last]: [LocalDate, LocalDate]) => () => orFail(ref.walk(last, -1, 1, true, first));
    for (const year of [2025, 2026, 2027]) {
      for (let month = 1; month <= 12; month += 1) {
        const [first, last] = period(year, month, 1);
        for (let n = 1; n <= 25; n += 1) {
          cases.push([
            `nthWorkdayOfMonth(${year}, ${month}, ${n})`,
            () => fast.nthWorkdayOfMonth(year, month, n),
            () => orFail(ref.walk(first, 1, n, true, last)),
          ]);
        }
        const lastOfMonth = () => fast.lastWorkdayOfMonth(year, month);
        cases.push([`lastWorkdayOfMonth(${year}, ${month})`, lastOfMonth, lastIn([first, last])]);
      }
      for (let quarter = 1; quarter <= 4; quarter += 1) {
        const lastOfQuarter = () => fast.lastWorkdayOfQuarter(year, quarter);
        cases.push([`lastWorkdayOfQuarter(${year}, ${quarter})`, lastOfQuarter, lastIn(period(year, quarter * 3 - 2, 3))]);
      }
      cases.push([`lastWorkdayOfYear(${year})`, () => fast.lastWorkdayOfYear(year), lastIn(period(year, 1, 12))]);
    }
    expect(mismatchesOf(cases)).toEqual([]);
  });

  it.each([11])('overdue working days at 1000 random instants (seed %i)', (seed) => {
    const random = mulberry32(seed);
    const cutoffs = ['24:00', '17:30', '08:00', '00:00'];
    expect(
      mismatchesOf(
        Array.from({ length: 1000 }, () => {
          const due = dayOfSpan(Math.floor(random() * (SPAN_DAYS - 80)));
          const cutoff = cutoffs[Math.floor(random() * cutoffs.length)]!;
          const now = new Date(Date.parse(`${due}T00:00:00+08:00`) + Math.floor(random() * 80 * 96) * 900_000);
          return [
            `overdueDetail(${due}, ${cutoff}, ${now.toISOString()}).workdays`,
            () => overdueDetail(due, cutoff, now, fast).workdays,
            () => ref.overdueWorkdays(due, cutoff, now),
          ];
        }),
      ),
    ).toEqual([]);
  });
});

describe('worked cases the property tests pin down', () => {
  const partly = new WorkingCalendar(partlyLoaded);

  it.each<[string, string, number, number[]]>([
    // Only listed 2025 days (国庆节 10-01..10-08) are consulted, so 2025 is not reported missing.
    ['2025-09-30', '2025-10-08', 0, []],
    ['2025-09-30', '2025-10-09', 1, [2025]],
    // 2027-01-01..03 listed, 01-04 is a guessed Monday.
    ['2026-12-31', '2027-01-03', 0, []],
    ['2026-12-31', '2027-01-04', 1, [2027]],
    ['2024-12-31', '2027-01-04', 497, [2025, 2027]],
    // The listed 2027-12-31 is known; only the guessed 2028-01-01 makes a year missing.
    ['2027-12-30', '2027-12-31', 0, []],
    ['2027-12-30', '2028-01-01', 0, [2028]],
    ['2027-12-30', '2028-01-03', 1, [2028]],
  ])('partly loaded: workdaysBetween(%s, %s) = %i, missing %j', (a, b, count, missingYears) => {
    expect(partly.workdaysBetween(d(a), d(b))).toEqual({ count, provisional: missingYears.length > 0, missingYears });
  });

  it('a backward count over rest days only is −0, as the day-by-day count always was', () => {
    expect(Object.is(partly.workdaysBetween(d('2025-10-08'), d('2025-09-30')).count, -0)).toBe(true);
  });

  it('counts the made-up 2027 make-up Saturday and reports 2027 only for its unlisted days', () => {
    expect(partly.addWorkdays(d('2026-12-31'), 5)).toEqual({
      date: '2027-01-08',
      skipped: [
        { date: '2027-01-01', kind: 'HOLIDAY', name: '元旦' },
        { date: '2027-01-02', kind: 'HOLIDAY', name: '元旦' },
        { date: '2027-01-03', kind: 'HOLIDAY', name: '元旦' },
      ],
      countedMakeupDays: [],
      provisional: true,
      missingYears: [2027],
    });
    expect(partly.nextWorkday(d('2027-01-08'))).toMatchObject({ date: '2027-01-09', countedMakeupDays: ['2027-01-09'] });
  });
});
