export interface OutcomeCounts {
  doneOnTime: number;
  doneLate: number;
  openOverdue: number;
}

/**
 * Share of tasks that met their deadline among those whose outcome is known: finished, or
 * already late. Open tasks not yet due are left out so a fresh period does not look bad.
 * Percentage with one decimal; null when nothing is known yet.
 */
export function onTimeRate(c: OutcomeCounts): number | null {
  const known = c.doneOnTime + c.doneLate + c.openOverdue;
  return known === 0 ? null : Math.round((c.doneOnTime / known) * 1000) / 10;
}

/** Mean of the delays, one decimal; null when there were none. */
export function averageOf(values: number[]): number | null {
  if (values.length === 0) return null;
  return Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10;
}
