import type { SkippedDay } from './calendar.types.js';
import { addDays, type LocalDate } from './local-date.js';

/** Small Chinese phrase builders for computeDeadline's explanation; kept apart so rules stay readable. */

interface Run {
  label: string;
  from: LocalDate;
  to: LocalDate;
}

/** '国庆节2026-10-01至2026-10-07、周末2026-10-11' — consecutive days of one holiday collapse to a range. */
export function describeSkipped(skipped: readonly SkippedDay[]): string {
  const runs: Run[] = [];
  for (const day of skipped) {
    const label = day.kind === 'HOLIDAY' ? (day.name ?? '节假日') : '周末';
    const last = runs[runs.length - 1];
    if (last && last.label === label && addDays(last.to, 1) === day.date) {
      last.to = day.date;
    } else {
      runs.push({ label, from: day.date, to: day.date });
    }
  }
  return runs.map((r) => `${r.label}${r.from === r.to ? r.from : `${r.from}至${r.to}`}`).join('、');
}

/** '，跳过…' or '' when nothing was skipped. */
export function skippedClause(skipped: readonly SkippedDay[]): string {
  return skipped.length === 0 ? '' : `，跳过${describeSkipped(skipped)}`;
}

/** '，2026-10-10为国庆节调休上班日' — tells the reader why a weekend counted as a working day. */
export function makeupClause(days: readonly { date: LocalDate; name: string | null }[]): string {
  if (days.length === 0) return '';
  const byName = new Map<string, LocalDate[]>();
  for (const { date, name } of days) {
    const key = name ?? '';
    byName.set(key, [...(byName.get(key) ?? []), date]);
  }
  return [...byName].map(([name, dates]) => `，${dates.join('、')}为${name}调休上班日`).join('');
}

/** Explains a rest-day adjustment of a calendar date (FIXED_DATE, MONTH_DAY, CALENDAR_DAYS_AFTER). */
export function adjustClause(
  raw: LocalDate,
  due: LocalDate,
  skipped: readonly SkippedDay[],
  adjust: 'NONE' | 'PREVIOUS' | 'NEXT',
  restDayLabel: string | null,
): string {
  if (adjust === 'NONE') return restDayLabel ? `（该日为${restDayLabel}，按规则不调整）` : '';
  if (raw === due) return '';
  return `，逢${describeSkipped(skipped)}，${adjust === 'NEXT' ? '顺延' : '提前'}至${due}`;
}

export function cutoffClause(due: LocalDate, cutoff: string): string {
  return `，截止时间${due} ${cutoff}（北京时间）`;
}

export function provisionalClause(missingYears: readonly number[]): string {
  if (missingYears.length === 0) return '';
  return (
    `。注意：${missingYears.join('、')}年节假日安排尚未载入，已暂按周一至周五为工作日推算，` +
    '结果为临时结果，载入后需重新计算'
  );
}
