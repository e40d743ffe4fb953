import { CalendarRulesError } from './calendar-rules.error.js';
import { isLocalDate, type LocalDate } from './local-date.js';

/** What to do when a computed calendar date is a rest day. */
export type Adjust = 'NONE' | 'PREVIOUS' | 'NEXT';
export type Period = 'MONTH' | 'QUARTER' | 'YEAR';

/**
 * How a duty's deadline follows from its anchor date (the day the task was assigned, or the
 * reporting period it belongs to). Plain JSON so it can be stored with the duty definition.
 */
export type DeadlineRule =
  /** N working days after the anchor (anchor not counted); negative = before. */
  | { kind: 'WORKDAYS_AFTER'; days: number }
  /** N calendar days after the anchor; default adjust NEXT (民法典第二百零三条: 期间最后一日是法定休假日的，以休假日结束的次日为期间最后一日). */
  | { kind: 'CALENDAR_DAYS_AFTER'; days: number; adjust?: Adjust }
  /** The n-th working day of the anchor's month (monthOffset 1 = next month, e.g. 次月第5个工作日). */
  | { kind: 'NTH_WORKDAY_OF_MONTH'; n: number; monthOffset?: number }
  /** The last working day of the month / quarter / year containing the anchor. */
  | { kind: 'LAST_WORKDAY_OF'; period: Period }
  /** A fixed calendar date, moved off a rest day per `adjust`. */
  | { kind: 'FIXED_DATE'; date: LocalDate; adjust: Adjust }
  /** Day `day` of `month` in the anchor's year, or of the anchor's month when `month` is omitted; clamped to the month's end. */
  | { kind: 'MONTH_DAY'; month?: number; day: number; adjust: Adjust };

export type DeadlineRuleKind = DeadlineRule['kind'];

export const DEFAULT_CALENDAR_DAYS_ADJUST: Adjust = 'NEXT';

const ADJUSTS: readonly Adjust[] = ['NONE', 'PREVIOUS', 'NEXT'];
const PERIODS: readonly Period[] = ['MONTH', 'QUARTER', 'YEAR'];
/** Ten years either way is far beyond any real duty and keeps the day-by-day walk bounded. */
const MAX_DAYS = 3660;

type Fields = Record<string, unknown>;

/** Validates untrusted JSON (API body, database column) into a DeadlineRule. */
export function parseDeadlineRule(input: unknown): DeadlineRule {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw invalid('kind', '期限规则必须是对象');
  }
  const raw = input as Fields;
  switch (raw.kind) {
    case 'WORKDAYS_AFTER':
      onlyKeys(raw, ['days']);
      return { kind: raw.kind, days: int(raw, 'days', -MAX_DAYS, MAX_DAYS) };
    case 'CALENDAR_DAYS_AFTER': {
      onlyKeys(raw, ['days', 'adjust']);
      const days = int(raw, 'days', -MAX_DAYS, MAX_DAYS);
      return raw.adjust === undefined ? { kind: raw.kind, days } : { kind: raw.kind, days, adjust: adjust(raw) };
    }
    case 'NTH_WORKDAY_OF_MONTH': {
      onlyKeys(raw, ['n', 'monthOffset']);
      // No month has more than 23 weekdays plus two 调休 weekend days.
      const n = int(raw, 'n', 1, 25);
      if (raw.monthOffset === undefined) return { kind: raw.kind, n };
      return { kind: raw.kind, n, monthOffset: int(raw, 'monthOffset', -120, 120) };
    }
    case 'LAST_WORKDAY_OF':
      onlyKeys(raw, ['period']);
      if (!PERIODS.includes(raw.period as Period)) throw invalid('period', 'period 必须是 MONTH、QUARTER 或 YEAR');
      return { kind: raw.kind, period: raw.period as Period };
    case 'FIXED_DATE':
      onlyKeys(raw, ['date', 'adjust']);
      if (!isLocalDate(raw.date)) throw invalid('date', `date 必须是有效的 YYYY-MM-DD 日期：${String(raw.date)}`);
      return { kind: raw.kind, date: raw.date, adjust: adjust(raw) };
    case 'MONTH_DAY': {
      onlyKeys(raw, ['month', 'day', 'adjust']);
      const day = int(raw, 'day', 1, 31);
      if (raw.month === undefined) return { kind: raw.kind, day, adjust: adjust(raw) };
      return { kind: raw.kind, month: int(raw, 'month', 1, 12), day, adjust: adjust(raw) };
    }
    default:
      throw invalid('kind', `未知的期限规则类型：${String(raw.kind)}`);
  }
}

function int(raw: Fields, field: string, min: number, max: number): number {
  const value = raw[field];
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw invalid(field, `${field} 必须是 ${min} 到 ${max} 之间的整数：${String(value)}`);
  }
  return value;
}

function adjust(raw: Fields): Adjust {
  if (!ADJUSTS.includes(raw.adjust as Adjust)) {
    throw invalid('adjust', `adjust 必须是 NONE、PREVIOUS 或 NEXT：${String(raw.adjust)}`);
  }
  return raw.adjust as Adjust;
}

/** Unknown keys are rejected so a typo (e.g. "adjsut") cannot silently fall back to a default. */
function onlyKeys(raw: Fields, allowed: readonly string[]): void {
  const extra = Object.keys(raw).find((k) => k !== 'kind' && !allowed.includes(k));
  if (extra !== undefined) throw invalid(extra, `期限规则 ${String(raw.kind)} 不支持字段 ${extra}`);
}

function invalid(field: string, message: string): CalendarRulesError {
  return new CalendarRulesError('INVALID_DEADLINE_RULE', message, { field });
}
