import type { EvidenceKind } from '@prisma/client';

// Who may add evidence is a task rule (the console's allowed actions need it too); it lives in libs/tasks.
export { decideEvidenceAuthor, type AuthorContext, type AuthorDecision, type EvidenceAuthorRole } from '#libs/tasks';

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
