import { CalendarRulesError, type CalendarRulesErrorCode } from './calendar-rules.error.js';
import { classifySummary, parseScheduleIcs } from './schedule-ics.parser.js';

function errorOf(run: () => unknown): CalendarRulesError {
  try {
    run();
  } catch (error) {
    if (error instanceof CalendarRulesError) return error;
    throw error;
  }
  throw new Error('expected a CalendarRulesError');
}

/** One all-day event; `end` is the exclusive DTEND, omitted for a single day. */
const event = (start: string, summary: string, end?: string): string[] => [
  'BEGIN:VEVENT',
  `DTSTART;VALUE=DATE:${start}`,
  ...(end ? [`DTEND;VALUE=DATE:${end}`] : []),
  `SUMMARY:${summary}`,
  'END:VEVENT',
];
const ics = (...lines: string[][]): string => ['BEGIN:VCALENDAR', 'VERSION:2.0', ...lines.flat(), 'END:VCALENDAR'].join('\n');

describe('classifySummary', () => {
  it.each([
    ['国庆节 休', 'HOLIDAY', '国庆节'],
    ['国庆节（休）', 'HOLIDAY', '国庆节'],
    ['元旦(休)', 'HOLIDAY', '元旦'],
    ['元旦 (休)', 'HOLIDAY', '元旦'],
    ['劳动节 放假', 'HOLIDAY', '劳动节'],
    ['劳动节放假', 'HOLIDAY', '劳动节'],
    ['中秋节、国庆节 休', 'HOLIDAY', '中秋节、国庆节'],
    ['春节 班', 'MAKEUP_WORKDAY', '春节'],
    ['春节(班)', 'MAKEUP_WORKDAY', '春节'],
    ['春节（补班）', 'MAKEUP_WORKDAY', '春节'],
    ['春节上班', 'MAKEUP_WORKDAY', '春节'],
    ['国庆节（调休上班）', 'MAKEUP_WORKDAY', '国庆节'],
  ])('%s → %s %s', (summary, kind, name) => {
    expect(classifySummary(summary, '第1行')).toEqual({ kind, name });
  });

  it.each(['国庆节', '国庆节（调休）', '休', '（休）', '春节 放假通知', '国庆节休'])('rejects %p', (summary) => {
    const error = errorOf(() => classifySummary(summary, '第9行'));
    expect(error.code).toBe('SCHEDULE_ICS_UNKNOWN_MARKER');
    expect(error.message).toContain('第9行');
  });
});

describe('parseScheduleIcs', () => {
  it('handles DTEND (exclusive), single days, DURATION, LF endings, folding and TEXT escapes', () => {
    const text = ics(
      event('20271001', '国庆节 休', '20271004'),
      event('20271009', '国庆节 班'),
      ['BEGIN:VEVENT', 'DTSTART;VALUE=DATE:20270915', 'DURATION:P1D', 'SUMMARY:中秋节\\, 团圆', ' （休）', 'END:VEVENT'],
    );
    expect(parseScheduleIcs(text)).toEqual({
      year: 2027,
      days: [
        { date: '2027-09-15', kind: 'HOLIDAY', name: '中秋节, 团圆' },
        { date: '2027-10-01', kind: 'HOLIDAY', name: '国庆节' },
        { date: '2027-10-02', kind: 'HOLIDAY', name: '国庆节' },
        { date: '2027-10-03', kind: 'HOLIDAY', name: '国庆节' },
        { date: '2027-10-09', kind: 'MAKEUP_WORKDAY', name: '国庆节' },
      ],
    });
  });

  it('takes the later year when a 元旦 block starts in December', () => {
    const parsed = parseScheduleIcs(ics(event('20261231', '元旦 休', '20270103'), event('20270501', '劳动节 休')));
    expect(parsed.year).toBe(2027);
    expect(parsed.days.map((x) => x.date)).toEqual(['2026-12-31', '2027-01-01', '2027-01-02', '2027-05-01']);
  });

  it.each<[string, string, CalendarRulesErrorCode, string]>([
    ['no VCALENDAR', 'BEGIN:VEVENT\nEND:VEVENT', 'SCHEDULE_ICS_INVALID', 'VCALENDAR'],
    ['no events', ics(), 'SCHEDULE_EMPTY', 'VEVENT'],
    ['an unterminated event', 'BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20271001', 'SCHEDULE_ICS_INVALID', 'END:'],
    ['a line without a colon', ics(['BEGIN:VEVENT', 'garbage', 'END:VEVENT']), 'SCHEDULE_ICS_INVALID', '第4行'],
    ['a timed event', ics(['BEGIN:VEVENT', 'DTSTART:20271001T090000', 'SUMMARY:国庆节 休', 'END:VEVENT']), 'SCHEDULE_ICS_NOT_ALL_DAY', '第4行'],
    ['a missing DTSTART', ics(['BEGIN:VEVENT', 'SUMMARY:国庆节 休', 'END:VEVENT']), 'SCHEDULE_ICS_INVALID', 'DTSTART'],
    ['DTEND not after DTSTART', ics(event('20271005', '国庆节 休', '20271001')), 'SCHEDULE_ICS_INVALID', 'DTEND'],
    ['an unknown marker', ics(event('20271001', '国庆节')), 'SCHEDULE_ICS_UNKNOWN_MARKER', '第5行'],
    ['two years', ics(event('20261001', '国庆节 休'), event('20271001', '国庆节 休')), 'SCHEDULE_MULTIPLE_YEARS', '2026、2027'],
    ['a make-up weekday', ics(event('20271008', '国庆节 班')), 'SCHEDULE_MAKEUP_NOT_WEEKEND', '2027-10-08'],
    [
      'overlapping events',
      ics(event('20271001', '国庆节 休', '20271008'), event('20271005', '国庆节 休')),
      'SCHEDULE_DUPLICATE_DATE',
      '2027-10-05',
    ],
  ])('rejects %s', (_label, text, code, inMessage) => {
    const error = errorOf(() => parseScheduleIcs(text));
    expect(error.code).toBe(code);
    expect(error.message).toContain(inMessage);
  });

  it('checks the year the administrator meant to load', () => {
    const text = ics(event('20271001', '国庆节 休'));
    expect(errorOf(() => parseScheduleIcs(text, 2026)).code).toBe('SCHEDULE_DATE_OUT_OF_YEAR');
    expect(parseScheduleIcs(text, 2027).year).toBe(2027);
  });
});
