import { CalendarRulesError } from './calendar-rules.error.js';
import type { ExceptionalDayKind, YearSchedule } from './calendar.types.js';
import { addDays, isLocalDate, yearOf, type LocalDate } from './local-date.js';
import {
  belongsToScheduleYear,
  expandRange,
  requireExpectedYear,
  validateSchedule,
  type SourcedDay,
} from './schedule-validation.js';

/** A content line after unfolding, with the physical line it started on. */
interface ContentLine {
  line: number;
  name: string;
  params: string[];
  value: string;
}

interface EventDraft {
  line: number;
  props: Map<string, ContentLine>;
}

/**
 * Parses an ICS holiday calendar for one year (e.g. the chinese-days feed or a hand-made one).
 * Each all-day VEVENT (DTSTART;VALUE=DATE, DTEND exclusive, or a single day) becomes HOLIDAY or
 * MAKEUP_WORKDAY according to the marker in SUMMARY: '国庆节 休', '国庆节（休）', '元旦(休)' →
 * HOLIDAY; '春节 班', '春节（补班）', '春节上班' → MAKEUP_WORKDAY. The name is SUMMARY without it.
 * The year is the latest year among the events (a 元旦 block may begin the December before).
 */
export function parseScheduleIcs(text: string, expectedYear?: number): YearSchedule {
  const lines = unfold(text);
  if (!lines.some((l) => l.name === 'BEGIN' && l.value.toUpperCase() === 'VCALENDAR')) {
    throw new CalendarRulesError('SCHEDULE_ICS_INVALID', 'ICS 文件缺少 BEGIN:VCALENDAR');
  }
  const days = collectEvents(lines).flatMap(eventDays);
  if (days.length === 0) {
    throw new CalendarRulesError('SCHEDULE_EMPTY', 'ICS 文件中没有任何节假日事件（VEVENT）');
  }
  const year = expectedYear ?? Math.max(...days.map((d) => yearOf(d.date)));
  const foreign = days.find((d) => !belongsToScheduleYear(d.date, year));
  if (expectedYear === undefined && foreign) {
    const years = [...new Set(days.map((d) => yearOf(d.date)))].sort();
    throw new CalendarRulesError(
      'SCHEDULE_MULTIPLE_YEARS',
      `ICS 文件包含多个年份（${years.join('、')}），请每次只导入一年的安排（${foreign.where}）`,
      { years },
    );
  }
  requireExpectedYear(year, expectedYear);
  return validateSchedule(year, days);
}

/** RFC 5545 §3.1: a line starting with a space or tab continues the previous one. */
function unfold(text: string): ContentLine[] {
  const physical = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const logical: { line: number; text: string }[] = [];
  physical.forEach((raw, index) => {
    const last = logical[logical.length - 1];
    if ((raw.startsWith(' ') || raw.startsWith('\t')) && last) last.text += raw.slice(1);
    else if (raw.trim() !== '') logical.push({ line: index + 1, text: raw });
  });
  return logical.map(({ line, text: content }) => {
    const colon = findValueColon(content);
    if (colon < 0) {
      throw new CalendarRulesError('SCHEDULE_ICS_INVALID', `第${line}行：无法识别的内容 "${content}"`, { line });
    }
    const [name = '', ...params] = content.slice(0, colon).split(';');
    return { line, name: name.toUpperCase(), params: params.map((p) => p.toUpperCase()), value: content.slice(colon + 1) };
  });
}

/** The first ':' outside a quoted parameter value. */
function findValueColon(content: string): number {
  let quoted = false;
  for (let i = 0; i < content.length; i += 1) {
    if (content[i] === '"') quoted = !quoted;
    else if (content[i] === ':' && !quoted) return i;
  }
  return -1;
}

/** Top-level VEVENT properties only; nested components (VALARM) and VTIMEZONE are ignored. */
function collectEvents(lines: ContentLine[]): EventDraft[] {
  const events: EventDraft[] = [];
  const stack: string[] = [];
  let current: EventDraft | undefined;
  for (const l of lines) {
    const value = l.value.trim().toUpperCase();
    if (l.name === 'BEGIN') {
      stack.push(value);
      if (value === 'VEVENT') current = { line: l.line, props: new Map() };
    } else if (l.name === 'END') {
      if (stack.pop() !== value) {
        throw new CalendarRulesError('SCHEDULE_ICS_INVALID', `第${l.line}行：END:${value} 与 BEGIN 不匹配`, { line: l.line });
      }
      if (value === 'VEVENT' && current) events.push(current);
      if (value === 'VEVENT') current = undefined;
    } else if (current && stack[stack.length - 1] === 'VEVENT' && !current.props.has(l.name)) {
      current.props.set(l.name, l);
    }
  }
  if (stack.length > 0) {
    throw new CalendarRulesError('SCHEDULE_ICS_INVALID', `ICS 文件不完整：缺少 END:${stack[stack.length - 1]}`);
  }
  return events;
}

function eventDays(event: EventDraft): SourcedDay[] {
  const where = `第${event.line}行的事件`;
  const start = event.props.get('DTSTART');
  if (!start) throw new CalendarRulesError('SCHEDULE_ICS_INVALID', `${where}缺少 DTSTART`, { line: event.line });
  const summary = event.props.get('SUMMARY');
  const { kind, name } = classifySummary(unescapeText(summary?.value ?? ''), `第${summary?.line ?? event.line}行`);
  const from = readDate(start, where);
  const end = event.props.get('DTEND');
  const duration = event.props.get('DURATION');
  let to = from;
  if (end) {
    const exclusiveEnd = readDate(end, where);
    if (exclusiveEnd <= from) {
      throw new CalendarRulesError('SCHEDULE_ICS_INVALID', `${where}：DTEND ${exclusiveEnd} 不晚于 DTSTART ${from}`, {
        line: end.line,
      });
    }
    to = addDays(exclusiveEnd, -1);
  } else if (duration) {
    const m = /^P(\d+)D$/.exec(duration.value.trim().toUpperCase());
    if (!m || Number(m[1]) < 1) {
      throw new CalendarRulesError('SCHEDULE_ICS_INVALID', `第${duration.line}行：仅支持按天的 DURATION（如 P3D）`, {
        line: duration.line,
      });
    }
    to = addDays(from, Number(m[1]) - 1);
  }
  return expandRange(from, to, where).map((date) => ({ date, kind, name, where: `${where}（${date}）` }));
}

/** All-day events only: a DATE-TIME would make the day depend on a time zone. */
function readDate(prop: ContentLine, where: string): LocalDate {
  const value = prop.value.trim();
  if (value.includes('T') || prop.params.some((p) => p.startsWith('VALUE=') && p !== 'VALUE=DATE')) {
    throw new CalendarRulesError(
      'SCHEDULE_ICS_NOT_ALL_DAY',
      `第${prop.line}行：${where}不是全天事件（${prop.name}:${value}），请使用 ${prop.name};VALUE=DATE:YYYYMMDD`,
      { line: prop.line },
    );
  }
  const iso = /^\d{8}$/.test(value) ? `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6, 8)}` : value;
  if (!isLocalDate(iso)) {
    throw new CalendarRulesError('SCHEDULE_ICS_INVALID', `第${prop.line}行：日期无效 ${value}`, { line: prop.line });
  }
  return iso;
}

const HOLIDAY_MARKERS = ['休', '放假', '休息', '假'];
const MAKEUP_MARKERS = ['班', '补班', '上班', '调休上班'];
/**
 * Tried in order; the first that yields a known marker wins. Single-character markers (休/班)
 * need brackets or a separator; longer ones may follow the name directly (春节上班).
 */
const MARKER_PATTERNS: readonly RegExp[] = [
  /^(.*?)\s*[（(]\s*([^()（）]+?)\s*[)）]$/u,
  /^(.*\S)[\s\-—·:：]+([^\s\-—·:：()（）]+)$/u,
  /^(.*?)(放假|休息|补班|调休上班|上班)$/u,
];

export function classifySummary(summary: string, where: string): { kind: ExceptionalDayKind; name: string } {
  for (const pattern of MARKER_PATTERNS) {
    const m = pattern.exec(summary.trim());
    const name = (m?.[1] ?? '').trim();
    const marker = m?.[2] ?? '';
    const kind = HOLIDAY_MARKERS.includes(marker) ? 'HOLIDAY' : MAKEUP_MARKERS.includes(marker) ? 'MAKEUP_WORKDAY' : null;
    if (kind !== null && name !== '') return { kind, name };
  }
  throw new CalendarRulesError(
    'SCHEDULE_ICS_UNKNOWN_MARKER',
    `${where}：无法从标题“${summary}”判断是放假还是调休上班（应为“国庆节 休”“国庆节（休）”“春节 班”“春节（补班）”等）`,
    { where, summary },
  );
}

/** RFC 5545 TEXT escapes. */
function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}
