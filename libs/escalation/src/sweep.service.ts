import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { localDateOf, overdueWorkdays, type LocalDate, type WorkingCalendar } from '#libs/calendar';
import { AppConfig, Clock, SetAsideService, isTransientError, type SqlTx } from '#libs/core';
import { HistoryService } from '#libs/history';
import { OutboxService, type OutgoingMessage } from '#libs/notifications';
import { DeadlineService, RoutingService, type PostStaffing } from '#libs/tasks';
import { EscalationPolicyService, type LadderResolver } from './escalation-policy.service.js';
import { EscalationRepository, type ChainRow, type DueTask, type NewEscalation } from './escalation.repository.js';
import { LEVEL_COLOURS, LEVEL_NAMES, dueLevels, levelTimes, nextLevelAt, type Ladder, type LevelTime } from './rules/ladder.rules.js';
import { resolveRecipients, type Recipients as Resolved, type StaffedPost } from './rules/recipients.rules.js';

type Recipients = Resolved & { role: string };

interface RunContext {
  calendars: Map<string, WorkingCalendar>;
  /** Keyed by the sorted organisation ids of a batch. */
  ladders: Map<string, LadderResolver>;
  /** Level instants per ladder and `org|due date|cut-off|cycle`. */
  levelTimes: WeakMap<Ladder, Map<string, LevelTime[]>>;
  /** The claimed tasks' posts and the posts above them, with who holds them (and who is away) today. */
  posts: Map<string, ChainRow>;
  staffing: Map<string, PostStaffing>;
  absent: Set<string>;
}

export interface SweepResult {
  tasks: number;
  escalations: number;
  messages: number;
}

// Tasks per transaction: large enough to amortise the round trips, small enough that history's
// per-stream advisory locks (one per task) stay far below the server's lock table.
const BATCH = 1000;
const iso = (d: Date) => d.toISOString().slice(0, 10) as LocalDate;

/**
 * Records every escalation level that has come due, exactly once: claims due tasks in batches
 * (FOR UPDATE SKIP LOCKED, so several sweepers share the work), inserts the levels under the
 * unique (task, level, cycle) key, writes the outbox in the same transaction and moves each
 * task's next escalation time. Cost follows what is due, not what is open.
 */
@Injectable()
export class SweepService {
  private readonly logger = new Logger('EscalationSweep');

  constructor(
    private readonly repository: EscalationRepository,
    private readonly policies: EscalationPolicyService,
    private readonly routing: RoutingService,
    private readonly deadlines: DeadlineService,
    private readonly outbox: OutboxService,
    private readonly history: HistoryService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly setAside: SetAsideService,
  ) {}

  async sweep(options: { batchSize?: number; maxBatches?: number } = {}): Promise<SweepResult> {
    const total: SweepResult = { tasks: 0, escalations: 0, messages: 0 };
    // Calendars, ladders, the post chains and their staffing are read once per run, not per batch:
    // a run lasts seconds, and a change made meanwhile applies from the next run (the minute after).
    const run: RunContext = { calendars: new Map(), ladders: new Map(), levelTimes: new WeakMap(), posts: new Map(), staffing: new Map(), absent: new Set() };
    const size = options.batchSize ?? BATCH;
    for (let i = 0; i < (options.maxBatches ?? Number.MAX_SAFE_INTEGER); i++) {
      let batch: SweepResult;
      try {
        batch = await this.repository.sweepTransaction((tx) => this.sweepBatch(tx, size, run));
      } catch (error) {
        // The database or the network: nothing is wrong with the tasks, the next run tries again.
        if (isTransientError(error)) throw error;
        batch = await this.sweepOneByOne(size, run, error);
      }
      total.tasks += batch.tasks;
      total.escalations += batch.escalations;
      total.messages += batch.messages;
      if (batch.tasks < size) break;
    }
    if (total.escalations > 0) this.logger.log(`recorded ${total.escalations} escalation(s) on ${total.tasks} task(s)`);
    return total;
  }

  /**
   * A batch failed on something in its data: the same tasks again, each in its own transaction,
   * so that the one that fails is set aside with its error (and left out of claims until its
   * retry time) while the others are escalated. Only a failed batch pays for this.
   */
  private async sweepOneByOne(size: number, run: RunContext, batchError: unknown): Promise<SweepResult> {
    const ids = await this.repository.dueIds(this.clock.now(), size);
    this.logger.log(`a batch of ${ids.length} task(s) failed (${(batchError as Error)?.message ?? String(batchError)}); retrying them one by one`);
    const total: SweepResult = { tasks: 0, escalations: 0, messages: 0 };
    for (const id of ids) {
      try {
        const one = await this.repository.sweepTransaction((tx) => this.sweepBatch(tx, 1, run, [id]));
        total.escalations += one.escalations;
        total.messages += one.messages;
      } catch (error) {
        if (isTransientError(error)) throw error;
        await this.setAside.setAside('ESCALATION_SWEEP', id, error);
      }
      total.tasks += 1;
    }
    return total;
  }

  private async sweepBatch(tx: SqlTx, limit: number, run: RunContext, ids?: string[]): Promise<SweepResult> {
    const now = this.clock.now();
    const tasks = await this.repository.claimDue(tx, now, limit, ids);
    if (tasks.length === 0) return { tasks: 0, escalations: 0, messages: 0 };

    const today = localDateOf(now);
    const orgIds = [...new Set(tasks.map((t) => t.orgId))].sort();
    const calendars = run.calendars;
    for (const orgId of orgIds) if (!calendars.has(orgId)) calendars.set(orgId, await this.deadlines.calendarFor(orgId));
    const ladderKey = orgIds.join(',');
    let ladders = run.ladders.get(ladderKey);
    if (!ladders) run.ladders.set(ladderKey, (ladders = await this.policies.resolverFor(orgIds)));
    await this.loadChains(tx, tasks, today, run);
    const { posts, staffing, absent } = run;

    const plans = tasks.map((task) => this.plan(task, ladders, calendars.get(task.orgId)!, now, run.levelTimes));
    const planOf = new Map(plans.map((p) => [p.task.id, p]));
    const recipientsOf = new Map<string, Recipients>();
    for (const { task, due } of plans) {
      for (const level of due) recipientsOf.set(`${task.id}|${level.level}`, this.recipients(task, level, posts, staffing, absent, ladders));
    }
    // Working days overdue: shown by the escalation rows and the messages, the same for every task
    // of an organisation due on the same day and cut-off, so computed once per deadline.
    const overdue = new Map<string, number>();
    const overdueOf = (task: DueTask) => {
      const key = `${task.orgId}|${iso(task.dueDate)}|${task.cutoff}`;
      let n = overdue.get(key);
      if (n === undefined) overdue.set(key, (n = overdueWorkdays(iso(task.dueDate), task.cutoff, now, calendars.get(task.orgId)!)));
      return n;
    };
    const levels: NewEscalation[] = plans.flatMap(({ task, due }) =>
      due.map((level) => ({
        // Chosen here, so the messages can be prepared while the database records the levels.
        id: randomUUID(),
        taskId: task.id,
        unitId: task.unitId,
        level: level.level,
        cycle: task.escalationCycle,
        dueAt: level.at,
        recipients: recipientsOf.get(`${task.id}|${level.level}`)!,
        overdueWorkdays: overdueOf(task),
      })),
    );
    const recording = this.repository.recordLevels(tx, levels, plans.map((p) => ({ id: p.task.id, level: p.reached, next: p.next })));
    // The batch's longest statement is now running: build the messages meanwhile, as if every level
    // were new (the claimed tasks are locked, so one recorded before is a rare inconsistency).
    // (Awaited below; the handler only keeps a failure from counting as unhandled should building the messages throw first.)
    recording.catch(() => undefined);
    let messages = this.messages(planOf, levels, recipientsOf, posts, overdueOf);
    const inserted = await recording;
    if (inserted.length < levels.length) messages = this.messages(planOf, inserted, recipientsOf, posts, overdueOf);
    const byOrg = new Map<string, OutgoingMessage[]>();
    for (const { orgId, message } of messages) {
      const mine = byOrg.get(orgId);
      if (mine) mine.push(message);
      else byOrg.set(orgId, [message]);
    }
    const writeOutbox = async () => {
      for (const [orgId, mine] of byOrg) await this.outbox.write(tx, orgId, mine);
    };
    const recordHistory = this.history.recordMany(
      inserted.map((e) => ({
        stream: `task:${e.taskId}`,
        type: 'escalation.raised',
        subjectId: e.taskId,
        data: {
          escalationId: e.id,
          level: e.level,
          levelName: LEVEL_NAMES[e.level],
          cycle: planOf.get(e.taskId)!.task.escalationCycle,
          recipients: recipientsOf.get(`${e.taskId}|${e.level}`),
        },
      })),
      tx,
    );
    // Both on the transaction's one connection: their statements queue in order, and each one's
    // CPU work (building the outbox rows, hashing the chain) runs while the other's statement
    // executes. allSettled, not all: neither may still be sending statements when a failure rolls
    // the transaction back and the connection goes back to the pool.
    const settled = await Promise.allSettled([writeOutbox(), recordHistory]);
    for (const result of settled) if (result.status === 'rejected') throw result.reason;
    const recovered = tasks.filter((t) => t.setAside).map((t) => t.id);
    if (recovered.length > 0) await this.setAside.clear('ESCALATION_SWEEP', recovered, tx);
    return { tasks: tasks.length, escalations: inserted.length, messages: messages.length };
  }

  /** Reads the chains of posts not seen earlier in this run, and their staffing today. */
  private async loadChains(tx: SqlTx, tasks: DueTask[], today: LocalDate, run: RunContext): Promise<void> {
    const unseen = [...new Set(tasks.map((t) => t.postId))].filter((id) => !run.posts.has(id));
    if (unseen.length === 0) return;
    const chain = (await this.repository.chainPosts(tx, unseen)).filter((p) => !run.posts.has(p.id));
    const { staffing, absent } = await this.routing.staffing(
      chain.map((p) => p.id),
      today,
      tx,
    );
    for (const p of chain) run.posts.set(p.id, p);
    for (const [id, s] of staffing) run.staffing.set(id, s);
    for (const person of absent) run.absent.add(person);
  }

  private plan(task: DueTask, ladders: LadderResolver, calendar: WorkingCalendar, now: Date, memo: RunContext['levelTimes']) {
    // Tasks that come due together mostly share their deadline: the level instants are computed
    // once per (organisation, ladder, deadline, cycle) in a run rather than once per task.
    const ladder = ladders.ladderFor(task.orgId, task.unitId, task.workItemId);
    let byDeadline = memo.get(ladder);
    if (!byDeadline) memo.set(ladder, (byDeadline = new Map()));
    const key = `${task.orgId}|${iso(task.dueDate)}|${task.cutoff}|${task.escalationCycle}`;
    let times = byDeadline.get(key);
    if (!times) byDeadline.set(key, (times = levelTimes(ladder, iso(task.dueDate), task.cutoff, task.escalationCycle, calendar)));
    const due = dueLevels(times, task.escalationLevel, now);
    const reached = due.length > 0 ? due[due.length - 1].level : task.escalationLevel;
    return { task, due, reached, next: nextLevelAt(times, reached) };
  }

  private recipients(
    task: DueTask,
    level: LevelTime,
    posts: Map<string, ChainRow>,
    staffing: Map<string, PostStaffing>,
    absent: Set<string>,
    ladders: LadderResolver,
  ): Recipients {
    const chain: StaffedPost[] = [];
    for (let id: string | null = task.postId; id && chain.length < 5; id = posts.get(id)?.reportsToId ?? null) {
      const post = posts.get(id);
      if (!post) break;
      const s = staffing.get(id) ?? { holder: null, backupHolder: null };
      chain.push({ postId: id, kind: post.kind, holder: s.holder, backupHolder: s.backupHolder });
    }
    const resolved = resolveRecipients(level.recipient, chain, task.assigneePersonId, absent);
    // Nobody above inside the system (a chief's own task): the bureau leader, when set, gets the level's message.
    const leader = resolved.bureauLeader ? ladders.bureauLeaderOf(task.orgId) : null;
    if (leader && leader !== task.assigneePersonId) resolved.personIds = [leader];
    return { role: level.recipient, ...resolved };
  }

  /** One message per recipient and task, naming the highest level reached in this sweep. */
  private messages(
    planOf: Map<string, ReturnType<SweepService['plan']>>,
    inserted: { id: string; taskId: string; level: number }[],
    recipientsOf: Map<string, Recipients>,
    posts: Map<string, ChainRow>,
    overdueOf: (task: DueTask) => number,
  ): { orgId: string; message: OutgoingMessage }[] {
    const best = new Map<string, { plan: ReturnType<SweepService['plan']>; level: number; escalationId: string }>();
    for (const e of inserted) {
      const plan = planOf.get(e.taskId)!;
      for (const personId of recipientsOf.get(`${e.taskId}|${e.level}`)!.personIds) {
        const key = `${e.taskId}|${personId}`;
        if ((best.get(key)?.level ?? -1) < e.level) best.set(key, { plan, level: e.level, escalationId: e.id });
      }
    }
    return [...best.entries()].map(([key, { plan, level, escalationId }]) => {
      const { task } = plan;
      const post = posts.get(task.postId)!;
      return {
        orgId: task.orgId,
        message: {
          recipientPersonId: key.split('|')[1],
          taskId: task.id,
          escalationId,
          payload: {
            kind: 'ESCALATION' as const,
            level,
            levelName: LEVEL_NAMES[level],
            colour: LEVEL_COLOURS[level],
            taskId: task.id,
            taskTitle: task.title,
            postName: post.name,
            unitName: post.unitName,
            assigneeName: task.assigneePersonId ? task.assigneeName : null,
            dueDate: iso(task.dueDate),
            overdueWorkdays: overdueOf(task),
            link: `${this.config.publicUrl}/tasks/${task.id}`,
          },
        },
      };
    });
  }
}
