import { isLocalDate, type LocalDate } from './local-date.js';

/**
 * The one rule for a calendar date accepted from outside (API bodies, query strings, paths, CLI
 * options): `YYYY-MM-DD`, a real date (2026-02-30 is refused, not rolled over to March), and
 * inside a sane window. Dates outside it are typing mistakes (0001-01-01, 9999-12-31), and a
 * deadline in year 1 once stopped every escalation sweep.
 *
 * The window runs from 2000-01-01 to the end of the fifth year after the later of the last
 * calendar year the organisation has loaded and the current Shanghai year.
 */
export const EARLIEST_ACCEPTED_YEAR = 2000;
export const YEARS_AHEAD = 5;

export interface DateWindow {
  from: LocalDate;
  to: LocalDate;
}

export function acceptedDateWindow(lastLoadedYear: number | null, currentYear: number): DateWindow {
  const last = Math.max(lastLoadedYear ?? currentYear, currentYear) + YEARS_AHEAD;
  return { from: `${EARLIEST_ACCEPTED_YEAR}-01-01` as LocalDate, to: `${last}-12-31` as LocalDate };
}

export type DateProblem = 'NOT_A_DATE' | 'OUT_OF_RANGE';

/** What is wrong with a value as an accepted date, or null. Without a window, shape and validity only. */
export function acceptedDateProblem(value: unknown, window?: DateWindow): DateProblem | null {
  if (!isLocalDate(value)) return 'NOT_A_DATE';
  if (window && (value < window.from || value > window.to)) return 'OUT_OF_RANGE';
  return null;
}

/** The Chinese explanation of a problem, naming the field. */
export function acceptedDateMessage(field: string, value: unknown, problem: DateProblem, window?: DateWindow): string {
  const shown = typeof value === 'string' ? (value === '' ? '（空）' : value.slice(0, 40)) : String(value);
  return problem === 'NOT_A_DATE'
    ? `${field} 不是有效日期：${shown}（应为 YYYY-MM-DD 格式的真实日期）`
    : `${field} 超出允许范围：${shown}（应在 ${window!.from} 至 ${window!.to} 之间）`;
}
