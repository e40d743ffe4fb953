import type { LocalDate } from '#libs/calendar';

/** `@db.Date` columns travel as UTC-midnight Dates; these convert at the repository boundary. */
export const toDbDate = (d: LocalDate | string): Date => new Date(`${d}T00:00:00.000Z`);
export const fromDbDate = (d: Date): LocalDate => d.toISOString().slice(0, 10) as LocalDate;
