import { Injectable } from '@nestjs/common';
import type { Prisma } from '@prisma/client';
import { AccessPolicyService, type Actor } from '#libs/auth';
import { localDateOf } from '#libs/calendar';
import { Clock } from '#libs/core';
import { transition, type TaskAction } from '../rules/task-state.rules.js';
import { selfReviewError, TaskError, TaskErrorCode, taskNotFound } from '../task.errors.js';
import { reviewAuthority, reviewDecision, taskRoles, taskWork } from './task-access.rules.js';
import { TaskRepository } from './task.repository.js';
import { TaskService } from './task.service.js';

const EVENT: Record<TaskAction, string> = {
  ACCEPT: 'task.accepted',
  START: 'task.started',
  SUBMIT: 'task.submitted',
  APPROVE: 'task.approved',
  RETURN: 'task.returned',
  CANCEL: 'task.cancelled',
};

const EVIDENCE_NAME: Record<string, string> = {
  FILE: '附件',
  NOTE: '说明',
  LINK: '链接',
  DOC_NUMBER: '文号',
  MINUTES: '会议纪要',
};

/**
 * Runs one lifecycle action. The state machine decides legality and who may act; the version
 * check makes concurrent actions on one task resolve to exactly one winner (the rest get 409).
 */
@Injectable()
export class TaskLifecycleService {
  constructor(
    private readonly tasks: TaskRepository,
    private readonly taskService: TaskService,
    private readonly access: AccessPolicyService,
    private readonly clock: Clock,
  ) {}

  async act(actor: Actor, id: string, action: TaskAction, reason?: string): Promise<{ status: string }> {
    if ((action === 'RETURN' || action === 'CANCEL') && !reason?.trim()) {
      throw new TaskError(TaskErrorCode.TASK_REASON_REQUIRED, 'INVALID', action === 'RETURN' ? '退回须填写理由' : '撤销须填写理由');
    }
    return this.tasks.transaction(async (tx) => {
      const task = await this.tasks.findRecord(id, localDateOf(this.clock.now()), tx);
      if (!task || !this.access.canViewWork(actor, taskWork(task))) throw taskNotFound(id);
      const reviewing = action === 'APPROVE' || action === 'RETURN';
      // Someone who would review but works the task is told why, not just "not the reviewer".
      const conflict = reviewing ? selfReviewError(reviewDecision(actor, task) ?? '', id) : null;
      if (conflict) throw conflict;
      const next = transition(task, action, taskRoles(actor, task));
      const authority = reviewing ? reviewAuthority(task) : null;

      if (action === 'SUBMIT') {
        const present = await this.tasks.evidenceKinds(tx, id);
        const missing = task.requiredEvidence.filter((k) => !present.has(k));
        if (missing.length > 0) {
          throw new TaskError(
            TaskErrorCode.TASK_EVIDENCE_MISSING,
            'UNPROCESSABLE',
            `报审前须提交：${missing.map((k) => EVIDENCE_NAME[k] ?? k).join('、')}`,
            { missing },
          );
        }
      }

      const now = this.clock.now();
      const data: Prisma.TaskUncheckedUpdateManyInput = { status: next.status, reviewIndex: next.reviewIndex };
      if (action === 'ACCEPT') data.acceptedAt = now;
      if (action === 'SUBMIT') Object.assign(data, { submittedAt: now, returnReason: null });
      if (action === 'RETURN') data.returnReason = reason!.trim();
      if (action === 'CANCEL') Object.assign(data, { cancelledAt: now, cancelReason: reason!.trim() });
      if (next.status === 'DONE') data.completedAt = now;
      // Finished work never escalates again.
      if (next.status === 'DONE' || next.status === 'CANCELLED') data.nextEscalationAt = null;

      if (!(await this.tasks.updateIfVersion(tx, id, task.version, data))) {
        throw new TaskError(TaskErrorCode.TASK_CONCURRENT_UPDATE, 'CONFLICT', '任务已被他人更新，请刷新后重试', { id });
      }
      await this.taskService.record(tx, id, actor, EVENT[action], {
        from: task.status,
        to: next.status,
        reason: reason?.trim() || undefined,
        reviewStep: reviewing ? task.reviewSteps[task.reviewIndex] : undefined,
        reviewerPostId: authority?.postId ?? undefined,
        // The step went up because the post it belongs to works the task (or is empty).
        reviewMovedUp: authority?.movedUp || undefined,
        bureauLeader: authority?.by === 'BUREAU_LEADER' || undefined,
        actingForPersonId: action === 'ACCEPT' || action === 'SUBMIT' ? (task.actingForPersonId ?? undefined) : undefined,
      });
      return { status: next.status };
    });
  }
}
