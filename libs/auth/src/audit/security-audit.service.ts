import { Injectable } from '@nestjs/common';
import type { Tx } from '#libs/core';
import { HistoryService } from '#libs/history';

/** The history stream holding logins, logouts, denials and account changes. */
export const SECURITY_STREAM = 'security';

export const SecurityEventType = {
  LOGIN_SUCCEEDED: 'auth.login.succeeded',
  LOGIN_FAILED: 'auth.login.failed',
  /** Refused by the rate limit before the password was checked; does not count as a failure. */
  LOGIN_THROTTLED: 'auth.login.throttled',
  LOGOUT: 'auth.logout',
  /** A rotated-out refresh secret came back: the session is revoked in case it was stolen. */
  REFRESH_REUSED: 'auth.refresh.reused',
  ACCESS_DENIED: 'access.denied',
  USER_CREATED: 'auth.user.created',
  PASSWORD_RESET: 'auth.password.reset',
  USER_DISABLED: 'auth.user.disabled',
  USER_ENABLED: 'auth.user.enabled',
} as const;

export type SecurityEventType = (typeof SecurityEventType)[keyof typeof SecurityEventType];

export interface SecurityEvent {
  type: SecurityEventType;
  actorUserId?: string | null;
  actorPersonId?: string | null;
  subjectId?: string | null;
  data: Record<string, unknown>;
}

/** Appends security events to the hash-chained history (履职留痕 covers who could see what, too). */
@Injectable()
export class SecurityAuditService {
  constructor(private readonly history: HistoryService) {}

  record(event: SecurityEvent, tx?: Tx): Promise<void> {
    return this.history.record({ stream: SECURITY_STREAM, ...event }, tx);
  }
}
