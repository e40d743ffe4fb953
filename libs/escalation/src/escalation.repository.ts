import { Injectable } from '@nestjs/common';
import { Prisma } from '@prisma/client';
import { PrismaService, type SqlTx, type Tx } from '#libs/core';

export interface DueTask {
  id: string;
  unitId: string;
  postId: string;
  workItemId: string | null;
  assigneePersonId: string | null;
  /** For the messages: read with the claim rather than by another query. */
  assigneeName: string | null;
  title: string;
  dueDate: Date;
  escalationLevel: number;
  escalationCycle: number;
  orgId: string;
  cutoff: string;
  /** Set aside after an earlier failure and being retried now. */
  setAside: boolean;
}

export interface NewEscalation {
  id: string;
  taskId: string;
  unitId: string;
  level: number;
  cycle: number;
  /** The instant the level became due. */
  dueAt: Date;
  /** Who was told, as resolved from the chain at that moment (stored as JSON). */
  recipients: unknown;
  overdueWorkdays: number;
}

export interface TaskAdvance {
  id: string;
  /** Highest level reached (never lowered). */
  level: number;
  /** When the sweep must look at the task next; null when no level is left. */
  next: Date | null;
}

export interface ChainRow {
  id: string;
  kind: 'CHIEF' | 'DEPUTY' | 'OFFICER';
  reportsToId: string | null;
  name: string;
  unitName: string;
}

@Injectable()
export class EscalationRepository {
  constructor(private readonly prisma: PrismaService) {}

  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    return this.prisma.$transaction((tx) => fn(tx), { timeout: 120_000 });
  }

  /**
   * The sweep's batches: every statement in them is raw SQL carrying large JSON parameters, so
   * they bypass Prisma's query compiler (see DirectSql), which cost more CPU than PostgreSQL spent.
   */
  sweepTransaction<T>(fn: (tx: SqlTx) => Promise<T>): Promise<T> {
    return this.prisma.directTransaction(fn);
  }

  /**
   * Claims open tasks whose next escalation time has come. SKIP LOCKED lets several sweepers
   * share the work without waiting on each other; the rows stay locked until the transaction ends.
   * A task set aside after a failure is left out until its retry time (it must not block the
   * claim of the good ones); `setAside` marks one being retried, whose record a success clears.
   * With `ids`, only those tasks (a failed batch retried row by row).
   */
  claimDue(tx: SqlTx, now: Date, limit: number, ids?: string[]): Promise<DueTask[]> {
    return tx.$queryRaw<DueTask[]>`
      SELECT t.id, t.unit_id AS "unitId", t.post_id AS "postId", t.work_item_id AS "workItemId",
             t.assignee_person_id AS "assigneePersonId", t.title, t.due_date AS "dueDate",
             t.escalation_level AS "escalationLevel", t.escalation_cycle AS "escalationCycle",
             u.org_id AS "orgId", o.deadline_cutoff AS cutoff, a.name AS "assigneeName",
             s.ref_id IS NOT NULL AS "setAside"
        FROM task t
        JOIN unit u ON u.id = t.unit_id
        JOIN organisation o ON o.id = u.org_id
        LEFT JOIN person a ON a.id = t.assignee_person_id
        LEFT JOIN set_aside_row s ON s.kind = 'ESCALATION_SWEEP' AND s.ref_id = t.id
       WHERE t.next_escalation_at IS NOT NULL AND t.next_escalation_at <= ${now}
         AND t.status NOT IN ('DONE', 'CANCELLED')
         AND (s.retry_after IS NULL OR s.retry_after <= ${now})
         ${ids ? Prisma.sql`AND t.id = ANY(${ids}::uuid[])` : Prisma.empty}
       ORDER BY t.next_escalation_at
       LIMIT ${limit}
         FOR UPDATE OF t SKIP LOCKED`;
  }

  /** The ids the next claim would take, without locking them: a failed batch is retried task by task. */
  async dueIds(now: Date, limit: number): Promise<string[]> {
    const rows = await this.prisma.direct.$queryRaw<{ id: string }[]>`
      SELECT t.id::text AS id
        FROM task t
        LEFT JOIN set_aside_row s ON s.kind = 'ESCALATION_SWEEP' AND s.ref_id = t.id
       WHERE t.next_escalation_at IS NOT NULL AND t.next_escalation_at <= ${now}
         AND t.status NOT IN ('DONE', 'CANCELLED')
         AND (s.retry_after IS NULL OR s.retry_after <= ${now})
       ORDER BY t.next_escalation_at
       LIMIT ${limit}`;
    return rows.map((r) => r.id);
  }

  /**
   * The given posts and every post above them (reports-to chains), walked in SQL: a batch of a
   * thousand tasks spread over a thousand units needs its few thousand chain posts, not every
   * post of those units (and then their staffing).
   */
  chainPosts(tx: SqlTx, postIds: string[]): Promise<ChainRow[]> {
    return tx.$queryRaw<ChainRow[]>`
      WITH RECURSIVE chain(id, depth) AS (
        SELECT id, 0 FROM post WHERE id = ANY(${postIds}::uuid[])
        UNION
        SELECT p.reports_to_id, c.depth + 1 FROM chain c JOIN post p ON p.id = c.id
         WHERE p.reports_to_id IS NOT NULL AND c.depth < 5
      )
      SELECT p.id::text AS id, p.kind::text AS kind, p.reports_to_id::text AS "reportsToId", p.name, u.name AS "unitName"
        FROM post p JOIN unit u ON u.id = p.unit_id
       WHERE p.id IN (SELECT id FROM chain)`;
  }

  postsOfUnitsById(ids: string[]): Promise<ChainRow[]> {
    return this.prisma.$queryRaw<ChainRow[]>`
      SELECT p.id, p.kind::text AS kind, p.reports_to_id AS "reportsToId", p.name, u.name AS "unitName"
        FROM post p JOIN unit u ON u.id = p.unit_id
       WHERE p.id = ANY(${ids}::uuid[])`;
  }

  /**
   * Records the batch's levels and moves every claimed task on, in one statement: levels already
   * recorded (task, level, cycle) are skipped by the unique key, so only new rows return; each
   * task gets the level reached and when to look next. The rows travel as JSON parameters
   * (Prisma's createManyAndReturn spent more CPU on a thousand rows than PostgreSQL spends
   * storing them, and every extra round trip waits on a busy server).
   */
  recordLevels(tx: SqlTx, rows: NewEscalation[], advances: TaskAdvance[]): Promise<{ id: string; taskId: string; level: number }[]> {
    const levels = JSON.stringify(
      rows.map((r) => ({
        id: r.id,
        task_id: r.taskId,
        unit_id: r.unitId,
        level: r.level,
        cycle: r.cycle,
        due_at: r.dueAt.toISOString(),
        recipients: r.recipients,
        overdue_workdays: r.overdueWorkdays,
      })),
    );
    const moves = JSON.stringify(advances.map((u) => ({ id: u.id, level: u.level, next: u.next?.toISOString() ?? null })));
    return tx.$queryRaw<{ id: string; taskId: string; level: number }[]>`
      WITH advanced AS (
        UPDATE task t SET escalation_level = GREATEST(t.escalation_level, v.level), next_escalation_at = v.next
          FROM jsonb_to_recordset(${moves}::jsonb) AS v(id uuid, level int, next timestamptz)
         WHERE t.id = v.id
        RETURNING t.id
      )
      INSERT INTO escalation (id, task_id, unit_id, level, cycle, due_at, recipients, overdue_workdays)
      SELECT id, task_id, unit_id, level, cycle, due_at, recipients, overdue_workdays
        FROM jsonb_to_recordset(${levels}::jsonb)
          AS r(id uuid, task_id uuid, unit_id uuid, level int, cycle int, due_at timestamptz, recipients jsonb, overdue_workdays int)
      ON CONFLICT (task_id, level, cycle) DO NOTHING
      RETURNING id::text AS id, task_id::text AS "taskId", level`;
  }

  policies(orgIds: string[]) {
    return this.prisma.escalationPolicy.findMany({ where: { orgId: { in: orgIds } } });
  }

  list(filter: { unitIds: string[] | null; level?: number; acknowledged?: boolean; from?: Date; to?: Date }, page: number, pageSize: number) {
    const where: Prisma.EscalationWhereInput = {
      ...(filter.unitIds ? { task: { unitId: { in: filter.unitIds } } } : {}),
      ...(filter.level !== undefined ? { level: filter.level } : {}),
      ...(filter.acknowledged === undefined ? {} : { acknowledgedAt: filter.acknowledged ? { not: null } : null }),
      ...(filter.from || filter.to ? { createdAt: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lt: filter.to } : {}) } } : {}),
    };
    return Promise.all([
      this.prisma.escalation.findMany({
        where,
        orderBy: [{ createdAt: 'desc' }, { level: 'desc' }],
        skip: (page - 1) * pageSize,
        take: pageSize,
        include: { task: { select: { id: true, title: true, unitId: true, postId: true, status: true, dueDate: true, assigneePersonId: true } } },
      }),
      this.prisma.escalation.count({ where }),
    ]);
  }

  find(id: string) {
    return this.prisma.escalation.findUnique({ where: { id }, include: { task: { select: { id: true, unitId: true, postId: true } } } });
  }

  /** Acknowledges once: a second acknowledgement changes nothing. */
  async acknowledge(tx: Tx, id: string, personId: string, at: Date): Promise<boolean> {
    const { count } = await tx.escalation.updateMany({ where: { id, acknowledgedAt: null }, data: { acknowledgedAt: at, acknowledgedBy: personId } });
    return count === 1;
  }

  /**
   * Held until the transaction ends: one urge of a task at a time, so the once-an-hour check reads
   * every urge committed before it (a key of its own, not the history stream's lock, whose order
   * against the seal-cut lock is the history repository's business).
   */
  async lockUrges(tx: SqlTx, taskId: string): Promise<void> {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`urge:${taskId}`}, 0))`;
  }

  /** When the task was last urged by hand (from its history), for the per-task rate limit. */
  async lastUrgeAt(tx: SqlTx, taskId: string): Promise<Date | null> {
    const [last] = await tx.$queryRaw<{ at: Date }[]>`
      SELECT at FROM history_event WHERE stream = ${`task:${taskId}`} AND type = 'task.urged' ORDER BY seq DESC LIMIT 1`;
    return last?.at ?? null;
  }

  /** Open tasks of the given units (or all) due by a date, with what the forecast needs. */
  openDueBy(unitIds: string[] | null, dueBy: Date) {
    return this.prisma.task.findMany({
      where: {
        status: { notIn: ['DONE', 'CANCELLED'] },
        dueDate: { lte: dueBy },
        ...(unitIds ? { unitId: { in: unitIds } } : {}),
      },
      select: {
        id: true,
        title: true,
        unitId: true,
        postId: true,
        workItemId: true,
        assigneePersonId: true,
        dueDate: true,
        escalationLevel: true,
        escalationCycle: true,
      },
      orderBy: { dueAt: 'asc' },
      take: 5000,
    });
  }

  orgOfUnits(unitIds: string[]) {
    return this.prisma.unit.findMany({ where: { id: { in: unitIds } }, select: { id: true, orgId: true, org: { select: { deadlineCutoff: true } } } });
  }
}
