import { Injectable } from '@nestjs/common';
import type { EscalationPolicy } from '@prisma/client';
import { EscalationRepository } from './escalation.repository.js';
import { DEFAULT_LADDER, ladderProblem, type Ladder } from './rules/ladder.rules.js';

/** Resolves the ladder of a task: its work item's override, else its unit's, else the organisation's, else the default. */
export class LadderResolver {
  constructor(private readonly policies: EscalationPolicy[]) {}

  ladderFor(orgId: string, unitId: string, workItemId: string | null): Ladder {
    const mine = this.policies.filter((p) => p.orgId === orgId);
    const pick =
      (workItemId && mine.find((p) => p.workItemId === workItemId)) ||
      mine.find((p) => p.unitId === unitId && !p.workItemId) ||
      mine.find((p) => !p.unitId && !p.workItemId);
    // A stored ladder that no longer validates must not silence escalation: fall back to the default.
    return pick && ladderProblem(pick.ladder) === null ? (pick.ladder as unknown as Ladder) : DEFAULT_LADDER;
  }
}

@Injectable()
export class EscalationPolicyService {
  constructor(private readonly repository: EscalationRepository) {}

  async resolverFor(orgIds: string[]): Promise<LadderResolver> {
    return new LadderResolver(await this.repository.policies([...new Set(orgIds)]));
  }
}
