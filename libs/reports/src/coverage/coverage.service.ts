import { Injectable } from '@nestjs/common';
import { AccessPolicyService, type Actor } from '#libs/auth';
import { BoardRepository } from '../board/board.repository.js';
import { parsePeriod } from '../escalation-report/escalation-report.service.js';
import { unitNotFound } from '../reports.errors.js';
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
    private readonly units: BoardRepository,
    private readonly access: AccessPolicyService,
  ) {}

  /** Which duties of the 履职清单 were exercised (tasks) and documented (evidence) in the period. */
  async report(actor: Actor, unitId: string, from: string, to: string): Promise<CoverageReport> {
    await this.access.assertCanViewUnitReports(actor, unitId, unitNotFound(unitId));
    const period = parsePeriod(from, to);
    const unit = await this.units.findUnit(unitId);
    if (!unit) throw unitNotFound(unitId)();
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
