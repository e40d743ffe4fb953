import { Injectable } from '@nestjs/common';
import { AccessPolicyService, type Actor } from '#libs/auth';
import { localDateOf, parseLocalDate, type LocalDate } from '#libs/calendar';
import { Clock, NotFoundError } from '#libs/core';
import { HistoryService } from '#libs/history';
import { TaskError, TaskErrorCode } from '../task.errors.js';
import { fromDbDate, toDbDate } from '../task/dates.js';
import { TaskRepository } from '../task/task.repository.js';
import { AssignmentRepository } from './assignment.repository.js';
import { RoutingService } from './routing.service.js';
import { DateWindowService } from '#libs/calendar';

export interface NewAbsence {
  personId: string;
  startDate: string;
  endDate: string;
  reason?: string;
}

const absenceNotFound = (id: string) => new NotFoundError('ABSENCE_NOT_FOUND', '请假记录不存在', { id });

/** Absences are recorded by the person, by whoever supervises one of their posts, or by admin. */
@Injectable()
export class AbsenceService {
  constructor(
    private readonly assignments: AssignmentRepository,
    private readonly tasks: TaskRepository,
    private readonly routing: RoutingService,
    private readonly access: AccessPolicyService,
    private readonly history: HistoryService,
    private readonly clock: Clock,
    private readonly dates: DateWindowService,
  ) {}

  async record(actor: Actor, input: NewAbsence): Promise<{ id: string; moved: number }> {
    await this.dates.assertAccepted({ startDate: input.startDate, endDate: input.endDate });
    const start = this.date(input.startDate, 'startDate');
    const end = this.date(input.endDate, 'endDate');
    if (end < start) throw new TaskError(TaskErrorCode.ABSENCE_INVALID, 'INVALID', '结束日期不能早于开始日期', { start, end });
    const today = localDateOf(this.clock.now());
    const posts = await this.assignments.postsHeldBy(input.personId, toDbDate(today));
    await this.assertMayManage(actor, input.personId, posts);
    const absence = await this.assignments.createAbsence({
      personId: input.personId,
      startDate: toDbDate(start),
      endDate: toDbDate(end),
      reason: input.reason ?? '',
      recordedBy: actor.personId,
    });
    await this.history.record({
      stream: `person:${input.personId}`,
      type: 'absence.recorded',
      subjectId: absence.id,
      actorUserId: actor.userId,
      actorPersonId: actor.personId,
      data: { start, end, reason: input.reason ?? '' },
    });
    const moved = start <= today && today <= end ? await this.routing.reroute(posts, `请假（${start}至${end}）`, actor) : 0;
    return { id: absence.id, moved };
  }

  /** Cancelling (e.g. back early) returns open tasks to the holder at once. */
  async cancel(actor: Actor, id: string): Promise<{ moved: number }> {
    const absence = await this.assignments.findAbsence(id);
    if (!absence || absence.cancelledAt) throw absenceNotFound(id);
    const today = localDateOf(this.clock.now());
    const posts = await this.assignments.postsHeldBy(absence.personId, toDbDate(today));
    await this.assertMayManage(actor, absence.personId, posts);
    await this.assignments.cancelAbsence(id, this.clock.now());
    await this.history.record({
      stream: `person:${absence.personId}`,
      type: 'absence.cancelled',
      subjectId: id,
      actorUserId: actor.userId,
      actorPersonId: actor.personId,
      data: { start: fromDbDate(absence.startDate), end: fromDbDate(absence.endDate) },
    });
    return { moved: await this.routing.reroute(posts, '销假', actor) };
  }

  private async assertMayManage(actor: Actor, personId: string, posts: string[]): Promise<void> {
    if (actor.isAdmin || actor.personId === personId) return;
    for (const postId of posts) {
      const chain = await this.tasks.chainOf(postId);
      if (chain[1] && actor.posts.some((p) => p.postId === chain[1].id)) return;
    }
    throw new TaskError('ABSENCE_NOT_ALLOWED', 'FORBIDDEN', '只能为本人或所分管岗位的人员登记请假', { personId });
  }

  private date(value: string, field: string): LocalDate {
    try {
      return parseLocalDate(value);
    } catch {
      throw new TaskError(TaskErrorCode.ABSENCE_INVALID, 'INVALID', `${field} 须为 YYYY-MM-DD 日期`, { [field]: value });
    }
  }
}
