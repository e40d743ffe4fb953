/** PENDING: due to go out now (or being retried); HELD: waiting for working hours or the chief's digest. */
export type DeliveryState = 'PENDING' | 'HELD' | 'SENT' | 'FAILED';

/** What became of one outbox row, as a person reading the task's history understands it. */
export function deliveryState(row: { status: 'PENDING' | 'SENT' | 'FAILED'; availableAt: Date }, now: Date): DeliveryState {
  if (row.status !== 'PENDING') return row.status;
  return row.availableAt.getTime() > now.getTime() ? 'HELD' : 'PENDING';
}

/**
 * The level whose message carried a lower level to a person: one message per person and sweep
 * names the highest level, so a lower level raised in the same sweep has no row of its own.
 */
export function carrierLevel(
  levels: { id: string; level: number; cycle: number; raisedAt: Date }[],
  of: { level: number; cycle: number; raisedAt: Date },
  hasRows: (escalationId: string) => boolean,
): { id: string; level: number } | null {
  const carrier = levels
    .filter((o) => o.cycle === of.cycle && o.level > of.level && o.raisedAt.getTime() === of.raisedAt.getTime() && hasRows(o.id))
    .sort((a, b) => b.level - a.level)[0];
  return carrier ? { id: carrier.id, level: carrier.level } : null;
}
