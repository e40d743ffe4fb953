import type { PostKind, TaskStatus } from '@prisma/client';
import { TaskError, TaskErrorCode } from '../task.errors.js';

export type TaskAction = 'ACCEPT' | 'START' | 'SUBMIT' | 'APPROVE' | 'RETURN' | 'CANCEL';

/** What the actor is to this task; a person can be several (e.g. assigner and reviewer). */
export type TaskRole = 'ASSIGNEE' | 'REVIEWER' | 'ASSIGNER' | 'ADMIN';

export interface TaskState {
  status: TaskStatus;
  reviewSteps: PostKind[];
  reviewIndex: number;
}

const FINAL: TaskStatus[] = ['DONE', 'CANCELLED'];

interface Rule {
  from: TaskStatus[];
  roles: TaskRole[];
  denied: TaskErrorCode;
  next(state: TaskState): TaskState;
}

/**
 * The lifecycle, in one place: 签收 accept → start → 报审 submit → 初核/审核 approve along the review
 * steps → 办结 done; 退回 return sends it back to in progress; cancel ends any open task.
 */
const RULES: Record<TaskAction, Rule> = {
  ACCEPT: { from: ['ISSUED'], roles: ['ASSIGNEE'], denied: 'TASK_NOT_ASSIGNEE', next: (s) => ({ ...s, status: 'ACCEPTED' }) },
  START: { from: ['ACCEPTED'], roles: ['ASSIGNEE'], denied: 'TASK_NOT_ASSIGNEE', next: (s) => ({ ...s, status: 'IN_PROGRESS' }) },
  SUBMIT: {
    from: ['IN_PROGRESS'],
    roles: ['ASSIGNEE'],
    denied: 'TASK_NOT_ASSIGNEE',
    // A task with no review step (e.g. the chief's own) is done when submitted.
    next: (s) => ({ ...s, status: s.reviewSteps.length > 0 ? 'SUBMITTED' : 'DONE', reviewIndex: 0 }),
  },
  APPROVE: {
    from: ['SUBMITTED', 'REVIEWED'],
    roles: ['REVIEWER'],
    denied: 'TASK_NOT_REVIEWER',
    next: (s) =>
      s.reviewIndex + 1 >= s.reviewSteps.length
        ? { ...s, status: 'DONE', reviewIndex: s.reviewSteps.length }
        : { ...s, status: 'REVIEWED', reviewIndex: s.reviewIndex + 1 },
  },
  RETURN: {
    from: ['SUBMITTED', 'REVIEWED'],
    roles: ['REVIEWER'],
    denied: 'TASK_NOT_REVIEWER',
    next: (s) => ({ ...s, status: 'IN_PROGRESS', reviewIndex: 0 }),
  },
  CANCEL: {
    from: ['ISSUED', 'ACCEPTED', 'IN_PROGRESS', 'SUBMITTED', 'REVIEWED'],
    roles: ['ASSIGNER', 'ADMIN'],
    denied: 'TASK_NOT_ASSIGNER',
    next: (s) => ({ ...s, status: 'CANCELLED' }),
  },
};

const ACTION_NAME: Record<TaskAction, string> = {
  ACCEPT: '签收',
  START: '开始办理',
  SUBMIT: '报审',
  APPROVE: '审核通过',
  RETURN: '退回',
  CANCEL: '撤销',
};

const STATUS_NAME: Record<TaskStatus, string> = {
  ISSUED: '待签收',
  ACCEPTED: '已签收',
  IN_PROGRESS: '办理中',
  SUBMITTED: '待初核',
  REVIEWED: '待审核',
  DONE: '已办结',
  CANCELLED: '已撤销',
};

/**
 * Why `action` is refused in this state for these roles, or null when it is allowed: the one
 * judgement behind both `transition` and the list of allowed actions (which asks for every action
 * on every task view, so a refusal is not built as an error there).
 */
export function refusalOf(state: TaskState, action: TaskAction, roles: ReadonlySet<TaskRole>): 'ILLEGAL' | 'DENIED' | null {
  const rule = RULES[action];
  if (!rule.from.includes(state.status)) return 'ILLEGAL';
  if (!rule.roles.some((r) => roles.has(r))) return 'DENIED';
  return null;
}

/** The state after `action`, or a typed error: 409 for an illegal transition, 403 for the wrong actor. */
export function transition(state: TaskState, action: TaskAction, roles: ReadonlySet<TaskRole>): TaskState {
  const refusal = refusalOf(state, action, roles);
  if (refusal === 'ILLEGAL') {
    throw new TaskError(
      TaskErrorCode.TASK_ILLEGAL_TRANSITION,
      'CONFLICT',
      `任务当前状态为“${STATUS_NAME[state.status]}”，不能${ACTION_NAME[action]}`,
      { status: state.status, action },
    );
  }
  if (refusal === 'DENIED') {
    throw new TaskError(RULES[action].denied, 'FORBIDDEN', `无权对该任务执行“${ACTION_NAME[action]}”`, { action });
  }
  return RULES[action].next(state);
}

/** The post kind whose holder reviews the task now, or null when no review is pending. */
export function currentReviewer(state: TaskState): PostKind | null {
  if (state.status !== 'SUBMITTED' && state.status !== 'REVIEWED') return null;
  return state.reviewSteps[state.reviewIndex] ?? null;
}

export const isOpen = (status: TaskStatus) => !FINAL.includes(status);
export { STATUS_NAME, ACTION_NAME };
