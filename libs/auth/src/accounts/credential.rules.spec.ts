import { commonPasswordCount } from './common-passwords.js';
import { normalizeUsername, passwordProblem, PASSWORD_MAX_LENGTH, usernameProblem } from './credential.rules.js';

describe('passwordProblem', () => {
  it.each<[string, string, string | undefined]>([
    ['exactly 8 characters', 'k9#mQ2xz', undefined],
    ['a long passphrase', 'correct horse battery staple', undefined],
    ['64 characters', 'a1'.repeat(32), undefined],
    [`${PASSWORD_MAX_LENGTH} characters`, 'ab'.repeat(PASSWORD_MAX_LENGTH / 2), undefined],
    ['a Chinese passphrase of 8 characters', '规划科履职留痕好', undefined],
    ['letters only (no composition rules)', 'planningsection', undefined],
    ['inner spaces', 'my  pass word', undefined],
  ])('accepts %s', (_name, password, username) => {
    expect(passwordProblem(password, username)).toBeNull();
  });

  it.each<[string, string, string | undefined, RegExp]>([
    ['empty', '', undefined, /至少 8/],
    ['7 characters', 'k9#mQ2x', undefined, /至少 8/],
    ['7 Chinese characters (length counts characters, not bytes)', '规划科履职留痕', undefined, /至少 8/],
    ['4 emoji (8 UTF-16 units)', '🔒🔑🔒🔑', undefined, /至少 8/],
    [`${PASSWORD_MAX_LENGTH + 1} characters`, 'a'.repeat(PASSWORD_MAX_LENGTH) + 'b', undefined, /不超过 128/],
    ['a newline inside', 'abcd\nefgh', undefined, /控制字符/],
    ['a tab inside', 'abcd\tefgh', undefined, /控制字符/],
    ['only spaces', '          ', undefined, /空格/],
    ['one repeated character', 'aaaaaaaa', undefined, /同一个字符/],
    ['the username', 'officer1', 'officer1', /用户名/],
    ['the username in other case', 'Officer1X', 'officer1x', /用户名/],
    ['a common password', 'password1', undefined, /常见/],
    ['a common password in other case', 'QWERTYUIOP', undefined, /常见/],
    ['another common password', 'iloveyou', undefined, /常见/],
    ['the demo password', 'demo1234', undefined, /常见/],
  ])('rejects %s', (_name, password, username, reason) => {
    expect(passwordProblem(password, username)).toMatch(reason);
  });
});

describe('common passwords', () => {
  it('ships a list of at least 10,000', () => {
    expect(commonPasswordCount()).toBeGreaterThanOrEqual(10_000);
  });

  it('lets only the demo seed use the demo password', () => {
    expect(passwordProblem('demo1234', 'officer1', { allowCommon: true })).toBeNull();
  });
});

describe('usernames', () => {
  it.each([
    ['officer1', 'officer1'],
    ['  Chief ', 'chief'],
    ['zhang.jianguo', 'zhang.jianguo'],
  ])('%j normalises to %j and is valid', (raw, normalized) => {
    expect(normalizeUsername(raw)).toBe(normalized);
    expect(usernameProblem(raw)).toBeNull();
  });

  it.each(['a', '', '-admin', '.x', '张三', 'with space', 'a'.repeat(65), 'semi;colon'])('rejects %j', (raw) => {
    expect(usernameProblem(raw)).not.toBeNull();
  });
});
