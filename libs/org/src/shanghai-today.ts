import type { Clock } from '#libs/core';

/** Today's Asia/Shanghai date as the UTC-midnight Date that Prisma uses for `@db.Date` columns. */
export function shanghaiToday(clock: Clock): Date {
  const local = new Date(clock.now().getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  return new Date(`${local}T00:00:00.000Z`);
}
