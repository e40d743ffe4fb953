import { WorkingCalendar, packageYearSchedules, type LocalDate } from '#libs/calendar';
import { occurrences, parseRecurrence, type Recurrence } from './recurrence.rules.js';

const calendar = WorkingCalendar.fromSchedules(packageYearSchedules().filter((s) => s.year >= 2025));
const d = (s: string) => s as LocalDate;

describe('occurrences on the 2026 official calendar', () => {
  it.each<[string, Recurrence, string, string, string[]]>([
    [
      '5th working day of each month (春节 and 国庆 push it back)',
      { kind: 'NTH_WORKDAY_OF_MONTH', n: 5 },
      '2026-01-01',
      '2026-12-31',
      // Jan: 4 (Sun) is a make-up day; Oct: 1-7 holiday, then 8, 9, 10 (Sat, make-up), 12, 13.
      ['2026-01-08', '2026-02-06', '2026-03-06', '2026-04-08', '2026-05-11', '2026-06-05', '2026-07-07', '2026-08-07', '2026-09-07', '2026-10-13', '2026-11-06', '2026-12-07'],
    ],
    [
      'last working day of each quarter',
      { kind: 'LAST_WORKDAY_OF', period: 'QUARTER' },
      '2026-01-01',
      '2026-12-31',
      ['2026-03-31', '2026-06-30', '2026-09-30', '2026-12-31'],
    ],
    ['last working day of the year', { kind: 'LAST_WORKDAY_OF', period: 'YEAR' }, '2026-01-01', '2026-12-31', ['2026-12-31']],
    [
      'last working day of each month: May ends on a Sunday',
      { kind: 'LAST_WORKDAY_OF', period: 'MONTH' },
      '2026-05-01',
      '2026-06-30',
      ['2026-05-29', '2026-06-30'],
    ],
    ['weekly on Friday (RRULE)', { kind: 'RRULE', rrule: 'FREQ=WEEKLY;BYDAY=FR' }, '2026-11-01', '2026-11-30', ['2026-11-06', '2026-11-13', '2026-11-20', '2026-11-27']],
    ['month end (RRULE BYMONTHDAY=-1)', { kind: 'RRULE', rrule: 'FREQ=MONTHLY;BYMONTHDAY=-1' }, '2026-01-01', '2026-03-31', ['2026-01-31', '2026-02-28', '2026-03-31']],
    ['only March and September', { kind: 'NTH_WORKDAY_OF_MONTH', n: 1, months: [3, 9] }, '2026-01-01', '2026-12-31', ['2026-03-02', '2026-09-01']],
  ])('%s', (_name, rec, from, to, expected) => {
    expect(occurrences(rec, d('2026-01-01'), d(from), d(to), calendar)).toEqual(expected);
  });

  it('never yields a date before the schedule starts', () => {
    const rec: Recurrence = { kind: 'RRULE', rrule: 'FREQ=WEEKLY;BYDAY=FR' };
    expect(occurrences(rec, d('2026-11-14'), d('2026-11-01'), d('2026-11-30'), calendar)).toEqual(['2026-11-20', '2026-11-27']);
  });
});

describe('parseRecurrence', () => {
  it.each([
    [{ kind: 'RRULE', rrule: 'RRULE:FREQ=MONTHLY;BYMONTHDAY=1' }, { kind: 'RRULE', rrule: 'FREQ=MONTHLY;BYMONTHDAY=1' }],
    [{ kind: 'NTH_WORKDAY_OF_MONTH', n: 5 }, { kind: 'NTH_WORKDAY_OF_MONTH', n: 5 }],
    [{ kind: 'LAST_WORKDAY_OF', period: 'QUARTER' }, { kind: 'LAST_WORKDAY_OF', period: 'QUARTER' }],
  ])('accepts %j', (input, expected) => {
    expect(parseRecurrence(input)).toEqual(expected);
  });

  it.each([
    [{ kind: 'RRULE', rrule: 'every monday' }],
    [{ kind: 'RRULE', rrule: 'FREQ=HOURLY' }],
    [{ kind: 'RRULE', rrule: 'FREQ=DAILY;BYHOUR=9' }],
    [{ kind: 'NTH_WORKDAY_OF_MONTH', n: 0 }],
    [{ kind: 'NTH_WORKDAY_OF_MONTH', n: 5, months: [13] }],
    [{ kind: 'LAST_WORKDAY_OF', period: 'WEEK' }],
    [{ kind: 'CRON', expr: '* * * * *' }],
    [null],
  ])('rejects %j with SCHEDULE_INVALID', (input) => {
    expect(() => parseRecurrence(input)).toThrow(expect.objectContaining({ code: 'SCHEDULE_INVALID' }));
  });
});
