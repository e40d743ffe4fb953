import type { SkippedDay } from './calendar.types.js';
import { addDays, parseLocalDate } from './local-date.js';
import { packageSchedule } from './package-schedule.js';
import { WorkingCalendar } from './working-calendar.js';

const d = parseLocalDate;
const calendar = new WorkingCalendar(packageSchedule());

/** Skipped days from..to of one kind; name null means a plain weekend. */
function rest(from: string, to: string, name: string | null = null): SkippedDay[] {
  const days: SkippedDay[] = [];
  for (let x = d(from); x <= d(to); x = addDays(x, 1)) {
    days.push({ date: x, kind: name === null ? 'WEEKEND' : 'HOLIDAY', name });
  }
  return days;
}

describe('addWorkdays across the 2026 blocks', () => {
  it.each<[string, number, string, SkippedDay[], string[]]>([
    ['2025-12-31', 1, '2026-01-04', rest('2026-01-01', '2026-01-03', '元旦'), ['2026-01-04']],
    ['2026-02-13', 1, '2026-02-14', [], ['2026-02-14']],
    ['2026-02-14', 1, '2026-02-24', rest('2026-02-15', '2026-02-23', '春节'), []],
    ['2026-02-26', 3, '2026-03-02', rest('2026-03-01', '2026-03-01'), ['2026-02-28']],
    ['2026-04-03', 1, '2026-04-07', rest('2026-04-04', '2026-04-06', '清明节'), []],
    ['2026-04-30', 3, '2026-05-08', rest('2026-05-01', '2026-05-05', '劳动节'), []],
    ['2026-04-30', 4, '2026-05-09', rest('2026-05-01', '2026-05-05', '劳动节'), ['2026-05-09']],
    ['2026-06-18', 1, '2026-06-22', rest('2026-06-19', '2026-06-21', '端午节'), []],
    ['2026-09-18', 1, '2026-09-20', rest('2026-09-19', '2026-09-19'), ['2026-09-20']],
    ['2026-09-24', 1, '2026-09-28', rest('2026-09-25', '2026-09-27', '中秋节'), []],
    [
      '2026-09-30',
      5,
      '2026-10-13',
      [...rest('2026-10-01', '2026-10-07', '国庆节'), ...rest('2026-10-11', '2026-10-11')],
      ['2026-10-10'],
    ],
    // Negative: N working days before; skipped is still ascending.
    ['2026-10-08', -1, '2026-09-30', rest('2026-10-01', '2026-10-07', '国庆节'), []],
    ['2026-10-12', -2, '2026-10-09', rest('2026-10-11', '2026-10-11'), ['2026-10-10']],
    ['2026-02-24', -1, '2026-02-14', rest('2026-02-15', '2026-02-23', '春节'), ['2026-02-14']],
    // n = 0: the day itself if it is a working day, else the next one.
    ['2026-10-01', 0, '2026-10-08', rest('2026-10-01', '2026-10-07', '国庆节'), []],
    ['2026-10-10', 0, '2026-10-10', [], ['2026-10-10']],
    ['2026-10-09', 0, '2026-10-09', [], []],
  ])('addWorkdays(%s, %i) = %s', (from, n, expected, skipped, makeups) => {
    const result = calendar.addWorkdays(d(from), n);
    expect(result).toEqual({ date: expected, skipped, countedMakeupDays: makeups, provisional: false, missingYears: [] });
  });

  it.each([
    ['2026-01-01', 10],
    ['2026-02-10', 7],
    ['2026-09-15', 20],
    ['2026-12-20', 3],
  ])('workdaysBetween(%s, addWorkdays(%s, n)) = n for n = %i', (from, n) => {
    const to = calendar.addWorkdays(d(from), n).date;
    expect(calendar.workdaysBetween(d(from), to).count).toBe(n);
    expect(calendar.workdaysBetween(to, d(from)).count).toBe(-n);
  });

  it.each([
    ['2026-09-30', '2026-10-13', 5],
    ['2026-10-13', '2026-09-30', -5],
    ['2026-10-01', '2026-10-01', 0],
    ['2026-10-01', '2026-10-07', 0],
    ['2026-02-13', '2026-02-28', 6], // 02-14, 02-24 to 02-27 and 02-28
  ])('workdaysBetween(%s, %s) = %i', (a, b, count) => {
    expect(calendar.workdaysBetween(d(a), d(b)).count).toBe(count);
  });

  it('rejects a fractional n', () => {
    expect(() => calendar.addWorkdays(d('2026-10-01'), 1.5)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});

describe('next / previous working day', () => {
  it.each([
    ['2026-09-30', '2026-10-08', '2026-09-29'],
    ['2026-10-09', '2026-10-10', '2026-10-08'],
    ['2026-10-10', '2026-10-12', '2026-10-09'],
    ['2026-02-14', '2026-02-24', '2026-02-13'],
    ['2026-01-04', '2026-01-05', '2025-12-31'],
  ])('around %s: next %s, previous %s', (date, next, previous) => {
    expect(calendar.nextWorkday(d(date)).date).toBe(next);
    expect(calendar.previousWorkday(d(date)).date).toBe(previous);
  });
});

describe('n-th working day of a month', () => {
  it.each([
    [2026, 1, 1, '2026-01-04'], // 元旦 ends on a Saturday and the Sunday is worked
    [2026, 1, 2, '2026-01-05'],
    [2026, 2, 10, '2026-02-13'],
    [2026, 2, 11, '2026-02-14'],
    [2026, 2, 12, '2026-02-24'],
    [2026, 5, 1, '2026-05-06'],
    [2026, 10, 1, '2026-10-08'],
    [2026, 10, 3, '2026-10-10'],
    [2026, 10, 18, '2026-10-30'],
  ])('%i-%i working day #%i = %s', (year, month, n, expected) => {
    expect(calendar.nthWorkdayOfMonth(year, month, n).date).toBe(expected);
  });

  it('fails when the month has fewer working days (October 2026 has 18)', () => {
    expect(() => calendar.nthWorkdayOfMonth(2026, 10, 19)).toThrow(
      expect.objectContaining({ code: 'NO_WORKDAY_IN_PERIOD' }),
    );
  });

  it.each([
    [2026, 13, 1],
    [2026, 10, 0],
  ])('rejects %i-%i #%i', (year, month, n) => {
    expect(() => calendar.nthWorkdayOfMonth(year, month, n)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});

describe('last working day of a period', () => {
  it.each<[number, number, string, SkippedDay[]]>([
    [2026, 1, '2026-01-30', rest('2026-01-31', '2026-01-31')],
    [2026, 2, '2026-02-28', []], // month ends on a 调休上班 Saturday
    [2026, 5, '2026-05-29', rest('2026-05-30', '2026-05-31')],
    [2026, 9, '2026-09-30', []],
    [2026, 10, '2026-10-30', rest('2026-10-31', '2026-10-31')],
    [2026, 12, '2026-12-31', []],
    [2025, 1, '2025-01-27', rest('2025-01-28', '2025-01-31', '春节')], // month ends inside 春节
  ])('month %i-%i → %s', (year, month, expected, skipped) => {
    expect(calendar.lastWorkdayOfMonth(year, month)).toMatchObject({ date: expected, skipped, provisional: false });
  });

  it.each([
    [2026, 1, '2026-03-31'],
    [2026, 2, '2026-06-30'],
    [2026, 3, '2026-09-30'],
    [2026, 4, '2026-12-31'],
    [2023, 3, '2023-09-28'], // 09-29 中秋节, 09-30 国庆节
  ])('quarter %i Q%i → %s', (year, quarter, expected) => {
    expect(calendar.lastWorkdayOfQuarter(year, quarter).date).toBe(expected);
  });

  it.each([
    [2026, '2026-12-31', false, []],
    [2022, '2022-12-30', false, []], // 2022-12-31 is part of the 2023 元旦 block
    [2023, '2023-12-29', false, []],
    [2027, '2027-12-31', true, [2027]],
  ])('year %i → %s (provisional %s)', (year, expected, provisional, missingYears) => {
    expect(calendar.lastWorkdayOfYear(year)).toMatchObject({ date: expected, provisional, missingYears });
  });

  it('rejects quarter 5', () => {
    expect(() => calendar.lastWorkdayOfQuarter(2026, 5)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});

describe('crossing into a year without a schedule', () => {
  it('marks the answer provisional and names 2027', () => {
    expect(calendar.addWorkdays(d('2026-12-31'), 1)).toMatchObject({
      date: '2027-01-01',
      provisional: true,
      missingYears: [2027],
    });
  });

  it('is not provisional when the walk stays inside loaded years', () => {
    expect(calendar.addWorkdays(d('2026-12-30'), 1)).toMatchObject({ date: '2026-12-31', provisional: false });
  });
});
