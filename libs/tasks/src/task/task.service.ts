import { Injectable } from '@nestjs/common';
import type { PostKind } from '@prisma/client';
import { AccessPolicyService, type Actor } from '#libs/auth';
import { localDateOf, type LocalDate } from '#libs/calendar';
import { Clock, type Tx } from '#libs/core';
import { HistoryService } from '#libs/history';
import { RoutingService } from '../assignment/routing.service.js';
import { toAttachmentView } from '../attachment/attachment-view.js';
import { DeadlineService } from '../deadline/deadline.service.js';
import { rankOf, validReviewSteps } from '../rules/review-steps.rules.js';
import { TaskError, TaskErrorCode, taskNotFound } from '../task.errors.js';
import { canAssignTo, extensionDecision, reviewDecision, taskRoles, taskWork } from './task-access.rules.js';
import { allowedTaskActions } from './task-actions.rules.js';
import { historyActorName, historyEventLabel } from './history-labels.js';
import { toDbDate } from './dates.js';
import { TaskRepository } from './task.repository.js';
import type { Page, TaskFilter, TaskRecord, TaskSummary, TaskVisibility } from './task.types.js';
import { DateWindowService } from '#libs/calendar';

/** A step of a task waiting for someone's decision: its review, or an extension request. */
export type AwaitedStep = 'REVIEW' | 'EXTENSION';

export interface NewAdHocTask {
  postId: string;
  title: string;
  description?: string;
  /** A fixed deadline, or a rule (e.g. { kind: 'WORKDAYS_AFTER', days: 5 }) counted from assignedOn. */
  dueDate?: LocalDate;
  deadlineRule?: unknown;
  /** When the task was really assigned (e.g. at a meeting); defaults to today. */
  assignedOn?: LocalDate;
  workItemId?: string;
  reviewSteps?: PostKind[];
  requiredEvidence?: string[];
}

@Injectable()
export class TaskService {
  constructor(
    private readonly tasks: TaskRepository,
    private readonly routing: RoutingService,
    private readonly deadlines: DeadlineService,
    private readonly history: HistoryService,
    private readonly access: AccessPolicyService,
    private readonly clock: Clock,
    private readonly dates: DateWindowService,
  ) {}

  /** 交办: a chief or deputy assigns work to a post below them in their unit. */
  /** `alongside` runs inside the creating transaction (e.g. recording the assigner's attachment), so both land or neither. */
  async createAdHoc(actor: Actor, input: NewAdHocTask, alongside?: (tx: Tx, taskId: string) => Promise<void>): Promise<{ id: string }> {
    const post = await this.tasks.findPostWithOrg(input.postId);
    if (!post || post.retiredAt) throw new TaskError('POST_NOT_FOUND', 'NOT_FOUND', '岗位不存在', { id: input.postId });
    const chain = await this.tasks.chainOf(post.id);
    const assignerPost = canAssignTo(actor, chain);
    if (!assignerPost) {
      // Outside one's units the post is as good as missing; inside, the refusal says why.
      await this.access.assertCanViewUnit(actor, post.unitId, () => new TaskError('POST_NOT_FOUND', 'NOT_FOUND', '岗位不存在', { id: input.postId }));
      throw new TaskError(TaskErrorCode.TASK_ASSIGN_NOT_ALLOWED, 'FORBIDDEN', '只能向本科室下级岗位交办任务', { postId: post.id });
    }
    const workItem = input.workItemId ? await this.tasks.findWorkItem(input.workItemId) : null;
    if (input.workItemId && (!workItem || workItem.postId !== post.id)) {
      throw new TaskError(TaskErrorCode.WORK_ITEM_NOT_FOUND, 'INVALID', '工作事项不属于该岗位', { workItemId: input.workItemId });
    }
    const reviewSteps = input.reviewSteps ?? defaultAdHocReview(post.kind, assignerPost.kind);
    if (!validReviewSteps(post.kind, reviewSteps)) {
      throw new TaskError(TaskErrorCode.SCHEDULE_INVALID, 'INVALID', '审核环节须为该岗位的上级岗位并按层级排列', { reviewSteps });
    }

    await this.dates.assertAccepted({ dueDate: input.dueDate, assignedOn: input.assignedOn }, post.unit.orgId);
    const now = this.clock.now();
    const today = localDateOf(now);
    const assignedOn = input.assignedOn ?? today;
    if (assignedOn > today) throw new TaskError(TaskErrorCode.SCHEDULE_INVALID, 'INVALID', '交办日期不能晚于今天', { assignedOn });
    if (!input.dueDate && input.deadlineRule === undefined) {
      throw new TaskError(TaskErrorCode.SCHEDULE_INVALID, 'INVALID', '须指定办理期限（日期或规则）');
    }
    const deadline = await this.deadlines.resolve(post.unit.orgId, post.unit.org.deadlineCutoff, assignedOn, {
      dueDate: input.dueDate,
      rule: input.deadlineRule,
    });

    return this.tasks.transaction(async (tx) => {
      const route = (await this.routing.routesFor([post.id], today, tx)).get(post.id)!;
      const task = await this.tasks.create(tx, {
        kind: 'AD_HOC',
        unitId: post.unitId,
        postId: post.id,
        assigneePersonId: route.assigneePersonId,
        actingForPersonId: route.actingForPersonId,
        workItemId: workItem?.id ?? null,
        title: input.title,
        description: input.description ?? '',
        status: 'ISSUED',
        reviewSteps,
        assignedById: actor.personId,
        assignedByPostId: assignerPost.id,
        assignedOn: toDbDate(assignedOn),
        issuedAt: now,
        deadlineRule: (deadline.rule as object | null) ?? undefined,
        dueDate: toDbDate(deadline.dueDate),
        dueAt: deadline.dueAt,
        deadlineProvisional: deadline.provisional,
        deadlineExplanation: deadline.explanation,
        requiredEvidence: input.requiredEvidence ?? workItem?.requiredEvidence ?? [],
        // The sweep looks at a new task at once and sets the real first level's time from the
        // ladder (the L0 reminder comes before the deadline; only the escalation lib knows when).
        nextEscalationAt: now,
      });
      await this.record(tx, task.id, actor, 'task.created', {
        kind: 'AD_HOC',
        postId: post.id,
        title: input.title,
        assigneePersonId: route.assigneePersonId,
        actingForPersonId: route.actingForPersonId,
        assignedOn,
        dueDate: deadline.dueDate,
        deadline: deadline.explanation,
        reviewSteps,
      });
      if (alongside) await alongside(tx, task.id);
      return task;
    });
  }

  /** A task the actor may see; anything else answers the same 404 as a missing id. */
  async getVisible(actor: Actor, id: string): Promise<TaskRecord> {
    const task = await this.tasks.findRecord(id, localDateOf(this.clock.now()));
    if (!task || !this.access.canViewWork(actor, taskWork(task))) throw taskNotFound(id);
    return task;
  }

  async detail(actor: Actor, id: string) {
    // Read together with the access check and dropped unseen if it fails: a task view is then two
    // round trips (the session, then these three statements at once), not four.
    const [record, detail, events] = await Promise.all([
      this.getVisible(actor, id),
      this.tasks.findDetail(id),
      this.history.listStreamWithActorNames(`task:${id}`),
    ]);
    const { attachments, ...task } = detail!;
    const history = events.map(({ actorPersonName, actorUserName, ...e }) => ({
      ...e,
      actorName: historyActorName({ ...e, actorPersonName, actorUserName }),
      label: historyEventLabel(e.type),
    }));
    // What the caller may do now, so clients show only those actions.
    const allowedActions = allowedTaskActions({
      state: record,
      roles: taskRoles(actor, record),
      extensionPending: task.extensionRequests.some((r) => r.status === 'PENDING'),
      decidesExtensions: extensionDecision(actor, record) === 'ALLOWED',
    });
    return { task, history, allowedActions, attachments: attachments.map(toAttachmentView) };
  }

  /**
   * Tasks whose current review step is the actor's now, in one unit or wherever they review: the
   * review rule decides, so someone who works a task never finds it here and whoever the step went
   * up to does.
   */
  async awaitingReviewBy(actor: Actor, unitId?: string): Promise<TaskRecord[]> {
    if (!actor.personId) return [];
    const today = localDateOf(this.clock.now());
    const records = await this.tasks.pendingStepRecords(unitId ? { unitId } : { personId: actor.personId }, today);
    return records.filter((record) => reviewDecision(actor, record) === 'ALLOWED');
  }

  /**
   * Everything waiting for the actor's decision wherever they decide: tasks whose current review
   * step is theirs, and open tasks whose extension request is theirs to decide (the same rule:
   * e.g. the bureau leader for a chief's own task), each with what it waits for.
   */
  async awaitingDecisionBy(actor: Actor): Promise<{ task: TaskRecord; awaiting: AwaitedStep[] }[]> {
    if (!actor.personId) return [];
    const today = localDateOf(this.clock.now());
    const records = await this.tasks.pendingStepRecords({ personId: actor.personId }, today, true);
    return records
      .map((task) => {
        const awaiting: AwaitedStep[] = [];
        if (reviewDecision(actor, task) === 'ALLOWED') awaiting.push('REVIEW');
        if (task.extensionPending && extensionDecision(actor, task) === 'ALLOWED') awaiting.push('EXTENSION');
        return { task, awaiting };
      })
      .filter((entry) => entry.awaiting.length > 0);
  }

  async list(actor: Actor, filter: TaskFilter, page: Page): Promise<{ items: TaskSummary[]; total: number }> {
    const day = (d?: Date) => d?.toISOString().slice(0, 10);
    await this.dates.assertAccepted({ dueFrom: day(filter.dueFrom), dueTo: day(filter.dueTo) });
    const visibility: TaskVisibility = actor.isAdmin
      ? { all: true }
      : {
          all: false,
          unitIds: [...new Set(actor.posts.filter((p) => p.kind !== 'OFFICER').map((p) => p.unitId))],
          postIds: actor.posts.map((p) => p.postId),
          personId: actor.personId,
        };
    return this.tasks.list(visibility, filter, page, this.clock.now(), actor.personId);
  }

  record(tx: Tx, taskId: string, actor: Actor | null, type: string, data: Record<string, unknown>): Promise<void> {
    return this.history.record(
      {
        stream: `task:${taskId}`,
        type,
        subjectId: taskId,
        actorUserId: actor?.userId ?? null,
        actorPersonId: actor?.personId ?? null,
        data,
      },
      tx,
    );
  }
}

/** The assigner decides; by default every level from the post up to the assigner reviews. */
function defaultAdHocReview(postKind: PostKind, assignerKind: PostKind): PostKind[] {
  return (['DEPUTY', 'CHIEF'] as PostKind[]).filter((k) => rankOf(k) > rankOf(postKind) && rankOf(k) <= rankOf(assignerKind));
}
