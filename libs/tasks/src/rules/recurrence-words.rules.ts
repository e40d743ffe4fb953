import type { DeadlineRule } from '#libs/calendar';
import type { Recurrence } from './recurrence.rules.js';

/**
 * Chinese wording of a schedule for people who never read an RRULE: how often it recurs
 * (每月第5个工作日), when each occurrence is due (当日截止) and when it is issued (提前3个工作日下达).
 * Pure and total over what parseRecurrence / parseDeadlineRule accept; an RRULE part we cannot
 * put into words falls back to the rule text rather than a wrong sentence.
 */
export function recurrenceInWords(rec: Recurrence): string {
  switch (rec.kind) {
    case 'NTH_WORKDAY_OF_MONTH':
      return `${rec.months ? `每年${monthList(rec.months)}的` : '每月'}第${rec.n}个工作日`;
    case 'LAST_WORKDAY_OF':
      return `${PERIOD_EVERY[rec.period]}最后一个工作日`;
    case 'RRULE':
      return rruleInWords(rec.rrule);
  }
}

/** '当日截止', '次月第5个工作日截止', '之后3个工作日截止' … — the deadline rule anchored at an occurrence. */
export function deadlineInWords(rule: DeadlineRule | null): string {
  if (!rule) return '当日截止';
  switch (rule.kind) {
    case 'WORKDAYS_AFTER':
      if (rule.days === 0) return '当日截止';
      return rule.days > 0 ? `之后第${rule.days}个工作日截止` : `提前${-rule.days}个工作日截止`;
    case 'CALENDAR_DAYS_AFTER': {
      const head = rule.days >= 0 ? `之后${rule.days}个自然日截止` : `提前${-rule.days}个自然日截止`;
      return head + adjustWords(rule.adjust ?? 'NEXT');
    }
    case 'NTH_WORKDAY_OF_MONTH':
      return `${monthOffsetWords(rule.monthOffset ?? 0)}第${rule.n}个工作日截止`;
    case 'LAST_WORKDAY_OF':
      return `${PERIOD_THIS[rule.period]}最后一个工作日截止`;
    case 'FIXED_DATE':
      return `${chineseDate(rule.date)}截止${adjustWords(rule.adjust)}`;
    case 'MONTH_DAY':
      return `${rule.month ? `当年${rule.month}月` : '当月'}${rule.day}日截止${adjustWords(rule.adjust)}`;
  }
}

export function leadInWords(leadWorkdays: number): string {
  return leadWorkdays > 0 ? `提前${leadWorkdays}个工作日下达` : '当日下达';
}

/** One sentence for the console: '每月第5个工作日，当日截止，提前3个工作日下达'. */
export function scheduleInWords(s: { recurrence: Recurrence; deadlineRule: DeadlineRule | null; leadWorkdays: number }): string {
  return `${recurrenceInWords(s.recurrence)}，${deadlineInWords(s.deadlineRule)}，${leadInWords(s.leadWorkdays)}`;
}

const PERIOD_EVERY = { MONTH: '每月', QUARTER: '每季度', YEAR: '每年' } as const;
const PERIOD_THIS = { MONTH: '当月', QUARTER: '当季度', YEAR: '当年' } as const;
const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
const WEEKDAY_WORD: Record<string, string> = { MO: '周一', TU: '周二', WE: '周三', TH: '周四', FR: '周五', SA: '周六', SU: '周日' };

function adjustWords(adjust: 'NONE' | 'PREVIOUS' | 'NEXT'): string {
  return { NONE: '', PREVIOUS: '（遇休息日提前）', NEXT: '（遇休息日顺延）' }[adjust];
}

function monthOffsetWords(offset: number): string {
  if (offset === 0) return '当月';
  if (offset === 1) return '次月';
  if (offset === -1) return '上月';
  return offset > 0 ? `${offset}个月后的` : `${-offset}个月前的`;
}

function monthList(months: readonly number[]): string {
  return months.map((m) => `${m}月`).join('、');
}

function chineseDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** 'MO,TU,WE,TH,FR' → '周一至周五'; other lists are enumerated. */
function weekdayList(days: readonly string[]): string | null {
  if (days.some((d) => !(d in WEEKDAY_WORD))) return null;
  const idx = [...new Set(days.map((d) => WEEKDAYS.indexOf(d as (typeof WEEKDAYS)[number])))].sort((a, b) => a - b);
  const consecutive = idx.length >= 3 && idx.every((v, i) => i === 0 || v === idx[i - 1]! + 1);
  if (consecutive) return `${WEEKDAY_WORD[WEEKDAYS[idx[0]!]]}至${WEEKDAY_WORD[WEEKDAYS[idx[idx.length - 1]!]]}`;
  return idx.map((i) => WEEKDAY_WORD[WEEKDAYS[i]]).join('、');
}

/** 1 → '第1个', -1 → '最后一个', -2 → '倒数第2个'. */
function ordinal(n: number): string {
  if (n === -1) return '最后一个';
  return n < 0 ? `倒数第${-n}个` : `第${n}个`;
}

function monthDay(n: number): string {
  if (n === -1) return '最后一天';
  return n < 0 ? `倒数第${-n}天` : `${n}日`;
}

/** BYDAY entries with an ordinal (1MO, -1FR) or a plain list combined with BYSETPOS. */
function positionalDays(byday: string[], setpos: number[] | null): string | null {
  const parsed = byday.map((d) => /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/.exec(d));
  if (parsed.some((p) => !p)) return null;
  const withOrdinal = parsed.filter((p) => p![1] !== undefined);
  if (withOrdinal.length === parsed.length) {
    return parsed.map((p) => `${ordinal(Number(p![1]))}${WEEKDAY_WORD[p![2]!]}`).join('、');
  }
  if (withOrdinal.length > 0) return null;
  const list = weekdayList(parsed.map((p) => p![2]!));
  if (!list) return null;
  if (!setpos) return list;
  // BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1 — the last Mon–Fri of the period, holidays not considered.
  return `${setpos.map(ordinal).join('、')}${list}的日子（不考虑节假日）`;
}

function rruleInWords(rrule: string): string {
  const parts = new Map(
    rrule
      .split(';')
      .filter(Boolean)
      .map((p) => {
        const [k, v] = p.split('=');
        return [k!.toUpperCase(), (v ?? '').toUpperCase()] as const;
      }),
  );
  const list = (key: string) => (parts.get(key) ? parts.get(key)!.split(',') : null);
  const nums = (key: string) => list(key)?.map(Number) ?? null;
  const interval = Number(parts.get('INTERVAL') ?? 1);
  const byday = list('BYDAY');
  const bymonthday = nums('BYMONTHDAY');
  const bymonth = nums('BYMONTH');
  const setpos = nums('BYSETPOS');
  if ([interval, ...(bymonthday ?? []), ...(bymonth ?? []), ...(setpos ?? [])].some((n) => !Number.isInteger(n))) return rrule;

  let body: string | null;
  switch (parts.get('FREQ')) {
    case 'DAILY': {
      const days = byday ? weekdayList(byday) : '';
      body = days === null ? null : interval > 1 ? `每${interval}天` : days ? `每${days}` : '每天';
      if (days && interval > 1) body = `${body}（仅${days}）`;
      break;
    }
    case 'WEEKLY': {
      const days = byday ? weekdayList(byday) : '';
      const every = interval > 1 ? `每${interval}周` : '每周';
      body = days === null ? null : days ? `${interval > 1 ? `${every}的` : '每'}${days}` : every;
      break;
    }
    case 'MONTHLY': {
      const every = interval > 1 ? `每${interval}个月的` : '每月';
      const what = bymonthday ? bymonthday.map(monthDay).join('、') : byday ? positionalDays(byday, setpos) : '';
      body = what === null ? null : what ? `${every}${what}` : interval > 1 ? `每${interval}个月` : '每月';
      break;
    }
    case 'YEARLY': {
      const every = interval > 1 ? `每${interval}年的` : '每年';
      const months = bymonth ? monthList(bymonth) : '';
      const what = bymonthday ? bymonthday.map(monthDay).join('、') : byday ? positionalDays(byday, setpos) : '';
      if (what === null) body = null;
      else if (!months && !what) body = interval > 1 ? `每${interval}年` : '每年';
      // '每年3月、9月的1日' reads unambiguously where '每年3月、9月1日' would not.
      else body = `${every}${months}${months && what && bymonth!.length > 1 ? '的' : ''}${what}`;
      break;
    }
    default:
      body = null;
  }
  if (body === null) return rrule;
  const count = parts.get('COUNT');
  const until = parts.get('UNTIL');
  if (count && /^\d+$/.test(count)) body += `，共${Number(count)}次`;
  if (until && /^\d{8}/.test(until)) body += `，至${chineseDate(`${until.slice(0, 4)}-${until.slice(4, 6)}-${until.slice(6, 8)}`)}`;
  return body;
}
