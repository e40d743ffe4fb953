import { Injectable } from '@nestjs/common';
import type { Actor } from '#libs/auth';
import { Clock } from '#libs/core';
import { notificationNotFound } from '../notifications.errors.js';
import { NotificationRepository, type NotificationView } from './notification.repository.js';

export interface NotificationPage {
  items: NotificationView[];
  total: number;
  unread: number;
  page: number;
  pageSize: number;
}

/** The caller's in-app inbox. Notifications belong to a person; nobody else sees or marks them. */
@Injectable()
export class NotificationService {
  constructor(
    private readonly repository: NotificationRepository,
    private readonly clock: Clock,
  ) {}

  async list(actor: Actor, page: number, pageSize: number): Promise<NotificationPage> {
    // A login without a person (a pure administrator account) has no inbox.
    if (!actor.personId) return { items: [], total: 0, unread: 0, page, pageSize };
    const [items, counts] = await Promise.all([
      this.repository.pageOf(actor.personId, (page - 1) * pageSize, pageSize),
      this.repository.countsOf(actor.personId),
    ]);
    return { items, ...counts, page, pageSize };
  }

  async markRead(actor: Actor, id: string): Promise<NotificationView> {
    const read = actor.personId ? await this.repository.markRead(id, actor.personId, this.clock.now()) : null;
    if (!read) throw notificationNotFound(id);
    return read;
  }

  async markAllRead(actor: Actor): Promise<{ updated: number }> {
    if (!actor.personId) return { updated: 0 };
    return { updated: await this.repository.markAllRead(actor.personId, this.clock.now()) };
  }
}
