import type { PostKind } from '@prisma/client';
import { rankOf } from './review-steps.rules.js';

export interface Reached<P> {
  post: P;
  personIds: string[];
}

/**
 * The one walk up a task's chain ([own post, its superior, …]): from the first post above the
 * task's own whose level is `from` or higher, the first post with someone in it who is not
 * excluded. Escalation uses it so a level never reaches the assignee themself, and reviews and
 * extension decisions so nobody decides on work they do or assigned (separation of duties).
 * null: nobody above inside the system (e.g. a chief's own task) — the bureau leader's turn.
 */
export function firstReachableAbove<P extends { kind: PostKind }>(
  from: PostKind,
  chain: readonly P[],
  peopleOf: (post: P) => readonly string[],
  excluded: ReadonlySet<string>,
): Reached<P> | null {
  for (const post of chain.slice(1)) {
    if (rankOf(post.kind) < rankOf(from)) continue;
    const personIds = peopleOf(post).filter((p) => !excluded.has(p));
    if (personIds.length > 0) return { post, personIds };
  }
  return null;
}
