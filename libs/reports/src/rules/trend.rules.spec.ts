import type { LocalDate } from '#libs/calendar';
import { previousPeriod, trendOf } from './trend.rules.js';

const d = (s: string) => s as LocalDate;

describe('previousPeriod', () => {
  it.each([
    ['2026-11-01', '2026-11-30', '2026-10-02', '2026-10-31'],
    ['2026-11-26', '2026-11-26', '2026-11-25', '2026-11-25'],
    ['2026-01-01', '2026-01-07', '2025-12-25', '2025-12-31'],
  ])('%s..%s → %s..%s', (from, to, pFrom, pTo) => {
    expect(previousPeriod({ from: d(from), to: d(to) })).toEqual({ from: pFrom, to: pTo });
  });
});

describe('trendOf', () => {
  it.each([
    [3, 1, 2, 200, 'up'],
    [1, 4, -3, -75, 'down'],
    [2, 2, 0, 0, 'flat'],
    [5, 0, 5, null, 'up'],
    [1, 3, -2, -66.7, 'down'],
  ] as const)('%i vs %i', (current, previous, delta, changePct, direction) => {
    expect(trendOf(current, previous)).toEqual({ current, previous, delta, changePct, direction });
  });
});
