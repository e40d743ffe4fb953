import { carrierLevel, deliveryState } from './delivery-state.rules.js';

const now = new Date('2026-11-28T02:00:00Z');

describe('deliveryState', () => {
  it.each([
    ['PENDING', '2026-11-28T02:00:00Z', 'PENDING'],
    ['PENDING', '2026-11-28T01:00:00Z', 'PENDING'],
    ['PENDING', '2026-11-30T01:00:00Z', 'HELD'],
    ['SENT', '2026-11-30T01:00:00Z', 'SENT'],
    ['FAILED', '2026-11-28T01:00:00Z', 'FAILED'],
  ] as const)('%s available at %s → %s', (status, at, expected) => {
    expect(deliveryState({ status, availableAt: new Date(at) }, now)).toBe(expected);
  });
});

describe('carrierLevel', () => {
  const t0 = new Date('2026-11-28T02:00:00Z');
  const t1 = new Date('2026-11-30T02:00:00Z');
  const levels = [
    { id: 'l0', level: 0, cycle: 0, raisedAt: t0 },
    { id: 'l1', level: 1, cycle: 0, raisedAt: t0 },
    { id: 'l2', level: 2, cycle: 0, raisedAt: t1 },
    { id: 'c1', level: 1, cycle: 1, raisedAt: t1 },
  ];
  it.each([
    ['a lower level of the same sweep rides on the higher one', levels[0], ['l1'], 'l1'],
    ['a later sweep does not count', levels[1], ['l2'], null],
    ['another cycle does not count', levels[0], ['c1'], null],
    ['nothing carried it (the person was not a recipient there)', levels[0], [], null],
  ] as const)('%s', (_, of, withRows, expected) => {
    expect(carrierLevel(levels, of, (id) => (withRows as readonly string[]).includes(id))?.id ?? null).toBe(expected);
  });
});
