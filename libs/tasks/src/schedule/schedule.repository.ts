import { Injectable } from '@nestjs/common';
import type { PostKind, Prisma } from '@prisma/client';
import type { LocalDate } from '#libs/calendar';
import { PrismaService, type SqlTx, type Tx } from '#libs/core';

const withContext = {
  workItem: {
    select: {
      id: true,
      title: true,
      postId: true,
      retiredAt: true,
      responsibilities: { where: { retiredAt: null }, orderBy: { seq: 'asc' }, select: { type: true, label: true, text: true } },
      post: {
        select: {
          id: true,
          kind: true,
          unitId: true,
          reportsToId: true,
          retiredAt: true,
          unit: { select: { orgId: true, org: { select: { deadlineCutoff: true } } } },
        },
      },
    },
  },
} as const;

export type ScheduleWithContext = Prisma.ScheduleGetPayload<{ include: typeof withContext }>;

/** What every task of one schedule shares (the schedule's post, assignee and contents). */
export interface GeneratedTaskTemplate {
  scheduleId: string;
  unitId: string;
  postId: string;
  assigneePersonId: string | null;
  actingForPersonId: string | null;
  workItemId: string;
  title: string;
  reviewSteps: PostKind[];
  deadlineRule: unknown;
  checklist: { text: string; done: boolean }[];
  requiredEvidence: string[];
}

/** One occurrence of a schedule to issue as a task (dates are local dates). */
export interface GeneratedOccurrence {
  scheduleId: string;
  occurrenceDate: LocalDate;
  assignedOn: LocalDate;
  issuedAt: Date;
  lateIssued: boolean;
  dueDate: LocalDate;
  dueAt: Date;
  deadlineProvisional: boolean;
  deadlineExplanation: string;
  nextEscalationAt: Date | null;
}

@Injectable()
export class ScheduleRepository {
  constructor(private readonly prisma: PrismaService) {}

  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    return this.prisma.$transaction((tx) => fn(tx), { timeout: 120_000 });
  }

  /**
   * Generation batches: raw statements carrying thousands of rows, so they bypass Prisma's query
   * compiler (see DirectSql), whose per-byte parameter cost exceeded PostgreSQL's own work.
   */
  generationTransaction<T>(fn: (tx: SqlTx) => Promise<T>): Promise<T> {
    return this.prisma.directTransaction(fn);
  }

  findWorkItemContext(workItemId: string) {
    return this.prisma.workItem.findUnique({ where: { id: workItemId }, select: withContext.workItem.select });
  }

  listForWorkItem(workItemId: string) {
    return this.prisma.schedule.findMany({ where: { workItemId }, orderBy: { createdAt: 'asc' } });
  }

  find(id: string) {
    return this.prisma.schedule.findUnique({ where: { id }, include: withContext });
  }

  create(data: Prisma.ScheduleUncheckedCreateInput) {
    return this.prisma.schedule.create({ data });
  }

  update(id: string, data: Prisma.ScheduleUncheckedUpdateInput) {
    return this.prisma.schedule.update({ where: { id }, data });
  }

  /**
   * Locks the schedule row for a deletion decision. Generation's task inserts take a key-share lock
   * on it (foreign key), so a task being generated right now is either counted or waits.
   */
  async lockForRemoval(tx: Tx, id: string): Promise<boolean> {
    const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM schedule WHERE id = ${id}::uuid FOR UPDATE`;
    return rows.length === 1;
  }

  tasksGenerated(tx: Tx, id: string): Promise<number> {
    return tx.task.count({ where: { scheduleId: id } });
  }

  async end(tx: Tx, id: string): Promise<void> {
    await tx.schedule.update({ where: { id }, data: { active: false } });
  }

  async removeUnused(tx: Tx, id: string): Promise<void> {
    await tx.schedule.delete({ where: { id } });
  }

  /** A page of active schedules of live work items and posts, in id order (generation resumes by id). */
  activeBatch(afterId: string | null, limit: number): Promise<ScheduleWithContext[]> {
    return this.prisma.schedule.findMany({
      where: {
        active: true,
        ...(afterId ? { id: { gt: afterId } } : {}),
        workItem: { retiredAt: null, post: { retiredAt: null } },
      },
      orderBy: { id: 'asc' },
      take: limit,
      include: withContext,
    });
  }

  /**
   * Inserts one task per occurrence; an occurrence that already has its task is skipped by the
   * unique key, so only new rows come back. One statement whatever the batch size: what the tasks
   * of a schedule share travels once per schedule, the occurrences as parallel arrays (Prisma's
   * createManyAndReturn, and its cost per parameter character, made the rows' transport the
   * bottleneck rather than PostgreSQL).
   */
  async insertTasks(
    tx: SqlTx,
    templates: GeneratedTaskTemplate[],
    occurrences: GeneratedOccurrence[],
  ): Promise<{ id: string; scheduleId: string; occurrenceDate: LocalDate }[]> {
    if (occurrences.length === 0) return [];
    const shared = JSON.stringify(
      templates.map((t) => ({
        schedule_id: t.scheduleId,
        unit_id: t.unitId,
        post_id: t.postId,
        assignee_person_id: t.assigneePersonId,
        acting_for_person_id: t.actingForPersonId,
        work_item_id: t.workItemId,
        title: t.title,
        review_steps: t.reviewSteps,
        deadline_rule: t.deadlineRule,
        checklist: t.checklist,
        required_evidence: t.requiredEvidence,
      })),
    );
    const o = occurrences;
    return tx.$queryRaw<{ id: string; scheduleId: string; occurrenceDate: LocalDate }[]>`
      INSERT INTO task (kind, unit_id, post_id, assignee_person_id, acting_for_person_id, work_item_id, schedule_id,
                        occurrence_date, title, review_steps, assigned_on, issued_at, late_issued, deadline_rule, due_date,
                        due_at, deadline_provisional, deadline_explanation, checklist, required_evidence, next_escalation_at)
      SELECT 'RECURRING', s.unit_id, s.post_id, s.assignee_person_id, s.acting_for_person_id, s.work_item_id, s.schedule_id,
             v.occurrence_date, s.title, s.review_steps, v.assigned_on, v.issued_at, v.late_issued, s.deadline_rule, v.due_date,
             v.due_at, v.deadline_provisional, v.deadline_explanation, s.checklist, s.required_evidence, v.next_escalation_at
        FROM unnest(${o.map((x) => x.scheduleId)}::uuid[], ${o.map((x) => x.occurrenceDate)}::date[],
                    ${o.map((x) => x.assignedOn)}::date[], ${o.map((x) => x.issuedAt)}::timestamptz[],
                    ${o.map((x) => x.lateIssued)}::boolean[], ${o.map((x) => x.dueDate)}::date[],
                    ${o.map((x) => x.dueAt)}::timestamptz[], ${o.map((x) => x.deadlineProvisional)}::boolean[],
                    ${o.map((x) => x.deadlineExplanation)}::text[], ${o.map((x) => x.nextEscalationAt)}::timestamptz[])
          AS v(schedule_id, occurrence_date, assigned_on, issued_at, late_issued, due_date, due_at, deadline_provisional,
               deadline_explanation, next_escalation_at)
        JOIN jsonb_to_recordset(${shared}::jsonb) AS s(schedule_id uuid, unit_id uuid, post_id uuid, assignee_person_id uuid,
             acting_for_person_id uuid, work_item_id uuid, title text, review_steps post_kind[], deadline_rule jsonb,
             checklist jsonb, required_evidence text[]) ON s.schedule_id = v.schedule_id
      ON CONFLICT DO NOTHING
      RETURNING id::text AS id, schedule_id::text AS "scheduleId", occurrence_date::text AS "occurrenceDate"`;
  }

  /** Moves resume points forward only (a slower concurrent run never moves one back), in one statement. */
  async advance(tx: SqlTx, through: { id: string; through: LocalDate }[]): Promise<void> {
    if (through.length === 0) return;
    await tx.$executeRaw`
      UPDATE schedule s SET generated_through = v.through, updated_at = now()
        FROM unnest(${through.map((t) => t.id)}::uuid[], ${through.map((t) => t.through)}::date[]) AS v(id, through)
       WHERE s.id = v.id AND (s.generated_through IS NULL OR s.generated_through < v.through)`;
  }
}
