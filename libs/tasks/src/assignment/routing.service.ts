import { Injectable } from '@nestjs/common';
import type { Actor } from '#libs/auth';
import { localDateOf, type LocalDate } from '#libs/calendar';
import { Clock, PrismaService, type SqlTx, type Tx } from '#libs/core';
import { HistoryService } from '#libs/history';
import { TaskRepository } from '../task/task.repository.js';
import { toDbDate } from '../task/dates.js';
import { AssignmentRepository } from './assignment.repository.js';
import { routeTask, type PostStaffing, type Routing } from './assignment.rules.js';

/**
 * Who works each post's tasks: the holder, or the AB backup's holder while the holder is away.
 * New tasks are routed when issued; open ones move when an absence starts or ends or the post
 * changes holder, each move recorded in the task's history with who and why.
 */
@Injectable()
export class RoutingService {
  constructor(
    private readonly assignments: AssignmentRepository,
    private readonly tasks: TaskRepository,
    private readonly history: HistoryService,
    private readonly prisma: PrismaService,
    private readonly clock: Clock,
  ) {}

  /** Holder and backup holder of each post on a day, and which of those people are away. */
  async staffing(postIds: string[], day: LocalDate, tx?: SqlTx): Promise<{ staffing: Map<string, PostStaffing>; absent: Set<string> }> {
    const date = toDbDate(day);
    const staffing = await this.assignments.staffingOn(postIds, date, tx);
    const people = [...staffing.values()].flatMap((s) => [s.holder, s.backupHolder]).filter((p): p is string => p !== null);
    return { staffing, absent: await this.assignments.absentOn(people, date, tx) };
  }

  async routesFor(postIds: string[], day: LocalDate, tx?: SqlTx): Promise<Map<string, Routing>> {
    const { staffing, absent } = await this.staffing(postIds, day, tx);
    const routes = new Map<string, Routing>();
    for (const postId of postIds) {
      routes.set(postId, routeTask(staffing.get(postId) ?? { holder: null, backupHolder: null }, absent));
    }
    return routes;
  }

  /** Moves open tasks of these posts to whoever should work them today; returns how many moved. */
  async reroute(postIds: string[], reason: string, actor: Actor | null): Promise<number> {
    if (postIds.length === 0) return 0;
    const today = localDateOf(this.clock.now());
    return this.prisma.$transaction(async (tx) => {
      const routes = await this.routesFor(postIds, today, tx);
      let moved = 0;
      for (const task of await this.tasks.openTasksOfPosts(postIds, tx)) {
        const route = routes.get(task.postId)!;
        if (route.assigneePersonId === task.assigneePersonId && route.actingForPersonId === task.actingForPersonId) continue;
        await this.tasks.reassign(tx, task.id, route);
        await this.history.record(
          {
            stream: `task:${task.id}`,
            type: 'task.reassigned',
            subjectId: task.id,
            actorUserId: actor?.userId ?? null,
            actorPersonId: actor?.personId ?? null,
            data: {
              reason,
              from: { assigneePersonId: task.assigneePersonId, actingForPersonId: task.actingForPersonId },
              to: route,
            },
          },
          tx,
        );
        moved++;
      }
      return moved;
    });
  }

  /** Daily: absences that start today or ended yesterday change who works those posts. */
  async rerouteAbsenceBoundaries(): Promise<number> {
    const today = localDateOf(this.clock.now());
    const yesterday = toDbDate(today);
    yesterday.setUTCDate(yesterday.getUTCDate() - 1);
    const posts = await this.assignments.postsWithAbsenceBoundary(toDbDate(today), yesterday);
    return this.reroute(posts, '请假起止日自动调整', null);
  }
}
