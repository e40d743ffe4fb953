import { Injectable } from '@nestjs/common';
import type { Actor } from '#libs/auth';
import { CalendarService, overdueWorkdays, type LocalDate } from '#libs/calendar';
import { Clock } from '#libs/core';
import { averageOf, onTimeRate } from '../rules/fulfilment.rules.js';
import { UnitReportScope } from '../report-scope.service.js';
import type { Period } from '../rules/trend.rules.js';
import { FulfilmentRepository, type FulfilmentDimension, type FulfilmentGroupRow, type LateCompletionRow } from './fulfilment.repository.js';

export interface FulfilmentFigure extends Omit<FulfilmentGroupRow, 'dimension'> {
  onTimeRate: number | null;
  /** Mean working days late of the tasks finished late. */
  averageDelayWorkdays: number | null;
}

export interface FulfilmentReport {
  unit: { id: string; name: string };
  period: Period;
  totals: FulfilmentFigure;
  byPost: FulfilmentFigure[];
  byPerson: FulfilmentFigure[];
  byWorkItem: FulfilmentFigure[];
}

const KEY_OF: Record<Exclude<FulfilmentDimension, 'total'>, (r: LateCompletionRow) => string | null> = {
  post: (r) => r.postId,
  person: (r) => r.personId,
  workItem: (r) => r.workItemId,
};

@Injectable()
export class FulfilmentService {
  constructor(
    private readonly repository: FulfilmentRepository,
    private readonly scope: UnitReportScope,
    private readonly calendars: CalendarService,
    private readonly clock: Clock,
  ) {}

  /** 履职情况 of the tasks due in the period (chief only, like every unit report). */
  async report(actor: Actor, unitId: string, from: string, to: string): Promise<FulfilmentReport> {
    const { unit, period } = await this.scope.open(actor, unitId, from, to);
    const window = { unitId, from: period.from, to: period.to, now: this.clock.now() };
    const [groups, late, calendar] = await Promise.all([
      this.repository.groupedCounts(window),
      this.repository.lateCompletions(window),
      this.calendars.calendarFor(unit.orgId),
    ]);
    const delays = late.map((r) => ({ row: r, days: overdueWorkdays(r.dueDate as LocalDate, unit.cutoff, r.completedAt, calendar) }));
    const figures = (dimension: FulfilmentDimension) =>
      groups
        .filter((g) => g.dimension === dimension)
        .map(({ dimension: _d, ...g }) => {
          const keyOf = dimension === 'total' ? () => g.key : KEY_OF[dimension];
          const mine = delays.filter((d) => keyOf(d.row) === g.key).map((d) => d.days);
          return { ...g, onTimeRate: onTimeRate(g), averageDelayWorkdays: averageOf(mine) };
        });
    return {
      unit: { id: unit.id, name: unit.name },
      period,
      totals: figures('total')[0] ?? { key: null, label: null, due: 0, doneOnTime: 0, doneLate: 0, openOverdue: 0, open: 0, extensionsGranted: 0, onTimeRate: null, averageDelayWorkdays: null },
      byPost: figures('post'),
      byPerson: figures('person'),
      byWorkItem: figures('workItem'),
    };
  }
}
