import { FixedClock } from './clock.js';

describe('FixedClock', () => {
  it.each([
    ['2026-11-26T00:00:00Z', 1000, '2026-11-26T00:00:01.000Z'],
    ['2026-12-31T23:59:59Z', 1000, '2027-01-01T00:00:00.000Z'],
  ])('advances %s by %d ms to %s', (start, ms, expected) => {
    const clock = new FixedClock(new Date(start));
    clock.advance(ms);
    expect(clock.now().toISOString()).toBe(expected);
  });

  it('hands out copies so callers cannot move time', () => {
    const clock = new FixedClock(new Date('2026-01-01T00:00:00Z'));
    clock.now().setUTCFullYear(2030);
    expect(clock.now().getUTCFullYear()).toBe(2026);
  });
});
