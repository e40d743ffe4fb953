import { RETRY_CAP_MS, retryDelayMs } from './backoff.rules.js';

const MIN = 60_000;

describe('retryDelayMs', () => {
  it.each([
    [1, 1 * MIN],
    [2, 2 * MIN],
    [3, 4 * MIN],
    [6, 32 * MIN],
    [7, 60 * MIN],
    [8, 60 * MIN],
    [1000, 60 * MIN],
  ])('after %i failed attempt(s): %i ms', (failures, expected) => {
    expect(retryDelayMs(failures)).toBe(expected);
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses %p', (failures) => {
    expect(() => retryDelayMs(failures)).toThrow(RangeError);
  });

  it('never exceeds the cap', () => {
    for (let n = 1; n < 100; n++) expect(retryDelayMs(n)).toBeLessThanOrEqual(RETRY_CAP_MS);
  });
});
