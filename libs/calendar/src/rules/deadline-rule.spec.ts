import { CalendarRulesError } from './calendar-rules.error.js';
import { parseDeadlineRule } from './deadline-rule.js';

describe('parseDeadlineRule', () => {
  it.each([
    { kind: 'WORKDAYS_AFTER', days: 5 },
    { kind: 'WORKDAYS_AFTER', days: 0 },
    { kind: 'WORKDAYS_AFTER', days: -3 },
    { kind: 'CALENDAR_DAYS_AFTER', days: 30 },
    { kind: 'CALENDAR_DAYS_AFTER', days: 30, adjust: 'NONE' },
    { kind: 'NTH_WORKDAY_OF_MONTH', n: 5 },
    { kind: 'NTH_WORKDAY_OF_MONTH', n: 5, monthOffset: 1 },
    { kind: 'LAST_WORKDAY_OF', period: 'MONTH' },
    { kind: 'LAST_WORKDAY_OF', period: 'QUARTER' },
    { kind: 'LAST_WORKDAY_OF', period: 'YEAR' },
    { kind: 'FIXED_DATE', date: '2026-10-01', adjust: 'NEXT' },
    { kind: 'MONTH_DAY', month: 3, day: 31, adjust: 'PREVIOUS' },
    { kind: 'MONTH_DAY', day: 10, adjust: 'NEXT' },
  ])('accepts and round-trips %j', (rule) => {
    const parsed = parseDeadlineRule(JSON.parse(JSON.stringify(rule)));
    expect(parsed).toEqual(rule);
  });

  it.each<[unknown, string]>([
    [null, 'kind'],
    [[], 'kind'],
    ['WORKDAYS_AFTER', 'kind'],
    [{ kind: 'WORKDAYS_BEFORE', days: 1 }, 'kind'],
    [{ kind: 'WORKDAYS_AFTER' }, 'days'],
    [{ kind: 'WORKDAYS_AFTER', days: 1.5 }, 'days'],
    [{ kind: 'WORKDAYS_AFTER', days: '5' }, 'days'],
    [{ kind: 'WORKDAYS_AFTER', days: 100000 }, 'days'],
    [{ kind: 'CALENDAR_DAYS_AFTER', days: 5, adjust: 'LATER' }, 'adjust'],
    [{ kind: 'CALENDAR_DAYS_AFTER', days: 5, adjsut: 'NEXT' }, 'adjsut'],
    [{ kind: 'NTH_WORKDAY_OF_MONTH', n: 0 }, 'n'],
    [{ kind: 'NTH_WORKDAY_OF_MONTH', n: 26 }, 'n'],
    [{ kind: 'LAST_WORKDAY_OF', period: 'WEEK' }, 'period'],
    [{ kind: 'FIXED_DATE', date: '2026-02-30', adjust: 'NEXT' }, 'date'],
    [{ kind: 'FIXED_DATE', date: '2026-10-01' }, 'adjust'],
    [{ kind: 'MONTH_DAY', month: 13, day: 1, adjust: 'NONE' }, 'month'],
    [{ kind: 'MONTH_DAY', day: 32, adjust: 'NONE' }, 'day'],
  ])('rejects %j (field %s) with INVALID_DEADLINE_RULE', (input, field) => {
    let caught: unknown;
    try {
      parseDeadlineRule(input);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CalendarRulesError);
    expect(caught).toMatchObject({ code: 'INVALID_DEADLINE_RULE', details: { field } });
    expect((caught as Error).message).toMatch(/[\u4e00-\u9fff]/);
  });
});
