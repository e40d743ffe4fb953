import type { LocalDate } from './local-date.js';

/** WORKDAY = ordinary Mon–Fri; MAKEUP_WORKDAY = 调休上班 (a Sat/Sun that is worked). */
export type DayKind = 'WORKDAY' | 'WEEKEND' | 'HOLIDAY' | 'MAKEUP_WORKDAY';

/** The only kinds a schedule lists; every other day follows the weekday. */
export type ExceptionalDayKind = 'HOLIDAY' | 'MAKEUP_WORKDAY';

export const EXCEPTIONAL_DAY_KINDS: readonly ExceptionalDayKind[] = ['HOLIDAY', 'MAKEUP_WORKDAY'];

export interface DayInfo {
  date: LocalDate;
  workday: boolean;
  kind: DayKind;
  /** Holiday name (e.g. 国庆节) for HOLIDAY / MAKEUP_WORKDAY, null otherwise. */
  name: string | null;
  /** True when the date's year has no loaded schedule and the answer is a Mon–Fri guess. */
  provisional: boolean;
}

export interface ExceptionalDay {
  date: LocalDate;
  kind: ExceptionalDayKind;
  name: string;
}

/** One year's State Council arrangement, as loaded by an administrator or from the package. */
export interface YearSchedule {
  year: number;
  days: ExceptionalDay[];
}

export interface CalendarData {
  /** Years whose arrangement is known; any other year is answered provisionally. */
  years: readonly number[];
  days: readonly ExceptionalDay[];
}

/** Attached to every answer so a guess over a missing year is never trusted silently. */
export interface Provenance {
  provisional: boolean;
  /** Missing years whose days were consulted, ascending. */
  missingYears: number[];
}

export interface SkippedDay {
  date: LocalDate;
  kind: 'WEEKEND' | 'HOLIDAY';
  name: string | null;
}

export interface WorkdayResult extends Provenance {
  date: LocalDate;
  /** Rest days passed over to reach `date`, ascending. */
  skipped: SkippedDay[];
  /** 调休上班 days that were counted (including `date` itself), ascending — for explanations. */
  countedMakeupDays: LocalDate[];
}

export interface WorkdayCheck extends Provenance {
  workday: boolean;
  day: DayInfo;
}

export interface WorkdayCount extends Provenance {
  count: number;
}
