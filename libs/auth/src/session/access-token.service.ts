import { webcrypto } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { errors, jwtVerify, SignJWT } from 'jose';
import { AppConfig, Clock } from '#libs/core';
import { tokenExpired, tokenInvalid } from '../auth.errors.js';
import { isUuid } from './refresh-token.js';

// The algorithm is fixed here and in verification: the token's own header never chooses it.
const ALGORITHM = 'HS256';
const ISSUER = 'duty-tracker';
const AUDIENCE = 'duty-tracker-api';
const VERIFIED_TOKENS_KEPT = 10_000;

export interface AccessTokenClaims {
  userId: string;
  sessionId: string;
}

/**
 * Short-lived signed access tokens carrying the user and session ids. Expiry is judged against the
 * injected Clock, so tests move time instead of waiting; revocation is checked separately against
 * the session on every request.
 */
@Injectable()
export class AccessTokenService {
  private key: Promise<webcrypto.CryptoKey> | undefined;
  /**
   * Tokens whose signature and claims were verified, with their expiry: every request carries one,
   * mostly the same few thousand, and the signature check was a tenth of a task read's CPU.
   * Revocation does not depend on this: the session is read on every request.
   */
  private readonly verified = new Map<string, { claims: AccessTokenClaims; exp: number }>();

  constructor(
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  get ttlSeconds(): number {
    return this.config.accessTokenTtlSeconds;
  }

  async issue(claims: AccessTokenClaims): Promise<string> {
    const now = Math.floor(this.clock.now().getTime() / 1000);
    return new SignJWT({ sid: claims.sessionId })
      .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
      .setSubject(claims.userId)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(now)
      .setExpirationTime(now + this.ttlSeconds)
      .sign(await this.secretKey());
  }

  async verify(token: string): Promise<AccessTokenClaims> {
    // A token verified before is the same bytes with the same signature: only its expiry can have
    // changed, and that is judged again here against the Clock.
    const known = this.verified.get(token);
    if (known) {
      if (known.exp > Math.floor(this.clock.now().getTime() / 1000)) return known.claims;
      this.verified.delete(token);
      throw tokenExpired();
    }
    let payload;
    try {
      ({ payload } = await jwtVerify(token, await this.secretKey(), {
        algorithms: [ALGORITHM],
        issuer: ISSUER,
        audience: AUDIENCE,
        currentDate: this.clock.now(),
        requiredClaims: ['exp', 'iat', 'sub', 'sid'],
      }));
    } catch (e) {
      throw e instanceof errors.JWTExpired ? tokenExpired() : tokenInvalid();
    }
    const { sub, sid } = payload;
    if (typeof sub !== 'string' || typeof sid !== 'string' || !isUuid(sub) || !isUuid(sid)) throw tokenInvalid();
    const claims = { userId: sub, sessionId: sid };
    this.remember(token, claims, payload.exp!);
    return claims;
  }

  // Bounded: the oldest entry goes first (a Map keeps insertion order); a forgotten token is only
  // verified again.
  private remember(token: string, claims: AccessTokenClaims, exp: number): void {
    if (this.verified.size >= VERIFIED_TOKENS_KEPT) this.verified.delete(this.verified.keys().next().value!);
    this.verified.set(token, { claims, exp });
  }

  // Resolved on first use: processes that never issue tokens (CLI, worker) need no secret. Imported
  // once as a key object: given raw bytes, jose imports them again on every request.
  private secretKey(): Promise<webcrypto.CryptoKey> {
    this.key ??= webcrypto.subtle.importKey('raw', new TextEncoder().encode(this.config.requireAuthTokenSecret()), { name: 'HMAC', hash: 'SHA-256' }, false, [
      'sign',
      'verify',
    ]);
    return this.key;
  }
}
