import { Injectable } from '@nestjs/common';
import { Clock } from '#libs/core';
import { loginRateLimited } from '../auth.errors.js';
import { SecurityAuditService, SecurityEventType } from '../audit/security-audit.service.js';
import { LoginAttemptRepository } from './login-attempt.repository.js';
import { LOGIN_LIMITS, strictest, throttleVerdict } from './login-throttle.rules.js';

/**
 * Refuses a login attempt, before its password is checked, when the username or the client address
 * has too many recent failures. The counts live in PostgreSQL, so every API process sees the same
 * ones; concurrent attempts may overshoot a limit by the number in flight.
 */
@Injectable()
export class LoginThrottleService {
  constructor(
    private readonly attempts: LoginAttemptRepository,
    private readonly audit: SecurityAuditService,
    private readonly clock: Clock,
  ) {}

  async assertAllowed(username: string, ip: string): Promise<void> {
    const now = this.clock.now();
    const userWindowStart = new Date(now.getTime() - LOGIN_LIMITS.username.windowSeconds * 1000);
    const ipWindowStart = new Date(now.getTime() - LOGIN_LIMITS.ip.windowSeconds * 1000);
    // A successful login clears its username's count; the address count is shared and never cleared.
    const lastSuccess = await this.attempts.lastSuccessForUsername(username, userWindowStart);
    const [byUser, byIp] = await Promise.all([
      this.attempts.failuresForUsername(username, lastSuccess ?? userWindowStart, LOGIN_LIMITS.username.maxFailures),
      this.attempts.failuresFromIp(ip, ipWindowStart, LOGIN_LIMITS.ip.maxFailures),
    ]);
    const userVerdict = throttleVerdict(byUser, LOGIN_LIMITS.username, now);
    const ipVerdict = throttleVerdict(byIp, LOGIN_LIMITS.ip, now);
    const verdict = strictest(userVerdict, ipVerdict);
    if (!verdict.blocked) return;
    await this.audit.record({
      type: SecurityEventType.LOGIN_THROTTLED,
      data: { username, ip, limitedBy: userVerdict.blocked ? 'username' : 'ip', retryAfterSeconds: verdict.retryAfterSeconds },
    });
    throw loginRateLimited(verdict.retryAfterSeconds);
  }
}
