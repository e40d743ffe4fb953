import { Injectable } from '@nestjs/common';
import { PrismaService } from '#libs/core';

export interface EscalationReportRow {
  escalationId: string;
  level: number;
  cycle: number;
  reachedAt: Date;
  acknowledgedAt: Date | null;
  taskId: string;
  title: string;
  status: string;
  dueDate: string;
  completedAt: Date | null;
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
  key: string | null;
  label: string | null;
  escalations: number;
  tasks: number;
  level2: number;
  level3: number;
  acknowledged: number;
}

export interface ReportWindow {
  unitId: string;
  from: Date;
  to: Date;
}

/**
 * An escalation "happened" at its due_at (when the level fell due), not when a sweep noticed it,
 * and it is charged to whoever held the post on that Shanghai day: substantive before acting.
 */
const HOLDER_THEN = `
  LEFT JOIN LATERAL (
    SELECT pe.id, pe.name FROM post_assignment pa JOIN person pe ON pe.id = pa.person_id
     WHERE pa.post_id = t.post_id
       AND pa.start_date <= (e.due_at AT TIME ZONE 'Asia/Shanghai')::date
       AND (pa.end_date IS NULL OR pa.end_date >= (e.due_at AT TIME ZONE 'Asia/Shanghai')::date)
     ORDER BY pa.acting, pa.start_date DESC LIMIT 1
  ) holder ON true`;

/** 催办 and 督办 of the unit ($1) with their task, post, work item and the holder then; callers add the window. */
const SERIOUS_OF_UNIT = `
  FROM escalation e
  JOIN task t ON t.id = e.task_id
  JOIN post p ON p.id = t.post_id
  LEFT JOIN work_item w ON w.id = t.work_item_id
  ${HOLDER_THEN}
 WHERE e.unit_id = $1::uuid AND e.level >= 2`;

@Injectable()
export class EscalationReportRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** L2 催办 and L3 督办 escalations of the unit that fell due in [from, to). */
  seriousEscalations(w: ReportWindow): Promise<EscalationReportRow[]> {
    return this.prisma.direct.$queryRawUnsafe<EscalationReportRow[]>(
      `SELECT e.id AS "escalationId", e.level, e.cycle, e.due_at AS "reachedAt", e.acknowledged_at AS "acknowledgedAt",
              t.id AS "taskId", t.title, t.status::text AS status, to_char(t.due_date, 'YYYY-MM-DD') AS "dueDate",
              t.completed_at AS "completedAt", p.id AS "postId", p.name AS "postName",
              holder.id AS "personId", holder.name AS "personName", w.id AS "workItemId", w.title AS "workItemTitle"
         ${SERIOUS_OF_UNIT}
          AND e.due_at >= $2 AND e.due_at < $3
        ORDER BY e.due_at, e.level, t.id`,
      w.unitId,
      w.from,
      w.to,
    );
  }

  /**
   * Counts per post, person, work item, level and overall, for the period and the one before it,
   * in one GROUPING SETS pass. `previousFrom` ≤ `from` < `to`.
   */
  groupedCounts(w: ReportWindow & { previousFrom: Date }): Promise<EscalationGroupRow[]> {
    return this.prisma.direct.$queryRawUnsafe<EscalationGroupRow[]>(
      `WITH esc AS (
         SELECT CASE WHEN e.due_at >= $2 THEN 'current' ELSE 'previous' END AS period,
                e.level, e.acknowledged_at, t.id AS task_id, p.id AS post_id, p.name AS post_name,
                holder.id AS person_id, holder.name AS person_name, w.id AS work_item_id, w.title AS work_item_title
           ${SERIOUS_OF_UNIT}
            AND e.due_at >= $4 AND e.due_at < $3
       )
       SELECT period,
              CASE WHEN GROUPING(post_id) = 0 THEN 'post' WHEN GROUPING(person_id) = 0 THEN 'person'
                   WHEN GROUPING(work_item_id) = 0 THEN 'workItem' WHEN GROUPING(level) = 0 THEN 'level' ELSE 'total' END AS dimension,
              CASE WHEN GROUPING(post_id) = 0 THEN post_id::text WHEN GROUPING(person_id) = 0 THEN person_id::text
                   WHEN GROUPING(work_item_id) = 0 THEN work_item_id::text WHEN GROUPING(level) = 0 THEN level::text END AS key,
              CASE WHEN GROUPING(post_id) = 0 THEN post_name WHEN GROUPING(person_id) = 0 THEN person_name
                   WHEN GROUPING(work_item_id) = 0 THEN work_item_title END AS label,
              count(*)::int AS escalations, count(DISTINCT task_id)::int AS tasks,
              count(*) FILTER (WHERE level = 2)::int AS level2, count(*) FILTER (WHERE level >= 3)::int AS level3,
              count(acknowledged_at)::int AS acknowledged
         FROM esc
        GROUP BY GROUPING SETS ((period, post_id, post_name), (period, person_id, person_name),
                                (period, work_item_id, work_item_title), (period, level), (period))
        ORDER BY period, dimension, key`,
      w.unitId,
      w.from,
      w.to,
      w.previousFrom,
    );
  }
}
