import type { LocalDate } from '#libs/calendar';

/**
 * The part of RFC 5545 (iCalendar) the deadline feed needs, as pure functions: text escaping,
 * line folding, date forms and the VCALENDAR / VEVENT / VALARM layout.
 */

/** Content lines end in CRLF (RFC 5545 §3.1). */
export const CRLF = '\r\n';

/** Lines longer than 75 octets are folded (§3.1), counting UTF-8 bytes, not characters. */
const MAX_LINE_OCTETS = 75;

export interface IcsAlarm {
  /** Absolute trigger; RFC 5545 requires it in UTC. */
  at: Date;
  description: string;
}

/** An all-day event: `start` inclusive, `end` exclusive (the day after, for a one-day event). */
export interface IcsEvent {
  uid: string;
  /**
   * DTSTAMP. With no METHOD in the object it is when the event's information was last revised
   * (§3.8.7.2), so an unchanged task yields an unchanged event on every fetch.
   */
  stamp: Date;
  start: LocalDate;
  end: LocalDate;
  summary: string;
  description: string;
  url?: string;
  categories?: string[];
  alarm?: IcsAlarm;
}

export interface IcsCalendar {
  prodId: string;
  /** Shown as the calendar's name by Apple, Google and Outlook (X-WR-CALNAME, RFC 7986 NAME). */
  name: string;
  /** How often a client should re-fetch, as an RFC 5545 duration, e.g. PT1H. */
  refreshInterval: string;
  events: IcsEvent[];
}

/** TEXT value escaping (§3.3.11): backslash first, then `;` `,` and every kind of line break. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * Folds one content line into lines of at most 75 octets; each continuation starts with a space
 * (which counts towards its 75). Splits only between code points, never inside a UTF-8 sequence
 * (a Chinese character is 3 octets, an emoji 4), so every physical line is valid UTF-8.
 */
export function foldLine(line: string): string {
  if (Buffer.byteLength(line, 'utf8') <= MAX_LINE_OCTETS) return line;
  const lines: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    if (octets + size > MAX_LINE_OCTETS) {
      lines.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  lines.push(current);
  return lines.join(CRLF);
}

/** DATE form (§3.3.4): 2026-11-26 → 20261126. */
export function icsDate(date: LocalDate): string {
  return date.replace(/-/g, '');
}

/** DATE-TIME in UTC (§3.3.5 form #2): 20261126T020000Z. Milliseconds are dropped. */
export function icsUtc(instant: Date): string {
  return instant.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

function eventLines(e: IcsEvent): string[] {
  const lines = [
    'BEGIN:VEVENT',
    `UID:${e.uid}`,
    `DTSTAMP:${icsUtc(e.stamp)}`,
    `DTSTART;VALUE=DATE:${icsDate(e.start)}`,
    `DTEND;VALUE=DATE:${icsDate(e.end)}`,
    `SUMMARY:${escapeText(e.summary)}`,
    `DESCRIPTION:${escapeText(e.description)}`,
  ];
  // URI values are not TEXT: no escaping (a comma in a URL stays a comma).
  if (e.url) lines.push(`URL:${e.url}`);
  if (e.categories?.length) lines.push(`CATEGORIES:${e.categories.map(escapeText).join(',')}`);
  // A deadline does not make anyone busy for the day.
  lines.push('TRANSP:TRANSPARENT');
  if (e.alarm) {
    lines.push('BEGIN:VALARM', 'ACTION:DISPLAY', `TRIGGER;VALUE=DATE-TIME:${icsUtc(e.alarm.at)}`, `DESCRIPTION:${escapeText(e.alarm.description)}`, 'END:VALARM');
  }
  lines.push('END:VEVENT');
  return lines;
}

/** The whole iCalendar object: folded lines, CRLF after every line including the last. */
export function serializeCalendar(cal: IcsCalendar): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${cal.prodId}`,
    'CALSCALE:GREGORIAN',
    `NAME:${escapeText(cal.name)}`,
    `X-WR-CALNAME:${escapeText(cal.name)}`,
    `REFRESH-INTERVAL;VALUE=DURATION:${cal.refreshInterval}`,
    `X-PUBLISHED-TTL:${cal.refreshInterval}`,
    ...cal.events.flatMap(eventLines),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}
