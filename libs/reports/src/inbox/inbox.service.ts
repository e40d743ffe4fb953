import { Injectable } from '@nestjs/common';
import type { Actor } from '#libs/auth';
import { CalendarService, localDateOf, overdueWorkdays, type LocalDate, type WorkingCalendar } from '#libs/calendar';
import { Clock } from '#libs/core';
import { LEVEL_COLOURS, LEVEL_NAMES } from '#libs/escalation';
import { TaskService, type AwaitedStep } from '#libs/tasks';
import { INBOX_GROUPS, inboxGroupOf, type InboxGroup } from '../rules/inbox-grouping.rules.js';
import { InboxRepository, type InboxRow } from './inbox.repository.js';

export interface InboxItem {
  id: string;
  title: string;
  status: string;
  returnReason: string | null;
  post: { id: string; name: string; unitName: string };
  /** Set when the task belongs to a post the caller covers as AB backup. */
  actingFor: { personId: string; name: string | null } | null;
  workItem: { id: string; title: string | null } | null;
  dueDate: string;
  dueAt: string;
  deadlineProvisional: boolean;
  /** Working days from today to the due date (0 on the day); null once overdue. */
  workdaysLeft: number | null;
  /** Working days overdue by the calendar rules' definition; 0 when not overdue. */
  overdueWorkdays: number;
  escalation: { level: number; name: string; colour: string } | null;
}

/** A task waiting for the caller's decision: its review step, an extension request, or both. */
export type AwaitingItem = InboxItem & { awaiting: AwaitedStep[] };

/**
 * The caller's open tasks by urgency group (counts and total are about these), and apart from
 * them the tasks waiting for the caller's review or extension decision (never work they do
 * themselves: separation of duties).
 */
export type Inbox = { today: string; counts: Record<InboxGroup, number>; total: number; awaitingMyReview: AwaitingItem[] } & Record<InboxGroup, InboxItem[]>;

@Injectable()
export class InboxService {
  constructor(
    private readonly repository: InboxRepository,
    private readonly calendars: CalendarService,
    private readonly clock: Clock,
    private readonly tasks: TaskService,
  ) {}

  async inboxOf(actor: Actor): Promise<Inbox> {
    const now = this.clock.now();
    const today = localDateOf(now);
    const [rows, awaited] = await Promise.all([
      actor.personId ? this.repository.openTasksAssignedTo(actor.personId) : [],
      this.tasks.awaitingDecisionBy(actor),
    ]);
    const awaitingOf = new Map(awaited.map((entry) => [entry.task.id, entry.awaiting]));
    const reviewRows = await this.repository.tasksByIds([...awaitingOf.keys()]);
    const calendars = new Map<string, WorkingCalendar>();
    const calendarOf = async (orgId: string) => {
      if (!calendars.has(orgId)) calendars.set(orgId, await this.calendars.calendarFor(orgId));
      return calendars.get(orgId)!;
    };
    const inbox = Object.fromEntries(INBOX_GROUPS.map((g) => [g, [] as InboxItem[]])) as Record<InboxGroup, InboxItem[]>;
    for (const row of rows) {
      const dueDate = row.dueDate as LocalDate;
      const group = inboxGroupOf({ ...row, dueDate }, now, today);
      inbox[group].push(toItem(row, dueDate, group === 'overdue', now, today, await calendarOf(row.orgId)));
    }
    const awaitingMyReview: AwaitingItem[] = [];
    for (const row of reviewRows) {
      const dueDate = row.dueDate as LocalDate;
      const item = toItem(row, dueDate, now.getTime() >= row.dueAt.getTime(), now, today, await calendarOf(row.orgId));
      awaitingMyReview.push({ ...item, awaiting: awaitingOf.get(row.id)! });
    }
    const counts = Object.fromEntries(INBOX_GROUPS.map((g) => [g, inbox[g].length])) as Record<InboxGroup, number>;
    return { today, counts, total: rows.length, ...inbox, awaitingMyReview };
  }
}

function toItem(row: InboxRow, dueDate: LocalDate, late: boolean, now: Date, today: LocalDate, calendar: WorkingCalendar): InboxItem {
  return {
    id: row.id,
    title: row.title,
    status: row.status,
    returnReason: row.returnReason,
    post: { id: row.postId, name: row.postName, unitName: row.unitName },
    actingFor: row.actingForPersonId ? { personId: row.actingForPersonId, name: row.actingForName } : null,
    workItem: row.workItemId ? { id: row.workItemId, title: row.workItemTitle } : null,
    dueDate: row.dueDate,
    dueAt: row.dueAt.toISOString(),
    deadlineProvisional: row.deadlineProvisional,
    workdaysLeft: late ? null : Math.max(0, calendar.workdaysBetween(today, dueDate).count),
    overdueWorkdays: late ? overdueWorkdays(dueDate, row.cutoff, now, calendar) : 0,
    escalation: levelOf(row.escalationLevel),
  };
}

export function levelOf(level: number): { level: number; name: string; colour: string } | null {
  if (level < 0 || level >= LEVEL_NAMES.length) return null;
  return { level, name: LEVEL_NAMES[level]!, colour: LEVEL_COLOURS[level]! };
}
