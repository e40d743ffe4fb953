import type { PostKind, ResponsibilityType } from '@prisma/client';

const RANK: Record<PostKind, number> = { OFFICER: 0, DEPUTY: 1, CHIEF: 2 };

/**
 * Which reviews a task of a work item needs: items that report up or go for approval (上报, 报批)
 * are reviewed by the deputy (初核) and then the chief (审核); others by the deputy only. Only
 * posts above the task's own post review it, so a deputy's task goes to the chief and a chief's
 * own task needs none.
 */
export function defaultReviewSteps(postKind: PostKind, types: (ResponsibilityType | null)[]): PostKind[] {
  const needsChief = types.some((t) => t === 'REPORT' || t === 'SUBMIT_FOR_APPROVAL');
  const steps: PostKind[] = needsChief ? ['DEPUTY', 'CHIEF'] : ['DEPUTY'];
  const above = steps.filter((k) => RANK[k] > RANK[postKind]);
  if (above.length === 0 && postKind === 'DEPUTY') return ['CHIEF'];
  return above;
}

/** Steps chosen by an assigner must be posts above the task's post, in chain order, without repeats. */
export function validReviewSteps(postKind: PostKind, steps: PostKind[]): boolean {
  return steps.every((k, i) => RANK[k] > RANK[postKind] && (i === 0 || RANK[k] > RANK[steps[i - 1]]));
}

export function rankOf(kind: PostKind): number {
  return RANK[kind];
}
