import type { TaskStatus } from '@prisma/client';
import { checkSupersede, decideEvidenceAuthor, type SupersededItem } from './evidence-author.rules.js';

describe('decideEvidenceAuthor', () => {
  it.each<[TaskStatus, boolean, boolean, string]>([
    ['ISSUED', true, false, 'ASSIGNEE'],
    ['ACCEPTED', true, false, 'ASSIGNEE'],
    ['IN_PROGRESS', true, false, 'ASSIGNEE'],
    ['SUBMITTED', true, false, 'UNDER_REVIEW'],
    ['REVIEWED', true, false, 'UNDER_REVIEW'],
    ['SUBMITTED', false, true, 'REVIEWER'],
    ['REVIEWED', false, true, 'REVIEWER'],
    ['IN_PROGRESS', false, true, 'NOT_AUTHOR'],
    ['IN_PROGRESS', false, false, 'NOT_AUTHOR'],
    ['DONE', true, false, 'TASK_CLOSED'],
    ['CANCELLED', false, true, 'TASK_CLOSED'],
    // A chief reviewing their own deputy's task while also its assignee cannot happen; if it did,
    // reviewing wins while the task is under review.
    ['SUBMITTED', true, true, 'REVIEWER'],
  ])('%s, assignee %s, reviewer %s → %s', (status, isAssignee, isCurrentReviewer, expected) => {
    const decision = decideEvidenceAuthor({ status, isAssignee, isCurrentReviewer });
    expect(decision.allowed ? decision.role : decision.refusal).toBe(expected);
  });
});

describe('checkSupersede', () => {
  const old: SupersededItem = { taskId: 't1', kind: 'NOTE', createdBy: 'p1', supersededById: null };
  const next = { taskId: 't1', kind: 'NOTE' as const, personId: 'p1' };

  it.each<[string, SupersededItem | null, typeof next, string | null]>([
    ['own latest item of the same kind', old, next, null],
    ['a missing item', null, next, 'NOT_FOUND'],
    ['an item of another task', { ...old, taskId: 't2' }, next, 'NOT_FOUND'],
    ['a different kind', { ...old, kind: 'LINK' }, next, 'KIND_MISMATCH'],
    ["someone else's item", { ...old, createdBy: 'p2' }, next, 'NOT_OWN'],
    ['an item already corrected', { ...old, supersededById: 'e2' }, next, 'ALREADY_SUPERSEDED'],
  ])('%s → %s', (_name, item, input, expected) => {
    expect(checkSupersede(item, input)).toBe(expected);
  });
});
