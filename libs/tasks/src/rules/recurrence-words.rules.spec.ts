import type { DeadlineRule, LocalDate } from '#libs/calendar';
import { deadlineInWords, leadInWords, recurrenceInWords, scheduleInWords } from './recurrence-words.rules.js';
import { parseRecurrence, type Recurrence } from './recurrence.rules.js';

describe('recurrenceInWords', () => {
  it.each<[string, string]>([
    ['FREQ=DAILY', '每天'],
    ['FREQ=DAILY;INTERVAL=3', '每3天'],
    ['FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR', '每周一至周五'],
    ['FREQ=WEEKLY', '每周'],
    ['FREQ=WEEKLY;BYDAY=FR', '每周五'],
    ['FREQ=WEEKLY;BYDAY=WE,MO', '每周一、周三'],
    ['FREQ=WEEKLY;INTERVAL=2;BYDAY=MO', '每2周的周一'],
    ['FREQ=WEEKLY;INTERVAL=2', '每2周'],
    ['FREQ=MONTHLY;BYMONTHDAY=15', '每月15日'],
    ['FREQ=MONTHLY;BYMONTHDAY=1,15', '每月1日、15日'],
    ['FREQ=MONTHLY;BYMONTHDAY=-1', '每月最后一天'],
    ['FREQ=MONTHLY;BYMONTHDAY=-3', '每月倒数第3天'],
    ['FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=10', '每3个月的10日'],
    ['FREQ=MONTHLY;BYDAY=1MO', '每月第1个周一'],
    ['FREQ=MONTHLY;BYDAY=-1FR', '每月最后一个周五'],
    ['FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1', '每月最后一个周一至周五的日子（不考虑节假日）'],
    ['FREQ=MONTHLY', '每月'],
    ['FREQ=YEARLY', '每年'],
    ['FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=30', '每年6月30日'],
    ['FREQ=YEARLY;BYMONTH=3,9;BYMONTHDAY=1', '每年3月、9月的1日'],
    ['FREQ=YEARLY;INTERVAL=2;BYMONTH=12;BYMONTHDAY=-1', '每2年的12月最后一天'],
    ['FREQ=WEEKLY;BYDAY=FR;COUNT=10', '每周五，共10次'],
    ['FREQ=MONTHLY;BYMONTHDAY=5;UNTIL=20270630', '每月5日，至2027年6月30日'],
    ['FREQ=MONTHLY;BYMONTHDAY=5;UNTIL=20270630T000000Z', '每月5日，至2027年6月30日'],
    // Forms we cannot word faithfully fall back to the rule itself.
    ['FREQ=MONTHLY;BYDAY=1MO,TU', 'FREQ=MONTHLY;BYDAY=1MO,TU'],
    ['FREQ=WEEKLY;BYDAY=XX', 'FREQ=WEEKLY;BYDAY=XX'],
  ])('RRULE %s → %s', (rrule, words) => {
    expect(recurrenceInWords({ kind: 'RRULE', rrule })).toBe(words);
  });

  it.each<[Recurrence, string]>([
    [{ kind: 'NTH_WORKDAY_OF_MONTH', n: 5 }, '每月第5个工作日'],
    [{ kind: 'NTH_WORKDAY_OF_MONTH', n: 1, months: [3, 9] }, '每年3月、9月的第1个工作日'],
    [{ kind: 'LAST_WORKDAY_OF', period: 'MONTH' }, '每月最后一个工作日'],
    [{ kind: 'LAST_WORKDAY_OF', period: 'QUARTER' }, '每季度最后一个工作日'],
    [{ kind: 'LAST_WORKDAY_OF', period: 'YEAR' }, '每年最后一个工作日'],
  ])('working-day form %j → %s', (rec, words) => {
    expect(recurrenceInWords(rec)).toBe(words);
  });

  it('words what parseRecurrence normalised (RRULE: prefix dropped)', () => {
    expect(recurrenceInWords(parseRecurrence({ kind: 'RRULE', rrule: 'RRULE:FREQ=WEEKLY;BYDAY=TH' }))).toBe('每周四');
  });
});

describe('deadlineInWords', () => {
  it.each<[DeadlineRule | null, string]>([
    [null, '当日截止'],
    [{ kind: 'WORKDAYS_AFTER', days: 0 }, '当日截止'],
    [{ kind: 'WORKDAYS_AFTER', days: 5 }, '之后第5个工作日截止'],
    [{ kind: 'WORKDAYS_AFTER', days: -2 }, '提前2个工作日截止'],
    [{ kind: 'CALENDAR_DAYS_AFTER', days: 10 }, '之后10个自然日截止（遇休息日顺延）'],
    [{ kind: 'CALENDAR_DAYS_AFTER', days: 10, adjust: 'NONE' }, '之后10个自然日截止'],
    [{ kind: 'NTH_WORKDAY_OF_MONTH', n: 5 }, '当月第5个工作日截止'],
    [{ kind: 'NTH_WORKDAY_OF_MONTH', n: 5, monthOffset: 1 }, '次月第5个工作日截止'],
    [{ kind: 'NTH_WORKDAY_OF_MONTH', n: 3, monthOffset: 2 }, '2个月后的第3个工作日截止'],
    [{ kind: 'LAST_WORKDAY_OF', period: 'QUARTER' }, '当季度最后一个工作日截止'],
    [{ kind: 'FIXED_DATE', date: '2026-12-31' as LocalDate, adjust: 'PREVIOUS' }, '2026年12月31日截止（遇休息日提前）'],
    [{ kind: 'MONTH_DAY', day: 20, adjust: 'NEXT' }, '当月20日截止（遇休息日顺延）'],
    [{ kind: 'MONTH_DAY', month: 6, day: 30, adjust: 'NONE' }, '当年6月30日截止'],
  ])('%j → %s', (rule, words) => {
    expect(deadlineInWords(rule)).toBe(words);
  });
});

describe('scheduleInWords', () => {
  it.each<[number, string]>([
    [3, '每月第5个工作日，当日截止，提前3个工作日下达'],
    [0, '每月第5个工作日，当日截止，当日下达'],
  ])('lead %i → %s', (lead, words) => {
    expect(leadInWords(lead)).toBe(words.split('，')[2]);
    expect(scheduleInWords({ recurrence: { kind: 'NTH_WORKDAY_OF_MONTH', n: 5 }, deadlineRule: null, leadWorkdays: lead })).toBe(words);
  });
});
