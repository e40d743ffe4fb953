import { Injectable } from '@nestjs/common';
import {
  CalendarService,
  computeDeadline,
  deadlineInstant,
  parseDeadlineRule,
  type DeadlineRule,
  type LocalDate,
  type WorkingCalendar,
} from '#libs/calendar';
import { TaskError, TaskErrorCode } from '../task.errors.js';

export interface ResolvedDeadline {
  dueDate: LocalDate;
  dueAt: Date;
  provisional: boolean;
  explanation: string;
  rule: DeadlineRule | null;
}

/** Turns a date or a rule into a task deadline on the organisation's official calendar. */
@Injectable()
export class DeadlineService {
  constructor(private readonly calendars: CalendarService) {}

  calendarFor(orgId: string): Promise<WorkingCalendar> {
    return this.calendars.calendarFor(orgId);
  }

  async resolve(
    orgId: string,
    cutoff: string,
    anchor: LocalDate,
    input: { dueDate?: LocalDate; rule?: unknown },
  ): Promise<ResolvedDeadline> {
    const calendar = await this.calendarFor(orgId);
    if (input.dueDate) {
      const day = calendar.day(input.dueDate);
      return {
        dueDate: input.dueDate,
        dueAt: deadlineInstant(input.dueDate, cutoff),
        provisional: day.provisional,
        explanation: `指定期限 ${input.dueDate}${day.workday ? '' : `（${day.name ?? '休息日'}）`}`,
        rule: null,
      };
    }
    let rule: DeadlineRule;
    try {
      rule = parseDeadlineRule(input.rule);
    } catch (e) {
      throw new TaskError(TaskErrorCode.SCHEDULE_INVALID, 'INVALID', (e as Error).message, { rule: input.rule });
    }
    const result = computeDeadline(rule, anchor, calendar, cutoff);
    return { dueDate: result.dueDate, dueAt: result.dueAt, provisional: result.provisional, explanation: result.explanation, rule };
  }
}
