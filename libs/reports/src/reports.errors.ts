import { DomainError, NotFoundError } from '#libs/core';

/** Stable codes: UNIT_NOT_FOUND (404, also for a unit the caller may not know), REPORT_PERIOD_INVALID (400). */
export const unitNotFound = (unitId: string) => () => new NotFoundError('UNIT_NOT_FOUND', '内设机构不存在', { unitId });

export const invalidPeriod = (from: string, to: string) =>
  new DomainError('REPORT_PERIOD_INVALID', 'INVALID', '统计期间无效：起始日期不能晚于截止日期，且不超过366天', { from, to });
