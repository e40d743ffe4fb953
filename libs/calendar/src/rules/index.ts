// Public API of the pure working-day calendar and deadline rules (no I/O, no clock).
export { CalendarRulesError, isCalendarRulesError, type CalendarRulesErrorCode } from './calendar-rules.error.js';
export {
  SHANGHAI_OFFSET_MINUTES,
  addDays,
  compareLocalDates,
  dayOfMonth,
  dayOfWeek,
  daysBetween,
  daysInMonth,
  firstDayOfMonth,
  instantAt,
  isLocalDate,
  isWeekend,
  lastDayOfMonth,
  localDateOf,
  makeLocalDate,
  monthOf,
  parseLocalDate,
  parseTimeOfDay,
  yearOf,
  type IsoWeekday,
  type LocalDate,
  type TimeOfDay,
} from './local-date.js';
export type {
  CalendarData,
  DayInfo,
  DayKind,
  ExceptionalDay,
  ExceptionalDayKind,
  Provenance,
  SkippedDay,
  WorkdayCheck,
  WorkdayCount,
  WorkdayResult,
  YearSchedule,
} from './calendar.types.js';
export { WorkingCalendar } from './working-calendar.js';
export { END_OF_DAY, deadlineInstant } from './cutoff.js';
export {
  DEFAULT_CALENDAR_DAYS_ADJUST,
  parseDeadlineRule,
  type Adjust,
  type DeadlineRule,
  type DeadlineRuleKind,
  type Period,
} from './deadline-rule.js';
export { computeDeadline, type DeadlineResult } from './deadline.rules.js';
export {
  instantWhenOverdueBy,
  instantWhenOverdueByDetail,
  isOverdue,
  overdueDetail,
  overdueWorkdays,
  type OverdueDetail,
} from './overdue.rules.js';
export { parseScheduleIcs, parseScheduleJson } from './schedule-file.parser.js';
export { packageSchedule, packageYearSchedules, type PackageSchedule } from './package-schedule.js';
export {
  EARLIEST_ACCEPTED_YEAR,
  YEARS_AHEAD,
  acceptedDateMessage,
  acceptedDateProblem,
  acceptedDateWindow,
  type DateProblem,
  type DateWindow,
} from './date-window.js';
