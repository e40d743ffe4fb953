import { Injectable } from '@nestjs/common';
import type { EscalationPolicy } from '@prisma/client';
import { EscalationPolicyRepository } from './escalation-policy.repository.js';
import { EscalationRepository } from './escalation.repository.js';
import { DEFAULT_LADDER, ladderProblem, type Ladder } from './rules/ladder.rules.js';

/** Resolves the ladder of a task: its work item's override, else its unit's, else the organisation's, else the default. */
export class LadderResolver {
  constructor(
    private readonly policies: EscalationPolicy[],
    private readonly leaders: ReadonlyMap<string, string> = new Map(),
  ) {}

  /** The organisation's bureau leader (分管局领导), told when nobody above the assignee is in the system. */
  bureauLeaderOf(orgId: string): string | null {
    return this.leaders.get(orgId) ?? null;
  }

  ladderFor(orgId: string, unitId: string, workItemId: string | null): Ladder {
    return this.pick(orgId, unitId, workItemId).ladder;
  }

  /** The ladder in force and the stored policy it comes from (null: the built-in default). */
  pick(orgId: string, unitId: string | null, workItemId: string | null): { policy: EscalationPolicy | null; ladder: Ladder } {
    const mine = this.policies.filter((p) => p.orgId === orgId);
    const pick =
      (workItemId && mine.find((p) => p.workItemId === workItemId)) ||
      (unitId && mine.find((p) => p.unitId === unitId && !p.workItemId)) ||
      mine.find((p) => !p.unitId && !p.workItemId);
    // A stored ladder that no longer validates must not silence escalation: fall back to the default.
    return pick && ladderProblem(pick.ladder) === null ? { policy: pick, ladder: pick.ladder as unknown as Ladder } : { policy: null, ladder: DEFAULT_LADDER };
  }
}

@Injectable()
export class EscalationPolicyService {
  constructor(
    private readonly repository: EscalationRepository,
    private readonly stored: EscalationPolicyRepository,
  ) {}

  async resolverFor(orgIds: string[]): Promise<LadderResolver> {
    const ids = [...new Set(orgIds)];
    const [policies, leaders] = await Promise.all([this.repository.policies(ids), this.stored.bureauLeaders(ids)]);
    return new LadderResolver(policies, new Map(leaders.map((l) => [l.orgId, l.personId])));
  }
}
