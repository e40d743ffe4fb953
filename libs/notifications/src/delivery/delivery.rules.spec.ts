import { afterFailure, describeDeliveryError } from './delivery.rules.js';

describe('afterFailure', () => {
  const now = new Date('2026-11-26T02:00:00.000Z');

  it.each([
    ['first failure of 8: retry in 1 min', 0, 8, { status: 'PENDING', attempts: 1, retryAt: new Date('2026-11-26T02:01:00.000Z') }],
    ['third failure of 8: retry in 4 min', 2, 8, { status: 'PENDING', attempts: 3, retryAt: new Date('2026-11-26T02:04:00.000Z') }],
    ['seventh failure of 8: retry in 1 h', 6, 8, { status: 'PENDING', attempts: 7, retryAt: new Date('2026-11-26T03:00:00.000Z') }],
    ['eighth failure of 8: FAILED', 7, 8, { status: 'FAILED', attempts: 8 }],
    ['only one attempt allowed: FAILED at once', 0, 1, { status: 'FAILED', attempts: 1 }],
    ['more attempts than allowed (lowered setting): FAILED', 9, 8, { status: 'FAILED', attempts: 10 }],
  ])('%s', (_why, previous, max, expected) => {
    expect(afterFailure(previous, max, now)).toEqual(expected);
  });
});

describe('describeDeliveryError', () => {
  it.each([
    [Object.assign(new Error('Connection refused'), { code: 'ESOCKET' }), 'ESOCKET Connection refused'],
    [Object.assign(new Error('Message failed'), { code: 'EMESSAGE', responseCode: 451, response: '451 4.3.0 try again later' }), 'EMESSAGE 451 451 4.3.0 try again later'],
    ['plain string', 'plain string'],
    [new Error('multi\nline\n  text'), 'multi line text'],
  ])('%p → %p', (error, expected) => {
    expect(describeDeliveryError(error)).toBe(expected);
  });

  it('bounds the length', () => {
    expect(describeDeliveryError(new Error('x'.repeat(2000)))).toHaveLength(500);
  });
});
