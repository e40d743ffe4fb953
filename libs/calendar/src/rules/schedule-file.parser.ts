import { CalendarRulesError } from './calendar-rules.error.js';
import { EXCEPTIONAL_DAY_KINDS, type ExceptionalDayKind, type YearSchedule } from './calendar.types.js';
import { isLocalDate, type LocalDate } from './local-date.js';
import {
  expandRange,
  requireExpectedYear,
  requireYear,
  validateSchedule,
  type SourcedDay,
} from './schedule-validation.js';

export { parseScheduleIcs } from './schedule-ics.parser.js';

/**
 * Parses an administrator's JSON schedule for one year:
 *   { "year": 2027, "days": [
 *       { "date": "2027-01-01", "kind": "HOLIDAY", "name": "元旦" },
 *       { "from": "2027-10-01", "to": "2027-10-07", "kind": "HOLIDAY", "name": "国庆节" } ] }
 * Other top-level keys (e.g. "source" with the notice URL) are ignored; entry keys are strict.
 */
export function parseScheduleJson(text: string, expectedYear?: number): YearSchedule {
  let root: unknown;
  try {
    root = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new CalendarRulesError('SCHEDULE_INVALID_JSON', `节假日安排文件不是有效的 JSON：${(error as Error).message}`);
  }
  if (typeof root !== 'object' || root === null || Array.isArray(root)) {
    throw new CalendarRulesError('SCHEDULE_INVALID_FORMAT', '节假日安排文件必须是包含 year 和 days 的对象');
  }
  const { year: rawYear, days } = root as { year?: unknown; days?: unknown };
  const year = requireYear(rawYear, 'year 字段');
  requireExpectedYear(year, expectedYear);
  if (!Array.isArray(days)) {
    throw new CalendarRulesError('SCHEDULE_INVALID_FORMAT', 'days 字段必须是数组');
  }
  return validateSchedule(year, days.flatMap((entry, index) => readEntry(entry, `第${index + 1}条`)));
}

const ENTRY_KEYS = ['date', 'from', 'to', 'kind', 'name'];

function readEntry(entry: unknown, where: string): SourcedDay[] {
  const fail = (why: string): never => {
    throw new CalendarRulesError('SCHEDULE_INVALID_ENTRY', `${where}：${why}`, { where });
  };
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return fail('必须是对象');
  const raw = entry as Record<string, unknown>;
  const extra = Object.keys(raw).find((k) => !ENTRY_KEYS.includes(k));
  if (extra !== undefined) fail(`不支持的字段 ${extra}`);
  if (!EXCEPTIONAL_DAY_KINDS.includes(raw.kind as ExceptionalDayKind)) {
    fail(`kind 必须是 HOLIDAY 或 MAKEUP_WORKDAY，实际为 ${String(raw.kind)}`);
  }
  if (typeof raw.name !== 'string' || raw.name.trim() === '') fail('缺少节日名称 name');
  const kind = raw.kind as ExceptionalDayKind;
  const name = (raw.name as string).trim();

  let dates: LocalDate[];
  if (raw.date !== undefined) {
    if (raw.from !== undefined || raw.to !== undefined) fail('date 与 from/to 不能同时出现');
    if (!isLocalDate(raw.date)) return fail(`日期无效 ${String(raw.date)}`);
    dates = [raw.date];
  } else {
    if (!isLocalDate(raw.from)) return fail(`from 日期无效 ${String(raw.from)}`);
    if (!isLocalDate(raw.to)) return fail(`to 日期无效 ${String(raw.to)}`);
    dates = expandRange(raw.from, raw.to, where);
  }
  return dates.map((date) => ({ date, kind, name, where: `${where}（${date}）` }));
}
