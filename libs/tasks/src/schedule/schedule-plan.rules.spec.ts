import { WorkingCalendar, packageYearSchedules, type LocalDate } from '#libs/calendar';
import { planOccurrences, upcomingOccurrences, type SchedulePlanInput } from './schedule-plan.rules.js';

const calendar = WorkingCalendar.fromSchedules(packageYearSchedules().filter((s) => s.year >= 2025));
const d = (s: string) => s as LocalDate;
const monthly5th: SchedulePlanInput = {
  recurrence: { kind: 'NTH_WORKDAY_OF_MONTH', n: 5 },
  deadlineRule: null,
  leadWorkdays: 3,
  startDate: d('2026-01-01'),
  endDate: null,
  generatedThrough: null,
};

describe('planOccurrences', () => {
  it.each<[string, SchedulePlanInput, string, string, { occ: string; issue: string; due: string; late: boolean }[], string | null]>([
    [
      'issues 3 working days ahead; the 国庆 block pushes October back',
      { ...monthly5th, startDate: d('2026-09-01') },
      '2026-10-09',
      '2026-10-09',
      // Three working days before 10-13: 10-12, 10-10 (make-up Saturday), 10-09.
      [
        { occ: '2026-09-07', issue: '2026-09-02', due: '2026-09-07', late: true },
        { occ: '2026-10-13', issue: '2026-10-09', due: '2026-10-13', late: false },
      ],
      '2026-10-13',
    ],
    [
      'stops at the first occurrence not yet due for issue',
      { ...monthly5th, startDate: d('2026-09-01') },
      '2026-10-08',
      '2026-10-08',
      [{ occ: '2026-09-07', issue: '2026-09-02', due: '2026-09-07', late: true }],
      '2026-09-07',
    ],
    [
      'resumes after what was generated',
      { ...monthly5th, generatedThrough: d('2026-10-13') },
      '2026-11-30',
      '2026-11-30',
      [{ occ: '2026-11-06', issue: '2026-11-03', due: '2026-11-06', late: true }],
      '2026-11-06',
    ],
    [
      'a deadline rule anchored at the occurrence (quarter end + 10 working days)',
      {
        recurrence: { kind: 'LAST_WORKDAY_OF', period: 'QUARTER' },
        deadlineRule: { kind: 'WORKDAYS_AFTER', days: 10 },
        leadWorkdays: 0,
        startDate: d('2026-07-01'),
        endDate: null,
        generatedThrough: null,
      },
      '2026-09-30',
      '2026-09-30',
      // 10 working days after 09-30 skip the 国庆 block: 10-08, 09, 10 (make-up Sat), 12 … 16, 19, 20.
      [{ occ: '2026-09-30', issue: '2026-09-30', due: '2026-10-20', late: false }],
      '2026-09-30',
    ],
    [
      'nothing after the end date',
      { ...monthly5th, endDate: d('2026-02-01') },
      '2026-06-30',
      '2026-06-30',
      [{ occ: '2026-01-08', issue: '2026-01-05', due: '2026-01-08', late: true }],
      '2026-01-08',
    ],
  ])('%s', (_name, input, until, today, expected, through) => {
    const { planned, generatedThrough } = planOccurrences(input, d(until), d(today), calendar, '24:00');
    expect(planned.map((p) => ({ occ: p.occurrenceDate, issue: p.issueDate, due: p.dueDate, late: p.lateIssued }))).toEqual(expected);
    expect(generatedThrough).toBe(through);
  });

  it('puts the deadline at the end of the due date in Shanghai', () => {
    const { planned } = planOccurrences({ ...monthly5th, startDate: d('2026-11-01') }, d('2026-11-30'), d('2026-11-30'), calendar, '24:00');
    expect(planned[0].dueAt.toISOString()).toBe('2026-11-06T16:00:00.000Z');
  });
});

describe('upcomingOccurrences', () => {
  const fortnightly = { ...monthly5th, recurrence: { kind: 'RRULE' as const, rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=FR' }, leadWorkdays: 0 };
  it.each<[string, Omit<SchedulePlanInput, 'generatedThrough'>, string, number, string[]]>([
    // Started on Friday 2026-11-06: every second Friday from then, not from today.
    ['keeps an INTERVAL aligned to the real start date', { ...fortnightly, startDate: d('2026-11-06') }, '2026-11-26', 3, ['2026-12-04', '2026-12-18', '2027-01-01']],
    ['a start in the future is where it begins', { ...fortnightly, startDate: d('2026-12-11') }, '2026-11-26', 2, ['2026-12-11', '2026-12-25']],
    // COUNT=3 from 2026-11-06: 11-06, 11-20, 12-04; only the last is still ahead.
    ['a COUNT already partly used up leaves what remains', { ...fortnightly, recurrence: { kind: 'RRULE', rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=FR;COUNT=3' }, startDate: d('2026-11-06') }, '2026-11-26', 5, ['2026-12-04']],
    ['today itself is included', { ...monthly5th, leadWorkdays: 0 }, '2026-12-07', 1, ['2026-12-07']],
  ])('%s', (_name, input, today, count, expected) => {
    expect(upcomingOccurrences(input, d(today), 800, count, calendar, '24:00').map((o) => o.occurrenceDate)).toEqual(expected);
  });
});
