import { Injectable, Logger } from '@nestjs/common';
import type { EscalationPolicy } from '@prisma/client';
import { AccessPolicyService, type Actor } from '#libs/auth';
import { CalendarService, type LocalDate } from '#libs/calendar';
import { HistoryService } from '#libs/history';
import { DeadlineService } from '#libs/tasks';
import { LadderResolver } from './escalation-policy.service.js';
import { EscalationPolicyRepository, type PolicyScope } from './escalation-policy.repository.js';
import { policyInvalid, policyNotFound, policyReadDenied, policyScopeNotFound } from './escalation.errors.js';
import { DEFAULT_LADDER, ladderProblem, levelTimes, nextLevelAt, type Ladder } from './rules/ladder.rules.js';

export type PolicyScopeKind = 'DEFAULT' | 'ORGANISATION' | 'UNIT' | 'WORK_ITEM';

export interface PolicyView {
  id: string;
  scope: Exclude<PolicyScopeKind, 'DEFAULT'>;
  unitId: string | null;
  workItemId: string | null;
  ladder: unknown;
  /** A stored ladder that no longer validates is ignored (the default applies) until fixed. */
  problem: string | null;
  updatedBy: string | null;
  updatedAt: string;
}

export interface PoliciesAnswer {
  default: Ladder;
  /** Stored ladders the caller may read (admin: all; a chief: the organisation's and their units'). */
  stored: PolicyView[];
  /** The ladder in force for the asked unit / work item (or the organisation), and where it comes from. */
  effective: { scope: PolicyScopeKind; policyId: string | null; ladder: Ladder };
}

const PAGE = 2000;
const iso = (d: Date) => d.toISOString().slice(0, 10) as LocalDate;
const stream = (orgId: string) => `escalation-policy:${orgId}`;
const scopeOf = (p: EscalationPolicy): PolicyView['scope'] => (p.workItemId ? 'WORK_ITEM' : p.unitId ? 'UNIT' : 'ORGANISATION');

/**
 * Administration of the escalation ladder: the organisation default and unit / work-item
 * overrides (most specific wins). Admin changes them; a unit's chief may read. A change moves the
 * next escalation time of the open tasks it affects, so the sweep acts on the new ladder at once.
 */
@Injectable()
export class PolicyAdminService {
  private readonly logger = new Logger('EscalationPolicy');

  constructor(
    private readonly repository: EscalationPolicyRepository,
    private readonly access: AccessPolicyService,
    private readonly calendars: CalendarService,
    private readonly deadlines: DeadlineService,
    private readonly history: HistoryService,
  ) {}

  async read(actor: Actor, target: { unitId?: string; workItemId?: string }): Promise<PoliciesAnswer> {
    const chiefOf = new Set(actor.posts.filter((p) => p.kind === 'CHIEF').map((p) => p.unitId));
    if (!actor.isAdmin && chiefOf.size === 0) {
      await this.access.assertAdmin(actor, 'escalation-policy.read').catch(() => {
        throw policyReadDenied();
      });
    }
    const org = await this.calendars.resolveOrganisation();
    let unitId: string | null = target.unitId ?? null;
    if (target.workItemId) {
      const item = await this.repository.workItemOf(target.workItemId);
      if (!item || (!actor.isAdmin && !chiefOf.has(item.post.unitId))) throw policyScopeNotFound('WORK_ITEM', target.workItemId);
      unitId = item.post.unitId;
    } else if (unitId) {
      const unit = await this.repository.unitOf(unitId);
      if (!unit || (!actor.isAdmin && !chiefOf.has(unit.id))) throw policyScopeNotFound('UNIT', unitId);
    }
    const stored = await this.repository.storedOf(org.id);
    const readable = actor.isAdmin ? stored : await this.readableByChief(stored, chiefOf);
    const { policy, ladder } = new LadderResolver(stored).pick(org.id, unitId, target.workItemId ?? null);
    return {
      default: DEFAULT_LADDER,
      stored: readable.map(toView),
      effective: { scope: policy ? scopeOf(policy) : 'DEFAULT', policyId: policy?.id ?? null, ladder },
    };
  }

  async set(actor: Actor, scope: PolicyScope, ladder: unknown): Promise<{ policy: PolicyView; recomputedTasks: number }> {
    await this.access.assertAdmin(actor, 'escalation-policy.set');
    const problem = ladderProblem(ladder);
    if (problem) throw policyInvalid(problem);
    const orgId = await this.orgOf(scope);
    const policy = await this.repository.transaction(async (tx) => {
      await this.repository.lockOrg(tx, orgId);
      const before = await this.repository.findStored(tx, orgId, scope);
      const saved = await this.repository.save(tx, orgId, scope, ladder, actor.personId, before?.id ?? null);
      await this.history.record(
        {
          stream: stream(orgId),
          type: 'escalation-policy.set',
          subjectId: saved.id,
          actorUserId: actor.userId,
          actorPersonId: actor.personId,
          data: { scope: scope.kind, ...scopeIds(scope), before: before?.ladder ?? null, after: ladder },
        },
        tx,
      );
      return saved;
    });
    return { policy: toView(policy), recomputedTasks: await this.recompute(orgId, scope) };
  }

  /** Removes a unit or work-item override (or the organisation's own ladder): the next wider one applies. */
  async remove(actor: Actor, scope: PolicyScope): Promise<{ removed: true; recomputedTasks: number }> {
    await this.access.assertAdmin(actor, 'escalation-policy.remove');
    const orgId = await this.orgOf(scope);
    await this.repository.transaction(async (tx) => {
      await this.repository.lockOrg(tx, orgId);
      const before = await this.repository.findStored(tx, orgId, scope);
      if (!before) throw policyNotFound(scope.kind);
      await this.repository.remove(tx, before.id);
      await this.history.record(
        {
          stream: stream(orgId),
          type: 'escalation-policy.removed',
          subjectId: before.id,
          actorUserId: actor.userId,
          actorPersonId: actor.personId,
          data: { scope: scope.kind, ...scopeIds(scope), before: before.ladder },
        },
        tx,
      );
    });
    return { removed: true, recomputedTasks: await this.recompute(orgId, scope) };
  }

  /**
   * Next escalation time of every open task in the changed scope, from the ladder now in force —
   * the same computation the sweep makes after each claim. Runs after the change is committed, in
   * pages; a task the sweep claims meanwhile is recomputed by the sweep itself.
   */
  async recompute(orgId: string, scope: PolicyScope): Promise<number> {
    const [resolver, calendar, { deadlineCutoff }] = await Promise.all([
      this.repository.storedOf(orgId).then((p) => new LadderResolver(p)),
      this.deadlines.calendarFor(orgId),
      this.repository.cutoffOf(orgId),
    ]);
    let moved = 0;
    for (let after: string | null = null; ; ) {
      const page = await this.repository.openTasksPage(orgId, scope, after, PAGE);
      if (page.length === 0) break;
      const updates = page.flatMap((t) => {
        const times = levelTimes(resolver.ladderFor(orgId, t.unitId, t.workItemId), iso(t.dueDate), deadlineCutoff, t.escalationCycle, calendar);
        const next = nextLevelAt(times, t.escalationLevel);
        return (next?.getTime() ?? null) === (t.nextEscalationAt?.getTime() ?? null)
          ? []
          : [{ id: t.id, level: t.escalationLevel, cycle: t.escalationCycle, next }];
      });
      moved += await this.repository.setNextEscalation(updates);
      after = page[page.length - 1]!.id;
      if (page.length < PAGE) break;
    }
    if (moved > 0) this.logger.log(`ladder change moved the next escalation of ${moved} open task(s)`);
    return moved;
  }

  private async orgOf(scope: PolicyScope): Promise<string> {
    if (scope.kind === 'UNIT') {
      const unit = await this.repository.unitOf(scope.unitId);
      if (!unit) throw policyScopeNotFound('UNIT', scope.unitId);
      return unit.orgId;
    }
    if (scope.kind === 'WORK_ITEM') {
      const item = await this.repository.workItemOf(scope.workItemId);
      if (!item) throw policyScopeNotFound('WORK_ITEM', scope.workItemId);
      return item.post.unit.orgId;
    }
    return (await this.calendars.resolveOrganisation()).id;
  }

  private async readableByChief(stored: EscalationPolicy[], chiefOf: Set<string>): Promise<EscalationPolicy[]> {
    const out: EscalationPolicy[] = [];
    for (const p of stored) {
      if (!p.unitId && !p.workItemId) out.push(p);
      else if (p.unitId && chiefOf.has(p.unitId)) out.push(p);
      else if (p.workItemId) {
        const item = await this.repository.workItemOf(p.workItemId);
        if (item && chiefOf.has(item.post.unitId)) out.push(p);
      }
    }
    return out;
  }
}

function scopeIds(scope: PolicyScope): { unitId?: string; workItemId?: string } {
  return scope.kind === 'UNIT' ? { unitId: scope.unitId } : scope.kind === 'WORK_ITEM' ? { workItemId: scope.workItemId } : {};
}

function toView(p: EscalationPolicy): PolicyView {
  return {
    id: p.id,
    scope: scopeOf(p),
    unitId: p.unitId,
    workItemId: p.workItemId,
    ladder: p.ladder,
    problem: ladderProblem(p.ladder),
    updatedBy: p.updatedBy,
    updatedAt: p.updatedAt.toISOString(),
  };
}
