import { addDays, computeDeadline, compareLocalDates, type DeadlineRule, type LocalDate, type WorkingCalendar } from '#libs/calendar';
import { occurrences, type Recurrence } from '../rules/recurrence.rules.js';

export interface SchedulePlanInput {
  recurrence: Recurrence;
  /** Anchored at the occurrence date; default: due on the occurrence date itself. */
  deadlineRule: DeadlineRule | null;
  leadWorkdays: number;
  startDate: LocalDate;
  endDate: LocalDate | null;
  /** Everything up to this occurrence date was already generated. */
  generatedThrough: LocalDate | null;
}

export interface PlannedOccurrence {
  occurrenceDate: LocalDate;
  issueDate: LocalDate;
  dueDate: LocalDate;
  dueAt: Date;
  provisional: boolean;
  explanation: string;
  /** Should have been issued before today (server down, schedule created late). */
  lateIssued: boolean;
}

export const DUE_ON_OCCURRENCE: DeadlineRule = { kind: 'WORKDAYS_AFTER', days: 0 };

/**
 * Occurrences whose issue date (deadline minus the lead time in working days) has come by `until`.
 * Returns them with the new resume point: occurrences past it are not looked at again.
 */
export function planOccurrences(
  input: SchedulePlanInput,
  until: LocalDate,
  today: LocalDate,
  calendar: WorkingCalendar,
  cutoff: string,
): { planned: PlannedOccurrence[]; generatedThrough: LocalDate | null } {
  const from = input.generatedThrough ? addDays(input.generatedThrough, 1) : input.startDate;
  // An occurrence can be issued at most `lead` working days (plus a holiday block) before its date.
  const horizon = addDays(until, Math.ceil(input.leadWorkdays * 1.5) + 14);
  const to = input.endDate && compareLocalDates(input.endDate, horizon) < 0 ? input.endDate : horizon;
  const planned: PlannedOccurrence[] = [];
  let through = input.generatedThrough;
  for (const occurrenceDate of occurrences(input.recurrence, input.startDate, from, to, calendar)) {
    const deadline = computeDeadline(input.deadlineRule ?? DUE_ON_OCCURRENCE, occurrenceDate, calendar, cutoff);
    const byLead = input.leadWorkdays > 0 ? calendar.addWorkdays(deadline.dueDate, -input.leadWorkdays).date : deadline.dueDate;
    const issueDate = compareLocalDates(byLead, occurrenceDate) < 0 ? byLead : occurrenceDate;
    // Occurrences are in order, so the first one not yet due to be issued ends this run.
    if (compareLocalDates(issueDate, until) > 0) break;
    planned.push({
      occurrenceDate,
      issueDate,
      dueDate: deadline.dueDate,
      dueAt: deadline.dueAt,
      provisional: deadline.provisional,
      explanation: deadline.explanation,
      lateIssued: compareLocalDates(issueDate, today) < 0,
    });
    through = occurrenceDate;
  }
  return { planned, generatedThrough: through };
}

/**
 * The next `count` occurrences from today on, as people are shown them. The schedule's real start
 * date is kept, because an RRULE's INTERVAL and COUNT run from it; what lies before today is
 * skipped by resuming from yesterday, as generation would.
 */
export function upcomingOccurrences(
  input: Omit<SchedulePlanInput, 'generatedThrough'>,
  today: LocalDate,
  horizonDays: number,
  count: number,
  calendar: WorkingCalendar,
  cutoff: string,
): PlannedOccurrence[] {
  const started = compareLocalDates(input.startDate, today) < 0;
  const { planned } = planOccurrences(
    { ...input, generatedThrough: started ? addDays(today, -1) : null },
    addDays(today, horizonDays),
    today,
    calendar,
    cutoff,
  );
  return planned.slice(0, count);
}
