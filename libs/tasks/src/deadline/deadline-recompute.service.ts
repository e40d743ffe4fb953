import { Injectable, type OnModuleInit } from '@nestjs/common';
import { CalendarService, computeDeadline, parseDeadlineRule, type CalendarChange } from '#libs/calendar';
import { Clock, HealthService, type HealthWarning } from '#libs/core';
import { HistoryService } from '#libs/history';
import { fromDbDate, toDbDate } from '../task/dates.js';
import { TaskRepository } from '../task/task.repository.js';

/**
 * Keeps rule-based deadlines true to the calendar: when a year's schedule is loaded or a day is
 * edited, open tasks whose deadline depends on those dates (or was provisional) are recomputed,
 * each change recorded in the task's history with the reason.
 */
@Injectable()
export class DeadlineRecomputeService implements OnModuleInit {
  constructor(
    private readonly calendars: CalendarService,
    private readonly tasks: TaskRepository,
    private readonly history: HistoryService,
    private readonly health: HealthService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.calendars.onChange((change) => this.recompute(change).then(() => undefined));
    this.health.registerWarningSource(() => this.provisionalWarnings());
  }

  async recompute(change: CalendarChange): Promise<number> {
    const candidates = await this.tasks.openRuleDeadlines(change.orgId, toDbDate(change.from), toDbDate(change.to));
    if (candidates.length === 0) return 0;
    const calendar = await this.calendars.calendarFor(change.orgId);
    const cutoff = await this.tasks.cutoffOfOrg(change.orgId);
    const now = this.clock.now();
    const moves = candidates.flatMap((t) => {
      const before = fromDbDate(t.dueDate);
      // A date fixed by a person (or an extension) stays; only whether it is provisional can change.
      const result =
        t.deadlineRule !== null && t.escalationCycle === 0
          ? computeDeadline(parseDeadlineRule(t.deadlineRule), fromDbDate(t.occurrenceDate ?? t.assignedOn), calendar, cutoff)
          : { dueDate: before, dueAt: t.dueAt, provisional: calendar.day(before).provisional, explanation: t.deadlineExplanation ?? '' };
      if (result.dueDate === before && result.provisional === t.deadlineProvisional) return [];
      return [{ id: t.id, before, wasProvisional: t.deadlineProvisional, result }];
    });
    if (moves.length === 0) return 0;
    await this.tasks.transaction(async (tx) => {
      for (const m of moves) {
        await this.tasks.moveDeadline(tx, m.id, {
          dueDate: toDbDate(m.result.dueDate),
          dueAt: m.result.dueAt,
          provisional: m.result.provisional,
          explanation: m.result.explanation,
          now,
        });
      }
      await this.history.recordMany(
        moves.map((m) => ({
          stream: `task:${m.id}`,
          type: 'task.deadline.recomputed',
          subjectId: m.id,
          actorUserId: change.actorUserId,
          data: {
            reason: change.reason,
            from: { dueDate: m.before, provisional: m.wasProvisional },
            to: { dueDate: m.result.dueDate, provisional: m.result.provisional },
            explanation: m.result.explanation,
          },
        })),
        tx,
      );
    });
    return moves.length;
  }

  /** /health lists the tasks whose deadlines will be recomputed once their year is loaded. */
  private async provisionalWarnings(): Promise<HealthWarning[]> {
    const [count, sample] = await this.tasks.openProvisional(50);
    if (count === 0) return [];
    return [
      {
        code: 'TASK_DEADLINES_PROVISIONAL',
        message: `${count} 项在办任务的期限所在年份尚未载入节假日安排，暂按周一至周五计算；载入后将自动重新计算`,
        details: { count, taskIds: sample.map((t) => t.id) },
      },
    ];
  }
}
