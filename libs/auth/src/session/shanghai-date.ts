import type { Clock } from '#libs/core';

/**
 * Today's Asia/Shanghai date as YYYY-MM-DD (China has no daylight saving: a fixed +08:00). Passed to
 * SQL as text and cast to `date`, so the database session's time zone cannot shift it.
 */
export function shanghaiDate(clock: Clock): string {
  return new Date(clock.now().getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
