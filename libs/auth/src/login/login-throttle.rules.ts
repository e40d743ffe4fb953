/*
 * Login rate limits, judged from the failed attempts recorded in the security history (shared by
 * every API process through PostgreSQL). Blocked attempts are audited separately and do not count,
 * so hammering a blocked account does not extend its block.
 */

export interface ThrottleLimit {
  /** Failures tolerated inside the window; the next attempt is refused. */
  maxFailures: number;
  windowSeconds: number;
}

// Per username: stops guessing one account's password. Per address: stops trying many accounts;
// higher because a whole office may reach the API through one NAT or proxy address.
export const LOGIN_LIMITS = {
  username: { maxFailures: 5, windowSeconds: 15 * 60 },
  ip: { maxFailures: 50, windowSeconds: 15 * 60 },
} as const satisfies Record<string, ThrottleLimit>;

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

/** The later of two verdicts' releases: a blocked attempt waits for both limits. */
export function strictest(a: ThrottleVerdict, b: ThrottleVerdict): ThrottleVerdict {
  if (!a.blocked) return b;
  if (!b.blocked) return a;
  return a.retryAfterSeconds >= b.retryAfterSeconds ? a : b;
}
