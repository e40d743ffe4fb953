/*
 * Password and username policy as pure functions: a reason (Chinese, shown to the admin) or null.
 * The password rules follow NIST SP 800-63B: length matters, composition rules do not; long
 * passphrases (Chinese included) are welcome.
 */

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

// Login refuses longer input before hashing, so a megabyte "password" costs nothing.
export const LOGIN_PASSWORD_MAX_LENGTH = 1024;

import { isCommonPassword } from './common-passwords.js';

const CONTROL_CHARACTER = /\p{Cc}/u;

/** Length in characters as people count them (code points), not UTF-16 units. */
const characters = (s: string) => [...s].length;

/** Equal-looking input typed on different keyboards or input methods hashes the same. */
export function normalizePassword(password: string): string {
  return password.normalize('NFC');
}

/** `allowCommon` only for the embedded default's demo logins, whose password is public anyway. */
export function passwordProblem(password: string, username?: string, options: { allowCommon?: boolean } = {}): string | null {
  const normalized = normalizePassword(password);
  const length = characters(normalized);
  if (length < PASSWORD_MIN_LENGTH) return `至少 ${PASSWORD_MIN_LENGTH} 个字符`;
  if (length > PASSWORD_MAX_LENGTH) return `不超过 ${PASSWORD_MAX_LENGTH} 个字符`;
  if (CONTROL_CHARACTER.test(normalized)) return '不能包含换行、制表符等控制字符';
  if (normalized.trim() === '') return '不能全为空格';
  if (new Set(normalized).size === 1) return '不能由同一个字符重复组成';
  if (username && normalized.toLowerCase() === username.toLowerCase()) return '不能与用户名相同';
  if (!options.allowCommon && isCommonPassword(normalized)) return '过于常见（在常用密码表中），请换一个';
  return null;
}

const USERNAME = /^[a-z0-9][a-z0-9._-]{1,63}$/;

/** Usernames are case-insensitive: stored and compared in lower case. */
export function normalizeUsername(username: string): string {
  return username.trim().toLowerCase();
}

export function usernameProblem(username: string): string | null {
  return USERNAME.test(normalizeUsername(username)) ? null : '2–64 个字符，仅限字母、数字和 . _ -，以字母或数字开头';
}
