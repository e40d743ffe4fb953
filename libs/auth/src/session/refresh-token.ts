import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/*
 * A refresh token is "<session id>.<secret>": the id finds the session by primary key, the secret
 * (256 random bits) proves possession. Only the secret's SHA-256 is stored; a slow hash adds
 * nothing for a secret this long.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SECRET = /^[A-Za-z0-9_-]{43}$/;

export const isUuid = (value: string): boolean => UUID.test(value);

export function newRefreshSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function hashRefreshSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function formatRefreshToken(sessionId: string, secret: string): string {
  return `${sessionId}.${secret}`;
}

/** null for anything that is not a well-formed refresh token. */
export function parseRefreshToken(token: string): { sessionId: string; secret: string } | null {
  const dot = token.indexOf('.');
  if (dot < 0) return null;
  const sessionId = token.slice(0, dot);
  const secret = token.slice(dot + 1);
  return isUuid(sessionId) && SECRET.test(secret) ? { sessionId, secret } : null;
}

export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}
