/** Calendar helpers for the admin screens; dates are 'YYYY-MM-DD' in the bureau's zone (Asia/Shanghai). */

const shanghaiDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

export function todayInShanghai(): string {
  return shanghaiDate.format(new Date());
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** 0 = Monday … 6 = Sunday (Chinese calendars start the week on Monday). */
export function mondayFirstWeekday(year: number, month: number, day: number): number {
  return (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7;
}

const WEEKDAY = ['一', '二', '三', '四', '五', '六', '日'];

/** '2026-12-07' → '12月7日 周一' */
export function dateWithWeekday(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${m}月${d}日 周${WEEKDAY[mondayFirstWeekday(y, m, d)]}`;
}
