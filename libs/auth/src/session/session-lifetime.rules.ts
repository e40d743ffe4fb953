import { sameHash } from './refresh-token.js';

/*
 * How long a session lives and what a presented refresh secret means. Pure: the service reads the
 * session, asks these, and acts.
 */

/**
 * A renewal moves the end of a session forward by the idle lifetime, but never past its absolute
 * end (login + the maximum): a stolen refresh token cannot be kept alive for ever by renewing it.
 */
export function sessionEndAt(now: Date, createdAt: Date, idleSeconds: number, maxSeconds: number): Date {
  return new Date(Math.min(now.getTime() + idleSeconds * 1000, createdAt.getTime() + maxSeconds * 1000));
}

/** True once the absolute end has come, whatever the stored expiry says (e.g. after the maximum was lowered). */
export function pastAbsoluteEnd(now: Date, createdAt: Date, maxSeconds: number): boolean {
  return now.getTime() >= createdAt.getTime() + maxSeconds * 1000;
}

/**
 * A used secret presented again this soon after its replacement is a second tab (or a retried
 * request) that lost a race with the renewal, not a copy: it is refused without ending the session.
 */
export const RENEWAL_RACE_SECONDS = 60;

/**
 * - CURRENT: the live secret; renew.
 * - RACED: the secret the last renewal replaced, within RENEWAL_RACE_SECONDS; refuse, keep the session.
 * - REUSED: the replaced secret later on: only someone who once held it can present it, so a copy
 *   is in other hands; end the session.
 * - WRONG: anything else (older secrets, guesses by someone who knows the session id, which is in
 *   every access token): refuse, keep the session, so nobody can log another person out.
 */
export type RefreshVerdict = 'CURRENT' | 'RACED' | 'REUSED' | 'WRONG';

export function judgeRefreshSecret(
  presentedHash: string,
  session: { refreshTokenHash: string; previousRefreshTokenHash: string | null; rotatedAt: Date | null },
  now: Date,
): RefreshVerdict {
  if (sameHash(presentedHash, session.refreshTokenHash)) return 'CURRENT';
  if (!session.previousRefreshTokenHash || !session.rotatedAt || !sameHash(presentedHash, session.previousRefreshTokenHash)) return 'WRONG';
  return now.getTime() - session.rotatedAt.getTime() <= RENEWAL_RACE_SECONDS * 1000 ? 'RACED' : 'REUSED';
}
