import { END_OF_DAY } from './cutoff.js';
import type { DeadlineRule } from './deadline-rule.js';
import { computeDeadline } from './deadline.rules.js';
import { parseLocalDate } from './local-date.js';
import { isOverdue } from './overdue.rules.js';
import { packageSchedule } from './package-schedule.js';
import { WorkingCalendar } from './working-calendar.js';

const d = parseLocalDate;
const calendar = new WorkingCalendar(packageSchedule());

describe('computeDeadline: due dates', () => {
  it.each<[string, DeadlineRule, string, string]>([
    ['5 working days over 国庆节', { kind: 'WORKDAYS_AFTER', days: 5 }, '2026-09-30', '2026-10-13'],
    ['1 working day onto a make-up Sunday', { kind: 'WORKDAYS_AFTER', days: 1 }, '2026-09-18', '2026-09-20'],
    ['3 working days before', { kind: 'WORKDAYS_AFTER', days: -3 }, '2026-10-09', '2026-09-29'],
    ['30 calendar days, default NEXT', { kind: 'CALENDAR_DAYS_AFTER', days: 30 }, '2026-09-01', '2026-10-08'],
    ['30 calendar days, NONE', { kind: 'CALENDAR_DAYS_AFTER', days: 30, adjust: 'NONE' }, '2026-09-01', '2026-10-01'],
    ['30 calendar days, PREVIOUS', { kind: 'CALENDAR_DAYS_AFTER', days: 30, adjust: 'PREVIOUS' }, '2026-09-01', '2026-09-30'],
    ['7 calendar days on a working day', { kind: 'CALENDAR_DAYS_AFTER', days: 7 }, '2026-03-02', '2026-03-09'],
    ['1st working day of October', { kind: 'NTH_WORKDAY_OF_MONTH', n: 1 }, '2026-10-20', '2026-10-08'],
    ['5th working day of next month', { kind: 'NTH_WORKDAY_OF_MONTH', n: 5, monthOffset: 1 }, '2026-12-15', '2027-01-07'],
    ['last working day of May', { kind: 'LAST_WORKDAY_OF', period: 'MONTH' }, '2026-05-12', '2026-05-29'],
    ['last working day of February (make-up Sat)', { kind: 'LAST_WORKDAY_OF', period: 'MONTH' }, '2026-02-01', '2026-02-28'],
    ['last working day of Q3', { kind: 'LAST_WORKDAY_OF', period: 'QUARTER' }, '2026-08-01', '2026-09-30'],
    ['last working day of the year', { kind: 'LAST_WORKDAY_OF', period: 'YEAR' }, '2026-03-01', '2026-12-31'],
    ['fixed date on a holiday, NONE', { kind: 'FIXED_DATE', date: d('2026-10-01'), adjust: 'NONE' }, '2026-01-01', '2026-10-01'],
    ['fixed date on a holiday, PREVIOUS', { kind: 'FIXED_DATE', date: d('2026-10-01'), adjust: 'PREVIOUS' }, '2026-01-01', '2026-09-30'],
    ['fixed date on a holiday, NEXT', { kind: 'FIXED_DATE', date: d('2026-10-01'), adjust: 'NEXT' }, '2026-01-01', '2026-10-08'],
    ['fixed date on a weekend, PREVIOUS', { kind: 'FIXED_DATE', date: d('2026-03-15'), adjust: 'PREVIOUS' }, '2026-01-01', '2026-03-13'],
    ['fixed date on a weekend, NEXT', { kind: 'FIXED_DATE', date: d('2026-03-15'), adjust: 'NEXT' }, '2026-01-01', '2026-03-16'],
    ['fixed date on a make-up day stays', { kind: 'FIXED_DATE', date: d('2026-10-10'), adjust: 'NEXT' }, '2026-01-01', '2026-10-10'],
    ['yearly 05-01 (劳动节), PREVIOUS', { kind: 'MONTH_DAY', month: 5, day: 1, adjust: 'PREVIOUS' }, '2026-02-01', '2026-04-30'],
    ['monthly 31st clamps to 04-30', { kind: 'MONTH_DAY', day: 31, adjust: 'NEXT' }, '2026-04-10', '2026-04-30'],
    ['monthly 31st clamps to 02-28 (make-up)', { kind: 'MONTH_DAY', day: 31, adjust: 'NEXT' }, '2026-02-03', '2026-02-28'],
  ])('%s: anchor %s → %s', (_label, rule, anchor, due) => {
    expect(computeDeadline(rule, d(anchor), calendar).dueDate).toBe(due);
  });
});

describe('computeDeadline: explanation, instant, provenance', () => {
  it('explains the skipped 国庆节 block and the counted make-up day', () => {
    const result = computeDeadline({ kind: 'WORKDAYS_AFTER', days: 5 }, d('2026-09-30'), calendar);
    expect(result).toMatchObject({ dueDate: '2026-10-13', provisional: false, missingYears: [] });
    expect(result.skipped.map((s) => s.date)).toEqual([
      '2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07', '2026-10-11',
    ]);
    expect(result.explanation).toBe(
      '自2026-09-30起5个工作日，跳过国庆节2026-10-01至2026-10-07、周末2026-10-11，' +
        '2026-10-10为国庆节调休上班日，到期日2026-10-13，截止时间2026-10-13 24:00（北京时间）',
    );
  });

  it.each<[DeadlineRule, string]>([
    [
      { kind: 'FIXED_DATE', date: d('2026-10-01'), adjust: 'NEXT' },
      '固定日期2026-10-01，逢国庆节2026-10-01至2026-10-07，顺延至2026-10-08，到期日2026-10-08',
    ],
    [
      { kind: 'FIXED_DATE', date: d('2026-10-01'), adjust: 'PREVIOUS' },
      '固定日期2026-10-01，逢国庆节2026-10-01，提前至2026-09-30，到期日2026-09-30',
    ],
    [
      { kind: 'FIXED_DATE', date: d('2026-10-01'), adjust: 'NONE' },
      '固定日期2026-10-01（该日为国庆节，按规则不调整），到期日2026-10-01',
    ],
    [
      { kind: 'LAST_WORKDAY_OF', period: 'MONTH' },
      '2026年5月最后一个工作日，跳过周末2026-05-30至2026-05-31，到期日2026-05-29',
    ],
  ])('explains %j', (rule, start) => {
    expect(computeDeadline(rule, d('2026-05-12'), calendar).explanation.startsWith(start)).toBe(true);
  });

  it('a Shanghai end-of-day deadline: on time through 15:59:59.999Z, overdue from 16:00Z', () => {
    const { dueAt } = computeDeadline({ kind: 'WORKDAYS_AFTER', days: 5 }, d('2026-09-30'), calendar, END_OF_DAY);
    expect(dueAt.toISOString()).toBe('2026-10-13T16:00:00.000Z');
    expect(isOverdue(dueAt, new Date('2026-10-13T15:59:59.999Z'))).toBe(false);
    expect(isOverdue(dueAt, new Date('2026-10-13T16:00:00.000Z'))).toBe(true);
  });

  it('an 08:00 Shanghai cut-off falls at 00:00 UTC of the same date, after the previous UTC day', () => {
    const result = computeDeadline({ kind: 'WORKDAYS_AFTER', days: 1 }, d('2026-09-30'), calendar, '08:00');
    expect(result.dueDate).toBe('2026-10-08');
    expect(result.dueAt.toISOString()).toBe('2026-10-08T00:00:00.000Z');
    expect(isOverdue(result.dueAt, new Date('2026-10-07T23:59:59.999Z'))).toBe(false);
    expect(result.explanation).toContain('截止时间2026-10-08 08:00（北京时间）');
  });

  it('rejects an invalid cut-off', () => {
    expect(() => computeDeadline({ kind: 'WORKDAYS_AFTER', days: 1 }, d('2026-09-30'), calendar, '25:00')).toThrow(
      expect.objectContaining({ code: 'INVALID_TIME_OF_DAY' }),
    );
  });

  it('is provisional and says so when the deadline reaches 2027', () => {
    const result = computeDeadline({ kind: 'WORKDAYS_AFTER', days: 3 }, d('2026-12-30'), calendar);
    expect(result).toMatchObject({ dueDate: '2027-01-04', provisional: true, missingYears: [2027] });
    expect(result.explanation).toContain('2027年节假日安排尚未载入');
  });

  it('is not provisional for a NONE-adjusted date, which does not depend on the calendar', () => {
    const rule: DeadlineRule = { kind: 'FIXED_DATE', date: d('2027-10-01'), adjust: 'NONE' };
    expect(computeDeadline(rule, d('2026-12-01'), calendar)).toMatchObject({ dueDate: '2027-10-01', provisional: false });
  });

  it('validates the rule even when called with an unchecked object', () => {
    const bogus = { kind: 'WORKDAYS_AFTER', days: 'five' } as unknown as DeadlineRule;
    expect(() => computeDeadline(bogus, d('2026-09-30'), calendar)).toThrow(
      expect.objectContaining({ code: 'INVALID_DEADLINE_RULE' }),
    );
  });
});
