import { Injectable } from '@nestjs/common';
import { PrismaService } from '#libs/core';

export interface CoverageRow {
  workItemId: string;
  title: string;
  postId: string;
  postName: string;
  responsibilities: number;
  responsibilityTypes: string[];
  tasks: number;
  tasksDone: number;
  tasksWithEvidence: number;
}

@Injectable()
export class CoverageRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Every live work item of the unit with how many tasks fell due in the period and how many of
   * them carry evidence (留痕). Items with no task are exactly what this report is meant to expose.
   */
  coverageOfUnit(unitId: string, from: string, to: string): Promise<CoverageRow[]> {
    return this.prisma.directPlannedPerCall.$queryRaw<CoverageRow[]>`
      WITH resp AS (
        SELECT r.work_item_id, count(*)::int AS n,
               coalesce(array_agg(DISTINCT r.type::text) FILTER (WHERE r.type IS NOT NULL), '{}') AS types
          FROM responsibility r JOIN work_item w ON w.id = r.work_item_id JOIN post p ON p.id = w.post_id
         WHERE p.unit_id = ${unitId}::uuid AND r.retired_at IS NULL
         GROUP BY r.work_item_id
      ), task_counts AS (
        SELECT t.work_item_id, count(*)::int AS tasks,
               count(*) FILTER (WHERE t.status = 'DONE')::int AS done,
               count(*) FILTER (WHERE EXISTS (SELECT 1 FROM evidence e WHERE e.task_id = t.id))::int AS with_evidence
          FROM task t
         WHERE t.unit_id = ${unitId}::uuid AND t.work_item_id IS NOT NULL AND t.status <> 'CANCELLED'
           AND t.due_date BETWEEN ${from}::date AND ${to}::date
         GROUP BY t.work_item_id
      )
      SELECT w.id AS "workItemId", w.title, p.id AS "postId", p.name AS "postName",
             coalesce(r.n, 0) AS responsibilities, coalesce(r.types, '{}') AS "responsibilityTypes",
             coalesce(tc.tasks, 0) AS tasks, coalesce(tc.done, 0) AS "tasksDone",
             coalesce(tc.with_evidence, 0) AS "tasksWithEvidence"
        FROM work_item w
        JOIN post p ON p.id = w.post_id
        LEFT JOIN resp r ON r.work_item_id = w.id
        LEFT JOIN task_counts tc ON tc.work_item_id = w.id
       WHERE p.unit_id = ${unitId}::uuid AND w.retired_at IS NULL AND p.retired_at IS NULL
       ORDER BY p.seq, w.seq`;
  }
}
