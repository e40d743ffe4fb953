import { decideEvidenceAuthor } from '../rules/evidence-author.rules.js';
import { isOpen, refusalOf, type TaskAction, type TaskRole, type TaskState } from '../rules/task-state.rules.js';

/**
 * What the caller may do to a task right now, so a client shows only those buttons. Lifecycle
 * actions come from the state machine itself (an action is allowed exactly when `transition`
 * accepts it: both ask `refusalOf`), so the list can never disagree with what the API then does.
 */
export type AllowedTaskAction =
  | TaskAction
  /** 延期申请: the assignee of an open task without an undecided request. */
  | 'REQUEST_EXTENSION'
  /** Approve or reject the pending extension request: the holder of the post one level up (or above, when they work the task). */
  | 'DECIDE_EXTENSION'
  /** 履职留痕: the assignee while working, the current reviewer while reviewing. */
  | 'ADD_EVIDENCE';

export const ALLOWED_TASK_ACTIONS: readonly AllowedTaskAction[] = ['ACCEPT', 'START', 'SUBMIT', 'APPROVE', 'RETURN', 'CANCEL', 'REQUEST_EXTENSION', 'DECIDE_EXTENSION', 'ADD_EVIDENCE'];

export interface TaskActionContext {
  state: TaskState;
  roles: ReadonlySet<TaskRole>;
  extensionPending: boolean;
  /** The caller decides extension requests of the task (see extensionDecision: separation of duties applies). */
  decidesExtensions: boolean;
}

const LIFECYCLE: TaskAction[] = ['ACCEPT', 'START', 'SUBMIT', 'APPROVE', 'RETURN', 'CANCEL'];

export function allowedTaskActions(ctx: TaskActionContext): AllowedTaskAction[] {
  const allowed: AllowedTaskAction[] = LIFECYCLE.filter((action) => refusalOf(ctx.state, action, ctx.roles) === null);
  const open = isOpen(ctx.state.status);
  if (open && ctx.roles.has('ASSIGNEE') && !ctx.extensionPending) allowed.push('REQUEST_EXTENSION');
  if (open && ctx.extensionPending && ctx.decidesExtensions) allowed.push('DECIDE_EXTENSION');
  if (decideEvidenceAuthor({ status: ctx.state.status, isAssignee: ctx.roles.has('ASSIGNEE'), isCurrentReviewer: ctx.roles.has('REVIEWER') }).allowed) {
    allowed.push('ADD_EVIDENCE');
  }
  return allowed;
}
