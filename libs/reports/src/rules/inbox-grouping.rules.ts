import { addDays, dayOfWeek, type LocalDate } from '#libs/calendar';

export type InboxGroup = 'overdue' | 'returned' | 'awaitingAcceptance' | 'dueToday' | 'dueThisWeek' | 'later';

/** Order of the groups in the answer: what needs the officer first comes first. */
export const INBOX_GROUPS: readonly InboxGroup[] = ['overdue', 'returned', 'awaitingAcceptance', 'dueToday', 'dueThisWeek', 'later'];

export interface GroupingInput {
  status: string;
  returnReason: string | null;
  dueDate: LocalDate;
  dueAt: Date;
}

/** Sunday of the ISO (Mon–Sun) week containing `today`: bureau weeks start on Monday. */
export function endOfWeek(today: LocalDate): LocalDate {
  return addDays(today, 7 - dayOfWeek(today));
}

/**
 * Each task lands in exactly one group so the inbox counts add up. Precedence: being late beats
 * everything (it is already escalating), then a 退回 (the reviewer is waiting), then an unsigned
 * task (签收 is the first step), then the due-date buckets.
 */
export function inboxGroupOf(task: GroupingInput, now: Date, today: LocalDate): InboxGroup {
  if (now.getTime() >= task.dueAt.getTime()) return 'overdue';
  if (task.status === 'IN_PROGRESS' && task.returnReason) return 'returned';
  if (task.status === 'ISSUED') return 'awaitingAcceptance';
  if (task.dueDate <= today) return 'dueToday';
  if (task.dueDate <= endOfWeek(today)) return 'dueThisWeek';
  return 'later';
}
