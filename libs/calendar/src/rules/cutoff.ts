import { instantAt, parseTimeOfDay, type LocalDate, type TimeOfDay } from './local-date.js';

/**
 * Deadline instants are EXCLUSIVE boundaries: work is on time strictly before `dueAt` and overdue
 * from `dueAt` on (see isOverdue). The default cut-off END_OF_DAY ('24:00') therefore makes
 * `dueAt` the first instant of the day after the due date (Shanghai midnight = 16:00Z of the due
 * date), so the whole due date through 23:59:59.999 Shanghai (15:59:59.999Z) is on time.
 * An explicit 'HH:mm' cut-off such as '17:30' means overdue from 17:30:00 on.
 */
export const END_OF_DAY = '24:00' as TimeOfDay;

/** The instant at which work due on `date` with this cut-off becomes overdue. */
export function deadlineInstant(date: LocalDate, cutoff: string = END_OF_DAY): Date {
  return instantAt(date, parseTimeOfDay(cutoff));
}
