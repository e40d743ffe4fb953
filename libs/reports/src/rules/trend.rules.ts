import { addDays, daysBetween, type LocalDate } from '#libs/calendar';

export interface Period {
  from: LocalDate;
  /** Inclusive. */
  to: LocalDate;
}

export interface Trend {
  current: number;
  previous: number;
  delta: number;
  /** Percentage change, one decimal; null when there is nothing to compare with. */
  changePct: number | null;
  direction: 'up' | 'down' | 'flat';
}

/** The period of the same length that ends the day before `period` starts. */
export function previousPeriod(period: Period): Period {
  const length = daysBetween(period.from, period.to) + 1;
  return { from: addDays(period.from, -length), to: addDays(period.from, -1) };
}

export function trendOf(current: number, previous: number): Trend {
  const delta = current - previous;
  return {
    current,
    previous,
    delta,
    changePct: previous === 0 ? null : Math.round((delta / previous) * 1000) / 10,
    direction: delta > 0 ? 'up' : delta < 0 ? 'down' : 'flat',
  };
}
