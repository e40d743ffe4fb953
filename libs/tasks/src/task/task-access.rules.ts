import { canViewPost, holdsPost, type Actor } from '#libs/auth';
import { currentReviewer, type TaskRole } from '../rules/task-state.rules.js';
import type { ChainPost, TaskRecord } from './task.types.js';

const postRef = (p: ChainPost) => ({ id: p.id, unitId: p.unitId, reportsToId: p.reportsToId });

/** The post in the task's chain (above its own) whose holder reviews the current step. */
export function reviewerPost(task: TaskRecord): ChainPost | null {
  const kind = currentReviewer(task);
  return kind ? (task.chain.slice(1).find((p) => p.kind === kind) ?? null) : null;
}

/** The post one level above the task's post: it decides extension requests. */
export function superiorPost(task: TaskRecord): ChainPost | null {
  return task.chain[1] ?? null;
}

/** What the actor is to the task. Roles come from posts and from being the named assignee or assigner. */
export function taskRoles(actor: Actor, task: TaskRecord): Set<TaskRole> {
  const roles = new Set<TaskRole>();
  if (actor.personId && actor.personId === task.assigneePersonId) roles.add('ASSIGNEE');
  if (actor.personId && actor.personId === task.assignedById) roles.add('ASSIGNER');
  const reviewer = reviewerPost(task);
  if (reviewer && holdsPost(actor, reviewer.id)) roles.add('REVIEWER');
  if (actor.isAdmin) roles.add('ADMIN');
  return roles;
}

/** Who may see a task: whoever may see its post, and whoever works or reviews it (e.g. an AB backup). */
export function canViewTask(actor: Actor, task: TaskRecord): boolean {
  if (canViewPost(actor, postRef(task.chain[0]))) return true;
  const roles = taskRoles(actor, task);
  return roles.has('ASSIGNEE') || roles.has('REVIEWER') || roles.has('ASSIGNER');
}

/**
 * Ad-hoc assignment (交办) goes down the chain only: a chief or deputy assigns to a post that
 * reports (directly or through the deputy) to a post they hold, in their unit.
 */
export function canAssignTo(actor: Actor, targetChain: ChainPost[]): ChainPost | null {
  for (const superior of targetChain.slice(1)) {
    const held = actor.posts.find((p) => p.postId === superior.id);
    if (held && held.kind !== 'OFFICER') return superior;
  }
  return null;
}
