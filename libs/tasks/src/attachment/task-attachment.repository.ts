import { Injectable } from '@nestjs/common';
import type { TaskAttachment } from '@prisma/client';
import { PrismaService, type Tx } from '#libs/core';

@Injectable()
export class TaskAttachmentRepository {
  constructor(private readonly prisma: PrismaService) {}

  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    return this.prisma.$transaction((tx) => fn(tx));
  }

  /** The task's state, locked: an attachment is added only while the task is still open. */
  async lockTask(tx: Tx, taskId: string): Promise<{ status: string; kind: string; assignedById: string | null } | null> {
    const rows = await tx.$queryRaw<{ status: string; kind: string; assignedById: string | null }[]>`
      SELECT status::text AS status, kind::text AS kind, assigned_by_id AS "assignedById" FROM task WHERE id = ${taskId}::uuid FOR UPDATE`;
    return rows[0] ?? null;
  }

  create(tx: Tx, data: { taskId: string; fileName: string; storageKey: string; mimeType: string; size: number; sha256: string; createdBy: string; createdAt: Date }) {
    return tx.taskAttachment.create({ data: { ...data, size: BigInt(data.size) } });
  }

  find(taskId: string, id: string): Promise<TaskAttachment | null> {
    return this.prisma.taskAttachment.findFirst({ where: { id, taskId } });
  }
}
