import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import argon2 from 'argon2';
import { normalizePassword } from './credential.rules.js';

// OWASP's argon2id baseline (19 MiB, 2 passes, 1 lane): ~60 ms per hash. Heavier settings would
// let a login burst exhaust memory; the login rate limit covers online guessing.
const PARAMETERS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** argon2id hashing of passwords; the only code that sees a plain password besides the policy. */
@Injectable()
export class PasswordHasher {
  private dummyHash: Promise<string> | undefined;

  hash(password: string): Promise<string> {
    return argon2.hash(normalizePassword(password), PARAMETERS);
  }

  async verify(hash: string, password: string): Promise<boolean> {
    try {
      return await argon2.verify(hash, normalizePassword(password));
    } catch {
      // A malformed stored hash is a failed login, never a 500 that reveals the account exists.
      return false;
    }
  }

  /** Spends the same time as a real check, so an unknown username answers as slowly as a known one. */
  async verifyNothing(password: string): Promise<false> {
    this.dummyHash ??= this.hash(randomBytes(16).toString('hex'));
    await this.verify(await this.dummyHash, password);
    return false;
  }

  /** Hashes made with older (weaker) parameters are upgraded at the next successful login. */
  needsRehash(hash: string): boolean {
    try {
      return argon2.needsRehash(hash, PARAMETERS);
    } catch {
      return true;
    }
  }
}

/** A random password an admin hands over once: 20 characters of base64url (120 bits). */
export function generatePassword(): string {
  return randomBytes(15).toString('base64url');
}
