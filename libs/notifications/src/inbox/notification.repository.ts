import { Injectable } from '@nestjs/common';
import { PrismaService } from '#libs/core';

export interface NotificationView {
  id: string;
  taskId: string | null;
  escalationId: string | null;
  level: number | null;
  title: string;
  body: string;
  readAt: Date | null;
  createdAt: Date;
}

const VIEW = { id: true, taskId: true, escalationId: true, level: true, title: true, body: true, readAt: true, createdAt: true } as const;

/** The only code touching the notification table (in-app inbox); every query is scoped to its owner. */
@Injectable()
export class NotificationRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Unread first, then newest; ties broken by id so pages never overlap. */
  async pageOf(personId: string, offset: number, limit: number): Promise<NotificationView[]> {
    const rows = await this.prisma.$queryRaw<
      { id: string; task_id: string | null; escalation_id: string | null; level: number | null; title: string; body: string; read_at: Date | null; created_at: Date }[]
    >`
      SELECT id::text AS id, task_id::text AS task_id, escalation_id::text AS escalation_id, level, title, body, read_at, created_at
        FROM notification
       WHERE person_id = ${personId}::uuid
       ORDER BY (read_at IS NULL) DESC, created_at DESC, id DESC
       OFFSET ${offset} LIMIT ${limit}`;
    return rows.map((r) => ({
      id: r.id,
      taskId: r.task_id,
      escalationId: r.escalation_id,
      level: r.level,
      title: r.title,
      body: r.body,
      readAt: r.read_at,
      createdAt: r.created_at,
    }));
  }

  async countsOf(personId: string): Promise<{ total: number; unread: number }> {
    const [total, unread] = await Promise.all([
      this.prisma.notification.count({ where: { personId } }),
      this.prisma.notification.count({ where: { personId, readAt: null } }),
    ]);
    return { total, unread };
  }

  /** Keeps the first read time when read again. Null when the id is not this person's. */
  async markRead(id: string, personId: string, at: Date): Promise<NotificationView | null> {
    await this.prisma.notification.updateMany({ where: { id, personId, readAt: null }, data: { readAt: at } });
    return this.prisma.notification.findFirst({ where: { id, personId }, select: VIEW });
  }

  async markAllRead(personId: string, at: Date): Promise<number> {
    const { count } = await this.prisma.notification.updateMany({ where: { personId, readAt: null }, data: { readAt: at } });
    return count;
  }
}
