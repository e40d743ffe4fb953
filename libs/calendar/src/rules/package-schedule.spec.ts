import { chineseNameOf, packageSchedule, packageYearSchedules, scheduleFromRawData } from './package-schedule.js';
import { yearOf } from './local-date.js';

describe('packageSchedule', () => {
  const schedule = packageSchedule();

  it('covers exactly 2004–2026 (chinese-days 1.5.7); 2027 must be absent', () => {
    expect(schedule.years).toEqual(Array.from({ length: 23 }, (_, i) => 2004 + i));
    expect(schedule.days.some((day) => yearOf(day.date) === 2027)).toBe(false);
  });

  it.each([
    ['2026-10-01', 'HOLIDAY', '国庆节'],
    ['2026-04-05', 'HOLIDAY', '清明节'],
    ['2026-06-19', 'HOLIDAY', '端午节'],
    ['2026-09-25', 'HOLIDAY', '中秋节'],
    ['2026-10-10', 'MAKEUP_WORKDAY', '国庆节'],
    ['2015-09-03', 'HOLIDAY', '中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日'],
    ['2018-12-29', 'MAKEUP_WORKDAY', '元旦'], // listed by the 2019 notice
  ])('%s is %s %s', (date, kind, name) => {
    expect(schedule.days.find((day) => day.date === date)).toEqual({ date, kind, name });
  });

  it('splits per year for seeding', () => {
    const byYear = packageYearSchedules();
    expect(byYear.map((s) => s.year)).toEqual(schedule.years);
    const y2026 = byYear.find((s) => s.year === 2026)!;
    expect(y2026.days).toHaveLength(33 + 6);
    expect(y2026.days.every((day) => day.date.startsWith('2026-'))).toBe(true);
  });

  it('hands out copies, so callers cannot corrupt the cache', () => {
    packageSchedule().days[0]!.name = 'changed';
    packageSchedule().years.push(2099);
    expect(packageSchedule().days[0]!.name).not.toBe('changed');
    expect(packageSchedule().years).not.toContain(2099);
  });
});

describe('scheduleFromRawData', () => {
  it('does not treat a year as covered because of a December spill-over 元旦 day', () => {
    const raw = {
      holidays: {
        '2030-02-03': 'Spring Festival,春节,4',
        '2030-12-31': "New Year's Day,元旦,1",
        '2031-01-01': "New Year's Day,元旦,1",
      },
      workdays: { '2030-12-28': "New Year's Day,元旦,1" },
      inLieuDays: {},
    };
    expect(scheduleFromRawData(raw)).toEqual({
      years: [2030],
      days: [
        { date: '2030-02-03', kind: 'HOLIDAY', name: '春节' },
        { date: '2030-12-28', kind: 'MAKEUP_WORKDAY', name: '元旦' },
        { date: '2030-12-31', kind: 'HOLIDAY', name: '元旦' },
      ],
    });
  });

  it.each([null, {}, { holidays: {}, workdays: { '2026-10-10': 3 } }])('rejects an unexpected shape %j', (raw) => {
    expect(() => scheduleFromRawData(raw)).toThrow(expect.objectContaining({ code: 'PACKAGE_DATA_INVALID' }));
  });

  it('rejects a make-up working day on a weekday', () => {
    const raw = { holidays: { '2026-02-16': 'Spring Festival,春节,4' }, workdays: { '2026-02-13': 'Spring Festival,春节,4' } };
    expect(() => scheduleFromRawData(raw)).toThrow(expect.objectContaining({ code: 'PACKAGE_DATA_INVALID' }));
  });

  it.each([
    ['National Day,国庆节,3', '国庆节'],
    ["New Year's Day,元旦,1", '元旦'],
    ['Tomb-sweeping Day,清明,1', '清明节'],
  ])('chineseNameOf(%s) = %s', (label, name) => {
    expect(chineseNameOf(label)).toBe(name);
  });

  it('rejects a label without a Chinese name', () => {
    expect(() => chineseNameOf('National Day')).toThrow(expect.objectContaining({ code: 'PACKAGE_DATA_INVALID' }));
  });
});
