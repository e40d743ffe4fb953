import { Injectable } from '@nestjs/common';
import { Prisma, type EscalationPolicy } from '@prisma/client';
import { PrismaService, type Tx } from '#libs/core';

/** Where a stored ladder applies: the organisation default, a unit override or a work-item override. */
export type PolicyScope = { kind: 'ORGANISATION' } | { kind: 'UNIT'; unitId: string } | { kind: 'WORK_ITEM'; workItemId: string };

/** An open task as the ladder recomputation needs it. */
export interface LadderTask {
  id: string;
  unitId: string;
  workItemId: string | null;
  dueDate: Date;
  escalationLevel: number;
  escalationCycle: number;
  nextEscalationAt: Date | null;
}

const OPEN = ['ISSUED', 'ACCEPTED', 'IN_PROGRESS', 'SUBMITTED', 'REVIEWED'] as const;

/** Stored escalation settings of organisations: ladders (org default, unit and work-item overrides) and the bureau leader. */
@Injectable()
export class EscalationPolicyRepository {
  constructor(private readonly prisma: PrismaService) {}

  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    return this.prisma.$transaction((tx) => fn(tx), { timeout: 120_000 });
  }

  /** 分管局领导 per organisation, where one is set. */
  async bureauLeaders(orgIds: string[]): Promise<{ orgId: string; personId: string }[]> {
    if (orgIds.length === 0) return [];
    const rows = await this.prisma.organisation.findMany({
      where: { id: { in: orgIds }, bureauLeaderPersonId: { not: null } },
      select: { id: true, bureauLeaderPersonId: true },
    });
    return rows.map((r) => ({ orgId: r.id, personId: r.bureauLeaderPersonId! }));
  }

  bureauLeaderOf(orgId: string) {
    return this.prisma.organisation.findUniqueOrThrow({ where: { id: orgId }, select: { bureauLeaderPersonId: true } });
  }

  /** The current bureau leader, with the organisation row locked so concurrent saves record a true "before". */
  async lockBureauLeader(tx: Tx, orgId: string): Promise<string | null> {
    const rows = await tx.$queryRaw<{ bureau_leader_person_id: string | null }[]>`
      SELECT bureau_leader_person_id FROM organisation WHERE id = ${orgId}::uuid FOR UPDATE`;
    return rows[0]?.bureau_leader_person_id ?? null;
  }

  async setBureauLeader(tx: Tx, orgId: string, personId: string | null): Promise<void> {
    await tx.organisation.update({ where: { id: orgId }, data: { bureauLeaderPersonId: personId } });
  }

  findPerson(id: string) {
    return this.prisma.person.findUnique({ where: { id }, select: { id: true, name: true, email: true } });
  }

  storedOf(orgId: string): Promise<EscalationPolicy[]> {
    return this.prisma.escalationPolicy.findMany({ where: { orgId }, orderBy: [{ updatedAt: 'asc' }] });
  }

  unitOf(id: string) {
    return this.prisma.unit.findUnique({ where: { id }, select: { id: true, orgId: true, name: true } });
  }

  /** A work item with the post and unit it belongs to (for access and the organisation). */
  workItemOf(id: string) {
    return this.prisma.workItem.findUnique({
      where: { id },
      select: { id: true, title: true, post: { select: { id: true, unitId: true, reportsToId: true, unit: { select: { orgId: true } } } } },
    });
  }

  /**
   * Serialises changes to one organisation's ladders: the (org, unit, work item) key holds NULLs,
   * which a unique index does not compare, so two concurrent first writes must not both insert.
   */
  async lockOrg(tx: Tx, orgId: string): Promise<void> {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`escalation-policy:${orgId}`}))`;
  }

  findStored(tx: Tx, orgId: string, scope: PolicyScope): Promise<EscalationPolicy | null> {
    return tx.escalationPolicy.findFirst({ where: { orgId, ...keyOf(scope) } });
  }

  async save(tx: Tx, orgId: string, scope: PolicyScope, ladder: unknown, personId: string | null, existingId: string | null): Promise<EscalationPolicy> {
    const data = { ladder: ladder as Prisma.InputJsonValue, updatedBy: personId };
    return existingId
      ? tx.escalationPolicy.update({ where: { id: existingId }, data })
      : tx.escalationPolicy.create({ data: { orgId, ...keyOf(scope), ...data } });
  }

  async remove(tx: Tx, id: string): Promise<void> {
    await tx.escalationPolicy.delete({ where: { id } });
  }

  /** A page (id order) of the open tasks a ladder change may move: the organisation's, a unit's or a work item's. */
  async openTasksPage(orgId: string, scope: PolicyScope, afterId: string | null, limit: number): Promise<LadderTask[]> {
    const orgUnits = async () => (await this.prisma.unit.findMany({ where: { orgId }, select: { id: true } })).map((u) => u.id);
    const where: Prisma.TaskWhereInput = {
      status: { in: [...OPEN] },
      ...(afterId ? { id: { gt: afterId } } : {}),
      ...(scope.kind === 'UNIT' ? { unitId: scope.unitId } : scope.kind === 'WORK_ITEM' ? { workItemId: scope.workItemId } : { unitId: { in: await orgUnits() } }),
    };
    return this.prisma.task.findMany({
      where,
      orderBy: { id: 'asc' },
      take: limit,
      select: { id: true, unitId: true, workItemId: true, dueDate: true, escalationLevel: true, escalationCycle: true, nextEscalationAt: true },
    });
  }

  /**
   * Sets new next escalation times in one statement. A row the sweep advanced meanwhile (its level
   * moved) is left alone: the sweep computed its next time from the current ladder already.
   */
  async setNextEscalation(updates: { id: string; level: number; cycle: number; next: Date | null }[]): Promise<number> {
    if (updates.length === 0) return 0;
    return this.prisma.$executeRaw`
      UPDATE task t SET next_escalation_at = v.next
        FROM unnest(${updates.map((u) => u.id)}::uuid[], ${updates.map((u) => u.level)}::int[], ${updates.map((u) => u.cycle)}::int[],
                    ${updates.map((u) => u.next)}::timestamptz[]) AS v(id, level, cycle, next)
       WHERE t.id = v.id AND t.escalation_level = v.level AND t.escalation_cycle = v.cycle
         AND t.status NOT IN ('DONE', 'CANCELLED')`;
  }

  cutoffOf(orgId: string): Promise<{ deadlineCutoff: string }> {
    return this.prisma.organisation.findUniqueOrThrow({ where: { id: orgId }, select: { deadlineCutoff: true } });
  }
}

function keyOf(scope: PolicyScope): { unitId: string | null; workItemId: string | null } {
  if (scope.kind === 'UNIT') return { unitId: scope.unitId, workItemId: null };
  if (scope.kind === 'WORK_ITEM') return { unitId: null, workItemId: scope.workItemId };
  return { unitId: null, workItemId: null };
}
