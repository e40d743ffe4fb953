import { Injectable } from '@nestjs/common';
import { Prisma } from '@prisma/client';
import { PrismaService, type Tx } from '#libs/core';

export interface DueTask {
  id: string;
  unitId: string;
  postId: string;
  workItemId: string | null;
  assigneePersonId: string | null;
  title: string;
  dueDate: Date;
  escalationLevel: number;
  escalationCycle: number;
  orgId: string;
  cutoff: string;
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
   * Claims open tasks whose next escalation time has come. SKIP LOCKED lets several sweepers
   * share the work without waiting on each other; the rows stay locked until the transaction ends.
   */
  claimDue(tx: Tx, now: Date, limit: number): Promise<DueTask[]> {
    return tx.$queryRaw<DueTask[]>`
      SELECT t.id, t.unit_id AS "unitId", t.post_id AS "postId", t.work_item_id AS "workItemId",
             t.assignee_person_id AS "assigneePersonId", t.title, t.due_date AS "dueDate",
             t.escalation_level AS "escalationLevel", t.escalation_cycle AS "escalationCycle",
             u.org_id AS "orgId", o.deadline_cutoff AS cutoff
        FROM task t
        JOIN unit u ON u.id = t.unit_id
        JOIN organisation o ON o.id = u.org_id
       WHERE t.next_escalation_at IS NOT NULL AND t.next_escalation_at <= ${now}
         AND t.status NOT IN ('DONE', 'CANCELLED')
       ORDER BY t.next_escalation_at
       LIMIT ${limit}
         FOR UPDATE OF t SKIP LOCKED`;
  }

  /** Every post of the given units (chains are walked in memory: units have a handful of posts). */
  postsOfUnits(tx: Tx, unitIds: string[]): Promise<ChainRow[]> {
    return tx.$queryRaw<ChainRow[]>`
      SELECT p.id, p.kind::text AS kind, p.reports_to_id AS "reportsToId", p.name, u.name AS "unitName"
        FROM post p JOIN unit u ON u.id = p.unit_id
       WHERE p.unit_id = ANY(${unitIds}::uuid[])`;
  }

  postsOfUnitsById(ids: string[]): Promise<ChainRow[]> {
    return this.prisma.$queryRaw<ChainRow[]>`
      SELECT p.id, p.kind::text AS kind, p.reports_to_id AS "reportsToId", p.name, u.name AS "unitName"
        FROM post p JOIN unit u ON u.id = p.unit_id
       WHERE p.id = ANY(${ids}::uuid[])`;
  }

  personNames(tx: Tx, ids: string[]): Promise<{ id: string; name: string }[]> {
    return tx.person.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  }

  /** Records levels; one already recorded (task, level, cycle) is skipped, so only new rows return. */
  insertEscalations(tx: Tx, rows: Prisma.EscalationCreateManyInput[]) {
    if (rows.length === 0) return Promise.resolve([] as { id: string; taskId: string; level: number }[]);
    return tx.escalation.createManyAndReturn({ data: rows, skipDuplicates: true, select: { id: true, taskId: true, level: true } });
  }

  /** One statement for the whole batch: level reached and when to look next. */
  async advanceTasks(tx: Tx, updates: { id: string; level: number; next: Date | null }[]): Promise<void> {
    if (updates.length === 0) return;
    await tx.$executeRaw`
      UPDATE task t SET escalation_level = GREATEST(t.escalation_level, v.level), next_escalation_at = v.next
        FROM unnest(${updates.map((u) => u.id)}::uuid[], ${updates.map((u) => u.level)}::int[], ${updates.map((u) => u.next)}::timestamptz[])
             AS v(id, level, next)
       WHERE t.id = v.id`;
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

  /** When the task was last urged by hand (from its history), for the per-task rate limit. */
  async lastUrgeAt(taskId: string): Promise<Date | null> {
    const last = await this.prisma.historyEvent.findFirst({
      where: { stream: `task:${taskId}`, type: 'task.urged' },
      orderBy: { seq: 'desc' },
      select: { at: true },
    });
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
