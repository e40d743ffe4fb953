import { Injectable } from '@nestjs/common';
import { Prisma, type TaskStatus } from '@prisma/client';
import { PrismaService, type Tx } from '#libs/core';
import type { ChainPost, Page, TaskFilter, TaskRecord, TaskSummary, TaskVisibility } from './task.types.js';

const OPEN: TaskStatus[] = ['ISSUED', 'ACCEPTED', 'IN_PROGRESS', 'SUBMITTED', 'REVIEWED'];
const chainSelect = { id: true, unitId: true, kind: true, reportsToId: true } as const;
const iso = (d: Date) => d.toISOString().slice(0, 10);

@Injectable()
export class TaskRepository {
  constructor(private readonly prisma: PrismaService) {}

  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    return this.prisma.$transaction((tx) => fn(tx));
  }

  /** The task with its post chain (own post → deputy → chief), for access and review decisions. */
  async findRecord(id: string, tx: Tx = this.prisma): Promise<TaskRecord | null> {
    const task = await tx.task.findUnique({ where: { id } });
    if (!task) return null;
    const orgOf = () => tx.unit.findUniqueOrThrow({ where: { id: task.unitId }, select: { orgId: true } });
    // Both depend only on the task: on the pool they go out together; a transaction keeps its order.
    const [chain, unit] =
      tx === this.prisma ? await Promise.all([this.chainOf(task.postId, tx), orgOf()]) : [await this.chainOf(task.postId, tx), await orgOf()];
    return {
      id: task.id,
      kind: task.kind,
      unitId: task.unitId,
      orgId: unit.orgId,
      status: task.status,
      reviewSteps: task.reviewSteps,
      reviewIndex: task.reviewIndex,
      version: task.version,
      assigneePersonId: task.assigneePersonId,
      actingForPersonId: task.actingForPersonId,
      assignedById: task.assignedById,
      dueDate: task.dueDate,
      dueAt: task.dueAt,
      requiredEvidence: task.requiredEvidence,
      escalationCycle: task.escalationCycle,
      chain,
    };
  }

  /**
   * The post and those it reports to, nearest first, in one query (every task read and transition
   * needs it). Chains are three deep (officer → deputy → chief); the bound guards against a cycle in bad data.
   */
  chainOf(postId: string, tx: Tx = this.prisma): Promise<ChainPost[]> {
    return tx.$queryRaw<ChainPost[]>`
      WITH RECURSIVE chain AS (
        SELECT p.id, p.unit_id, p.kind, p.reports_to_id, 1 AS depth FROM post p WHERE p.id = ${postId}::uuid
        UNION ALL
        SELECT p.id, p.unit_id, p.kind, p.reports_to_id, c.depth + 1
          FROM chain c JOIN post p ON p.id = c.reports_to_id
         WHERE c.depth < 5
      )
      SELECT id::text AS id, unit_id::text AS "unitId", kind::text AS kind, reports_to_id::text AS "reportsToId"
        FROM chain ORDER BY depth`;
  }

  findPostWithOrg(postId: string) {
    return this.prisma.post.findUnique({
      where: { id: postId },
      select: { ...chainSelect, retiredAt: true, unit: { select: { orgId: true, org: { select: { deadlineCutoff: true } } } } },
    });
  }

  findWorkItem(id: string) {
    return this.prisma.workItem.findUnique({
      where: { id },
      select: { id: true, postId: true, retiredAt: true, requiredEvidence: true, responsibilities: { where: { retiredAt: null }, select: { type: true } } },
    });
  }

  async create(tx: Tx, data: Prisma.TaskUncheckedCreateInput): Promise<{ id: string }> {
    return tx.task.create({ data, select: { id: true } });
  }

  /** Applies a transition only if nobody changed the task since it was read; false when someone did. */
  async updateIfVersion(tx: Tx, id: string, version: number, data: Prisma.TaskUncheckedUpdateManyInput): Promise<boolean> {
    const { count } = await tx.task.updateMany({ where: { id, version }, data: { ...data, version: { increment: 1 } } });
    return count === 1;
  }

  /** Evidence kinds present on the task (corrections count once: superseded items are replaced, not removed). */
  async evidenceKinds(tx: Tx, taskId: string): Promise<Set<string>> {
    const rows = await tx.evidence.findMany({ where: { taskId }, select: { kind: true }, distinct: ['kind'] });
    return new Set(rows.map((r) => r.kind));
  }

  async list(
    visibility: TaskVisibility,
    filter: TaskFilter,
    page: Page,
    now: Date,
    personId: string | null,
  ): Promise<{ items: TaskSummary[]; total: number }> {
    const where: Prisma.TaskWhereInput = { AND: [this.visible(visibility), this.filtered(filter, personId, now)] };
    const [rows, total] = await Promise.all([
      this.prisma.task.findMany({
        where,
        orderBy: [{ [page.sort]: page.order }, { id: 'asc' }],
        skip: (page.page - 1) * page.pageSize,
        take: page.pageSize,
      }),
      this.prisma.task.count({ where }),
    ]);
    return { items: rows.map(toSummary), total };
  }

  /**
   * The task with its extension requests and escalations. Three queries sent together rather than
   * an include, which Prisma runs one after the other (what `include` would return, in one round trip).
   */
  async findDetail(id: string): Promise<Prisma.TaskGetPayload<{ include: { extensionRequests: true; escalations: true } }> | null> {
    const [task, extensionRequests, escalations] = await Promise.all([
      this.prisma.task.findUnique({ where: { id } }),
      this.prisma.extensionRequest.findMany({ where: { taskId: id }, orderBy: { createdAt: 'asc' } }),
      this.prisma.escalation.findMany({ where: { taskId: id }, orderBy: [{ cycle: 'asc' }, { level: 'asc' }] }),
    ]);
    return task ? { ...task, extensionRequests, escalations } : null;
  }

  /** 交办附件 of the task, oldest first. */
  attachmentsOf(taskId: string) {
    return this.prisma.taskAttachment.findMany({ where: { taskId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
  }

  /** Open tasks of the posts with their current routing (to re-route on absence or holder change). */
  openTasksOfPosts(postIds: string[], tx: Tx = this.prisma) {
    return tx.task.findMany({
      where: { postId: { in: postIds }, status: { in: OPEN } },
      select: { id: true, postId: true, assigneePersonId: true, actingForPersonId: true, version: true },
    });
  }

  /**
   * Open tasks a calendar change may affect: rule-based deadlines over the changed dates (not those
   * set by an approved extension, cycle > 0), and every provisional deadline.
   */
  async openRuleDeadlines(orgId: string, from: Date, to: Date) {
    const spans = { dueDate: { gte: from } };
    return this.prisma.task.findMany({
      where: {
        status: { in: OPEN },
        unitId: { in: await this.unitIdsOfOrg(orgId) },
        OR: [
          { deadlineProvisional: true },
          {
            deadlineRule: { not: Prisma.AnyNull },
            escalationCycle: 0,
            OR: [{ assignedOn: { lte: to }, ...spans }, { occurrenceDate: { lte: to }, ...spans }],
          },
        ],
      },
      select: { id: true, deadlineRule: true, escalationCycle: true, assignedOn: true, occurrenceDate: true, dueDate: true, dueAt: true, deadlineProvisional: true, deadlineExplanation: true },
    });
  }

  async cutoffOfOrg(orgId: string): Promise<string> {
    return (await this.prisma.organisation.findUniqueOrThrow({ where: { id: orgId }, select: { deadlineCutoff: true } })).deadlineCutoff;
  }

  unitIdsOfOrg(orgId: string) {
    return this.prisma.unit.findMany({ where: { orgId }, select: { id: true } }).then((u) => u.map((x) => x.id));
  }

  async moveDeadline(tx: Tx, id: string, data: { dueDate: Date; dueAt: Date; provisional: boolean; explanation: string; now: Date }): Promise<void> {
    await tx.task.update({
      where: { id },
      data: {
        dueDate: data.dueDate,
        dueAt: data.dueAt,
        deadlineProvisional: data.provisional,
        deadlineExplanation: data.explanation,
        // Let the sweep re-evaluate the ladder against the new deadline at once.
        nextEscalationAt: data.now,
        version: { increment: 1 },
      },
    });
  }

  /** Open tasks whose deadline is only provisional (a year without a loaded schedule), for /health. */
  openProvisional(limit: number) {
    return Promise.all([
      this.prisma.task.count({ where: { status: { in: OPEN }, deadlineProvisional: true } }),
      this.prisma.task.findMany({ where: { status: { in: OPEN }, deadlineProvisional: true }, select: { id: true }, take: limit, orderBy: { dueAt: 'asc' } }),
    ]);
  }

  async reassign(tx: Tx, id: string, route: { assigneePersonId: string | null; actingForPersonId: string | null }): Promise<void> {
    await tx.task.update({ where: { id }, data: { ...route, version: { increment: 1 } } });
  }

  private visible(v: TaskVisibility): Prisma.TaskWhereInput {
    if (v.all) return {};
    const or: Prisma.TaskWhereInput[] = [{ unitId: { in: v.unitIds } }, { postId: { in: v.postIds } }];
    if (v.personId) or.push({ assigneePersonId: v.personId });
    return { OR: or };
  }

  private filtered(f: TaskFilter, personId: string | null, now: Date): Prisma.TaskWhereInput {
    const and: Prisma.TaskWhereInput[] = [];
    // "Mine" for someone who is no person (a pure admin account) is nothing.
    if (f.mine) and.push(personId ? { assigneePersonId: personId } : { id: { in: [] } });
    if (f.postId) and.push({ postId: f.postId });
    if (f.unitId) and.push({ unitId: f.unitId });
    if (f.status?.length) and.push({ status: { in: f.status } });
    if (f.dueFrom) and.push({ dueDate: { gte: f.dueFrom } });
    if (f.dueTo) and.push({ dueDate: { lte: f.dueTo } });
    if (f.overdue) and.push({ status: { in: OPEN }, dueAt: { lte: now } });
    if (f.workItemId) and.push({ workItemId: f.workItemId });
    if (f.scheduleId) and.push({ scheduleId: f.scheduleId });
    return { AND: and };
  }
}

function toSummary(t: Prisma.TaskGetPayload<object>): TaskSummary {
  return {
    id: t.id,
    kind: t.kind,
    title: t.title,
    status: t.status,
    unitId: t.unitId,
    postId: t.postId,
    assigneePersonId: t.assigneePersonId,
    actingForPersonId: t.actingForPersonId,
    workItemId: t.workItemId,
    scheduleId: t.scheduleId,
    dueDate: iso(t.dueDate),
    dueAt: t.dueAt.toISOString(),
    deadlineProvisional: t.deadlineProvisional,
    lateIssued: t.lateIssued,
    escalationLevel: t.escalationLevel,
    reviewSteps: t.reviewSteps,
    reviewIndex: t.reviewIndex,
    returnReason: t.returnReason,
  };
}

export { OPEN as OPEN_STATUSES };
