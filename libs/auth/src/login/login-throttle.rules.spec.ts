import { strictest, throttleVerdict, type ThrottleLimit, type ThrottleVerdict } from './login-throttle.rules.js';

const NOW = new Date('2026-11-26T02:00:00.000Z');
const LIMIT: ThrottleLimit = { maxFailures: 3, windowSeconds: 600 };
/** Failures `secondsAgo`, newest first as the repository returns them. */
const ago = (...secondsAgo: number[]) => secondsAgo.map((s) => new Date(NOW.getTime() - s * 1000));

describe('throttleVerdict', () => {
  it.each<[string, Date[], ThrottleVerdict]>([
    ['no failures', ago(), { blocked: false }],
    ['fewer failures than the limit', ago(1, 2), { blocked: false }],
    ['the limit reached just now', ago(0, 1, 2), { blocked: true, retryAfterSeconds: 598 }],
    ['the limit reached over the window', ago(10, 300, 590), { blocked: true, retryAfterSeconds: 10 }],
    ['more failures than the limit: the third newest decides', ago(1, 2, 100, 500), { blocked: true, retryAfterSeconds: 500 }],
    ['the oldest has just left the window', ago(1, 2, 600), { blocked: false }],
    ['less than a second left rounds up to 1', ago(1, 2, 599.5), { blocked: true, retryAfterSeconds: 1 }],
    ['all failures older than the window', ago(601, 700, 800), { blocked: false }],
  ])('%s', (_name, failures, verdict) => {
    expect(throttleVerdict(failures, LIMIT, NOW)).toEqual(verdict);
  });
});

describe('strictest', () => {
  const open: ThrottleVerdict = { blocked: false };
  const wait = (s: number): ThrottleVerdict => ({ blocked: true, retryAfterSeconds: s });
  it.each<[ThrottleVerdict, ThrottleVerdict, ThrottleVerdict]>([
    [open, open, open],
    [wait(5), open, wait(5)],
    [open, wait(7), wait(7)],
    [wait(5), wait(7), wait(7)],
    [wait(9), wait(7), wait(9)],
  ])('%j and %j → %j', (a, b, expected) => {
    expect(strictest(a, b)).toEqual(expected);
  });
});
