import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/*
 * The ~49,000 most common passwords of leaked lists, as shipped (MIT) by @zxcvbn-ts/language-common,
 * plus the demo logins' password, which is public in this project's README. Read once, on first use.
 */
const DEMO_PASSWORD = 'demo1234';

let known: Set<string> | undefined;

function list(): Set<string> {
  if (!known) {
    const file = createRequire(import.meta.url).resolve('@zxcvbn-ts/language-common/src/passwords.json');
    const words = JSON.parse(readFileSync(file, 'utf8')) as string[];
    known = new Set([...words.map((w) => w.toLowerCase()), DEMO_PASSWORD]);
  }
  return known;
}

/** Whether a password is on the common list (case-insensitive: "Password1" is as weak as "password1"). */
export function isCommonPassword(password: string): boolean {
  return list().has(password.toLowerCase());
}

export function commonPasswordCount(): number {
  return list().size;
}
