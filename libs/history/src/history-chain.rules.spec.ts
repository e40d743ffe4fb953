import { canonicalJson } from './canonical-json.js';
import { eventHash, GENESIS_HASH, type ChainedFields } from './history-chain.rules.js';

const base: ChainedFields = {
  stream: 'task:1',
  seq: 1,
  at: new Date('2026-11-26T01:00:00.000Z'),
  type: 'task.created',
  actorUserId: null,
  actorPersonId: null,
  actingForPostId: null,
  subjectId: '1',
  data: { title: '月度统计', nested: { b: 1, a: 2 } },
  prevHash: GENESIS_HASH,
};

describe('canonicalJson', () => {
  it.each([
    [{ b: 1, a: 2 }, '{"a":2,"b":1}'],
    [{ z: { y: 1, x: [3, { d: 1, c: 2 }] } }, '{"z":{"x":[3,{"c":2,"d":1}],"y":1}}'],
    [{ a: undefined, b: null }, '{"b":null}'],
    ['文号', '"文号"'],
  ])('%j → %s', (value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
  });
});

describe('eventHash', () => {
  it('does not depend on key order', () => {
    expect(eventHash({ ...base, data: { nested: { a: 2, b: 1 }, title: '月度统计' } })).toBe(eventHash(base));
  });

  it.each<[string, Partial<ChainedFields>]>([
    ['stream', { stream: 'task:2' }],
    ['seq', { seq: 2 }],
    ['time', { at: new Date('2026-11-26T01:00:00.001Z') }],
    ['type', { type: 'task.accepted' }],
    ['actor', { actorUserId: 'u' }],
    ['acting for', { actingForPostId: 'p' }],
    ['data', { data: { title: '月度统计 ', nested: { b: 1, a: 2 } } }],
    ['previous hash', { prevHash: '1'.repeat(64) }],
  ])('changes when the %s changes', (_name, change) => {
    expect(eventHash({ ...base, ...change })).not.toBe(eventHash(base));
  });
});
