import { Injectable } from '@nestjs/common';
import type { Actor } from '#libs/auth';
import { addDays, CalendarService, instantAt, overdueWorkdays, type LocalDate } from '#libs/calendar';
import { Clock } from '#libs/core';
import { LEVEL_COLOURS, LEVEL_NAMES } from '#libs/escalation';
import { STATUS_NAME } from '#libs/tasks';
import { UnitReportScope } from '../report-scope.service.js';
import { previousPeriod, trendOf, type Period, type Trend } from '../rules/trend.rules.js';
import { EscalationReportRepository, type Dimension, type EscalationGroupRow } from './escalation-report.repository.js';

export interface EscalationReportItem {
  escalationId: string;
  level: number;
  levelName: string;
  colour: string;
  reachedAt: Date;
  acknowledged: boolean;
  acknowledgedAt: Date | null;
  taskId: string;
  title: string;
  post: { id: string; name: string };
  /** Who held the post when the level fell due. */
  person: { id: string; name: string } | null;
  workItem: { id: string; title: string } | null;
  dueDate: string;
  /** Working days late: at completion for finished tasks, else as of now. */
  overdueWorkdays: number;
  status: string;
  statusName: string;
  completedAt: Date | null;
}

/** One group's counts for the period (a repository row without its grouping keys), with the trend. */
export type GroupFigure = Omit<EscalationGroupRow, 'period' | 'dimension'> & { trend: Trend };

export interface EscalationReport {
  unit: { id: string; name: string };
  period: Period;
  previousPeriod: Period;
  totals: GroupFigure;
  byPost: GroupFigure[];
  byPerson: GroupFigure[];
  byWorkItem: GroupFigure[];
  byLevel: GroupFigure[];
  items: EscalationReportItem[];
}

@Injectable()
export class EscalationReportService {
  constructor(
    private readonly repository: EscalationReportRepository,
    private readonly scope: UnitReportScope,
    private readonly calendars: CalendarService,
    private readonly clock: Clock,
  ) {}

  async report(actor: Actor, unitId: string, from: string, to: string): Promise<EscalationReport> {
    const { unit, period } = await this.scope.open(actor, unitId, from, to);
    const previous = previousPeriod(period);
    // Periods are Shanghai days, `to` inclusive: the window ends at the next midnight.
    const window = { unitId, from: instantAt(period.from, '00:00'), to: instantAt(addDays(period.to, 1), '00:00') };
    const [rows, groups, calendar] = await Promise.all([
      this.repository.seriousEscalations(window),
      this.repository.groupedCounts({ ...window, previousFrom: instantAt(previous.from, '00:00') }),
      this.calendars.calendarFor(unit.orgId),
    ]);
    const now = this.clock.now();
    const items = rows.map<EscalationReportItem>((r) => ({
      escalationId: r.escalationId,
      level: r.level,
      levelName: LEVEL_NAMES[r.level] ?? `L${r.level}`,
      colour: LEVEL_COLOURS[r.level] ?? 'red',
      reachedAt: r.reachedAt,
      acknowledged: r.acknowledgedAt !== null,
      acknowledgedAt: r.acknowledgedAt,
      taskId: r.taskId,
      title: r.title,
      post: { id: r.postId, name: r.postName },
      person: r.personId ? { id: r.personId, name: r.personName ?? '' } : null,
      workItem: r.workItemId ? { id: r.workItemId, title: r.workItemTitle ?? '' } : null,
      dueDate: r.dueDate,
      overdueWorkdays: overdueWorkdays(r.dueDate as LocalDate, unit.cutoff, r.completedAt ?? now, calendar),
      status: r.status,
      statusName: STATUS_NAME[r.status as keyof typeof STATUS_NAME] ?? r.status,
      completedAt: r.completedAt,
    }));
    const figures = (d: Dimension) => compareGroups(groups.filter((g) => g.dimension === d));
    const byLevel = figures('level').map((g) => ({ ...g, label: LEVEL_NAMES[Number(g.key)] ?? g.key }));
    return {
      unit: { id: unit.id, name: unit.name },
      period,
      previousPeriod: previous,
      totals: figures('total')[0] ?? emptyFigure(null, null),
      byPost: figures('post'),
      byPerson: figures('person'),
      byWorkItem: figures('workItem'),
      byLevel,
      items,
    };
  }
}

function emptyFigure(key: string | null, label: string | null): GroupFigure {
  return { key, label, escalations: 0, tasks: 0, level2: 0, level3: 0, acknowledged: 0, trend: trendOf(0, 0) };
}

/**
 * Current-period figures with a trend against the previous period, matched by key. A group seen
 * only in the previous period is kept (with zeros now): an improvement is worth showing too.
 */
export function compareGroups(rows: EscalationGroupRow[]): GroupFigure[] {
  const byKey = new Map<string, { current?: EscalationGroupRow; previous?: EscalationGroupRow }>();
  for (const row of rows) {
    const k = row.key ?? '';
    const entry = byKey.get(k) ?? {};
    entry[row.period] = row;
    byKey.set(k, entry);
  }
  return [...byKey.values()]
    .map(({ current, previous }) => {
      const base = current ?? previous!;
      const figure = current ? { ...emptyFigure(base.key, base.label), ...pick(current) } : emptyFigure(base.key, base.label);
      return { ...figure, trend: trendOf(current?.escalations ?? 0, previous?.escalations ?? 0) };
    })
    .sort((a, b) => b.escalations - a.escalations || (a.label ?? '').localeCompare(b.label ?? '', 'zh'));
}

function pick(r: EscalationGroupRow) {
  return { escalations: r.escalations, tasks: r.tasks, level2: r.level2, level3: r.level3, acknowledged: r.acknowledged };
}
