const shanghaiDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today in Beijing (the bureau's calendar), as YYYY-MM-DD. */
export const todayInShanghai = () => shanghaiDate.format(new Date());

const pad = (n: number) => String(n).padStart(2, '0');

/** First and last day of the month `offset` months from the month of `date` (YYYY-MM-DD). */
export function monthOf(date: string, offset = 0): { from: string; to: string; label: string } {
  const [y, m] = date.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1 + offset, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0));
  const ym = `${first.getUTCFullYear()}-${pad(first.getUTCMonth() + 1)}`;
  return { from: `${ym}-01`, to: `${ym}-${pad(last.getUTCDate())}`, label: `${first.getUTCMonth() + 1}月` };
}

/** The calendar quarter containing `date`. */
export function quarterOf(date: string): { from: string; to: string } {
  const [y, m] = date.split('-').map(Number);
  const q = Math.floor((m - 1) / 3);
  return { from: monthOf(`${y}-${pad(q * 3 + 1)}-01`).from, to: monthOf(`${y}-${pad(q * 3 + 3)}-01`).to };
}
