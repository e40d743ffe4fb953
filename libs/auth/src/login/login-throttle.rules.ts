/*
 * Login rate limits, judged from the attempts admitted in the last hour (a PostgreSQL table shared by
 * every API process). An admitted attempt counts as a failure until its password proves right;
 * blocked attempts are audited in the security history but not admitted, so hammering a blocked
 * account does not extend its block.
 */

export interface ThrottleLimit {
  /** Failures tolerated inside the window; the next attempt is refused. */
  maxFailures: number;
  windowSeconds: number;
}

/**
 * Lock the attacker, not the owner. Per username and address: stops guessing one account's password
 * from one place, and a success from that address clears it; the owner elsewhere is not affected.
 * Per username from anywhere: slower, against guessing spread over many addresses (this one does
 * lock the owner out too, which is the price of bounding those guesses). Per address: stops trying
 * many accounts; higher because a whole office may reach the API through one NAT or proxy address.
 */
export const LOGIN_LIMITS = {
  usernameIp: { maxFailures: 5, windowSeconds: 15 * 60 },
  username: { maxFailures: 50, windowSeconds: 60 * 60 },
  ip: { maxFailures: 50, windowSeconds: 15 * 60 },
} as const satisfies Record<string, ThrottleLimit>;

export type LoginLimitName = keyof typeof LOGIN_LIMITS;

/** The longest window: older attempts no longer matter and may be deleted. */
export const LOGIN_ATTEMPT_RETENTION_SECONDS = Math.max(...Object.values(LOGIN_LIMITS).map((l) => l.windowSeconds));

export type ThrottleVerdict = { blocked: false } | { blocked: true; retryAfterSeconds: number };

/**
 * `failures`: the most recent failures inside the window, newest first (at most maxFailures are
 * needed). Blocked until the oldest of the last `maxFailures` leaves the window.
 */
export function throttleVerdict(failures: Date[], limit: ThrottleLimit, now: Date): ThrottleVerdict {
  const windowMs = limit.windowSeconds * 1000;
  const inWindow = failures.filter((at) => now.getTime() - at.getTime() < windowMs);
  if (inWindow.length < limit.maxFailures) return { blocked: false };
  const oldestCounted = inWindow[limit.maxFailures - 1]!;
  const releaseMs = oldestCounted.getTime() + windowMs - now.getTime();
  return { blocked: true, retryAfterSeconds: Math.max(1, Math.ceil(releaseMs / 1000)) };
}

/** Recent failures per limit, newest first (at most that limit's maxFailures are needed). */
export type LoginFailures = Record<LoginLimitName, Date[]>;

export type LoginVerdict = { blocked: false } | { blocked: true; retryAfterSeconds: number; limitedBy: LoginLimitName };

/** Every limit applies; a blocked attempt waits for the last one to release and names it. */
export function loginVerdict(failures: LoginFailures, now: Date): LoginVerdict {
  let worst: LoginVerdict = { blocked: false };
  for (const name of Object.keys(LOGIN_LIMITS) as LoginLimitName[]) {
    const verdict = throttleVerdict(failures[name], LOGIN_LIMITS[name], now);
    if (verdict.blocked && (!worst.blocked || verdict.retryAfterSeconds > worst.retryAfterSeconds)) worst = { ...verdict, limitedBy: name };
  }
  return worst;
}
