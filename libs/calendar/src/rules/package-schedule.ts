import { createRequire } from 'node:module';
import { CalendarRulesError } from './calendar-rules.error.js';
import type { CalendarData, ExceptionalDay, ExceptionalDayKind, YearSchedule } from './calendar.types.js';
import { isLocalDate, isWeekend, yearOf } from './local-date.js';

/**
 * chinese-days keeps its raw arrangement in dist/chinese-days.json:
 *   { holidays: { 'YYYY-MM-DD': 'National Day,国庆节,3' }, workdays: {…}, inLieuDays: {…} }
 * `workdays` are the 调休上班 days; `inLieuDays` are holidays that are paid back by them (already
 * in `holidays`, so we do not need them). Its query API (isWorkday etc.) silently answers
 * Mon–Fri for years it has no data for, which is why we read the raw data and decide coverage
 * ourselves. The package has no "exports" map, so the deep path is resolvable.
 */
const RAW_DATA_PATH = 'chinese-days/dist/chinese-days.json';

interface RawPackageData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

/**
 * The package names three festivals by their short form; State Council notices (and the
 * schedules administrators load) use the full names, so align them for consistent explanations.
 */
const OFFICIAL_NAMES: Readonly<Record<string, string>> = { 清明: '清明节', 端午: '端午节', 中秋: '中秋节' };

export interface PackageSchedule extends CalendarData {
  /** Years whose State Council arrangement the package contains, ascending. */
  years: number[];
  days: ExceptionalDay[];
}

let cached: PackageSchedule | undefined;

/** The package's arrangement for every year it really covers; other years are absent. */
export function packageSchedule(): PackageSchedule {
  cached ??= scheduleFromRawData(loadRawData());
  return { years: [...cached.years], days: cached.days.map((d) => ({ ...d })) };
}

/** Same data split per year, e.g. for seeding one row per year. */
export function packageYearSchedules(): YearSchedule[] {
  const { years, days } = packageSchedule();
  return years.map((year) => ({ year, days: days.filter((d) => yearOf(d.date) === year) }));
}

/** Exposed for tests: turns the raw package maps into our shape. */
export function scheduleFromRawData(raw: unknown): PackageSchedule {
  if (!isRawPackageData(raw)) {
    throw new CalendarRulesError('PACKAGE_DATA_INVALID', 'chinese-days 数据格式与预期不符，无法读取节假日安排');
  }
  // A year counts as covered only if its 春节 is present: every notice arranges 春节, which always
  // falls in Jan/Feb of its own year, whereas a 元旦 block can spill into the previous December
  // (e.g. 2022-12-31 belongs to the 2023 notice) and must not make that year look covered.
  const years = new Set<number>();
  for (const [date, label] of Object.entries(raw.holidays)) {
    if (label.startsWith('Spring Festival,')) years.add(Number(date.slice(0, 4)));
  }
  const days: ExceptionalDay[] = [
    ...toDays(raw.holidays, 'HOLIDAY'),
    ...toDays(raw.workdays, 'MAKEUP_WORKDAY'),
  ].filter((d) => years.has(yearOf(d.date)));
  days.sort((a, b) => (a.date < b.date ? -1 : 1));
  return { years: [...years].sort((a, b) => a - b), days };
}

/** 'National Day,国庆节,3' → '国庆节'. */
export function chineseNameOf(label: string): string {
  const parts = label.split(',');
  const name = parts.length >= 3 ? parts[parts.length - 2]!.trim() : '';
  if (!name) {
    throw new CalendarRulesError('PACKAGE_DATA_INVALID', `无法从 chinese-days 标签中读取中文名称：${label}`, { label });
  }
  return OFFICIAL_NAMES[name] ?? name;
}

function toDays(map: Record<string, string>, kind: ExceptionalDayKind): ExceptionalDay[] {
  return Object.entries(map).map(([date, label]) => {
    if (!isLocalDate(date) || (kind === 'MAKEUP_WORKDAY' && !isWeekend(date))) {
      throw new CalendarRulesError('PACKAGE_DATA_INVALID', `chinese-days 数据中的日期无效：${date}`, { date, kind });
    }
    return { date, kind, name: chineseNameOf(label) };
  });
}

function loadRawData(): unknown {
  // createRequire keeps this working both under plain Node ESM and the jest ESM loader, without
  // relying on JSON import attributes.
  return createRequire(import.meta.url)(RAW_DATA_PATH);
}

function isRawPackageData(raw: unknown): raw is RawPackageData {
  const isStringMap = (v: unknown): boolean =>
    typeof v === 'object' && v !== null && Object.values(v).every((x) => typeof x === 'string');
  return typeof raw === 'object' && raw !== null && isStringMap((raw as RawPackageData).holidays) &&
    isStringMap((raw as RawPackageData).workdays);
}
