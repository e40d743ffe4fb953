import { Injectable } from '@nestjs/common';
import { PrismaService, type Tx } from '#libs/core';

@Injectable()
export class ExtensionRepository {
  constructor(private readonly prisma: PrismaService) {}

  create(tx: Tx, data: { taskId: string; requestedBy: string; reason: string; newDueDate: Date }) {
    return tx.extensionRequest.create({ data, select: { id: true } });
  }

  /** The request with its organisation's deadline cut-off (to place the new deadline). */
  async find(id: string) {
    const row = await this.prisma.extensionRequest.findUnique({ where: { id } });
    if (!row) return null;
    const task = await this.prisma.task.findUniqueOrThrow({ where: { id: row.taskId }, select: { unitId: true } });
    const unit = await this.prisma.unit.findUniqueOrThrow({ where: { id: task.unitId }, select: { org: { select: { deadlineCutoff: true } } } });
    return { ...row, orgCutoff: unit.org.deadlineCutoff };
  }

  /** Decides only a pending request: a second decision (or a race) changes nothing and answers false. */
  async decide(tx: Tx, id: string, approve: boolean, decidedBy: string, note: string | null, at: Date): Promise<boolean> {
    const { count } = await tx.extensionRequest.updateMany({
      where: { id, status: 'PENDING' },
      data: { status: approve ? 'APPROVED' : 'REJECTED', decidedBy, decidedAt: at, decisionNote: note },
    });
    return count === 1;
  }
}
