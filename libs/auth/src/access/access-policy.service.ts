import { Injectable } from '@nestjs/common';
import { accessDenied, adminRequired } from '../auth.errors.js';
import { SecurityAuditService, SecurityEventType } from '../audit/security-audit.service.js';
import * as rules from './access.rules.js';
import type { Actor, Decision, PostRef, UnitScope, WorkRef } from './actor.types.js';

/** Builds the error a missing object answers with; a hidden object answers exactly the same. */
export type NotFound = () => Error;

/**
 * The one place object-level access is decided. Domain services call it with the actor and the
 * target before reading or changing anything: `can*` answers yes/no (to filter lists), `assert*`
 * throws ACCESS_DENIED (403) when the actor may know the object exists, else the caller's own
 * not-found error (404, the same as for a missing id), and audits the refusal.
 *
 * Later objects (tasks, escalations, evidence) resolve to their post and use the post rules.
 */
@Injectable()
export class AccessPolicyService {
  constructor(private readonly audit: SecurityAuditService) {}

  visibleUnits(actor: Actor): UnitScope {
    return rules.unitScope(actor);
  }

  canViewUnit(actor: Actor, unitId: string): boolean {
    return rules.canViewUnit(actor, unitId);
  }

  canViewPost(actor: Actor, post: PostRef): boolean {
    return rules.canViewPost(actor, post);
  }

  /** A task: its post's rule, or being party to it now (see rules.canViewWork). */
  canViewWork(actor: Actor, work: WorkRef): boolean {
    return rules.canViewWork(actor, work);
  }

  canActOnPost(actor: Actor, post: PostRef): boolean {
    return rules.canActOnPost(actor, post);
  }

  canSuperviseUnit(actor: Actor, unitId: string): boolean {
    return rules.canSuperviseUnit(actor, unitId);
  }

  canViewUnitReports(actor: Actor, unitId: string): boolean {
    return rules.canViewUnitReports(actor, unitId);
  }

  assertCanViewUnit(actor: Actor, unitId: string, notFound: NotFound): Promise<void> {
    return this.enforce(rules.decideViewUnit(actor, unitId), actor, { action: 'unit.view', type: 'unit', id: unitId }, notFound);
  }

  assertCanViewPost(actor: Actor, post: PostRef, notFound: NotFound): Promise<void> {
    return this.enforce(rules.decideViewPost(actor, post), actor, { action: 'post.view', type: 'post', id: post.id }, notFound);
  }

  assertCanActOnPost(actor: Actor, post: PostRef, notFound: NotFound): Promise<void> {
    return this.enforce(rules.decideActOnPost(actor, post), actor, { action: 'post.act', type: 'post', id: post.id }, notFound);
  }

  assertCanSuperviseUnit(actor: Actor, unitId: string, notFound: NotFound): Promise<void> {
    const decision = rules.decideSuperviseUnit(actor, unitId);
    return this.enforce(decision, actor, { action: 'unit.supervise', type: 'unit', id: unitId }, notFound);
  }

  assertCanViewUnitReports(actor: Actor, unitId: string, notFound: NotFound): Promise<void> {
    const decision = rules.decideViewUnitReports(actor, unitId);
    return this.enforce(decision, actor, { action: 'unit.reports', type: 'unit', id: unitId }, notFound);
  }

  /** Organisation, duty list, calendar and user management. `action` names what was attempted. */
  async assertAdmin(actor: Actor, action: string): Promise<void> {
    if (actor.isAdmin) return;
    await this.recordDenial(actor, { action, type: 'admin', id: null }, 'forbidden');
    throw adminRequired();
  }

  private async enforce(decision: Decision, actor: Actor, target: Target, notFound: NotFound): Promise<void> {
    if (decision === 'allow') return;
    await this.recordDenial(actor, target, decision === 'deny' ? 'forbidden' : 'hidden');
    throw decision === 'deny' ? accessDenied() : notFound();
  }

  private recordDenial(actor: Actor, target: Target, outcome: 'forbidden' | 'hidden'): Promise<void> {
    return this.audit.record({
      type: SecurityEventType.ACCESS_DENIED,
      actorUserId: actor.userId,
      actorPersonId: actor.personId,
      subjectId: target.id,
      data: { action: target.action, resourceType: target.type, outcome, sessionId: actor.sessionId },
    });
  }
}

interface Target {
  action: string;
  type: string;
  id: string | null;
}
