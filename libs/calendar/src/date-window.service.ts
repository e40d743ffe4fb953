import { Injectable } from '@nestjs/common';
import { Clock, DomainError } from '#libs/core';
import { CalendarRepository } from './calendar.repository.js';
import { acceptedDateMessage, acceptedDateProblem, acceptedDateWindow, type DateWindow } from './rules/date-window.js';
import { localDateOf, yearOf } from './rules/local-date.js';

/**
 * Applies the accepted-date rule (rules/date-window.ts) with its window, whose end depends on the
 * calendar years loaded: the one check every service calls on dates that come from outside
 * (the API's DTOs check shape and validity only, as they cannot read the database).
 */
@Injectable()
export class DateWindowService {
  constructor(
    private readonly repository: CalendarRepository,
    private readonly clock: Clock,
  ) {}

  async window(orgId?: string): Promise<DateWindow> {
    const lastLoaded = await this.repository.lastLoadedYear(orgId);
    return acceptedDateWindow(lastLoaded, yearOf(localDateOf(this.clock.now())));
  }

  /**
   * Throws 400 `INVALID_DATE` or `DATE_OUT_OF_RANGE` naming the first bad field; absent fields
   * (undefined, null) pass. Without an organisation the latest year loaded by any counts.
   */
  async assertAccepted(fields: Record<string, unknown>, orgId?: string): Promise<void> {
    const present = Object.entries(fields).filter(([, v]) => v !== undefined && v !== null);
    if (present.length === 0) return;
    const window = await this.window(orgId);
    for (const [field, value] of present) {
      const problem = acceptedDateProblem(value, window);
      if (problem) {
        throw new DomainError(problem === 'NOT_A_DATE' ? 'INVALID_DATE' : 'DATE_OUT_OF_RANGE', 'INVALID', acceptedDateMessage(field, value, problem, window), {
          field,
          value: typeof value === 'string' ? value.slice(0, 40) : value,
          ...(problem === 'OUT_OF_RANGE' ? { window } : {}),
        });
      }
    }
  }
}
