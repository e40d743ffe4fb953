import { Injectable } from '@nestjs/common';
import { Prisma } from '@prisma/client';
import type { Actor } from '#libs/auth';
import { deadlineInstant, localDateOf, parseLocalDate, type LocalDate } from '#libs/calendar';
import { Clock, NotFoundError, type Tx } from '#libs/core';
import { isOpen } from '../rules/task-state.rules.js';
import { selfReviewError, TaskError, TaskErrorCode } from '../task.errors.js';
import { fromDbDate, toDbDate } from './dates.js';
import { extensionDecision, taskRoles } from './task-access.rules.js';
import { ExtensionRepository } from './extension.repository.js';
import { TaskRepository } from './task.repository.js';
import { TaskService } from './task.service.js';
import { DateWindowService } from '#libs/calendar';

const notFound = (id: string) => new NotFoundError(TaskErrorCode.EXTENSION_NOT_FOUND, '延期申请不存在', { id });

/**
 * 延期申请: asked by whoever works the task, decided by the holder of the post one level up — or,
 * when they work the task themselves, the next level up (separation of duties, see extensionDecision).
 */
@Injectable()
export class ExtensionService {
  constructor(
    private readonly tasks: TaskRepository,
    private readonly extensions: ExtensionRepository,
    private readonly taskService: TaskService,
    private readonly clock: Clock,
    private readonly dates: DateWindowService,
  ) {}

  async request(actor: Actor, taskId: string, input: { reason: string; newDueDate: string }): Promise<{ id: string }> {
    const task = await this.taskService.getVisible(actor, taskId);
    if (!taskRoles(actor, task).has('ASSIGNEE')) {
      throw new TaskError(TaskErrorCode.TASK_NOT_ASSIGNEE, 'FORBIDDEN', '只有承办人可以申请延期', { taskId });
    }
    await this.dates.assertAccepted({ newDueDate: input.newDueDate });
    if (!isOpen(task.status)) throw new TaskError(TaskErrorCode.TASK_ILLEGAL_TRANSITION, 'CONFLICT', '任务已结束，不能申请延期');
    const newDueDate = this.date(input.newDueDate);
    if (newDueDate <= fromDbDate(task.dueDate)) {
      throw new TaskError(TaskErrorCode.EXTENSION_DATE_INVALID, 'INVALID', '延期后的期限须晚于当前期限', { newDueDate });
    }
    return this.tasks.transaction(async (tx) => {
      try {
        const created = await this.extensions.create(tx, { taskId, requestedBy: actor.personId!, reason: input.reason, newDueDate: toDbDate(newDueDate) });
        await this.taskService.record(tx, taskId, actor, 'extension.requested', { extensionId: created.id, reason: input.reason, newDueDate });
        return created;
      } catch (e) {
        // The partial unique index allows one undecided request per task.
        if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002') {
          throw new TaskError(TaskErrorCode.EXTENSION_ALREADY_PENDING, 'CONFLICT', '该任务已有待审批的延期申请', { taskId });
        }
        throw e;
      }
    });
  }

  async decide(actor: Actor, id: string, approve: boolean, note?: string): Promise<{ status: string; dueDate?: string }> {
    const request = await this.extensions.find(id);
    if (!request) throw notFound(id);
    const task = await this.tasks.findRecord(request.taskId, localDateOf(this.clock.now())).catch(() => null);
    if (!task) throw notFound(id);
    const decision = extensionDecision(actor, task);
    if (decision !== 'ALLOWED') {
      const conflict = selfReviewError(decision, task.id);
      if (conflict) throw conflict;
      // Not yours to decide: hide it from those who cannot see the task at all.
      await this.taskService.getVisible(actor, task.id).catch(() => {
        throw notFound(id);
      });
      throw new TaskError(TaskErrorCode.EXTENSION_NOT_DECIDER, 'FORBIDDEN', '延期申请由上一级岗位审批', { id });
    }
    return this.tasks.transaction(async (tx) => {
      if (!(await this.extensions.decide(tx, id, approve, actor.personId!, note ?? null, this.clock.now()))) {
        throw new TaskError(TaskErrorCode.EXTENSION_NOT_PENDING, 'CONFLICT', '该延期申请已处理', { id });
      }
      if (!approve) {
        await this.taskService.record(tx, task.id, actor, 'extension.rejected', { extensionId: id, note });
        return { status: 'REJECTED' };
      }
      const newDueDate = fromDbDate(request.newDueDate);
      await this.moveDeadline(tx, task.id, task.version, newDueDate, request.orgCutoff);
      await this.taskService.record(tx, task.id, actor, 'extension.approved', {
        extensionId: id,
        from: fromDbDate(task.dueDate),
        to: newDueDate,
        note,
      });
      return { status: 'APPROVED', dueDate: newDueDate };
    });
  }

  /** An approved extension moves the deadline and restarts the escalation ladder from the top. */
  private async moveDeadline(tx: Tx, taskId: string, version: number, dueDate: LocalDate, cutoff: string): Promise<void> {
    const dueAt = deadlineInstant(dueDate, cutoff);
    const moved = await this.tasks.updateIfVersion(tx, taskId, version, {
      dueDate: toDbDate(dueDate),
      dueAt,
      deadlineExplanation: `经批准延期至 ${dueDate}`,
      escalationLevel: -1,
      escalationCycle: { increment: 1 },
      nextEscalationAt: dueAt,
    });
    if (!moved) throw new TaskError(TaskErrorCode.TASK_CONCURRENT_UPDATE, 'CONFLICT', '任务已被他人更新，请刷新后重试', { taskId });
  }

  private date(value: string): LocalDate {
    try {
      return parseLocalDate(value);
    } catch {
      throw new TaskError(TaskErrorCode.EXTENSION_DATE_INVALID, 'INVALID', 'newDueDate 须为 YYYY-MM-DD 日期', { newDueDate: value });
    }
  }
}
