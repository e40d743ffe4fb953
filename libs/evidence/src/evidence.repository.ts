import { Injectable } from '@nestjs/common';
import type { Evidence, Prisma, PostKind, TaskStatus } from '@prisma/client';
import { PrismaService, type Tx } from '#libs/core';
import type { SupersededItem } from './rules/evidence-author.rules.js';

/** The task state evidence rules depend on, read under a share lock. */
export interface LockedTaskState {
  status: TaskStatus;
  assigneePersonId: string | null;
  actingForPersonId: string | null;
  reviewSteps: PostKind[];
  reviewIndex: number;
}

@Injectable()
export class EvidenceRepository {
  constructor(private readonly prisma: PrismaService) {}

  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    return this.prisma.$transaction((tx) => fn(tx));
  }

  /**
   * The task's current state, share-locked until the transaction ends: a concurrent transition
   * (e.g. 报审) waits, so evidence is never added to a task that has just left the author's hands.
   */
  async lockTaskState(tx: Tx, taskId: string): Promise<LockedTaskState | null> {
    const [row] = await tx.$queryRaw<
      { status: TaskStatus; assignee_person_id: string | null; acting_for_person_id: string | null; review_steps: PostKind[]; review_index: number }[]
    >`SELECT status::text AS status, assignee_person_id::text, acting_for_person_id::text, review_steps::text[] AS review_steps, review_index
        FROM task WHERE id = ${taskId}::uuid FOR SHARE`;
    if (!row) return null;
    return {
      status: row.status,
      assigneePersonId: row.assignee_person_id,
      actingForPersonId: row.acting_for_person_id,
      reviewSteps: row.review_steps,
      reviewIndex: row.review_index,
    };
  }

  async findSuperseded(tx: Tx, id: string): Promise<SupersededItem | null> {
    const [item, successor] = await Promise.all([
      tx.evidence.findUnique({ where: { id }, select: { taskId: true, kind: true, createdBy: true } }),
      tx.evidence.findUnique({ where: { supersedesId: id }, select: { id: true } }),
    ]);
    return item && { ...item, supersededById: successor?.id ?? null };
  }

  create(tx: Tx, data: Prisma.EvidenceUncheckedCreateInput): Promise<Evidence> {
    return tx.evidence.create({ data });
  }

  /** Every item of the task, corrections included, oldest first. */
  listByTask(taskId: string): Promise<Evidence[]> {
    return this.prisma.evidence.findMany({ where: { taskId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
  }

  findById(id: string): Promise<Evidence | null> {
    return this.prisma.evidence.findUnique({ where: { id } });
  }
}
