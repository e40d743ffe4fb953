import { loginVerdict, throttleVerdict, type LoginFailures, type LoginVerdict, type ThrottleLimit, type ThrottleVerdict } from './login-throttle.rules.js';

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

describe('loginVerdict', () => {
  const none = { usernameIp: [], username: [], ip: [] };
  const times = (n: number, secondsAgo: number) => Array.from({ length: n }, () => new Date(NOW.getTime() - secondsAgo * 1000));
  it.each<[string, LoginFailures, LoginVerdict]>([
    ['nothing failed', none, { blocked: false }],
    ['4 from this address, 49 for the user, 49 from the address', { usernameIp: times(4, 1), username: times(49, 1), ip: times(49, 1) }, { blocked: false }],
    ['5 from this address for this user', { ...none, usernameIp: times(5, 60) }, { blocked: true, retryAfterSeconds: 840, limitedBy: 'usernameIp' }],
    ['50 for the user from many addresses (an hour)', { ...none, username: times(50, 60) }, { blocked: true, retryAfterSeconds: 3540, limitedBy: 'username' }],
    ['50 from one address over many usernames', { ...none, ip: times(50, 300) }, { blocked: true, retryAfterSeconds: 600, limitedBy: 'ip' }],
    [
      'several limits: the latest release decides and is named',
      { usernameIp: times(5, 0), username: times(50, 3000), ip: times(50, 0) },
      { blocked: true, retryAfterSeconds: 900, limitedBy: 'usernameIp' },
    ],
    [
      'the per-user hour outlasts the per-address quarter',
      { usernameIp: times(5, 0), username: times(50, 0), ip: [] },
      { blocked: true, retryAfterSeconds: 3600, limitedBy: 'username' },
    ],
  ])('%s', (_name, failures, verdict) => {
    expect(loginVerdict(failures, NOW)).toEqual(verdict);
  });
});
