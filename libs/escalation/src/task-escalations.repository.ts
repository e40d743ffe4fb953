import { Injectable } from '@nestjs/common';
import { PrismaService } from '#libs/core';

/** Reads of one task's escalation record: its levels and the outbox rows that carried them. */
@Injectable()
export class TaskEscalationsRepository {
  constructor(private readonly prisma: PrismaService) {}

  levelsOf(taskId: string) {
    return this.prisma.escalation.findMany({ where: { taskId }, orderBy: [{ cycle: 'asc' }, { level: 'asc' }] });
  }

  /** Outbox rows written for the task's escalations (manual 催办 rows carry no escalation). */
  deliveriesOf(taskId: string) {
    return this.prisma.outbox.findMany({
      where: { taskId, escalationId: { not: null } },
      orderBy: [{ createdAt: 'asc' }, { channel: 'asc' }],
      select: {
        id: true,
        channel: true,
        recipientPersonId: true,
        escalationId: true,
        status: true,
        availableAt: true,
        attempts: true,
        lastError: true,
        sentAt: true,
      },
    });
  }

  personNames(ids: string[]): Promise<{ id: string; name: string }[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.prisma.person.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  }
}
