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
  /** The escalation this notice is about and whether it was acknowledged (by anyone; by me). */
  escalation: EscalationState | null;
}

export interface EscalationState {
  id: string;
  level: number;
  acknowledgedAt: Date | null;
  acknowledgedByMe: boolean;
}

type Row = {
  id: string;
  task_id: string | null;
  escalation_id: string | null;
  level: number | null;
  title: string;
  body: string;
  read_at: Date | null;
  created_at: Date;
  esc_level: number | null;
  acknowledged_at: Date | null;
  acknowledged_by: string | null;
};

const VIEW = { id: true, taskId: true, escalationId: true, level: true, title: true, body: true, readAt: true, createdAt: true } as const;

/** The only code touching the notification table (in-app inbox); every query is scoped to its owner. */
@Injectable()
export class NotificationRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Unread first, then newest; ties broken by id so pages never overlap. The escalation's
   * acknowledgement is read in the same query (a plain join: the inbox must not depend on the
   * escalation lib, which depends on this one).
   */
  async pageOf(personId: string, offset: number, limit: number): Promise<NotificationView[]> {
    const rows = await this.prisma.$queryRaw<Row[]>`
      SELECT n.id::text AS id, n.task_id::text AS task_id, n.escalation_id::text AS escalation_id, n.level, n.title, n.body,
             n.read_at, n.created_at, e.level AS esc_level, e.acknowledged_at, e.acknowledged_by::text AS acknowledged_by
        FROM notification n
        LEFT JOIN escalation e ON e.id = n.escalation_id
       WHERE n.person_id = ${personId}::uuid
       ORDER BY (n.read_at IS NULL) DESC, n.created_at DESC, n.id DESC
       OFFSET ${offset} LIMIT ${limit}`;
    return rows.map((r) => toView(r, personId));
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
    const row = await this.prisma.notification.findFirst({ where: { id, personId }, select: VIEW });
    if (!row) return null;
    const escalation = row.escalationId
      ? await this.prisma.escalation.findUnique({ where: { id: row.escalationId }, select: { level: true, acknowledgedAt: true, acknowledgedBy: true } })
      : null;
    return {
      ...row,
      escalation: escalation && row.escalationId ? escalationState(row.escalationId, escalation.level, escalation.acknowledgedAt, escalation.acknowledgedBy, personId) : null,
    };
  }

  async markAllRead(personId: string, at: Date): Promise<number> {
    const { count } = await this.prisma.notification.updateMany({ where: { personId, readAt: null }, data: { readAt: at } });
    return count;
  }
}

function toView(r: Row, personId: string): NotificationView {
  return {
    id: r.id,
    taskId: r.task_id,
    escalationId: r.escalation_id,
    level: r.level,
    title: r.title,
    body: r.body,
    readAt: r.read_at,
    createdAt: r.created_at,
    // The escalation row may be gone (task data purged) while the notice stays: then no state.
    escalation:
      r.escalation_id && r.esc_level !== null ? escalationState(r.escalation_id, r.esc_level, r.acknowledged_at, r.acknowledged_by, personId) : null,
  };
}

function escalationState(id: string, level: number, acknowledgedAt: Date | null, acknowledgedBy: string | null, personId: string): EscalationState {
  return { id, level, acknowledgedAt, acknowledgedByMe: acknowledgedAt !== null && acknowledgedBy === personId };
}
