import { Injectable } from '@nestjs/common';
import { AppConfig, Clock } from '#libs/core';
import { ActorRepository } from './access/actor.repository.js';
import { rolesOf } from './access/access.rules.js';
import type { Actor } from './access/actor.types.js';
import { PasswordHasher } from './accounts/password-hasher.js';
import { normalizeUsername } from './accounts/credential.rules.js';
import { UserRepository } from './accounts/user.repository.js';
import { SecurityAuditService, SecurityEventType } from './audit/security-audit.service.js';
import { accountDisabled, invalidCredentials, refreshTokenInvalid, sessionEnded, tokenInvalid } from './auth.errors.js';
import type { ClientInfo, MeView, TokenPair } from './auth.types.js';
import { LoginThrottleService } from './login/login-throttle.service.js';
import { AccessTokenService } from './session/access-token.service.js';
import { AuthSessionRepository } from './session/auth-session.repository.js';
import { formatRefreshToken, hashRefreshSecret, newRefreshSecret, parseRefreshToken } from './session/refresh-token.js';
import { judgeRefreshSecret, pastAbsoluteEnd, sessionEndAt } from './session/session-lifetime.rules.js';
import { shanghaiDate } from './session/shanghai-date.js';

/** Logging in and out, renewing, and turning an access token into the request's actor. */
@Injectable()
export class AuthService {
  constructor(
    private readonly users: UserRepository,
    private readonly sessions: AuthSessionRepository,
    private readonly actors: ActorRepository,
    private readonly hasher: PasswordHasher,
    private readonly tokens: AccessTokenService,
    private readonly throttle: LoginThrottleService,
    private readonly audit: SecurityAuditService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async login(input: { username: string; password: string }, client: ClientInfo): Promise<TokenPair> {
    const username = normalizeUsername(input.username);
    const attempt = await this.throttle.admit(username, client.ip);
    const user = await this.users.findByUsername(username);
    const failed = async (reason: string, userId: string | null) => {
      await this.audit.record({ type: SecurityEventType.LOGIN_FAILED, subjectId: userId, data: { username, ip: client.ip, userAgent: client.userAgent, reason } });
    };
    if (!user) {
      await this.hasher.verifyNothing(input.password);
      await failed('UNKNOWN_USER', null);
      throw invalidCredentials();
    }
    if (!(await this.hasher.verify(user.passwordHash, input.password))) {
      await failed('BAD_PASSWORD', user.id);
      throw invalidCredentials();
    }
    // Said only to someone who knows the password, so it reveals nothing to a guesser.
    if (user.disabledAt) {
      await failed('ACCOUNT_DISABLED', user.id);
      throw accountDisabled();
    }
    await this.throttle.succeeded(attempt);
    if (this.hasher.needsRehash(user.passwordHash)) await this.users.setPasswordHash(user.id, await this.hasher.hash(input.password));

    const now = this.clock.now();
    const secret = newRefreshSecret();
    const sessionId = await this.sessions.create({
      userId: user.id,
      refreshTokenHash: hashRefreshSecret(secret),
      createdAt: now,
      expiresAt: this.sessionEnd(now, now),
      ip: client.ip,
      userAgent: client.userAgent,
    });
    await this.audit.record({
      type: SecurityEventType.LOGIN_SUCCEEDED,
      actorUserId: user.id,
      actorPersonId: user.personId,
      subjectId: user.id,
      data: { username, ip: client.ip, userAgent: client.userAgent, sessionId },
    });
    return this.tokenPair(user.id, sessionId, secret, this.sessionEnd(now, now), now);
  }

  /** Rotates the refresh secret: the presented one stops working whatever happens next. */
  async refresh(refreshToken: string | undefined): Promise<TokenPair> {
    const parsed = refreshToken ? parseRefreshToken(refreshToken) : null;
    if (!parsed) throw refreshTokenInvalid();
    const session = await this.sessions.findRefreshable(parsed.sessionId);
    const now = this.clock.now();
    if (!session || session.revokedAt || session.expiresAt <= now || pastAbsoluteEnd(now, session.createdAt, this.config.sessionMaxSeconds)) {
      throw refreshTokenInvalid();
    }
    const presented = hashRefreshSecret(parsed.secret);
    const verdict = judgeRefreshSecret(presented, session, now);
    // A wrong secret proves nothing about who holds the real one (the session id is in every
    // access token): refused, and the session lives on. A racing tab is refused the same way.
    if (verdict === 'WRONG' || verdict === 'RACED') throw refreshTokenInvalid();
    if (verdict === 'REUSED') {
      // The secret the last renewal replaced: a client bug or a copy in someone else's hands.
      // Ending the session locks out both; the owner logs in again.
      await this.sessions.revoke(session.sessionId, now);
      await this.audit.record({
        type: SecurityEventType.REFRESH_REUSED,
        actorUserId: session.userId,
        actorPersonId: session.personId,
        subjectId: session.sessionId,
        data: { username: session.username },
      });
      throw refreshTokenInvalid();
    }
    if (session.disabledAt) throw accountDisabled();
    const secret = newRefreshSecret();
    const endsAt = this.sessionEnd(now, session.createdAt);
    const rotated = await this.sessions.rotateRefreshSecret(session.sessionId, presented, hashRefreshSecret(secret), endsAt, now);
    if (!rotated) throw refreshTokenInvalid();
    return this.tokenPair(session.userId, session.sessionId, secret, endsAt, now);
  }

  async logout(actor: Actor): Promise<void> {
    await this.sessions.revoke(actor.sessionId, this.clock.now());
    await this.audit.record({
      type: SecurityEventType.LOGOUT,
      actorUserId: actor.userId,
      actorPersonId: actor.personId,
      subjectId: actor.sessionId,
      data: { username: actor.username },
    });
  }

  /** Every authenticated request: a valid signature and expiry, then a live session and account. */
  async authenticate(accessToken: string): Promise<Actor> {
    const claims = await this.tokens.verify(accessToken);
    const owner = await this.sessions.findOwner(claims.sessionId, shanghaiDate(this.clock));
    if (!owner || owner.userId !== claims.userId) throw tokenInvalid();
    const now = this.clock.now();
    if (owner.revokedAt || owner.expiresAt <= now || pastAbsoluteEnd(now, owner.createdAt, this.config.sessionMaxSeconds)) throw sessionEnded();
    if (owner.disabledAt) throw accountDisabled();
    return {
      userId: owner.userId,
      username: owner.username,
      personId: owner.personId,
      isAdmin: owner.isAdmin,
      sessionId: owner.sessionId,
      posts: owner.posts,
    };
  }

  async describe(actor: Actor): Promise<MeView> {
    const [person, held] = actor.personId
      ? await Promise.all([this.actors.findPerson(actor.personId), this.actors.heldPostDetails(actor.personId, shanghaiDate(this.clock))])
      : [null, []];
    const unitNames = new Map(held.map((p) => [p.unitId, p.unitName]));
    return {
      user: { id: actor.userId, username: actor.username, isAdmin: actor.isAdmin },
      person,
      posts: held.map((p) => ({
        postId: p.postId,
        code: p.postCode,
        name: p.postName,
        kind: p.kind,
        unitId: p.unitId,
        unitName: p.unitName,
        acting: p.acting,
        since: p.since,
      })),
      roles: rolesOf(actor).map((r) => (r.role === 'admin' ? r : { ...r, unitName: unitNames.get(r.unitId) })),
      covering: [],
    };
  }

  private sessionEnd(now: Date, createdAt: Date): Date {
    return sessionEndAt(now, createdAt, this.config.refreshTokenTtlSeconds, this.config.sessionMaxSeconds);
  }

  private async tokenPair(userId: string, sessionId: string, secret: string, endsAt: Date, now: Date): Promise<TokenPair> {
    return {
      tokenType: 'Bearer',
      accessToken: await this.tokens.issue({ userId, sessionId }),
      expiresIn: this.tokens.ttlSeconds,
      refreshToken: formatRefreshToken(sessionId, secret),
      refreshExpiresIn: Math.max(0, Math.floor((endsAt.getTime() - now.getTime()) / 1000)),
    };
  }
}
