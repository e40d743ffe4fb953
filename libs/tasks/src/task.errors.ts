import { DomainError, NotFoundError } from '#libs/core';

export const TaskErrorCode = {
  TASK_NOT_FOUND: 'TASK_NOT_FOUND',
  TASK_ILLEGAL_TRANSITION: 'TASK_ILLEGAL_TRANSITION',
  TASK_NOT_ASSIGNEE: 'TASK_NOT_ASSIGNEE',
  TASK_NOT_REVIEWER: 'TASK_NOT_REVIEWER',
  TASK_SELF_REVIEW: 'TASK_SELF_REVIEW',
  TASK_NO_INDEPENDENT_REVIEWER: 'TASK_NO_INDEPENDENT_REVIEWER',
  TASK_NOT_ASSIGNER: 'TASK_NOT_ASSIGNER',
  TASK_CONCURRENT_UPDATE: 'TASK_CONCURRENT_UPDATE',
  TASK_REASON_REQUIRED: 'TASK_REASON_REQUIRED',
  TASK_ASSIGN_NOT_ALLOWED: 'TASK_ASSIGN_NOT_ALLOWED',
  TASK_EVIDENCE_MISSING: 'TASK_EVIDENCE_MISSING',
  EXTENSION_NOT_FOUND: 'EXTENSION_NOT_FOUND',
  EXTENSION_ALREADY_PENDING: 'EXTENSION_ALREADY_PENDING',
  EXTENSION_NOT_PENDING: 'EXTENSION_NOT_PENDING',
  EXTENSION_NOT_DECIDER: 'EXTENSION_NOT_DECIDER',
  EXTENSION_DATE_INVALID: 'EXTENSION_DATE_INVALID',
  SCHEDULE_NOT_FOUND: 'SCHEDULE_NOT_FOUND',
  SCHEDULE_INVALID: 'SCHEDULE_INVALID',
  WORK_ITEM_NOT_FOUND: 'WORK_ITEM_NOT_FOUND',
  ABSENCE_INVALID: 'ABSENCE_INVALID',
  TASK_ATTACHMENT_NOT_FOUND: 'TASK_ATTACHMENT_NOT_FOUND',
  TASK_ATTACHMENT_NOT_ALLOWED: 'TASK_ATTACHMENT_NOT_ALLOWED',
  TASK_ATTACHMENT_CLOSED: 'TASK_ATTACHMENT_CLOSED',
  TASK_ATTACHMENT_INVALID: 'TASK_ATTACHMENT_INVALID',
  TASK_ATTACHMENT_UNAVAILABLE: 'TASK_ATTACHMENT_UNAVAILABLE',
} as const;

export type TaskErrorCode = (typeof TaskErrorCode)[keyof typeof TaskErrorCode];

export class TaskError extends DomainError {}

export const taskNotFound = (id: string) => new NotFoundError(TaskErrorCode.TASK_NOT_FOUND, '任务不存在', { id });

/**
 * Separation of duties: nobody reviews, approves or decides an extension of work they do (as the
 * post's holder, acting holder or AB cover). Null when the decision is not a conflict.
 */
export function selfReviewError(decision: string, taskId: string): TaskError | null {
  if (decision === 'SELF_REVIEW') {
    return new TaskError(TaskErrorCode.TASK_SELF_REVIEW, 'FORBIDDEN', '不能审核或审批本人承办的任务，该环节已转由上一级办理', { taskId });
  }
  if (decision === 'NO_INDEPENDENT_REVIEWER') {
    return new TaskError(
      TaskErrorCode.TASK_NO_INDEPENDENT_REVIEWER,
      'FORBIDDEN',
      '不能审核或审批本人承办的任务，且本科室无上一级可以办理，请管理员指定分管局领导',
      { taskId },
    );
  }
  return null;
}
