import type { TaskStatus } from '@prisma/client';

export type EvidenceAuthorRole = 'ASSIGNEE' | 'REVIEWER';

export interface AuthorContext {
  status: TaskStatus;
  /** The actor is the task's current assignee (the holder, or the AB backup acting for them). */
  isAssignee: boolean;
  /** The actor holds the post that reviews the task's current step. */
  isCurrentReviewer: boolean;
}

export type AuthorDecision =
  | { allowed: true; role: EvidenceAuthorRole }
  | { allowed: false; refusal: 'TASK_CLOSED' | 'UNDER_REVIEW' | 'NOT_AUTHOR' };

const WORKING: TaskStatus[] = ['ISSUED', 'ACCEPTED', 'IN_PROGRESS'];
const REVIEWING: TaskStatus[] = ['SUBMITTED', 'REVIEWED'];

/**
 * Who may add evidence, and when. The assignee documents the work while it is theirs (issued,
 * accepted, in progress). Once submitted the material is frozen for the assignee — what the
 * reviewer approves must not change under them; a return reopens it. The reviewer of the current
 * step may add while reviewing (e.g. the minutes of a review meeting, a note on what was checked).
 * Nobody adds to a finished or cancelled task; its record is closed.
 */
export function decideEvidenceAuthor(ctx: AuthorContext): AuthorDecision {
  if (ctx.status === 'DONE' || ctx.status === 'CANCELLED') return { allowed: false, refusal: 'TASK_CLOSED' };
  if (ctx.isAssignee && WORKING.includes(ctx.status)) return { allowed: true, role: 'ASSIGNEE' };
  if (ctx.isCurrentReviewer && REVIEWING.includes(ctx.status)) return { allowed: true, role: 'REVIEWER' };
  if (ctx.isAssignee && REVIEWING.includes(ctx.status)) return { allowed: false, refusal: 'UNDER_REVIEW' };
  return { allowed: false, refusal: 'NOT_AUTHOR' };
}
