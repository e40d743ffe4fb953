import { retryDelayMs } from '#libs/core';

/**
 * How long a dispatched row stays out of the dispatcher's sight. Longer than any delivery can take
 * (SMTP timeouts are far shorter), so a row comes back only when its job was lost — a crashed
 * worker, a flushed queue — and the next dispatch run then enqueues it again.
 */
export const DISPATCH_LEASE_MS = 5 * 60_000;

export type FailureOutcome =
  | { status: 'PENDING'; attempts: number; retryAt: Date }
  | { status: 'FAILED'; attempts: number };

/**
 * What a failed attempt does to a row that had `previousAttempts` before it: wait and try again, or
 * — once `maxAttempts` attempts have failed — stop and stay visible as FAILED.
 */
export function afterFailure(previousAttempts: number, maxAttempts: number, now: Date): FailureOutcome {
  const attempts = previousAttempts + 1;
  if (attempts >= maxAttempts) return { status: 'FAILED', attempts };
  return { status: 'PENDING', attempts, retryAt: new Date(now.getTime() + retryDelayMs(attempts)) };
}

/** Stored in outbox.last_error: enough to diagnose (SMTP reply, errno), bounded in size. */
export function describeDeliveryError(error: unknown): string {
  const e = error as { code?: unknown; responseCode?: unknown; response?: unknown; message?: unknown } | undefined;
  const parts = [
    typeof e?.code === 'string' ? e.code : null,
    typeof e?.responseCode === 'number' ? String(e.responseCode) : null,
    typeof e?.response === 'string' ? e.response : typeof e?.message === 'string' ? e.message : String(error),
  ].filter((p): p is string => !!p);
  const text = parts.join(' ').replace(/\s+/g, ' ').trim();
  return text.length > 500 ? `${text.slice(0, 497)}...` : text;
}
