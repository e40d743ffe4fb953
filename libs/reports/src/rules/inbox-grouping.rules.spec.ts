import type { LocalDate } from '#libs/calendar';
import { endOfWeek, inboxGroupOf, type InboxGroup } from './inbox-grouping.rules.js';

const d = (s: string) => s as LocalDate;
// Thursday 2026-11-26, 10:00 Shanghai.
const now = new Date('2026-11-26T02:00:00Z');
const today = d('2026-11-26');
const endOf = (date: string) => new Date(new Date(`${date}T00:00:00+08:00`).getTime() + 86_400_000);

describe('endOfWeek', () => {
  it.each([
    ['2026-11-23', '2026-11-29'],
    ['2026-11-26', '2026-11-29'],
    ['2026-11-29', '2026-11-29'],
    ['2026-11-30', '2026-12-06'],
  ])('%s → %s', (day, sunday) => expect(endOfWeek(d(day))).toBe(sunday));
});

describe('inboxGroupOf', () => {
  it.each<[string, string, string | null, InboxGroup]>([
    ['IN_PROGRESS', '2026-11-25', null, 'overdue'],
    ['ISSUED', '2026-11-20', null, 'overdue'],
    ['IN_PROGRESS', '2026-12-10', '材料不全', 'returned'],
    ['ISSUED', '2026-11-26', null, 'awaitingAcceptance'],
    ['ACCEPTED', '2026-11-26', null, 'dueToday'],
    ['SUBMITTED', '2026-11-27', null, 'dueThisWeek'],
    ['IN_PROGRESS', '2026-11-29', null, 'dueThisWeek'],
    ['IN_PROGRESS', '2026-11-30', null, 'later'],
  ])('%s due %s (returned: %s) → %s', (status, due, returnReason, group) => {
    expect(inboxGroupOf({ status, returnReason, dueDate: d(due), dueAt: endOf(due) }, now, today)).toBe(group);
  });
});
