import type { TaskStatus } from '@prisma/client';
import { decideEvidenceAuthor } from './evidence-author.rules.js';

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
