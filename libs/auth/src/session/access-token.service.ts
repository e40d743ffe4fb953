import { Injectable } from '@nestjs/common';
import { errors, jwtVerify, SignJWT } from 'jose';
import { AppConfig, Clock } from '#libs/core';
import { tokenExpired, tokenInvalid } from '../auth.errors.js';
import { isUuid } from './refresh-token.js';

// The algorithm is fixed here and in verification: the token's own header never chooses it.
const ALGORITHM = 'HS256';
const ISSUER = 'duty-tracker';
const AUDIENCE = 'duty-tracker-api';

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
  private key: Uint8Array | undefined;

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
      .sign(this.secretKey());
  }

  async verify(token: string): Promise<AccessTokenClaims> {
    let payload;
    try {
      ({ payload } = await jwtVerify(token, this.secretKey(), {
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
    return { userId: sub, sessionId: sid };
  }

  // Resolved on first use: processes that never issue tokens (CLI, worker) need no secret.
  private secretKey(): Uint8Array {
    this.key ??= new TextEncoder().encode(this.config.requireAuthTokenSecret());
    return this.key;
  }
}
