import { Injectable } from '@nestjs/common';
import type { Actor } from '#libs/auth';
import { UnitReportScope } from '../report-scope.service.js';
import type { Period } from '../rules/trend.rules.js';
import { CoverageRepository, type CoverageRow } from './coverage.repository.js';

export interface CoverageItem extends CoverageRow {
  hasTasks: boolean;
  hasEvidence: boolean;
}

export interface CoverageReport {
  unit: { id: string; name: string };
  period: Period;
  summary: {
    workItems: number;
    withTasks: number;
    withoutTasks: number;
    withEvidence: number;
    responsibilities: number;
    /** Responsibilities on work items that had at least one task in the period. */
    responsibilitiesExercised: number;
  };
  items: CoverageItem[];
}

@Injectable()
export class CoverageService {
  constructor(
    private readonly repository: CoverageRepository,
    private readonly scope: UnitReportScope,
  ) {}

  /** Which duties of the 履职清单 were exercised (tasks) and documented (evidence) in the period. */
  async report(actor: Actor, unitId: string, from: string, to: string): Promise<CoverageReport> {
    const { unit, period } = await this.scope.open(actor, unitId, from, to);
    const items = (await this.repository.coverageOfUnit(unitId, period.from, period.to)).map((r) => ({
      ...r,
      hasTasks: r.tasks > 0,
      hasEvidence: r.tasksWithEvidence > 0,
    }));
    const withTasks = items.filter((i) => i.hasTasks);
    return {
      unit: { id: unit.id, name: unit.name },
      period,
      summary: {
        workItems: items.length,
        withTasks: withTasks.length,
        withoutTasks: items.length - withTasks.length,
        withEvidence: items.filter((i) => i.hasEvidence).length,
        responsibilities: items.reduce((n, i) => n + i.responsibilities, 0),
        responsibilitiesExercised: withTasks.reduce((n, i) => n + i.responsibilities, 0),
      },
      items,
    };
  }
}
