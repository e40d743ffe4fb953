import type { LocalDate } from '#libs/calendar';
import { CRLF, escapeText, foldLine, icsDate, icsUtc, serializeCalendar, type IcsEvent } from './ics.rules.js';

const d = (s: string) => s as LocalDate;
const octets = (s: string) => Buffer.byteLength(s, 'utf8');

describe('escapeText', () => {
  it.each([
    ['普通文本', '普通文本'],
    ['a,b', 'a\\,b'],
    ['a;b', 'a\\;b'],
    ['C:\\temp', 'C:\\\\temp'],
    ['\\,', '\\\\\\,'],
    ['两行\n文本', '两行\\n文本'],
    ['windows\r\nline', 'windows\\nline'],
    ['old mac\rline', 'old mac\\nline'],
    ['冒号:不转义', '冒号:不转义'],
    ['', ''],
  ])('%j → %j', (input, out) => expect(escapeText(input)).toBe(out));
});

describe('foldLine', () => {
  const ascii75 = 'S'.repeat(75);
  it.each<[string, string, string[]]>([
    ['a short line stays as it is', 'SUMMARY:短', ['SUMMARY:短']],
    ['exactly 75 octets stays', ascii75, [ascii75]],
    ['76 ASCII octets: 75 + " " and 1', `${ascii75}X`, [ascii75, ' X']],
    // 'SUMMARY:' is 8 octets; 22 Chinese characters (66) make 74, the 23rd would make 77.
    ['a 3-octet character is never split', `SUMMARY:${'任'.repeat(30)}`, [`SUMMARY:${'任'.repeat(22)}`, ` ${'任'.repeat(8)}`]],
    // 72 + 4-octet emoji = 76 > 75: the emoji moves whole to the next line.
    ['a 4-octet character (surrogate pair) is never split', `${'a'.repeat(72)}😀b`, ['a'.repeat(72), ' 😀b']],
  ])('%s', (_name, input, lines) => {
    expect(foldLine(input).split(CRLF)).toEqual(lines);
  });

  it.each([
    ['ASCII', 'D'.repeat(400)],
    ['Chinese', '履职清单'.repeat(60)],
    ['mixed', `DESCRIPTION:${'状态：办理中,a;b\\n'.repeat(40)}`],
  ])('keeps every %s line within 75 octets and unfolds to the original', (_kind, line) => {
    const folded = foldLine(line);
    const physical = folded.split(CRLF);
    expect(physical.length).toBeGreaterThan(1);
    for (const l of physical) expect(octets(l)).toBeLessThanOrEqual(75);
    for (const l of physical.slice(1)) expect(l.startsWith(' ')).toBe(true);
    // Unfolding (RFC 5545 §3.1) is removing every CRLF followed by one space.
    expect(folded.replace(/\r\n /g, '')).toBe(line);
    // Every physical line is valid UTF-8 by itself.
    for (const l of physical) expect(Buffer.from(l, 'utf8').toString('utf8')).toBe(l);
    expect(physical.every((l) => !l.includes('\uFFFD'))).toBe(true);
  });
});

describe('icsDate and icsUtc', () => {
  it.each([
    ['2026-11-26', '20261126'],
    ['2027-01-01', '20270101'],
  ])('date %s → %s', (date, out) => expect(icsDate(d(date))).toBe(out));

  it.each([
    ['2026-11-26T02:00:00.000Z', '20261126T020000Z'],
    ['2026-11-24T01:00:00.123Z', '20261124T010000Z'],
    ['2026-12-31T23:59:59.999Z', '20261231T235959Z'],
  ])('instant %s → %s', (iso, out) => expect(icsUtc(new Date(iso))).toBe(out));
});

describe('serializeCalendar', () => {
  const event: IcsEvent = {
    uid: 'task-1@duty-tracker',
    stamp: new Date('2026-11-20T08:30:00Z'),
    start: d('2026-11-26'),
    end: d('2026-11-27'),
    summary: '报送统计,月报（业务岗1）',
    description: '状态：办理中\n任务链接：http://x/tasks/1',
    url: 'http://x/tasks/1',
    alarm: { at: new Date('2026-11-25T01:00:00Z'), description: '2026-11-26 到期：报送统计' },
  };
  const text = serializeCalendar({ prodId: '-//duty-tracker//履职待办//ZH', name: '履职待办（王磊）', refreshInterval: 'PT1H', events: [event] });

  it('writes CRLF after every line and nothing else as a line break', () => {
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('lays out calendar, event and alarm in order', () => {
    expect(text.split(CRLF).filter(Boolean)).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//duty-tracker//履职待办//ZH',
      'CALSCALE:GREGORIAN',
      'NAME:履职待办（王磊）',
      'X-WR-CALNAME:履职待办（王磊）',
      'REFRESH-INTERVAL;VALUE=DURATION:PT1H',
      'X-PUBLISHED-TTL:PT1H',
      'BEGIN:VEVENT',
      'UID:task-1@duty-tracker',
      'DTSTAMP:20261120T083000Z',
      'DTSTART;VALUE=DATE:20261126',
      'DTEND;VALUE=DATE:20261127',
      'SUMMARY:报送统计\\,月报（业务岗1）',
      'DESCRIPTION:状态：办理中\\n任务链接：http://x/tasks/1',
      'URL:http://x/tasks/1',
      'TRANSP:TRANSPARENT',
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      'TRIGGER;VALUE=DATE-TIME:20261125T010000Z',
      'DESCRIPTION:2026-11-26 到期：报送统计',
      'END:VALARM',
      'END:VEVENT',
      'END:VCALENDAR',
    ]);
  });

  it('omits URL and VALARM when there are none, and serialises an empty calendar', () => {
    const bare = serializeCalendar({ prodId: 'p', name: 'n', refreshInterval: 'PT1H', events: [{ ...event, url: undefined, alarm: undefined }] });
    expect(bare).not.toContain('URL:');
    expect(bare).not.toContain('VALARM');
    const empty = serializeCalendar({ prodId: 'p', name: 'n', refreshInterval: 'PT1H', events: [] });
    expect(empty).not.toContain('VEVENT');
    expect(empty.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
  });

  it('folds long Chinese descriptions', () => {
    const long = serializeCalendar({ prodId: 'p', name: 'n', refreshInterval: 'PT1H', events: [{ ...event, description: '工作事项：'.repeat(40) }] });
    for (const line of long.split(CRLF)) expect(octets(line)).toBeLessThanOrEqual(75);
    expect(long.replace(/\r\n /g, '')).toContain(`DESCRIPTION:${'工作事项：'.repeat(40)}`);
  });
});
