import type { EvidenceKind, TaskStatus } from '@prisma/client';

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

export interface SupersededItem {
  taskId: string;
  kind: EvidenceKind;
  createdBy: string;
  supersededById: string | null;
}

export type SupersedeRefusal = 'NOT_FOUND' | 'KIND_MISMATCH' | 'NOT_OWN' | 'ALREADY_SUPERSEDED';

/**
 * A correction replaces one item of the same task and kind (so required-evidence checks stay
 * meaningful), written by the person who wrote it — nobody rewrites someone else's record; both
 * stay visible. Only the latest version can be corrected, so versions form a single line.
 */
export function checkSupersede(old: SupersededItem | null, next: { taskId: string; kind: EvidenceKind; personId: string }): SupersedeRefusal | null {
  if (!old || old.taskId !== next.taskId) return 'NOT_FOUND';
  if (old.kind !== next.kind) return 'KIND_MISMATCH';
  if (old.createdBy !== next.personId) return 'NOT_OWN';
  if (old.supersededById) return 'ALREADY_SUPERSEDED';
  return null;
}
