import { Injectable } from '@nestjs/common';
import { PrismaService } from '#libs/core';
import { OPEN_STATUSES } from '../inbox/inbox.repository.js';

export type FulfilmentDimension = 'post' | 'person' | 'workItem' | 'total';

export interface FulfilmentGroupRow {
  dimension: FulfilmentDimension;
  key: string | null;
  label: string | null;
  due: number;
  doneOnTime: number;
  doneLate: number;
  openOverdue: number;
  open: number;
  extensionsGranted: number;
}

/** A task finished after its deadline, with its group keys: the delay needs the working calendar. */
export interface LateCompletionRow {
  postId: string;
  personId: string | null;
  workItemId: string | null;
  dueDate: string;
  completedAt: Date;
}

export interface FulfilmentWindow {
  unitId: string;
  /** Due dates from … to, inclusive (Shanghai dates). */
  from: string;
  to: string;
  now: Date;
}

/**
 * Tasks are measured against their (possibly extended) due date, and charged to whoever held the
 * post on that date: the person who was expected to deliver. Cancelled tasks count for nothing.
 */
const DUE_TASKS = `
  SELECT t.id, t.status, t.due_at, t.due_date, t.completed_at, p.id AS post_id, p.name AS post_name,
         holder.id AS person_id, holder.name AS person_name, w.id AS work_item_id, w.title AS work_item_title
    FROM task t
    JOIN post p ON p.id = t.post_id
    LEFT JOIN work_item w ON w.id = t.work_item_id
    LEFT JOIN LATERAL (
      SELECT pe.id, pe.name FROM post_assignment pa JOIN person pe ON pe.id = pa.person_id
       WHERE pa.post_id = t.post_id AND pa.start_date <= t.due_date AND (pa.end_date IS NULL OR pa.end_date >= t.due_date)
       ORDER BY pa.acting, pa.start_date DESC LIMIT 1
    ) holder ON true
   WHERE t.unit_id = $1::uuid AND t.due_date BETWEEN $2::date AND $3::date AND t.status <> 'CANCELLED'`;

@Injectable()
export class FulfilmentRepository {
  constructor(private readonly prisma: PrismaService) {}

  groupedCounts(w: FulfilmentWindow): Promise<FulfilmentGroupRow[]> {
    return this.prisma.directPlannedPerCall.$queryRawUnsafe<FulfilmentGroupRow[]>(
      `WITH due AS (${DUE_TASKS}),
       granted AS (
         SELECT e.task_id, count(*)::int AS n FROM extension_request e
          WHERE e.status = 'APPROVED' AND e.task_id IN (SELECT id FROM due) GROUP BY e.task_id
       )
       SELECT CASE WHEN GROUPING(post_id) = 0 THEN 'post' WHEN GROUPING(person_id) = 0 THEN 'person'
                   WHEN GROUPING(work_item_id) = 0 THEN 'workItem' ELSE 'total' END AS dimension,
              CASE WHEN GROUPING(post_id) = 0 THEN post_id::text WHEN GROUPING(person_id) = 0 THEN person_id::text
                   WHEN GROUPING(work_item_id) = 0 THEN work_item_id::text END AS key,
              CASE WHEN GROUPING(post_id) = 0 THEN post_name WHEN GROUPING(person_id) = 0 THEN person_name
                   WHEN GROUPING(work_item_id) = 0 THEN work_item_title END AS label,
              count(*)::int AS due,
              count(*) FILTER (WHERE status = 'DONE' AND completed_at < due_at)::int AS "doneOnTime",
              count(*) FILTER (WHERE status = 'DONE' AND completed_at >= due_at)::int AS "doneLate",
              count(*) FILTER (WHERE status::text = ANY($5::text[]) AND due_at <= $4)::int AS "openOverdue",
              count(*) FILTER (WHERE status::text = ANY($5::text[]))::int AS open,
              coalesce(sum(g.n), 0)::int AS "extensionsGranted"
         FROM due LEFT JOIN granted g ON g.task_id = due.id
        GROUP BY GROUPING SETS ((post_id, post_name), (person_id, person_name), (work_item_id, work_item_title), ())
        ORDER BY dimension, label`,
      w.unitId,
      w.from,
      w.to,
      w.now,
      OPEN_STATUSES,
    );
  }

  lateCompletions(w: FulfilmentWindow): Promise<LateCompletionRow[]> {
    return this.prisma.directPlannedPerCall.$queryRawUnsafe<LateCompletionRow[]>(
      `SELECT post_id AS "postId", person_id AS "personId", work_item_id AS "workItemId",
              to_char(due_date, 'YYYY-MM-DD') AS "dueDate", completed_at AS "completedAt"
         FROM (${DUE_TASKS}) due
        WHERE status = 'DONE' AND completed_at >= due_at`,
      w.unitId,
      w.from,
      w.to,
    );
  }
}
