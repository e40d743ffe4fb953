import { Injectable } from '@nestjs/common';
import { AccessPolicyService, type Actor } from '#libs/auth';
import { CalendarService, localDateOf } from '#libs/calendar';
import { Clock } from '#libs/core';
import { TaskService } from '#libs/tasks';
import { unitNotFound } from '../reports.errors.js';
import { BoardRepository, type PostBoardRow, type SupervisionDutyRow } from './board.repository.js';

/** "At risk" = due within this many working days and not yet late. */
export const AT_RISK_WORKDAYS = 2;

export interface SupervisionDuty extends SupervisionDutyRow {
  /** No recurring task of the duty is late. */
  upToDate: boolean;
}

export interface UnitBoard {
  unit: { id: string; name: string };
  today: string;
  riskThrough: string;
  posts: PostBoardRow[];
  totals: Omit<PostBoardRow, 'postId' | 'code' | 'name' | 'kind' | 'holderName'>;
  supervisionDuties: SupervisionDuty[];
  /** Tasks of the unit whose current review step is the caller's (never work they do themselves), soonest due first. */
  reviewQueue: string[];
}

@Injectable()
export class BoardService {
  constructor(
    private readonly repository: BoardRepository,
    private readonly access: AccessPolicyService,
    private readonly calendars: CalendarService,
    private readonly clock: Clock,
    private readonly tasks: TaskService,
  ) {}

  async boardOf(actor: Actor, unitId: string): Promise<UnitBoard> {
    await this.access.assertCanSuperviseUnit(actor, unitId, unitNotFound(unitId));
    const unit = await this.repository.findUnit(unitId);
    if (!unit) throw unitNotFound(unitId)();
    const now = this.clock.now();
    const today = localDateOf(now);
    const calendar = await this.calendars.calendarFor(unit.orgId);
    const riskThrough = calendar.addWorkdays(today, AT_RISK_WORKDAYS).date;
    const [counted, queue] = await Promise.all([
      this.repository.countsByPost({ unitId, now, today, riskThrough }),
      this.tasks.awaitingReviewBy(actor, unitId),
    ]);
    const posts = counted.map((row) => ({ ...row, awaitingMyReview: queue.filter((task) => task.chain[0]?.id === row.postId).length }));
    const ownPosts = actor.posts.filter((p) => p.unitId === unitId).map((p) => p.postId);
    const duties = ownPosts.length ? await this.repository.supervisionDuties(ownPosts, now, today) : [];
    return {
      unit: { id: unit.id, name: unit.name },
      today,
      riskThrough,
      posts,
      totals: sumCounts(posts),
      supervisionDuties: duties.map((d) => ({ ...d, upToDate: d.overdue === 0 })),
      reviewQueue: queue.map((task) => task.id),
    };
  }
}

const COUNT_KEYS = ['open', 'atRisk', 'overdue', 'overdueL1', 'overdueL2', 'overdueL3', 'awaitingMyReview', 'pendingExtensions', 'unacknowledgedEscalations'] as const;

export function sumCounts(rows: PostBoardRow[]): UnitBoard['totals'] {
  const totals = Object.fromEntries(COUNT_KEYS.map((k) => [k, 0])) as UnitBoard['totals'];
  for (const row of rows) for (const k of COUNT_KEYS) totals[k] += row[k];
  return totals;
}
