import { isWorkday as packageIsWorkday } from 'chinese-days';
import type { DayKind } from './calendar.types.js';
import { addDays, dayOfWeek, parseLocalDate, yearOf, type LocalDate } from './local-date.js';
import { packageSchedule } from './package-schedule.js';
import { WorkingCalendar } from './working-calendar.js';

const d = parseLocalDate;
const calendar = new WorkingCalendar(packageSchedule());

function span(from: string, to: string): LocalDate[] {
  const dates: LocalDate[] = [];
  for (let x = d(from); x <= d(to); x = addDays(x, 1)) dates.push(x);
  return dates;
}

/** The 2026 State Council arrangement as carried by chinese-days, spelled out so a data change fails loudly. */
const HOLIDAY_BLOCKS_2026: [name: string, from: string, to: string][] = [
  ['元旦', '2026-01-01', '2026-01-03'],
  ['春节', '2026-02-15', '2026-02-23'],
  ['清明节', '2026-04-04', '2026-04-06'],
  ['劳动节', '2026-05-01', '2026-05-05'],
  ['端午节', '2026-06-19', '2026-06-21'],
  ['中秋节', '2026-09-25', '2026-09-27'],
  ['国庆节', '2026-10-01', '2026-10-07'],
];

const MAKEUP_WORKDAYS_2026: [date: string, name: string][] = [
  ['2026-01-04', '元旦'],
  ['2026-02-14', '春节'],
  ['2026-02-28', '春节'],
  ['2026-05-09', '劳动节'],
  ['2026-09-20', '国庆节'],
  ['2026-10-10', '国庆节'],
];

describe('2026 statutory holidays', () => {
  it.each(HOLIDAY_BLOCKS_2026)('%s: every day from %s to %s is a named HOLIDAY', (name, from, to) => {
    for (const date of span(from, to)) {
      expect(calendar.day(date)).toEqual({ date, workday: false, kind: 'HOLIDAY', name, provisional: false });
    }
  });

  it.each(MAKEUP_WORKDAYS_2026)('%s is a 调休上班 day for %s on a weekend', (date, name) => {
    expect(calendar.day(d(date))).toEqual({ date, workday: true, kind: 'MAKEUP_WORKDAY', name, provisional: false });
    expect(dayOfWeek(d(date))).toBeGreaterThanOrEqual(6);
  });

  it('the two tables above are exactly the 2026 exceptional days', () => {
    const expected = [
      ...HOLIDAY_BLOCKS_2026.flatMap(([name, from, to]) => span(from, to).map((date) => `${date} HOLIDAY ${name}`)),
      ...MAKEUP_WORKDAYS_2026.map(([date, name]) => `${date} MAKEUP_WORKDAY ${name}`),
    ].sort();
    const actual = calendar
      .exceptionalDays()
      .filter((day) => yearOf(day.date) === 2026)
      .map((day) => `${day.date} ${day.kind} ${day.name}`);
    expect(actual).toEqual(expected);
  });

  it.each<[string, DayKind]>([
    ['2025-12-31', 'WORKDAY'], // before 元旦
    ['2026-02-13', 'WORKDAY'], // Friday before the 春节 make-up Saturday
    ['2026-02-24', 'WORKDAY'], // after 春节
    ['2026-02-21', 'HOLIDAY'], // a Saturday inside 春节 is a holiday, not a plain weekend
    ['2026-04-03', 'WORKDAY'],
    ['2026-04-07', 'WORKDAY'],
    ['2026-04-30', 'WORKDAY'],
    ['2026-05-06', 'WORKDAY'],
    ['2026-05-10', 'WEEKEND'], // Sunday after the 劳动节 make-up Saturday
    ['2026-06-18', 'WORKDAY'],
    ['2026-06-22', 'WORKDAY'],
    ['2026-09-19', 'WEEKEND'], // Saturday before the 国庆节 make-up Sunday
    ['2026-09-24', 'WORKDAY'],
    ['2026-09-28', 'WORKDAY'],
    ['2026-09-30', 'WORKDAY'],
    ['2026-10-08', 'WORKDAY'],
    ['2026-10-11', 'WEEKEND'],
    ['2026-03-14', 'WEEKEND'],
    ['2026-03-16', 'WORKDAY'],
  ])('%s around the blocks is %s', (date, kind) => {
    const info = calendar.day(d(date));
    expect(info.kind).toBe(kind);
    expect(info.workday).toBe(kind === 'WORKDAY' || kind === 'MAKEUP_WORKDAY');
    expect(info.provisional).toBe(false);
  });

  it('2026 has 248 working days (261 weekdays − 19 weekday holidays + 6 make-up days)', () => {
    const result = calendar.workdaysBetween(d('2025-12-31'), d('2026-12-31'));
    expect(result).toEqual({ count: 248, provisional: false, missingYears: [] });
  });

  it('isWorkday carries provenance', () => {
    expect(calendar.isWorkday(d('2026-10-10'))).toMatchObject({ workday: true, provisional: false, missingYears: [] });
    expect(calendar.isWorkday(d('2026-10-01'))).toMatchObject({ workday: false, provisional: false });
  });
});

describe('a year without a loaded schedule (2027)', () => {
  it('chinese-days itself silently calls 2027-01-01 a working day — the trap we guard against', () => {
    expect(packageIsWorkday('2027-01-01')).toBe(true);
  });

  it.each<[string, DayKind, boolean]>([
    ['2027-01-01', 'WORKDAY', true],
    ['2027-01-02', 'WEEKEND', false],
    ['2027-10-01', 'WORKDAY', true],
  ])('%s is answered provisionally as %s', (date, kind, workday) => {
    expect(calendar.day(d(date))).toEqual({ date, workday, kind, name: null, provisional: true });
    expect(calendar.isWorkday(d(date))).toMatchObject({ workday, provisional: true, missingYears: [2027] });
  });

  it('reports the missing year for a span that reaches into it', () => {
    expect(calendar.workdaysBetween(d('2026-12-30'), d('2027-01-05'))).toEqual({
      count: 4,
      provisional: true,
      missingYears: [2027],
    });
    expect(calendar.workdaysBetween(d('2026-12-01'), d('2026-12-31')).provisional).toBe(false);
  });

  it('uses a December day listed by the next year’s notice without trusting the rest of that year', () => {
    const cal = new WorkingCalendar({ years: [2023], days: [{ date: d('2022-12-31'), kind: 'HOLIDAY', name: '元旦' }] });
    expect(cal.day(d('2022-12-31'))).toMatchObject({ kind: 'HOLIDAY', provisional: false });
    expect(cal.day(d('2022-12-30'))).toMatchObject({ kind: 'WORKDAY', provisional: true });
  });
});

describe('WorkingCalendar construction', () => {
  it('rejects a make-up working day that is not a weekend', () => {
    const bad = { years: [2026], days: [{ date: d('2026-10-09'), kind: 'MAKEUP_WORKDAY' as const, name: '国庆节' }] };
    expect(() => new WorkingCalendar(bad)).toThrow(expect.objectContaining({ code: 'INVALID_CALENDAR_DATA' }));
  });

  it('rejects two different answers for one date', () => {
    const days = [
      { date: d('2026-10-10'), kind: 'MAKEUP_WORKDAY' as const, name: '国庆节' },
      { date: d('2026-10-10'), kind: 'HOLIDAY' as const, name: '国庆节' },
    ];
    expect(() => new WorkingCalendar({ years: [2026], days })).toThrow(
      expect.objectContaining({ code: 'CONFLICTING_CALENDAR_DAY' }),
    );
  });

  it('rejects two schedules for the same year', () => {
    const schedule = { year: 2026, days: [] };
    expect(() => WorkingCalendar.fromSchedules([schedule, schedule])).toThrow(
      expect.objectContaining({ code: 'INVALID_CALENDAR_DATA' }),
    );
  });

  it('fromSchedules loads exactly the given years', () => {
    const cal = WorkingCalendar.fromSchedules([{ year: 2027, days: [] }]);
    expect(cal.loadedYears).toEqual([2027]);
    expect(cal.day(d('2027-01-01')).provisional).toBe(false);
    expect(cal.day(d('2026-10-01'))).toMatchObject({ kind: 'WORKDAY', provisional: true });
  });
});
