import { WorkingCalendar, packageSchedule } from '#libs/calendar';
import { earliestSendTime, isSendingTime, nextDigestTime } from './quiet-hours.rules.js';

// The official 2026 schedule: 国庆 2026-10-01..07 off, Saturday 2026-10-10 a make-up working day.
const calendar2026 = () => new WorkingCalendar(packageSchedule());

const OFFICE = { start: '09:00', end: '18:00' };
// Shanghai is UTC+8 all year: '2026-11-26 10:00' → 2026-11-26T02:00:00Z.
const sh = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`);

describe('earliestSendTime (quiet hours of e-mail)', () => {
  const calendar = calendar2026();

  it.each([
    ['Thursday inside office hours: at once', '2026-11-26 10:00', '2026-11-26 10:00'],
    ['Thursday at opening time: at once', '2026-11-26 09:00', '2026-11-26 09:00'],
    ['Thursday one minute before closing: at once', '2026-11-26 17:59', '2026-11-26 17:59'],
    ['Thursday before opening: that morning', '2026-11-26 07:30', '2026-11-26 09:00'],
    ['Thursday after midnight: that morning', '2026-11-26 00:10', '2026-11-26 09:00'],
    ['Thursday at closing time: next morning', '2026-11-26 18:00', '2026-11-27 09:00'],
    ['Thursday evening: Friday morning', '2026-11-26 21:00', '2026-11-27 09:00'],
    ['Friday evening: Monday morning', '2026-11-27 19:00', '2026-11-30 09:00'],
    ['ordinary Saturday 2026-11-28: Monday morning', '2026-11-28 10:00', '2026-11-30 09:00'],
    ['ordinary Sunday: Monday morning', '2026-11-29 23:59', '2026-11-30 09:00'],
    ['make-up Saturday 2026-10-10 in hours: at once', '2026-10-10 10:00', '2026-10-10 10:00'],
    ['make-up Saturday 2026-10-10 early: that morning', '2026-10-10 08:00', '2026-10-10 09:00'],
    ['Friday 2026-10-09 evening: make-up Saturday morning', '2026-10-09 20:00', '2026-10-10 09:00'],
    ['eve of 国庆: after the whole holiday', '2026-09-30 18:30', '2026-10-08 09:00'],
    ['inside 国庆 (a weekday holiday): after the holiday', '2026-10-05 11:00', '2026-10-08 09:00'],
  ])('%s', (_why, at, expected) => {
    expect(earliestSendTime(sh(at), calendar, OFFICE)).toEqual(sh(expected));
  });

  it.each([
    ['08:30-17:30', '2026-11-26 08:45', '2026-11-26 08:45'],
    ['08:30-17:30', '2026-11-26 17:30', '2026-11-27 08:30'],
    ['00:00-24:00', '2026-11-26 23:59', '2026-11-26 23:59'],
    ['00:00-24:00', '2026-11-28 12:00', '2026-11-30 00:00'],
  ])('WORK_HOURS %s: %s → %s', (hours, at, expected) => {
    const [start, end] = hours.split('-') as [string, string];
    expect(earliestSendTime(sh(at), calendar, { start, end })).toEqual(sh(expected));
  });

  it('keeps seconds inside office hours untouched', () => {
    const at = new Date('2026-11-26T02:00:07.123Z');
    expect(earliestSendTime(at, calendar, OFFICE)).toEqual(at);
    expect(isSendingTime(at, calendar, OFFICE)).toBe(true);
    expect(isSendingTime(sh('2026-11-28 10:00'), calendar, OFFICE)).toBe(false);
  });

  it('without a loaded schedule falls back to Monday–Friday', () => {
    const bare = new WorkingCalendar({ years: [], days: [] });
    expect(earliestSendTime(sh('2026-10-10 10:00'), bare, OFFICE)).toEqual(sh('2026-10-12 09:00'));
    expect(earliestSendTime(sh('2026-10-05 10:00'), bare, OFFICE)).toEqual(sh('2026-10-05 10:00'));
  });
});

describe('nextDigestTime (chiefs: one e-mail each working morning)', () => {
  const calendar = calendar2026();

  it.each([
    ['during Thursday: Friday morning', '2026-11-26 10:00', '2026-11-27 09:00'],
    ['at Thursday opening: Friday (that digest has gone)', '2026-11-26 09:00', '2026-11-27 09:00'],
    ['before Thursday opening: that morning', '2026-11-26 06:00', '2026-11-26 09:00'],
    ['Friday afternoon: Monday morning', '2026-11-27 15:00', '2026-11-30 09:00'],
    ['ordinary Saturday: Monday morning', '2026-11-28 10:00', '2026-11-30 09:00'],
    ['Friday 2026-10-09: make-up Saturday morning', '2026-10-09 10:00', '2026-10-10 09:00'],
    ['inside 国庆: after the holiday', '2026-10-03 10:00', '2026-10-08 09:00'],
  ])('%s', (_why, at, expected) => {
    expect(nextDigestTime(sh(at), calendar, OFFICE)).toEqual(sh(expected));
  });
});
