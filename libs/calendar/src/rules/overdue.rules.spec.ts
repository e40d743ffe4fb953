import { END_OF_DAY, deadlineInstant } from './cutoff.js';
import { addDays, parseLocalDate, type LocalDate } from './local-date.js';
import {
  instantWhenOverdueBy,
  instantWhenOverdueByDetail,
  isOverdue,
  overdueDetail,
  overdueWorkdays,
} from './overdue.rules.js';
import { packageSchedule } from './package-schedule.js';
import { WorkingCalendar } from './working-calendar.js';

const d = parseLocalDate;
const calendar = new WorkingCalendar(packageSchedule());
const at = (iso: string): Date => new Date(iso);
const HOUR = 3_600_000;

describe('overdueWorkdays: worked examples', () => {
  it.each<[string, string, string, number]>([
    // Due Friday 2026-03-13, end of day: Monday's own cut-off must pass before it counts.
    ['2026-03-13', END_OF_DAY, '2026-03-13T15:59:59.999Z', 0],
    ['2026-03-13', END_OF_DAY, '2026-03-13T16:00:00.000Z', 0], // overdue, but by 0 working days
    ['2026-03-16', END_OF_DAY, '2026-03-16T02:00:00.000Z', 0], // not yet due at all
    ['2026-03-13', END_OF_DAY, '2026-03-16T02:00:00.000Z', 0], // Monday 10:00 Shanghai
    ['2026-03-13', END_OF_DAY, '2026-03-16T16:00:00.000Z', 1], // Monday's cut-off passed
    ['2026-03-13', END_OF_DAY, '2026-03-18T16:00:00.000Z', 3],
    // Due Friday 2026-09-18: the 调休上班 Sunday 09-20 is the first working day that counts.
    ['2026-09-18', END_OF_DAY, '2026-09-20T15:59:59.999Z', 0],
    ['2026-09-18', END_OF_DAY, '2026-09-20T16:00:00.000Z', 1],
    // Due just before 国庆节: the holiday week never counts.
    ['2026-09-30', END_OF_DAY, '2026-10-07T20:00:00.000Z', 0],
    ['2026-09-30', END_OF_DAY, '2026-10-08T16:00:00.000Z', 1],
    ['2026-09-30', END_OF_DAY, '2026-10-10T16:00:00.000Z', 3],
    // A 17:30 cut-off (09:30Z) on a make-up Saturday.
    ['2026-10-09', '17:30', '2026-10-10T09:29:59.999Z', 0],
    ['2026-10-09', '17:30', '2026-10-10T09:30:00.000Z', 1],
    ['2026-10-09', '17:30', '2026-10-12T09:30:00.000Z', 2],
  ])('due %s cut-off %s, at %s → %i', (due, cutoff, now, expected) => {
    expect(overdueWorkdays(d(due), cutoff, at(now), calendar)).toBe(expected);
  });

  it('isOverdue uses the exclusive deadline instant', () => {
    const dueAt = deadlineInstant(d('2026-10-13'));
    expect(isOverdue(dueAt, new Date(dueAt.getTime() - 1))).toBe(false);
    expect(isOverdue(dueAt, dueAt)).toBe(true);
  });

  it('reports a count that reaches into 2027 as provisional', () => {
    expect(overdueDetail(d('2026-12-31'), END_OF_DAY, at('2027-01-05T16:00:00Z'), calendar)).toEqual({
      workdays: 3,
      provisional: true,
      missingYears: [2027],
    });
    expect(instantWhenOverdueByDetail(d('2026-12-31'), END_OF_DAY, 1, calendar)).toMatchObject({
      workday: '2027-01-01',
      provisional: true,
      missingYears: [2027],
    });
  });

  it('rejects a negative level', () => {
    expect(() => instantWhenOverdueBy(d('2026-10-09'), END_OF_DAY, -1, calendar)).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
  });
});

describe('instantWhenOverdueBy', () => {
  it.each<[string, string, number, string]>([
    ['2026-09-30', END_OF_DAY, 0, '2026-09-30T16:00:00.000Z'],
    ['2026-09-30', END_OF_DAY, 1, '2026-10-08T16:00:00.000Z'],
    ['2026-09-30', END_OF_DAY, 3, '2026-10-10T16:00:00.000Z'],
    ['2026-09-30', END_OF_DAY, 4, '2026-10-12T16:00:00.000Z'],
    ['2026-09-30', '08:00', 1, '2026-10-08T00:00:00.000Z'],
    ['2026-02-13', '17:30', 1, '2026-02-14T09:30:00.000Z'],
    ['2026-02-13', '17:30', 2, '2026-02-24T09:30:00.000Z'],
  ])('due %s cut-off %s, level %i → %s', (due, cutoff, n, iso) => {
    expect(instantWhenOverdueBy(d(due), cutoff, n, calendar).toISOString()).toBe(iso);
  });
});

/** Brute force straight from the definition, independent of the implementation's shortcut. */
function oracle(due: LocalDate, cutoff: string, now: Date): number {
  let count = 0;
  for (let x = addDays(due, 1); x <= addDays(due, 30); x = addDays(x, 1)) {
    if (calendar.day(x).workday && now.getTime() >= deadlineInstant(x, cutoff).getTime()) count += 1;
  }
  return count;
}

describe('overdueWorkdays and instantWhenOverdueBy agree (property tables)', () => {
  const dueDates = ['2026-01-01', '2026-02-13', '2026-04-30', '2026-09-18', '2026-09-30', '2026-10-09', '2026-12-30'];
  const cutoffs = [END_OF_DAY, '17:30', '08:00', '00:00'];
  const cases = dueDates.flatMap((due) => cutoffs.map((cutoff) => [due, cutoff] as [string, string]));

  it.each(cases)('due %s, cut-off %s: each level starts exactly at its instant', (due, cutoff) => {
    const dueAt = deadlineInstant(d(due), cutoff);
    expect(instantWhenOverdueBy(d(due), cutoff, 0, calendar)).toEqual(dueAt);
    expect(isOverdue(dueAt, new Date(dueAt.getTime() - 1))).toBe(false);
    expect(isOverdue(dueAt, dueAt)).toBe(true);
    for (let n = 1; n <= 8; n += 1) {
      const boundary = instantWhenOverdueBy(d(due), cutoff, n, calendar);
      expect(overdueWorkdays(d(due), cutoff, new Date(boundary.getTime() - 1), calendar)).toBe(n - 1);
      expect(overdueWorkdays(d(due), cutoff, boundary, calendar)).toBe(n);
    }
  });

  it.each(cases)('due %s, cut-off %s: a sweep over 25 days matches the definition and never decreases', (due, cutoff) => {
    // Probe every cut-off instant of the period ±1 ms (where levels change) plus a 6-hour grid.
    const first = deadlineInstant(d(due), '00:00').getTime() - 24 * HOUR;
    const probes = new Set<number>();
    for (let t = first; t <= first + 25 * 24 * HOUR; t += 6 * HOUR) probes.add(t);
    for (let x = addDays(d(due), -1); x <= addDays(d(due), 25); x = addDays(x, 1)) {
      const boundary = deadlineInstant(x, cutoff).getTime();
      [boundary - 1, boundary, boundary + 1].forEach((t) => probes.add(t));
    }
    const instants = [...probes].sort((a, b) => a - b).map((t) => new Date(t));
    const levels = instants.map((now) => overdueWorkdays(d(due), cutoff, now, calendar));
    expect(levels).toEqual(instants.map((now) => oracle(d(due), cutoff, now)));
    expect(levels).toEqual([...levels].sort((a, b) => a - b));
    const dueAt = deadlineInstant(d(due), cutoff);
    expect(levels.filter((level, i) => level > 0 && !isOverdue(dueAt, instants[i]!))).toEqual([]);
  });
});
