/** One 催办/督办 escalation as the report counts it. */
export interface CountedEscalation {
  period: 'current' | 'previous';
  level: number;
  acknowledged: boolean;
  taskId: string;
  postId: string;
  postName: string;
  personId: string | null;
  personName: string | null;
  workItemId: string | null;
  workItemTitle: string | null;
}

export type Dimension = 'post' | 'person' | 'workItem' | 'level' | 'total';

export interface EscalationGroupRow {
  period: 'current' | 'previous';
  dimension: Dimension;
  /** The post, person or work item id, the level as text; null for the total and for "nobody" / "no work item". */
  key: string | null;
  label: string | null;
  escalations: number;
  /** Distinct tasks. */
  tasks: number;
  level2: number;
  level3: number;
  acknowledged: number;
}

/**
 * Counts per post, person (who held the post then), work item, level and overall, for each
 * period. Done here on the rows the report lists anyway rather than by a second query over the
 * same escalations: the database's share was most of a report request's cost.
 */
export function groupEscalations(rows: readonly CountedEscalation[]): EscalationGroupRow[] {
  const groups = new Map<string, EscalationGroupRow & { taskIds: Set<string> }>();
  const add = (row: CountedEscalation, dimension: Dimension, key: string | null, label: string | null) => {
    const id = `${row.period}|${dimension}|${key ?? ''}`;
    let g = groups.get(id);
    if (!g) {
      g = { period: row.period, dimension, key, label, escalations: 0, tasks: 0, level2: 0, level3: 0, acknowledged: 0, taskIds: new Set() };
      groups.set(id, g);
    }
    g.escalations++;
    g.taskIds.add(row.taskId);
    if (row.level === 2) g.level2++;
    if (row.level >= 3) g.level3++;
    if (row.acknowledged) g.acknowledged++;
  };
  for (const row of rows) {
    add(row, 'post', row.postId, row.postName);
    add(row, 'person', row.personId, row.personName);
    add(row, 'workItem', row.workItemId, row.workItemTitle);
    add(row, 'level', String(row.level), null);
    add(row, 'total', null, null);
  }
  return [...groups.values()].map(({ taskIds, ...g }) => ({ ...g, tasks: taskIds.size }));
}
