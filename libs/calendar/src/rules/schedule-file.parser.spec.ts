import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { CalendarRulesError, type CalendarRulesErrorCode } from './calendar-rules.error.js';
import { computeDeadline } from './deadline.rules.js';
import { parseLocalDate } from './local-date.js';
import { packageSchedule, packageYearSchedules } from './package-schedule.js';
import { parseScheduleJson } from './schedule-file.parser.js';
import { parseScheduleIcs } from './schedule-ics.parser.js';
import { WorkingCalendar } from './working-calendar.js';

const fixture = (name: string): string => readFileSync(new URL(`../../test-fixtures/${name}`, import.meta.url), 'utf8');
const d = parseLocalDate;

function errorOf(run: () => unknown): CalendarRulesError {
  try {
    run();
  } catch (error) {
    if (error instanceof CalendarRulesError) return error;
    throw error;
  }
  throw new Error('expected a CalendarRulesError');
}

const json = (days: unknown[], year: unknown = 2027): string => JSON.stringify({ year, days });

describe('parseScheduleJson with the 2027 test fixture', () => {
  const parsed = parseScheduleJson(fixture('schedule-2027.sample.json'));

  it('expands ranges and sorts: 28 holidays and 6 make-up days', () => {
    expect(parsed.year).toBe(2027);
    expect(parsed.days.filter((x) => x.kind === 'HOLIDAY')).toHaveLength(28);
    expect(parsed.days.filter((x) => x.kind === 'MAKEUP_WORKDAY').map((x) => x.date)).toEqual([
      '2027-01-31', '2027-02-20', '2027-04-25', '2027-05-08', '2027-09-26', '2027-10-09',
    ]);
    expect(parsed.days.slice(0, 4)).toEqual([
      { date: '2027-01-01', kind: 'HOLIDAY', name: '元旦' },
      { date: '2027-01-02', kind: 'HOLIDAY', name: '元旦' },
      { date: '2027-01-03', kind: 'HOLIDAY', name: '元旦' },
      { date: '2027-01-31', kind: 'MAKEUP_WORKDAY', name: '春节' },
    ]);
  });

  it('once loaded, 2027 is no longer provisional', () => {
    const calendar = WorkingCalendar.fromSchedules([...packageYearSchedules(), parsed]);
    expect(calendar.day(d('2027-01-01'))).toMatchObject({ kind: 'HOLIDAY', name: '元旦', provisional: false });
    const result = computeDeadline({ kind: 'WORKDAYS_AFTER', days: 3 }, d('2026-12-30'), calendar);
    expect(result).toMatchObject({ dueDate: '2027-01-05', provisional: false, missingYears: [] });
  });

  it('the ICS fixture carries the same schedule', () => {
    expect(parseScheduleIcs(fixture('schedule-2027.sample.ics'))).toEqual(parsed);
  });
});

describe('parseScheduleJson validation', () => {
  it.each<[string, string, CalendarRulesErrorCode, string]>([
    ['not JSON', '{year: 2027', 'SCHEDULE_INVALID_JSON', 'JSON'],
    ['an array', '[]', 'SCHEDULE_INVALID_FORMAT', 'year'],
    ['a string year', json([], '2027'), 'SCHEDULE_INVALID_FORMAT', '年份'],
    ['days not an array', '{"year":2027,"days":{}}', 'SCHEDULE_INVALID_FORMAT', 'days'],
    ['no days', json([]), 'SCHEDULE_EMPTY', '2027'],
    ['unknown kind', json([{ date: '2027-01-01', kind: 'REST', name: '元旦' }]), 'SCHEDULE_INVALID_ENTRY', '第1条'],
    ['missing name', json([{ date: '2027-01-01', kind: 'HOLIDAY' }]), 'SCHEDULE_INVALID_ENTRY', '第1条'],
    ['date and range', json([{ date: '2027-01-01', from: '2027-01-01', to: '2027-01-02', kind: 'HOLIDAY', name: '元旦' }]), 'SCHEDULE_INVALID_ENTRY', 'from/to'],
    ['reversed range', json([{ from: '2027-10-07', to: '2027-10-01', kind: 'HOLIDAY', name: '国庆节' }]), 'SCHEDULE_INVALID_ENTRY', '早于'],
    ['overlong range', json([{ from: '2027-01-01', to: '2027-10-07', kind: 'HOLIDAY', name: '国庆节' }]), 'SCHEDULE_INVALID_ENTRY', '31'],
    ['unknown key', json([{ date: '2027-01-01', kind: 'HOLIDAY', name: '元旦', note: 'x' }]), 'SCHEDULE_INVALID_ENTRY', 'note'],
    ['invalid date', json([{ date: '2027-02-29', kind: 'HOLIDAY', name: '春节' }]), 'SCHEDULE_INVALID_ENTRY', '2027-02-29'],
    [
      'a date in the next year',
      json([{ date: '2027-10-01', kind: 'HOLIDAY', name: '国庆节' }, { date: '2028-01-01', kind: 'HOLIDAY', name: '元旦' }]),
      'SCHEDULE_DATE_OUT_OF_YEAR',
      '第2条',
    ],
    ['November of the previous year', json([{ date: '2026-11-30', kind: 'HOLIDAY', name: '元旦' }]), 'SCHEDULE_DATE_OUT_OF_YEAR', '2026-11-30'],
    ['make-up day on a Monday', json([{ date: '2027-02-08', kind: 'MAKEUP_WORKDAY', name: '春节' }]), 'SCHEDULE_MAKEUP_NOT_WEEKEND', '2027-02-08'],
    [
      'a holiday listed twice',
      json([
        { from: '2027-10-01', to: '2027-10-07', kind: 'HOLIDAY', name: '国庆节' },
        { date: '2027-10-03', kind: 'HOLIDAY', name: '国庆节' },
      ]),
      'SCHEDULE_DUPLICATE_DATE',
      '第2条（2027-10-03）：日期 2027-10-03 重复（已在第1条',
    ],
  ])('rejects %s', (_label, text, code, inMessage) => {
    const error = errorOf(() => parseScheduleJson(text));
    expect(error.code).toBe(code);
    expect(error.message).toContain(inMessage);
  });

  it('accepts the previous December for a 元旦 block that starts there, and a BOM', () => {
    const text = '\uFEFF' + json([{ from: '2026-12-31', to: '2027-01-02', kind: 'HOLIDAY', name: '元旦' }]);
    expect(parseScheduleJson(text).days.map((x) => x.date)).toEqual(['2026-12-31', '2027-01-01', '2027-01-02']);
  });

  it('checks the year the administrator meant to load', () => {
    const text = json([{ date: '2027-01-01', kind: 'HOLIDAY', name: '元旦' }]);
    expect(errorOf(() => parseScheduleJson(text, 2028)).code).toBe('SCHEDULE_YEAR_MISMATCH');
    expect(parseScheduleJson(text, 2027).year).toBe(2027);
  });
});

describe('parseScheduleIcs on the chinese-days 2026 feed', () => {
  it('yields the same dates and kinds as the package data (names in the feed are short: 清明, 端午, 中秋)', () => {
    const path = createRequire(import.meta.url).resolve('chinese-days/dist/years/2026.ics');
    const parsed = parseScheduleIcs(readFileSync(path, 'utf8'));
    const expected = packageSchedule().days.filter((x) => x.date.startsWith('2026-'));
    expect(parsed.year).toBe(2026);
    expect(parsed.days.map((x) => `${x.date} ${x.kind}`)).toEqual(expected.map((x) => `${x.date} ${x.kind}`));
    parsed.days.forEach((x, i) => expect(expected[i]!.name.startsWith(x.name)).toBe(true));
  });
});
