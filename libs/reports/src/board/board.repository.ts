import { Injectable } from '@nestjs/common';
import { PrismaService } from '#libs/core';
import { OPEN_STATUSES } from '../inbox/inbox.repository.js';

export interface UnitRef {
  id: string;
  name: string;
  orgId: string;
  cutoff: string;
}

export interface PostBoardRow {
  postId: string;
  code: string;
  name: string;
  kind: string;
  holderName: string | null;
  open: number;
  atRisk: number;
  overdue: number;
  overdueL1: number;
  overdueL2: number;
  overdueL3: number;
  awaitingMyReview: number;
  pendingExtensions: number;
  unacknowledgedEscalations: number;
}

export interface SupervisionDutyRow {
  workItemId: string;
  title: string;
  postName: string;
  responsibilities: string;
  activeSchedules: number;
  dueSoFar: number;
  doneSoFar: number;
  open: number;
  overdue: number;
  nextDue: string | null;
}

export interface BoardQuery {
  unitId: string;
  now: Date;
  today: string;
  /** Open tasks due on or before this date and not yet late are at risk. */
  riskThrough: string;
}

@Injectable()
export class BoardRepository {
  constructor(private readonly prisma: PrismaService) {}

  async findUnit(unitId: string): Promise<UnitRef | null> {
    const rows = await this.prisma.direct.$queryRaw<UnitRef[]>`
      SELECT u.id, u.name, u.org_id AS "orgId", o.deadline_cutoff AS cutoff
        FROM unit u JOIN organisation o ON o.id = u.org_id WHERE u.id = ${unitId}::uuid`;
    return rows[0] ?? null;
  }

  /**
   * One row per live post of the unit, counted in the database; "awaiting my review" is left at 0
   * for the service to fill in with the review rule (separation of duties is decided in one place).
   * The status is compared as the enum so (unit_id, status, due_at) picks the open tasks instead of
   * every task of the unit, and unacknowledged escalations are counted per open task through
   * (task_id, …) instead of joining all of the organisation's unacknowledged ones: on a unit of
   * 50,000 tasks, ~40,000 heap blocks and ~230,000 escalation rows less (bench/README.md, api).
   */
  countsByPost(q: BoardQuery): Promise<PostBoardRow[]> {
    return this.prisma.direct.$queryRaw<PostBoardRow[]>`
      WITH open_task AS (
        SELECT t.id, t.post_id, t.due_at, t.due_date, t.escalation_level,
               (SELECT count(*) FROM escalation e WHERE e.task_id = t.id AND e.acknowledged_at IS NULL)::int AS unacknowledged
          FROM task t
         WHERE t.unit_id = ${q.unitId}::uuid AND t.status = ANY(${OPEN_STATUSES}::task_status[])
      ), task_counts AS (
        SELECT post_id,
               count(*)::int AS open,
               count(*) FILTER (WHERE due_at > ${q.now} AND due_date <= ${q.riskThrough}::date)::int AS at_risk,
               count(*) FILTER (WHERE due_at <= ${q.now})::int AS overdue,
               count(*) FILTER (WHERE due_at <= ${q.now} AND escalation_level <= 1)::int AS overdue_l1,
               count(*) FILTER (WHERE due_at <= ${q.now} AND escalation_level = 2)::int AS overdue_l2,
               count(*) FILTER (WHERE due_at <= ${q.now} AND escalation_level >= 3)::int AS overdue_l3,
               sum(unacknowledged)::int AS unacknowledged
          FROM open_task GROUP BY post_id
      ), extension_counts AS (
        SELECT t.post_id, count(*)::int AS n
          FROM extension_request e JOIN task t ON t.id = e.task_id
         WHERE t.unit_id = ${q.unitId}::uuid AND e.status = 'PENDING'
         GROUP BY t.post_id
      )
      SELECT p.id AS "postId", p.code, p.name, p.kind::text AS kind, holder.name AS "holderName",
             coalesce(tc.open, 0) AS open, coalesce(tc.at_risk, 0) AS "atRisk", coalesce(tc.overdue, 0) AS overdue,
             coalesce(tc.overdue_l1, 0) AS "overdueL1", coalesce(tc.overdue_l2, 0) AS "overdueL2",
             coalesce(tc.overdue_l3, 0) AS "overdueL3", 0 AS "awaitingMyReview",
             coalesce(ec.n, 0) AS "pendingExtensions", coalesce(tc.unacknowledged, 0) AS "unacknowledgedEscalations"
        FROM post p
        LEFT JOIN task_counts tc ON tc.post_id = p.id
        LEFT JOIN extension_counts ec ON ec.post_id = p.id
        LEFT JOIN LATERAL (
          SELECT pe.name FROM post_assignment pa JOIN person pe ON pe.id = pa.person_id
           WHERE pa.post_id = p.id AND pa.start_date <= ${q.today}::date AND (pa.end_date IS NULL OR pa.end_date >= ${q.today}::date)
           ORDER BY pa.acting, pa.start_date DESC LIMIT 1
        ) holder ON true
       WHERE p.unit_id = ${q.unitId}::uuid AND p.retired_at IS NULL
       ORDER BY p.seq, p.code`;
  }

  /** Work items of the given posts that carry a 监督责任, with how their recurring tasks stand. */
  supervisionDuties(postIds: string[], now: Date, today: string): Promise<SupervisionDutyRow[]> {
    return this.prisma.direct.$queryRaw<SupervisionDutyRow[]>`
      WITH duty AS (
        SELECT w.id, w.title, w.post_id, string_agg(r.text, '；' ORDER BY r.seq) AS responsibilities
          FROM work_item w
          JOIN responsibility r ON r.work_item_id = w.id AND r.type = 'SUPERVISION' AND r.retired_at IS NULL
         WHERE w.post_id = ANY(${postIds}::uuid[]) AND w.retired_at IS NULL
         GROUP BY w.id
      ), periodic AS (
        SELECT t.work_item_id,
               count(*) FILTER (WHERE t.due_date <= ${today}::date)::int AS due_so_far,
               count(*) FILTER (WHERE t.due_date <= ${today}::date AND t.status = 'DONE')::int AS done_so_far,
               count(*) FILTER (WHERE t.status::text = ANY(${OPEN_STATUSES}::text[]))::int AS open,
               count(*) FILTER (WHERE t.status::text = ANY(${OPEN_STATUSES}::text[]) AND t.due_at <= ${now})::int AS overdue,
               to_char(min(t.due_date) FILTER (WHERE t.status::text = ANY(${OPEN_STATUSES}::text[])), 'YYYY-MM-DD') AS next_due
          FROM task t
         WHERE t.kind = 'RECURRING' AND t.work_item_id IN (SELECT id FROM duty)
         GROUP BY t.work_item_id
      ), schedules AS (
        SELECT s.work_item_id, count(*)::int AS n FROM schedule s
         WHERE s.active AND s.work_item_id IN (SELECT id FROM duty) GROUP BY s.work_item_id
      )
      SELECT d.id AS "workItemId", d.title, p.name AS "postName", d.responsibilities,
             coalesce(s.n, 0) AS "activeSchedules", coalesce(pt.due_so_far, 0) AS "dueSoFar",
             coalesce(pt.done_so_far, 0) AS "doneSoFar", coalesce(pt.open, 0) AS open,
             coalesce(pt.overdue, 0) AS overdue, pt.next_due AS "nextDue"
        FROM duty d
        JOIN post p ON p.id = d.post_id
        LEFT JOIN periodic pt ON pt.work_item_id = d.id
        LEFT JOIN schedules s ON s.work_item_id = d.id
       ORDER BY p.seq, d.title`;
  }
}
