import { Injectable } from '@nestjs/common';
import type { Prisma } from '@prisma/client';
import { PrismaService, type Tx } from '#libs/core';

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

@Injectable()
export class ScheduleRepository {
  constructor(private readonly prisma: PrismaService) {}

  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    return this.prisma.$transaction((tx) => fn(tx), { timeout: 120_000 });
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

  /** Inserts tasks; an occurrence that already has its task is skipped by the unique key. */
  insertTasks(tx: Tx, rows: Prisma.TaskCreateManyInput[]) {
    if (rows.length === 0) return Promise.resolve([] as { id: string; scheduleId: string | null; occurrenceDate: Date | null }[]);
    return tx.task.createManyAndReturn({
      data: rows,
      skipDuplicates: true,
      select: { id: true, scheduleId: true, occurrenceDate: true },
    });
  }

  /** Moves the resume point forward only (a slower concurrent run never moves it back). */
  async advance(tx: Tx, id: string, through: Date): Promise<void> {
    await tx.schedule.updateMany({
      where: { id, OR: [{ generatedThrough: null }, { generatedThrough: { lt: through } }] },
      data: { generatedThrough: through },
    });
  }
}
