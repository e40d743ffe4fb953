import { formatRefreshToken, hashRefreshSecret, newRefreshSecret, parseRefreshToken, sameHash } from './refresh-token.js';

const SESSION = '0b6f3c52-2a54-4c8e-9d1e-6f1f7c0a9e11';

describe('refresh tokens', () => {
  it('round-trips a freshly made token', () => {
    const secret = newRefreshSecret();
    expect(parseRefreshToken(formatRefreshToken(SESSION, secret))).toEqual({ sessionId: SESSION, secret });
  });

  it.each([
    ['empty', ''],
    ['no separator', SESSION],
    ['not a uuid', `abc.${'a'.repeat(43)}`],
    ['short secret', `${SESSION}.${'a'.repeat(42)}`],
    ['long secret', `${SESSION}.${'a'.repeat(44)}`],
    ['bad characters', `${SESSION}.${'a'.repeat(42)}=`],
    ['a JWT', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.sig'],
  ])('rejects %s', (_name, token) => {
    expect(parseRefreshToken(token)).toBeNull();
  });

  it.each([
    ['equal hashes', hashRefreshSecret('a'), hashRefreshSecret('a'), true],
    ['different hashes', hashRefreshSecret('a'), hashRefreshSecret('b'), false],
    ['an empty stored hash', '', '', false],
    ['different lengths', 'abcd', 'abcdef', false],
  ])('compares %s', (_name, a, b, expected) => {
    expect(sameHash(a, b)).toBe(expected);
  });
});
