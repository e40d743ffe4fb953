import type { PostKind } from '@prisma/client';
import { firstReachableAbove } from './chain-walk.rules.js';

/** What separation of duties needs to know about a task: who works it and its chain. */
export interface StepParties {
  /** [own post, its superior, …] with the people holding each today. */
  chain: readonly { id: string; kind: PostKind; holders: readonly string[] }[];
  assigneePersonId: string | null;
  /** The absent holder an AB backup works the task for. */
  actingForPersonId: string | null;
  bureauLeaderPersonId: string | null;
}

/** Who takes a step: the holders of a post, the bureau leader, or nobody at all. */
export type StepAuthority =
  | { by: 'POST'; postId: string; personIds: string[]; movedUp: boolean }
  | { by: 'BUREAU_LEADER'; postId: null; personIds: string[]; movedUp: true }
  | { by: 'NOBODY'; postId: null; personIds: string[]; movedUp: true };

/**
 * ALLOWED: the person takes the step. SELF_REVIEW: they would, but they work the task
 * and someone above takes it instead. NO_INDEPENDENT_REVIEWER: they would, and nobody else may.
 * NOT_DECIDER: the step is not theirs at all.
 */
export type StepDecision = 'ALLOWED' | 'SELF_REVIEW' | 'NO_INDEPENDENT_REVIEWER' | 'NOT_DECIDER';

/**
 * Who may not decide on the task: whoever works it — the holders of its post (substantive or
 * acting), the assignee (an AB backup included) and the holder they cover for. An assigner is
 * barred when they assigned the work to themselves (they are then one of these); assigning work
 * to someone else and checking it (交办 then 审核) is the ordinary duty of a chief or deputy.
 */
export function conflictedParties(p: StepParties): Set<string> {
  const people = [...(p.chain[0]?.holders ?? []), p.assigneePersonId, p.actingForPersonId];
  return new Set(people.filter((x): x is string => x !== null));
}

/**
 * Who takes a step that belongs to posts of `level` (a review step's kind: 初核 DEPUTY, 审核 CHIEF;
 * for an extension request the kind of the post one level up): the holders of the first post at
 * or above that level in the chain who do not work the task — the same walk as
 * escalation's — then the bureau leader when named, else nobody.
 */
export function stepAuthority(level: PostKind, p: StepParties): StepAuthority {
  return authorityWithout(level, p, conflictedParties(p));
}

/** What `personId` may do about the step, and if not, why (so the refusal can say so). */
export function decideStep(personId: string | null, level: PostKind, p: StepParties): StepDecision {
  if (!personId) return 'NOT_DECIDER';
  const conflicted = conflictedParties(p);
  const authority = authorityWithout(level, p, conflicted);
  if (authority.personIds.includes(personId)) return 'ALLOWED';
  if (!conflicted.has(personId)) return 'NOT_DECIDER';
  // A conflict is the reason only if the step would have been theirs without it.
  conflicted.delete(personId);
  if (!authorityWithout(level, p, conflicted).personIds.includes(personId)) return 'NOT_DECIDER';
  return authority.by === 'NOBODY' ? 'NO_INDEPENDENT_REVIEWER' : 'SELF_REVIEW';
}

function authorityWithout(level: PostKind, p: StepParties, excluded: ReadonlySet<string>): StepAuthority {
  const natural = p.chain.slice(1).find((post) => post.kind === level) ?? null;
  const reached = firstReachableAbove(level, p.chain, (post) => post.holders, excluded);
  if (reached) return { by: 'POST', postId: reached.post.id, personIds: reached.personIds, movedUp: reached.post !== natural };
  if (p.bureauLeaderPersonId && !excluded.has(p.bureauLeaderPersonId)) {
    return { by: 'BUREAU_LEADER', postId: null, personIds: [p.bureauLeaderPersonId], movedUp: true };
  }
  return { by: 'NOBODY', postId: null, personIds: [], movedUp: true };
}
