import type { Actor, WorkRef } from '#libs/auth';
import { decideStep, stepAuthority, type StepAuthority, type StepDecision } from '../rules/separation-of-duties.rules.js';
import { currentReviewer, type TaskRole } from '../rules/task-state.rules.js';
import type { ChainPost, TaskRecord } from './task.types.js';

const postRef = (p: ChainPost) => ({ id: p.id, unitId: p.unitId, reportsToId: p.reportsToId });

/**
 * Who takes the current review step: the holders of the step's post in the task's chain, unless
 * they work the task — then the next level up, then the bureau leader (separation of duties).
 * null when no review is pending.
 */
export function reviewAuthority(task: TaskRecord): StepAuthority | null {
  const kind = currentReviewer(task);
  return kind ? stepAuthority(kind, task) : null;
}

/** What the actor may do about the current review step (null: no review is pending). */
export function reviewDecision(actor: Actor, task: TaskRecord): StepDecision | null {
  const kind = currentReviewer(task);
  return kind ? decideStep(actor.personId, kind, task) : null;
}

/**
 * What the actor may do about an extension request: it belongs to the post one level up, with
 * the same separation of duties as a review (a chief's own task: the bureau leader).
 */
export function extensionDecision(actor: Actor, task: TaskRecord): StepDecision {
  return decideStep(actor.personId, extensionLevel(task), task);
}

/** Who decides an extension request of the task (see extensionDecision). */
export function extensionAuthority(task: TaskRecord): StepAuthority {
  return stepAuthority(extensionLevel(task), task);
}

const extensionLevel = (task: TaskRecord) => task.chain[1]?.kind ?? 'CHIEF';

/** What the actor is to the task. Roles come from being the named assignee or assigner, and from the review rule. */
export function taskRoles(actor: Actor, task: TaskRecord): Set<TaskRole> {
  const roles = new Set<TaskRole>();
  if (actor.personId && actor.personId === task.assigneePersonId) roles.add('ASSIGNEE');
  if (actor.personId && actor.personId === task.assignedById) roles.add('ASSIGNER');
  if (reviewDecision(actor, task) === 'ALLOWED') roles.add('REVIEWER');
  if (actor.isAdmin) roles.add('ADMIN');
  return roles;
}

/**
 * The task for the access policy (AccessPolicyService.canViewWork): its post, and the people party
 * to it now — its assignee and assigner, whoever takes its current review step and, while an
 * extension request waits, whoever decides it (separation of duties: e.g. the bureau leader on a
 * chief's own task). They see the task, and only while that lasts.
 */
export function taskWork(task: TaskRecord): WorkRef {
  const parties = [task.assigneePersonId, task.assignedById, ...(reviewAuthority(task)?.personIds ?? [])];
  if (task.extensionPending) parties.push(...extensionAuthority(task).personIds);
  return { post: postRef(task.chain[0]), parties: parties.filter((p): p is string => p !== null) };
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
