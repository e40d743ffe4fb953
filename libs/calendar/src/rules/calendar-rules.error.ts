/**
 * Stable error codes for the calendar rules. Callers (API validation, admin upload, seeding)
 * switch on `code`; the Chinese `message` is shown to administrators as-is.
 */
export type CalendarRulesErrorCode =
  | 'INVALID_LOCAL_DATE'
  | 'INVALID_TIME_OF_DAY'
  | 'INVALID_INSTANT'
  | 'INVALID_ARGUMENT'
  | 'INVALID_CALENDAR_DATA'
  | 'CONFLICTING_CALENDAR_DAY'
  | 'NO_WORKDAY_IN_PERIOD'
  | 'INVALID_DEADLINE_RULE'
  | 'SCHEDULE_INVALID_JSON'
  | 'SCHEDULE_INVALID_FORMAT'
  | 'SCHEDULE_INVALID_ENTRY'
  | 'SCHEDULE_DATE_OUT_OF_YEAR'
  | 'SCHEDULE_MAKEUP_NOT_WEEKEND'
  | 'SCHEDULE_DUPLICATE_DATE'
  | 'SCHEDULE_YEAR_MISMATCH'
  | 'SCHEDULE_EMPTY'
  | 'SCHEDULE_ICS_INVALID'
  | 'SCHEDULE_ICS_NOT_ALL_DAY'
  | 'SCHEDULE_ICS_UNKNOWN_MARKER'
  | 'SCHEDULE_MULTIPLE_YEARS'
  | 'PACKAGE_DATA_INVALID';

export class CalendarRulesError extends Error {
  override readonly name = 'CalendarRulesError';

  constructor(
    readonly code: CalendarRulesErrorCode,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }
}

export function isCalendarRulesError(value: unknown, code?: CalendarRulesErrorCode): value is CalendarRulesError {
  return value instanceof CalendarRulesError && (code === undefined || value.code === code);
}
