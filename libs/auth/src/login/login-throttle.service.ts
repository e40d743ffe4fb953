import { Injectable } from '@nestjs/common';
import { Clock, KeyedMutex } from '#libs/core';
import { loginRateLimited } from '../auth.errors.js';
import { SecurityAuditService, SecurityEventType } from '../audit/security-audit.service.js';
import { LoginAttemptRepository, type FailureQuery } from './login-attempt.repository.js';
import { LOGIN_ATTEMPT_RETENTION_SECONDS, LOGIN_LIMITS, loginVerdict, type LoginVerdict } from './login-throttle.rules.js';

/** An attempt let through to the password check; it counts as failed unless `succeeded` is called. */
export interface AdmittedAttempt {
  id: bigint;
}

/**
 * Admits a login attempt, before its password is checked, unless the username from this address,
 * the username, or the address has too many recent failures. Counting and admitting are one
 * transaction serialised per username and per address in PostgreSQL, so the limits hold exactly
 * under parallel attempts and across API processes.
 */
@Injectable()
export class LoginThrottleService {
  /** Attempts on one username or address wait here, not each on a pooled connection (see KeyedMutex). */
  private readonly admitting = new KeyedMutex();

  constructor(
    private readonly attempts: LoginAttemptRepository,
    private readonly audit: SecurityAuditService,
    private readonly clock: Clock,
  ) {}

  async admit(username: string, ip: string): Promise<AdmittedAttempt> {
    type Outcome = { id: bigint } | { refused: LoginVerdict & { blocked: true } };
    const countAndAdmit = () => this.attempts.transaction(async (tx): Promise<Outcome> => {
      await this.attempts.lock(tx, username, ip);
      // Read after the lock: a writer before us may have held it for a while.
      const now = this.clock.now();
      const verdict = loginVerdict(await this.attempts.recentFailures(tx, username, ip, failureQuery(now)), now);
      if (verdict.blocked) return { refused: verdict };
      await this.attempts.prune(tx, new Date(now.getTime() - LOGIN_ATTEMPT_RETENTION_SECONDS * 1000));
      return { id: await this.attempts.admit(tx, username, ip, now) };
    });
    const outcome = await this.admitting.run([`user:${username}`, `ip:${ip}`], countAndAdmit);
    if ('id' in outcome) return outcome;
    const { retryAfterSeconds, limitedBy } = outcome.refused;
    await this.audit.record({ type: SecurityEventType.LOGIN_THROTTLED, data: { username, ip, limitedBy, retryAfterSeconds } });
    throw loginRateLimited(retryAfterSeconds);
  }

  /** The password was right: the attempt stops counting, and clears its username-and-address count. */
  succeeded(attempt: AdmittedAttempt): Promise<void> {
    return this.attempts.markSucceeded(attempt.id);
  }
}

function failureQuery(now: Date): FailureQuery {
  const since = (windowSeconds: number) => new Date(now.getTime() - windowSeconds * 1000);
  return {
    usernameIp: { since: since(LOGIN_LIMITS.usernameIp.windowSeconds), limit: LOGIN_LIMITS.usernameIp.maxFailures },
    username: { since: since(LOGIN_LIMITS.username.windowSeconds), limit: LOGIN_LIMITS.username.maxFailures },
    ip: { since: since(LOGIN_LIMITS.ip.windowSeconds), limit: LOGIN_LIMITS.ip.maxFailures },
  };
}
