import type { PostKind } from '@prisma/client';
import type { Actor, ActorRole, Decision, PostRef, Role, UnitScope, WorkRef } from './actor.types.js';

/*
 * The access rules, as pure functions of the actor and the target. Existence is revealed per unit:
 * holding any post in a unit makes its objects "visible" (a refusal is then 403); outside one's
 * units a refusal is indistinguishable from a missing id (404). Admin manages the organisation and
 * sees every unit, but acts on work only through posts the admin person actually holds.
 */

const ROLE_OF_KIND: Record<PostKind, Role> = { OFFICER: 'officer', DEPUTY: 'deputy', CHIEF: 'chief' };

/** Roles come from posts held today; `admin` is the explicit account flag. */
export function rolesOf(actor: Actor): ActorRole[] {
  const seen = new Set<string>();
  const roles: ActorRole[] = [];
  for (const p of actor.posts) {
    const role = ROLE_OF_KIND[p.kind];
    const key = `${role}:${p.unitId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    roles.push({ role, unitId: p.unitId });
  }
  if (actor.isAdmin) roles.push({ role: 'admin' });
  return roles;
}

export function holdsPost(actor: Actor, postId: string): boolean {
  return actor.posts.some((p) => p.postId === postId);
}

export function isMemberOfUnit(actor: Actor, unitId: string): boolean {
  return actor.posts.some((p) => p.unitId === unitId);
}

/** Deputy or chief of the unit: sees every post and item of it. */
export function leadsUnit(actor: Actor, unitId: string): boolean {
  return actor.posts.some((p) => p.unitId === unitId && (p.kind === 'DEPUTY' || p.kind === 'CHIEF'));
}

/** The actor holds the post this one reports to (the deputy over an officer, the chief over the deputy). */
export function supervisesPost(actor: Actor, post: PostRef): boolean {
  return post.reportsToId !== null && holdsPost(actor, post.reportsToId);
}

export function unitScope(actor: Actor): UnitScope {
  if (actor.isAdmin) return { all: true };
  return { all: false, unitIds: [...new Set(actor.posts.map((p) => p.unitId))] };
}

export function canViewUnit(actor: Actor, unitId: string): boolean {
  return actor.isAdmin || isMemberOfUnit(actor, unitId);
}

export function canViewPost(actor: Actor, post: PostRef): boolean {
  return actor.isAdmin || holdsPost(actor, post.id) || leadsUnit(actor, post.unitId);
}

/**
 * Seeing a piece of work: whoever may see its post, and the people party to it now (e.g. an AB
 * backup working it, or the bureau leader a review or an extension decision went up to) — only the
 * work itself, and only while they are party to it; nothing else of the unit becomes visible.
 */
export function canViewWork(actor: Actor, work: WorkRef): boolean {
  return canViewPost(actor, work.post) || (actor.personId !== null && work.parties.includes(actor.personId));
}

/** Acting on a post's work: its holder, or the holder of the post it reports to. Never admin as such. */
export function canActOnPost(actor: Actor, post: PostRef): boolean {
  return holdsPost(actor, post.id) || supervisesPost(actor, post);
}

export function canSuperviseUnit(actor: Actor, unitId: string): boolean {
  return leadsUnit(actor, unitId);
}

export function canViewUnitReports(actor: Actor, unitId: string): boolean {
  return actor.posts.some((p) => p.unitId === unitId && p.kind === 'CHIEF');
}

/** Turns a yes/no into allow, or deny/hide depending on whether the actor may know the unit. */
export function decide(allowed: boolean, actor: Actor, unitId: string): Decision {
  if (allowed) return 'allow';
  return canViewUnit(actor, unitId) ? 'deny' : 'hide';
}

export const decideViewUnit = (actor: Actor, unitId: string): Decision => decide(canViewUnit(actor, unitId), actor, unitId);
export const decideViewPost = (actor: Actor, post: PostRef): Decision => decide(canViewPost(actor, post), actor, post.unitId);
export const decideActOnPost = (actor: Actor, post: PostRef): Decision => decide(canActOnPost(actor, post), actor, post.unitId);
export const decideSuperviseUnit = (actor: Actor, unitId: string): Decision =>
  decide(canSuperviseUnit(actor, unitId), actor, unitId);
export const decideViewUnitReports = (actor: Actor, unitId: string): Decision =>
  decide(canViewUnitReports(actor, unitId), actor, unitId);
