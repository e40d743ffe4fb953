import { CalendarRulesError } from './calendar-rules.error.js';

/** A civil date in Asia/Shanghai, 'YYYY-MM-DD'. Only `parseLocalDate` and the helpers mint one. */
export type LocalDate = string & { readonly __brand: 'LocalDate' };

/** Wall-clock time 'HH:mm'; '24:00' is allowed and means the end of the day (ISO 8601). */
export type TimeOfDay = string & { readonly __brand: 'TimeOfDay' };

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/**
 * China has used a single fixed offset UTC+8 with no DST since 1991, so a constant offset is
 * exact for every date this system handles and keeps us independent of the server's zone and
 * of the host's tz database.
 */
export const SHANGHAI_OFFSET_MINUTES = 8 * 60;
const OFFSET_MS = SHANGHAI_OFFSET_MINUTES * 60_000;
const MS_PER_DAY = 86_400_000;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^(\d{2}):(\d{2})$/;

export function isLocalDate(value: unknown): value is LocalDate {
  if (typeof value !== 'string') return false;
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return year >= 1900 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function parseLocalDate(value: unknown): LocalDate {
  if (!isLocalDate(value)) {
    throw new CalendarRulesError('INVALID_LOCAL_DATE', `日期格式无效：${String(value)}（应为 YYYY-MM-DD 的有效日期）`, {
      value,
    });
  }
  return value;
}

export function parseTimeOfDay(value: unknown): TimeOfDay {
  const m = typeof value === 'string' ? TIME_RE.exec(value) : null;
  const hours = m ? Number(m[1]) : NaN;
  const minutes = m ? Number(m[2]) : NaN;
  const valid = (hours < 24 && minutes < 60) || (hours === 24 && minutes === 0);
  if (!valid) {
    throw new CalendarRulesError('INVALID_TIME_OF_DAY', `时间格式无效：${String(value)}（应为 HH:mm，00:00–24:00）`, {
      value,
    });
  }
  return value as TimeOfDay;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? NaN;
}

/** Days since 1970-01-01; lets all arithmetic be integer maths with no time zone involved. */
export function toEpochDay(date: LocalDate): number {
  // Working-day counts convert dates on every call, so the usual shape is read digit by digit;
  // anything else keeps the Date.UTC reading (which maps years 0–99 to 1900–1999, for one).
  if (date.length === 10 && date.charCodeAt(4) === DASH && date.charCodeAt(7) === DASH) {
    const year = digitsAt(date, 0, 4);
    const month = digitsAt(date, 5, 2);
    const day = digitsAt(date, 8, 2);
    // Out-of-range days roll over exactly as Date.UTC does, since the count is linear in the day.
    if (year >= 100 && month >= 1 && month <= 12 && day >= 0) return epochDayOf(year, month, day);
  }
  return Date.UTC(yearOf(date), monthOf(date) - 1, dayOfMonth(date)) / MS_PER_DAY;
}

export function fromEpochDay(epochDay: number): LocalDate {
  if (Number.isInteger(epochDay) && epochDay >= FIRST_FOUR_DIGIT_YEAR_DAY && epochDay <= LAST_FOUR_DIGIT_YEAR_DAY) {
    const { year, month, day } = civilOfEpochDay(epochDay);
    return `${year}-${TWO_DIGITS[month]}-${TWO_DIGITS[day]}` as LocalDate;
  }
  // Fractions, NaN and years outside 1000–9999 keep exactly what toISOString produces (or throws).
  return new Date(epochDay * MS_PER_DAY).toISOString().slice(0, 10) as LocalDate;
}

/**
 * Proleptic Gregorian (year, month, day) → days since 1970-01-01, in integers only
 * (H. Hinnant's days_from_civil: years start in March so the leap day comes last).
 */
export function epochDayOf(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** Inverse of epochDayOf (civil_from_days). */
export function civilOfEpochDay(epochDay: number): { year: number; month: number; day: number } {
  const z = epochDay + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  return {
    year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0),
    month,
    day: dayOfYear - Math.floor((153 * mp + 2) / 5) + 1,
  };
}

export function makeLocalDate(year: number, month: number, day: number): LocalDate {
  return parseLocalDate(`${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`);
}

export function yearOf(date: LocalDate): number {
  return Number(date.slice(0, 4));
}

export function monthOf(date: LocalDate): number {
  return Number(date.slice(5, 7));
}

export function dayOfMonth(date: LocalDate): number {
  return Number(date.slice(8, 10));
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return fromEpochDay(toEpochDay(date) + days);
}

/** b − a in days. */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return toEpochDay(b) - toEpochDay(a);
}

export function dayOfWeek(date: LocalDate): IsoWeekday {
  // 1970-01-01 was a Thursday (ISO 4).
  return ((((toEpochDay(date) + 3) % 7) + 7) % 7) + 1 as IsoWeekday;
}

export function isWeekend(date: LocalDate): boolean {
  return dayOfWeek(date) >= 6;
}

/** Negative, zero or positive, like Array.prototype.sort expects. Same-format strings sort lexically. */
export function compareLocalDates(a: LocalDate, b: LocalDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function firstDayOfMonth(year: number, month: number): LocalDate {
  return makeLocalDate(year, month, 1);
}

export function lastDayOfMonth(year: number, month: number): LocalDate {
  return makeLocalDate(year, month, daysInMonth(year, month));
}

/** The Shanghai civil date of an instant. */
export function localDateOf(instant: Date): LocalDate {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) {
    throw new CalendarRulesError('INVALID_INSTANT', '时间点无效（Invalid Date）');
  }
  return fromEpochDay(Math.floor((ms + OFFSET_MS) / MS_PER_DAY));
}

/** Shanghai wall time on `date` → UTC instant. '24:00' is the first instant of the next day. */
export function instantAt(date: LocalDate, time: string): Date {
  const t = parseTimeOfDay(time);
  const minutes = Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
  return new Date(toEpochDay(date) * MS_PER_DAY + minutes * 60_000 - OFFSET_MS);
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

const DASH = 0x2d;
const ZERO = 0x30;
const TWO_DIGITS: readonly string[] = Array.from({ length: 32 }, (_, n) => pad2(n));
/** 1000-01-01 and 9999-12-31: the years whose ISO form is four plain digits. */
const FIRST_FOUR_DIGIT_YEAR_DAY = -354_285;
const LAST_FOUR_DIGIT_YEAR_DAY = 2_932_896;

/** The decimal number in value[start, start + length), or −1 if any of it is not a digit. */
function digitsAt(value: string, start: number, length: number): number {
  let n = 0;
  for (let i = start; i < start + length; i += 1) {
    const digit = value.charCodeAt(i) - ZERO;
    if (digit < 0 || digit > 9) return -1;
    n = n * 10 + digit;
  }
  return n;
}
