import type { PostKind } from '@prisma/client';

/** A post the actor holds today (substantive or acting: both carry the post's authority). */
export interface ActorPost {
  postId: string;
  unitId: string;
  kind: PostKind;
}

/**
 * Who is making a request, resolved once per request from the access token's session. Every
 * access decision is taken from this and the target object, never from the request itself.
 */
export interface Actor {
  userId: string;
  username: string;
  personId: string | null;
  isAdmin: boolean;
  sessionId: string;
  posts: ActorPost[];
}

/** What the rules need to know about a post (a task, escalation or evidence resolves to its post). */
export interface PostRef {
  id: string;
  unitId: string;
  reportsToId: string | null;
}

/**
 * A piece of work (a task) for the access rules: its post, and the people party to it now — who
 * works it, who assigned it, and who takes a step of it that is pending (a review, an extension
 * decision), as the owning library's separation-of-duties rule names them.
 */
export interface WorkRef {
  post: PostRef;
  parties: readonly string[];
}

export type Role = 'officer' | 'deputy' | 'chief';

export type ActorRole = { role: Role; unitId: string } | { role: 'admin' };

/**
 * allow: go ahead. deny: the target is visible to the actor but the action is not theirs (403).
 * hide: the actor may not even know the target exists (404, identical to a missing id).
 */
export type Decision = 'allow' | 'deny' | 'hide';

/** Units an actor may see: all of them (admin) or a fixed list. */
export type UnitScope = { all: true } | { all: false; unitIds: string[] };
