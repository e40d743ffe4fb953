import type { PostKind } from '@prisma/client';
import { firstReachableAbove } from '#libs/tasks';
import type { RecipientRole } from './ladder.rules.js';

export interface StaffedPost {
  postId: string;
  kind: PostKind;
  holder: string | null;
  /** Holder of the post's AB backup post. */
  backupHolder: string | null;
}

export interface Recipients {
  personIds: string[];
  /** The post whose holders were reached, or null (assignee, or nobody above). */
  viaPostId: string | null;
  /** Nobody above in the system (a chief's own task): the bureau leader, if configured, is told. */
  bureauLeader: boolean;
}

/**
 * Who receives a level: resolved on the task's chain as it is now ([own post, superior, …]).
 * A level whose recipient would be the assignee themself (e.g. the deputy's own task at 催办)
 * goes one level up; a holder who is away is covered by their AB backup, who is told as well.
 */
export function resolveRecipients(
  role: RecipientRole,
  chain: StaffedPost[],
  assigneePersonId: string | null,
  absent: ReadonlySet<string>,
): Recipients {
  if (role === 'ASSIGNEE') {
    const assignee = assigneePersonId ?? chain[0]?.holder ?? null;
    return { personIds: assignee ? [assignee] : [], viaPostId: null, bureauLeader: false };
  }
  const excluded = new Set(assigneePersonId ? [assigneePersonId] : []);
  const reached = firstReachableAbove(role, chain, (post) => withCover(post, absent), excluded);
  if (reached) return { personIds: reached.personIds, viaPostId: reached.post.postId, bureauLeader: false };
  return { personIds: [], viaPostId: null, bureauLeader: true };
}

function withCover(post: StaffedPost, absent: ReadonlySet<string>): string[] {
  const people: string[] = [];
  if (post.holder) people.push(post.holder);
  const covering = post.backupHolder && (post.holder === null || absent.has(post.holder)) && !absent.has(post.backupHolder);
  if (covering && !people.includes(post.backupHolder!)) people.push(post.backupHolder!);
  return people;
}
