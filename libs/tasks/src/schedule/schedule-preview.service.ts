import { Injectable } from '@nestjs/common';
import { AccessPolicyService, type Actor } from '#libs/auth';
import { addDays, compareLocalDates, localDateOf, parseDeadlineRule, parseLocalDate, type DeadlineRule, type LocalDate } from '#libs/calendar';
import { Clock } from '#libs/core';
import { DeadlineService } from '../deadline/deadline.service.js';
import { deadlineInWords, leadInWords, recurrenceInWords, scheduleInWords } from '../rules/recurrence-words.rules.js';
import { parseRecurrence, type Recurrence } from '../rules/recurrence.rules.js';
import { TaskError, TaskErrorCode } from '../task.errors.js';
import { fromDbDate } from '../task/dates.js';
import { upcomingOccurrences } from './schedule-plan.rules.js';
import { ScheduleRepository } from './schedule.repository.js';

/** The fields of a schedule that decide its dates (a saved schedule or an unsaved form). */
export interface SchedulePreviewInput {
  recurrence: unknown;
  deadlineRule?: unknown;
  leadWorkdays?: number;
  startDate: string;
  endDate?: string | null;
}

export interface PreviewOccurrence {
  occurrenceDate: string;
  issueDate: string;
  dueDate: string;
  /** The deadline falls in (or was counted through) a year without a loaded holiday schedule. */
  provisional: boolean;
}

export interface SchedulePreview {
  /** '每月第5个工作日，当日截止，提前3个工作日下达' */
  description: string;
  recurrenceText: string;
  deadlineText: string;
  leadText: string;
  occurrences: PreviewOccurrence[];
}

export const PREVIEW_DEFAULT_COUNT = 5;
export const PREVIEW_MAX_COUNT = 20;
// Far enough for a yearly rule's next occurrences; bounded so a preview is always cheap.
const HORIZON_DAYS = 3 * 366;

const invalid = (message: string, details?: Record<string, unknown>) =>
  new TaskError(TaskErrorCode.SCHEDULE_INVALID, 'INVALID', message, details);
const workItemNotFound = (id: string) => new TaskError(TaskErrorCode.WORK_ITEM_NOT_FOUND, 'NOT_FOUND', '工作事项不存在', { id });
const scheduleNotFound = (id: string) => new TaskError(TaskErrorCode.SCHEDULE_NOT_FOUND, 'NOT_FOUND', '日程不存在', { id });

/**
 * A schedule in words with its next occurrences on the organisation's official calendar, for a
 * saved schedule or a form being filled in. Reads only; whoever may see the post may preview.
 */
@Injectable()
export class SchedulePreviewService {
  constructor(
    private readonly schedules: ScheduleRepository,
    private readonly deadlines: DeadlineService,
    private readonly access: AccessPolicyService,
    private readonly clock: Clock,
  ) {}

  async previewSaved(actor: Actor, workItemId: string, scheduleId: string, count = PREVIEW_DEFAULT_COUNT): Promise<SchedulePreview> {
    const item = await this.visibleWorkItem(actor, workItemId);
    const s = await this.schedules.find(scheduleId);
    if (!s || s.workItemId !== workItemId) throw scheduleNotFound(scheduleId);
    return this.preview(
      item.post.unit.orgId,
      item.post.unit.org.deadlineCutoff,
      {
        recurrence: parseRecurrence(s.recurrence),
        deadlineRule: s.deadlineRule ? parseDeadlineRule(s.deadlineRule) : null,
        leadWorkdays: s.leadWorkdays,
        startDate: fromDbDate(s.startDate),
        endDate: s.endDate ? fromDbDate(s.endDate) : null,
      },
      count,
    );
  }

  async previewDraft(actor: Actor, workItemId: string, input: SchedulePreviewInput, count = PREVIEW_DEFAULT_COUNT): Promise<SchedulePreview> {
    const item = await this.visibleWorkItem(actor, workItemId);
    return this.preview(item.post.unit.orgId, item.post.unit.org.deadlineCutoff, parseDraft(input), count);
  }

  private async visibleWorkItem(actor: Actor, workItemId: string) {
    const item = await this.schedules.findWorkItemContext(workItemId);
    if (!item) throw workItemNotFound(workItemId);
    const post = { id: item.post.id, unitId: item.post.unitId, reportsToId: item.post.reportsToId };
    await this.access.assertCanViewPost(actor, post, () => workItemNotFound(workItemId));
    return item;
  }

  private async preview(orgId: string, cutoff: string, s: ParsedSchedule, count: number): Promise<SchedulePreview> {
    if (!Number.isInteger(count) || count < 1 || count > PREVIEW_MAX_COUNT) throw invalid(`预览次数须为1至${PREVIEW_MAX_COUNT}的整数`, { count });
    const calendar = await this.deadlines.calendarFor(orgId);
    const upcoming = upcomingOccurrences(s, localDateOf(this.clock.now()), HORIZON_DAYS, count, calendar, cutoff);
    return {
      description: scheduleInWords(s),
      recurrenceText: recurrenceInWords(s.recurrence),
      deadlineText: deadlineInWords(s.deadlineRule),
      leadText: leadInWords(s.leadWorkdays),
      occurrences: upcoming.map((p) => ({
        occurrenceDate: p.occurrenceDate,
        issueDate: p.issueDate,
        dueDate: p.dueDate,
        provisional: p.provisional,
      })),
    };
  }
}

interface ParsedSchedule {
  recurrence: Recurrence;
  deadlineRule: DeadlineRule | null;
  leadWorkdays: number;
  startDate: LocalDate;
  endDate: LocalDate | null;
}

/** The same checks as saving a schedule, so a form shows the error it would get on save. */
function parseDraft(input: SchedulePreviewInput): ParsedSchedule {
  const recurrence = parseRecurrence(input.recurrence);
  let deadlineRule: DeadlineRule | null = null;
  if (input.deadlineRule !== undefined && input.deadlineRule !== null) {
    try {
      deadlineRule = parseDeadlineRule(input.deadlineRule);
    } catch (e) {
      throw invalid((e as Error).message, { deadlineRule: input.deadlineRule });
    }
  }
  const leadWorkdays = input.leadWorkdays ?? 3;
  if (!Number.isInteger(leadWorkdays) || leadWorkdays < 0 || leadWorkdays > 60) throw invalid('提前天数须为0至60的整数', { leadWorkdays });
  const startDate = date(input.startDate, 'startDate');
  const endDate = input.endDate ? date(input.endDate, 'endDate') : null;
  if (endDate && compareLocalDates(endDate, startDate) < 0) throw invalid('结束日期不能早于开始日期');
  return { recurrence, deadlineRule, leadWorkdays, startDate, endDate };
}

function date(value: string, field: string): LocalDate {
  try {
    return parseLocalDate(value);
  } catch {
    throw invalid(`${field} 须为 YYYY-MM-DD 日期`, { [field]: value });
  }
}
