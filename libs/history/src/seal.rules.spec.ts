import { buildSealData, parseSealData, type SealedHead } from './seal.rules.js';

const H = 'a'.repeat(64);

describe('buildSealData', () => {
  it('writes nothing when no stream changed', () => {
    expect(buildSealData([], 10n, 5n)).toEqual([]);
  });

  it('sorts heads and splits a large delta into parts with one throughId', () => {
    const heads: SealedHead[] = [['task:c', 1, H], ['task:a', 3, H], ['security', 9, H]];
    const parts = buildSealData(heads, 42n, 7n, 2);
    expect(parts).toEqual([
      { throughId: '42', previousThroughId: '7', heads: [['security', 9, H], ['task:a', 3, H]], part: 1, parts: 2 },
      { throughId: '42', previousThroughId: '7', heads: [['task:c', 1, H]], part: 2, parts: 2 },
    ]);
    expect(parts.every((p) => parseSealData(JSON.parse(JSON.stringify(p))) !== null)).toBe(true);
  });
});

describe('parseSealData', () => {
  const valid = { throughId: '12', previousThroughId: '0', heads: [['task:a', 2, H]], part: 1, parts: 1 };

  it.each<[string, unknown]>([
    ['not an object', 'seal'],
    ['an array', [valid]],
    ['a non-numeric throughId', { ...valid, throughId: '12a' }],
    ['a part beyond parts', { ...valid, part: 2 }],
    ['a head without hash', { ...valid, heads: [['task:a', 2]] }],
    ['a short hash', { ...valid, heads: [['task:a', 2, 'abc']] }],
    ['a zero seq', { ...valid, heads: [['task:a', 0, H]] }],
    ['the seal stream sealing itself', { ...valid, heads: [['seal', 2, H]] }],
    ['a signature of another algorithm', { ...valid, signature: { alg: 'RS256', key: 'SHA256:x', sig: `${'A'.repeat(86)}==` } }],
    ['a signature of the wrong length', { ...valid, signature: { alg: 'Ed25519', key: 'SHA256:x', sig: 'AAAA' } }],
  ])('refuses %s', (_name, data) => {
    expect(parseSealData(data)).toBeNull();
  });

  it('accepts a well-formed seal, signed or not', () => {
    expect(parseSealData(valid)).toEqual(valid);
    const signed = { ...valid, signature: { alg: 'Ed25519', key: 'SHA256:x', sig: `${'A'.repeat(86)}==` } };
    expect(parseSealData(signed)).toEqual(signed);
  });
});
