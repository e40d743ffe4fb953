import { Injectable } from '@nestjs/common';
import { type Actor } from '#libs/auth';
import { DateWindowService, addDays, deadlineInstant, localDateOf, type LocalDate } from '#libs/calendar';
import { AppConfig, Clock, KeyedMutex } from '#libs/core';
import { HistoryService } from '#libs/history';
import { OutboxService } from '#libs/notifications';
import { DeadlineService, TaskRepository, TaskService } from '#libs/tasks';
import { EscalationPolicyService } from './escalation-policy.service.js';
import { escalationNotFound, notRecipient, urgeNotAllowed, urgeTooSoon } from './escalation.errors.js';
import { EscalationRepository } from './escalation.repository.js';
import { LEVEL_COLOURS, LEVEL_NAMES, levelTimes } from './rules/ladder.rules.js';

/** A deputy or chief may urge the same task by hand at most once an hour. */
const URGE_INTERVAL_MS = 60 * 60_000;
const iso = (d: Date) => d.toISOString().slice(0, 10) as LocalDate;
// Shanghai midnight of a local date, for period filters.
const startOfDay = (d?: string) => (d ? new Date(`${d}T00:00:00+08:00`) : undefined);

@Injectable()
export class EscalationService {
  /** Urges of one task wait here, not each on a pooled connection (see KeyedMutex). */
  private readonly urging = new KeyedMutex();

  constructor(
    private readonly repository: EscalationRepository,
    private readonly policies: EscalationPolicyService,
    private readonly tasks: TaskService,
    private readonly taskRepository: TaskRepository,
    private readonly deadlines: DeadlineService,
    private readonly outbox: OutboxService,
    private readonly history: HistoryService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly dates: DateWindowService,
  ) {}

  /**
   * Deputies and chiefs see their units' escalations; admin sees all; officers none. The period
   * (`from`, `to`: local dates, from Shanghai midnight) follows the accepted-date rule.
   */
  async list(actor: Actor, query: { unitId?: string; level?: number; acknowledged?: boolean; from?: string; to?: string }, page = 1, pageSize = 50) {
    await this.dates.assertAccepted({ from: query.from, to: query.to });
    const filter = { ...query, from: startOfDay(query.from), to: startOfDay(query.to) };
    const led = [...new Set(actor.posts.filter((p) => p.kind !== 'OFFICER').map((p) => p.unitId))];
    let unitIds: string[] | null = actor.isAdmin ? null : led;
    if (filter.unitId) unitIds = unitIds === null || unitIds.includes(filter.unitId) ? [filter.unitId] : [];
    const [items, total] = await this.repository.list({ ...filter, unitIds }, page, pageSize);
    return {
      items: items.map((e) => ({
        id: e.id,
        level: e.level,
        levelName: LEVEL_NAMES[e.level],
        colour: LEVEL_COLOURS[e.level],
        cycle: e.cycle,
        dueAt: e.dueAt.toISOString(),
        createdAt: e.createdAt.toISOString(),
        overdueWorkdays: e.overdueWorkdays,
        recipients: e.recipients,
        acknowledgedAt: e.acknowledgedAt?.toISOString() ?? null,
        acknowledgedBy: e.acknowledgedBy,
        task: { ...e.task, dueDate: iso(e.task.dueDate) },
      })),
      total,
      page,
      pageSize,
    };
  }

  async acknowledge(actor: Actor, id: string): Promise<{ acknowledgedAt: string }> {
    const escalation = await this.repository.find(id);
    if (!escalation) throw escalationNotFound(id);
    await this.tasks.getVisible(actor, escalation.taskId).catch(() => {
      throw escalationNotFound(id);
    });
    const recipients = (escalation.recipients as { personIds?: string[] }).personIds ?? [];
    if (!actor.personId || !recipients.includes(actor.personId)) throw notRecipient(id);
    const at = this.clock.now();
    await this.repository.transaction(async (tx) => {
      if (!(await this.repository.acknowledge(tx, id, actor.personId!, at))) return;
      await this.history.record(
        {
          stream: `task:${escalation.taskId}`,
          type: 'escalation.acknowledged',
          subjectId: escalation.taskId,
          actorUserId: actor.userId,
          actorPersonId: actor.personId,
          data: { escalationId: id, level: escalation.level },
        },
        tx,
      );
    });
    const after = await this.repository.find(id);
    return { acknowledgedAt: after!.acknowledgedAt!.toISOString() };
  }

  /** 催办 by hand: a deputy or chief above the task's post sends the assignee a message now. */
  async urge(actor: Actor, taskId: string, note?: string): Promise<{ urged: true }> {
    const task = await this.tasks.getVisible(actor, taskId);
    const above = task.chain.slice(1).map((p) => p.id);
    if (!actor.posts.some((p) => above.includes(p.postId))) throw urgeNotAllowed(taskId);
    if (!task.assigneePersonId || task.status === 'DONE' || task.status === 'CANCELLED') throw urgeNotAllowed(taskId);
    const detail = await this.taskRepository.findDetail(taskId);
    const [post] = await this.repository.postsOfUnitsById([task.chain[0].id]);
    const send = () => this.repository.transaction(async (tx) => {
      // The check and the record in one transaction serialised per task (in every API process):
      // read outside it, parallel urges all saw "not urged yet" and all went out.
      await this.repository.lockUrges(tx, taskId);
      const now = this.clock.now();
      const last = await this.repository.lastUrgeAt(tx, taskId);
      if (last && now.getTime() - last.getTime() < URGE_INTERVAL_MS) {
        throw urgeTooSoon(taskId, Math.ceil((URGE_INTERVAL_MS - (now.getTime() - last.getTime())) / 1000));
      }
      await this.history.record(
        { stream: `task:${taskId}`, type: 'task.urged', subjectId: taskId, actorUserId: actor.userId, actorPersonId: actor.personId, data: { note: note ?? null } },
        tx,
      );
      await this.outbox.write(tx, task.orgId, [
        {
          recipientPersonId: task.assigneePersonId!,
          taskId,
          payload: {
            kind: 'URGE',
            level: 2,
            levelName: LEVEL_NAMES[2],
            colour: LEVEL_COLOURS[2],
            taskId,
            taskTitle: detail!.title,
            postName: post?.name ?? '',
            unitName: post?.unitName ?? '',
            assigneeName: null,
            dueDate: iso(task.dueDate),
            overdueWorkdays: 0,
            link: `${this.config.publicUrl}/tasks/${taskId}`,
            note,
          },
        },
      ]);
    });
    await this.urging.run([taskId], send);
    return { urged: true };
  }

  /** What will escalate, to whom, in the next `days` working days if nothing changes. */
  async forecast(actor: Actor, days: number) {
    const led = [...new Set(actor.posts.filter((p) => p.kind !== 'OFFICER').map((p) => p.unitId))];
    const unitIds = actor.isAdmin ? null : led;
    const now = this.clock.now();
    const today = localDateOf(now);
    const tasks = await this.repository.openDueBy(unitIds, new Date(`${addDays(today, days * 2 + 10)}T00:00:00Z`));
    const units = new Map((await this.repository.orgOfUnits([...new Set(tasks.map((t) => t.unitId))])).map((u) => [u.id, u]));
    const ladders = await this.policies.resolverFor([...units.values()].map((u) => u.orgId));
    const items = [];
    for (const t of tasks) {
      const unit = units.get(t.unitId)!;
      const calendar = await this.deadlines.calendarFor(unit.orgId);
      const horizon = deadlineInstant(calendar.addWorkdays(today, days).date, unit.org.deadlineCutoff);
      const times = levelTimes(ladders.ladderFor(unit.orgId, t.unitId, t.workItemId), iso(t.dueDate), unit.org.deadlineCutoff, t.escalationCycle, calendar);
      for (const level of times) {
        if (level.level <= t.escalationLevel || level.at > horizon) continue;
        items.push({
          taskId: t.id,
          title: t.title,
          postId: t.postId,
          dueDate: iso(t.dueDate),
          level: level.level,
          levelName: LEVEL_NAMES[level.level],
          colour: LEVEL_COLOURS[level.level],
          at: level.at.toISOString(),
          recipient: level.recipient,
        });
      }
    }
    return { days, horizonFrom: now.toISOString(), items: items.sort((a, b) => a.at.localeCompare(b.at)) };
  }
}
