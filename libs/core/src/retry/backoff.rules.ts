/**
 * One backoff for every retried row (deliveries, rows a batch set aside): first retry one minute
 * after a failure, doubling each time, never more than an hour apart. A failure that repeats usually
 * needs a person, so retries thin out fast; the cap keeps a mended row from waiting long.
 */
export const RETRY_BASE_MS = 60_000;
export const RETRY_CAP_MS = 60 * 60_000;

/** Delay before the next attempt after `failures` failed attempts (failures ≥ 1). */
export function retryDelayMs(failures: number): number {
  if (!Number.isInteger(failures) || failures < 1) throw new RangeError(`failures must be a positive integer: ${failures}`);
  // 2^(failures-1) would overflow to Infinity long after the cap: clamp the exponent first.
  return Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** Math.min(failures - 1, 30));
}
