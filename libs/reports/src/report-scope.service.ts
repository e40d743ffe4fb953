import { Injectable } from '@nestjs/common';
import { AccessPolicyService, type Actor } from '#libs/auth';
import { daysBetween, isLocalDate } from '#libs/calendar';
import { BoardRepository, type UnitRef } from './board/board.repository.js';
import { invalidPeriod, unitNotFound } from './reports.errors.js';
import type { Period } from './rules/trend.rules.js';
import { DateWindowService } from '#libs/calendar';

const MAX_PERIOD_DAYS = 366;

export function parsePeriod(from: string, to: string): Period {
  if (!isLocalDate(from) || !isLocalDate(to) || from > to || daysBetween(from, to) + 1 > MAX_PERIOD_DAYS) {
    throw invalidPeriod(from, to);
  }
  return { from, to };
}

/** What every chief's unit report starts with: the access check (404 hides other units), the period, the unit. */
@Injectable()
export class UnitReportScope {
  constructor(
    private readonly units: BoardRepository,
    private readonly access: AccessPolicyService,
    private readonly dates: DateWindowService,
  ) {}

  async open(actor: Actor, unitId: string, from: string, to: string): Promise<{ unit: UnitRef; period: Period }> {
    await this.access.assertCanViewUnitReports(actor, unitId, unitNotFound(unitId));
    await this.dates.assertAccepted({ from, to });
    const period = parsePeriod(from, to);
    const unit = await this.units.findUnit(unitId);
    if (!unit) throw unitNotFound(unitId)();
    return { unit, period };
  }
}
