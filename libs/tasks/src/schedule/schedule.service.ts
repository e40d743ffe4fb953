import { Injectable } from '@nestjs/common';
import type { Prisma, Schedule } from '@prisma/client';
import { AccessPolicyService, type Actor } from '#libs/auth';
import { addDays, localDateOf, parseDeadlineRule, parseLocalDate, type LocalDate } from '#libs/calendar';
import { Clock } from '#libs/core';
import { HistoryService } from '#libs/history';
import { DeadlineService } from '../deadline/deadline.service.js';
import { recurrenceInWords } from '../rules/recurrence-words.rules.js';
import { parseRecurrence } from '../rules/recurrence.rules.js';
import { TaskError, TaskErrorCode } from '../task.errors.js';
import { fromDbDate, toDbDate } from '../task/dates.js';
import { upcomingOccurrences } from './schedule-plan.rules.js';
import { ScheduleRepository } from './schedule.repository.js';
import { DateWindowService } from '#libs/calendar';

export interface ScheduleInput {
  title: string;
  recurrence: unknown;
  deadlineRule?: unknown;
  leadWorkdays?: number;
  startDate: string;
  endDate?: string | null;
  checklist?: string[];
  /** Use the work item's responsibility statements as the checklist. */
  checklistFromResponsibilities?: boolean;
  requiredEvidence?: string[];
  active?: boolean;
}

export interface ScheduleView {
  id: string;
  workItemId: string;
  title: string;
  recurrence: unknown;
  recurrenceText: string;
  deadlineRule: unknown;
  leadWorkdays: number;
  startDate: string;
  endDate: string | null;
  checklist: string[];
  requiredEvidence: string[];
  active: boolean;
  generatedThrough: string | null;
  /** The next five occurrences from today, with their deadlines (a preview for people). */
  next: { occurrenceDate: string; issueDate: string; dueDate: string }[];
}

const invalid = (message: string, details?: Record<string, unknown>) =>
  new TaskError(TaskErrorCode.SCHEDULE_INVALID, 'INVALID', message, details);
/** A checklist drawn from the work item's responsibility statements (X责任：…). */
const checklistOf = (rs: { label: string; text: string }[]) => rs.map((r) => (r.label ? `${r.label}责任：${r.text}` : r.text));

const workItemNotFound = (id: string) => new TaskError(TaskErrorCode.WORK_ITEM_NOT_FOUND, 'NOT_FOUND', '工作事项不存在', { id });

/** Schedules are managed by admin or the unit's chief and deputy; anyone who sees the post sees them. */
@Injectable()
export class ScheduleService {
  constructor(
    private readonly schedules: ScheduleRepository,
    private readonly deadlines: DeadlineService,
    private readonly access: AccessPolicyService,
    private readonly history: HistoryService,
    private readonly clock: Clock,
    private readonly dates: DateWindowService,
  ) {}

  async list(actor: Actor, workItemId: string): Promise<ScheduleView[]> {
    const item = await this.workItem(actor, workItemId, false);
    const rows = await this.schedules.listForWorkItem(workItemId);
    return Promise.all(rows.map((s) => this.view(s, item.post.unit.orgId, item.post.unit.org.deadlineCutoff)));
  }

  async create(actor: Actor, workItemId: string, input: ScheduleInput): Promise<ScheduleView> {
    const item = await this.workItem(actor, workItemId, true);
    await this.dates.assertAccepted({ startDate: input.startDate, endDate: input.endDate }, item.post.unit.orgId);
    const data = this.validate(input, checklistOf(item.responsibilities));
    const created = await this.schedules.create({ ...data, workItemId, createdBy: actor.personId } as Prisma.ScheduleUncheckedCreateInput);
    await this.audit(actor, created.id, 'schedule.created', { workItemId, ...input });
    return this.view(created, item.post.unit.orgId, item.post.unit.org.deadlineCutoff);
  }

  async update(actor: Actor, workItemId: string, id: string, input: ScheduleInput): Promise<ScheduleView> {
    const item = await this.workItem(actor, workItemId, true);
    await this.dates.assertAccepted({ startDate: input.startDate, endDate: input.endDate }, item.post.unit.orgId);
    const existing = await this.schedules.find(id);
    if (!existing || existing.workItemId !== workItemId) throw new TaskError(TaskErrorCode.SCHEDULE_NOT_FOUND, 'NOT_FOUND', '日程不存在', { id });
    const data = this.validate(input, checklistOf(item.responsibilities));
    const updated = await this.schedules.update(id, data);
    await this.audit(actor, id, 'schedule.updated', { before: { ...existing, workItem: undefined }, after: input });
    return this.view(updated, item.post.unit.orgId, item.post.unit.org.deadlineCutoff);
  }

  /**
   * Nothing is lost: a schedule that already produced tasks is ended (deactivated, its tasks stay
   * and it produces no more occurrences); one that never produced a task is removed. Either way the
   * schedule's history records who, why and what it was.
   */
  async remove(actor: Actor, workItemId: string, id: string, reason?: string): Promise<{ id: string; outcome: 'ENDED' | 'DELETED'; tasksKept: number }> {
    await this.workItem(actor, workItemId, true, true);
    const existing = await this.schedules.find(id);
    if (!existing || existing.workItemId !== workItemId) throw new TaskError(TaskErrorCode.SCHEDULE_NOT_FOUND, 'NOT_FOUND', '日程不存在', { id });
    return this.schedules.transaction(async (tx) => {
      if (!(await this.schedules.lockForRemoval(tx, id))) throw new TaskError(TaskErrorCode.SCHEDULE_NOT_FOUND, 'NOT_FOUND', '日程不存在', { id });
      const tasksKept = await this.schedules.tasksGenerated(tx, id);
      const outcome = tasksKept > 0 ? 'ENDED' : 'DELETED';
      if (outcome === 'ENDED') await this.schedules.end(tx, id);
      else await this.schedules.removeUnused(tx, id);
      await this.history.record(
        {
          stream: `schedule:${id}`,
          type: outcome === 'ENDED' ? 'schedule.ended' : 'schedule.deleted',
          subjectId: id,
          actorUserId: actor.userId,
          actorPersonId: actor.personId,
          data: { workItemId, reason: reason ?? null, tasksKept, schedule: { ...existing, workItem: undefined } },
        },
        tx,
      );
      return { id, outcome, tasksKept };
    });
  }

  private async workItem(actor: Actor, workItemId: string, manage: boolean, removing = false) {
    const item = await this.schedules.findWorkItemContext(workItemId);
    if (!item) throw workItemNotFound(workItemId);
    const post = { id: item.post.id, unitId: item.post.unitId, reportsToId: item.post.reportsToId };
    await this.access.assertCanViewPost(actor, post, () => workItemNotFound(workItemId));
    if (manage && !actor.isAdmin) await this.access.assertCanSuperviseUnit(actor, item.post.unitId, () => workItemNotFound(workItemId));
    // A retired work item's schedules can still be ended: that only stops work.
    if (manage && item.retiredAt && !removing) throw invalid('该工作事项已停用');
    return item;
  }

  private validate(input: ScheduleInput, responsibilities: string[]) {
    const recurrence = parseRecurrence(input.recurrence);
    let deadlineRule: unknown = null;
    if (input.deadlineRule !== undefined && input.deadlineRule !== null) {
      try {
        deadlineRule = parseDeadlineRule(input.deadlineRule);
      } catch (e) {
        throw invalid((e as Error).message, { deadlineRule: input.deadlineRule });
      }
    }
    const lead = input.leadWorkdays ?? 3;
    if (!Number.isInteger(lead) || lead < 0 || lead > 60) throw invalid('提前天数须为0至60的整数', { leadWorkdays: lead });
    const startDate = this.date(input.startDate, 'startDate');
    const endDate = input.endDate ? this.date(input.endDate, 'endDate') : null;
    if (endDate && endDate < startDate) throw invalid('结束日期不能早于开始日期');
    const checklist = input.checklistFromResponsibilities ? responsibilities : (input.checklist ?? []);
    return {
      title: input.title,
      recurrence: recurrence as Prisma.InputJsonValue,
      deadlineRule: (deadlineRule ?? undefined) as Prisma.InputJsonValue | undefined,
      leadWorkdays: lead,
      startDate: toDbDate(startDate),
      endDate: endDate ? toDbDate(endDate) : null,
      checklist,
      requiredEvidence: input.requiredEvidence ?? [],
      active: input.active ?? true,
    };
  }

  private date(value: string, field: string): LocalDate {
    try {
      return parseLocalDate(value);
    } catch {
      throw invalid(`${field} 须为 YYYY-MM-DD 日期`, { [field]: value });
    }
  }

  private async view(s: Schedule, orgId: string, cutoff: string): Promise<ScheduleView> {
    const recurrence = parseRecurrence(s.recurrence);
    const calendar = await this.deadlines.calendarFor(orgId);
    const next = upcomingOccurrences(
      {
        recurrence,
        deadlineRule: s.deadlineRule ? parseDeadlineRule(s.deadlineRule) : null,
        leadWorkdays: s.leadWorkdays,
        startDate: fromDbDate(s.startDate),
        endDate: s.endDate ? fromDbDate(s.endDate) : null,
      },
      localDateOf(this.clock.now()),
      800,
      5,
      calendar,
      cutoff,
    );
    return {
      id: s.id,
      workItemId: s.workItemId,
      title: s.title,
      recurrence,
      recurrenceText: recurrenceInWords(recurrence),
      deadlineRule: s.deadlineRule,
      leadWorkdays: s.leadWorkdays,
      startDate: fromDbDate(s.startDate),
      endDate: s.endDate ? fromDbDate(s.endDate) : null,
      checklist: s.checklist,
      requiredEvidence: s.requiredEvidence,
      active: s.active,
      generatedThrough: s.generatedThrough ? fromDbDate(s.generatedThrough) : null,
      next: next.map((p) => ({ occurrenceDate: p.occurrenceDate, issueDate: p.issueDate, dueDate: p.dueDate })),
    };
  }

  private audit(actor: Actor, scheduleId: string, type: string, data: Record<string, unknown>): Promise<void> {
    return this.history.record({ stream: `schedule:${scheduleId}`, type, subjectId: scheduleId, actorUserId: actor.userId, actorPersonId: actor.personId, data });
  }
}
