import { Injectable, Logger } from '@nestjs/common';
import { localDateOf, parseDeadlineRule, type LocalDate, type WorkingCalendar } from '#libs/calendar';
import { Clock, SetAsideService, isTransientError } from '#libs/core';
import { HistoryService } from '#libs/history';
import { RoutingService } from '../assignment/routing.service.js';
import { DeadlineService } from '../deadline/deadline.service.js';
import { parseRecurrence } from '../rules/recurrence.rules.js';
import { defaultReviewSteps } from '../rules/review-steps.rules.js';
import { fromDbDate } from '../task/dates.js';
import { planOccurrences, type PlannedOccurrence } from './schedule-plan.rules.js';
import { ScheduleRepository, type GeneratedOccurrence, type GeneratedTaskTemplate, type ScheduleWithContext } from './schedule.repository.js';

export interface GenerationResult {
  schedules: number;
  created: number;
  /** Occurrences another run had already created. */
  existing: number;
  lateIssued: number;
  /** Schedules whose generation threw: set aside with their error (a dry run only counts them). */
  setAside: number;
  /** With dryRun: what would be created. */
  planned?: { scheduleId: string; title: string; occurrenceDate: string; issueDate: string; dueDate: string; lateIssued: boolean }[];
}

interface SchedulePlan {
  schedule: ScheduleWithContext;
  planned: PlannedOccurrence[];
  through: LocalDate | null;
}

// Schedules per transaction (a year of weekly ones is ~50 tasks each): fewer, larger statements.
const BATCH = 500;

/**
 * Creates exactly one task per schedule occurrence whose issue date has come. Safe to run from
 * several workers at once and to re-run after a crash: the unique (schedule, occurrence) key
 * decides, each batch is one transaction, and every schedule remembers how far it got.
 */
@Injectable()
export class TaskGenerationService {
  private readonly logger = new Logger('TaskGeneration');

  constructor(
    private readonly schedules: ScheduleRepository,
    private readonly routing: RoutingService,
    private readonly deadlines: DeadlineService,
    private readonly history: HistoryService,
    private readonly clock: Clock,
    private readonly setAside: SetAsideService,
  ) {}

  async generate(options: { until?: LocalDate; dryRun?: boolean } = {}): Promise<GenerationResult> {
    const now = this.clock.now();
    const today = localDateOf(now);
    const until = options.until ?? today;
    const calendars = new Map<string, WorkingCalendar>();
    const result: GenerationResult = { schedules: 0, created: 0, existing: 0, lateIssued: 0, setAside: 0, ...(options.dryRun ? { planned: [] } : {}) };
    // One small read per run: schedules set aside earlier (waiting ones are skipped, the others
    // are retried and their record cleared once they go through).
    const waiting = await this.setAside.waiting('TASK_GENERATION');
    const recorded = await this.setAside.all('TASK_GENERATION');

    for (let afterId: string | null = null; ; ) {
      const batch = await this.schedules.activeBatch(afterId, BATCH);
      if (batch.length === 0) break;
      afterId = batch[batch.length - 1].id;
      result.schedules += batch.length;

      const plans: SchedulePlan[] = [];
      const recovered: string[] = [];
      for (const schedule of batch) {
        if (waiting.has(schedule.id)) continue;
        let plan: SchedulePlan;
        try {
          plan = await this.plan(schedule, calendars, until, today);
        } catch (error) {
          // A schedule whose stored rule or dates cannot be planned must not stop the others.
          if (isTransientError(error)) throw error;
          result.setAside++;
          if (!options.dryRun) await this.setAside.setAside('TASK_GENERATION', schedule.id, error);
          continue;
        }
        if (plan.planned.length > 0) plans.push(plan);
        else if (recorded.has(schedule.id)) recovered.push(schedule.id);
      }

      if (options.dryRun) {
        for (const { schedule, planned } of plans) {
          for (const p of planned) {
            result.planned!.push({ scheduleId: schedule.id, title: schedule.title, occurrenceDate: p.occurrenceDate, issueDate: p.issueDate, dueDate: p.dueDate, lateIssued: p.lateIssued });
          }
        }
        continue;
      }
      if (recovered.length > 0) await this.setAside.clear('TASK_GENERATION', recovered);
      if (plans.length > 0) await this.writeOrIsolate(plans, recorded, today, now, result);
    }
    if (result.created > 0) this.logger.log(`created ${result.created} task(s) (${result.lateIssued} late-issued)`);
    return result;
  }

  private async plan(schedule: ScheduleWithContext, calendars: Map<string, WorkingCalendar>, until: LocalDate, today: LocalDate): Promise<SchedulePlan> {
    const orgId = schedule.workItem.post.unit.orgId;
    if (!calendars.has(orgId)) calendars.set(orgId, await this.deadlines.calendarFor(orgId));
    const { planned, generatedThrough } = planOccurrences(
      {
        recurrence: parseRecurrence(schedule.recurrence),
        deadlineRule: schedule.deadlineRule ? parseDeadlineRule(schedule.deadlineRule) : null,
        leadWorkdays: schedule.leadWorkdays,
        startDate: fromDbDate(schedule.startDate),
        endDate: schedule.endDate ? fromDbDate(schedule.endDate) : null,
        generatedThrough: schedule.generatedThrough ? fromDbDate(schedule.generatedThrough) : null,
      },
      until,
      today,
      calendars.get(orgId)!,
      schedule.workItem.post.unit.org.deadlineCutoff,
    );
    return { schedule, planned, through: generatedThrough };
  }

  /**
   * One transaction for the batch; when it fails on something in its data, each schedule again
   * in a transaction of its own, so the one the database (or the code) refuses is set aside and
   * the others' tasks are issued. Only a failed batch pays for this.
   */
  private async writeOrIsolate(plans: SchedulePlan[], recorded: Set<string>, today: LocalDate, now: Date, result: GenerationResult): Promise<void> {
    try {
      await this.writeBatch(plans, recorded, today, now, result);
      return;
    } catch (error) {
      if (isTransientError(error)) throw error;
      this.logger.log(`a batch of ${plans.length} schedule(s) failed (${(error as Error)?.message ?? String(error)}); retrying them one by one`);
    }
    for (const plan of plans) {
      try {
        await this.writeBatch([plan], recorded, today, now, result);
      } catch (error) {
        if (isTransientError(error)) throw error;
        result.setAside++;
        await this.setAside.setAside('TASK_GENERATION', plan.schedule.id, error);
      }
    }
  }

  private async writeBatch(
    plans: SchedulePlan[],
    recorded: Set<string>,
    today: LocalDate,
    now: Date,
    result: GenerationResult,
  ): Promise<void> {
    await this.schedules.generationTransaction(async (tx) => {
      const postIds = [...new Set(plans.map((p) => p.schedule.workItem.postId))];
      const routes = await this.routing.routesFor(postIds, today, tx);
      const templates: GeneratedTaskTemplate[] = [];
      const rows: GeneratedOccurrence[] = [];
      const templateOf = new Map<string, GeneratedTaskTemplate>();
      for (const { schedule, planned } of plans) {
        const post = schedule.workItem.post;
        const route = routes.get(post.id)!;
        const template: GeneratedTaskTemplate = {
          scheduleId: schedule.id,
          unitId: post.unitId,
          postId: post.id,
          assigneePersonId: route.assigneePersonId,
          actingForPersonId: route.actingForPersonId,
          workItemId: schedule.workItemId,
          title: schedule.title,
          reviewSteps: defaultReviewSteps(post.kind, schedule.workItem.responsibilities.map((r) => r.type)),
          deadlineRule: schedule.deadlineRule ?? null,
          checklist: schedule.checklist.map((text) => ({ text, done: false })),
          requiredEvidence: schedule.requiredEvidence,
        };
        templates.push(template);
        templateOf.set(schedule.id, template);
        for (const p of planned) {
          rows.push({
            scheduleId: schedule.id,
            occurrenceDate: p.occurrenceDate,
            assignedOn: p.issueDate,
            issuedAt: now,
            lateIssued: p.lateIssued,
            dueDate: p.dueDate,
            dueAt: p.dueAt,
            deadlineProvisional: p.provisional,
            deadlineExplanation: p.explanation,
            // The sweep sets the first level's time from the ladder on its next pass (see TaskService.createAdHoc).
            nextEscalationAt: now,
          });
        }
      }
      const inserted = await this.schedules.insertTasks(tx, templates, rows);
      const byKey = new Map(rows.map((r) => [`${r.scheduleId}|${r.occurrenceDate}`, r]));
      await this.history.recordFirstOfStreams(
        inserted.map((t) => {
          const row = byKey.get(`${t.scheduleId}|${t.occurrenceDate}`)!;
          return {
            stream: `task:${t.id}`,
            type: 'task.created',
            subjectId: t.id,
            data: {
              kind: 'RECURRING',
              scheduleId: t.scheduleId,
              occurrenceDate: t.occurrenceDate,
              assigneePersonId: templateOf.get(row.scheduleId)!.assigneePersonId,
              actingForPersonId: templateOf.get(row.scheduleId)!.actingForPersonId,
              dueDate: row.dueDate,
              deadline: row.deadlineExplanation,
              lateIssued: row.lateIssued,
            },
          };
        }),
        tx,
      );
      await this.schedules.advance(
        tx,
        plans.flatMap(({ schedule, through }) => (through ? [{ id: schedule.id, through }] : [])),
      );
      const recovered = plans.filter((p) => recorded.has(p.schedule.id)).map((p) => p.schedule.id);
      await this.setAside.clear('TASK_GENERATION', recovered, tx);
      result.created += inserted.length;
      result.existing += rows.length - inserted.length;
      result.lateIssued += inserted.filter((t) => byKey.get(`${t.scheduleId}|${t.occurrenceDate}`)!.lateIssued).length;
    });
  }
}
