import { Injectable, Logger } from '@nestjs/common';
import { localDateOf, parseDeadlineRule, type LocalDate, type WorkingCalendar } from '#libs/calendar';
import { Clock } from '#libs/core';
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
  /** With dryRun: what would be created. */
  planned?: { scheduleId: string; title: string; occurrenceDate: string; issueDate: string; dueDate: string; lateIssued: boolean }[];
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
  ) {}

  async generate(options: { until?: LocalDate; dryRun?: boolean } = {}): Promise<GenerationResult> {
    const now = this.clock.now();
    const today = localDateOf(now);
    const until = options.until ?? today;
    const calendars = new Map<string, WorkingCalendar>();
    const result: GenerationResult = { schedules: 0, created: 0, existing: 0, lateIssued: 0, ...(options.dryRun ? { planned: [] } : {}) };

    for (let afterId: string | null = null; ; ) {
      const batch = await this.schedules.activeBatch(afterId, BATCH);
      if (batch.length === 0) break;
      afterId = batch[batch.length - 1].id;
      result.schedules += batch.length;

      const plans: { schedule: ScheduleWithContext; planned: PlannedOccurrence[]; through: LocalDate | null }[] = [];
      for (const schedule of batch) {
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
        if (planned.length > 0) plans.push({ schedule, planned, through: generatedThrough });
      }

      if (options.dryRun) {
        for (const { schedule, planned } of plans) {
          for (const p of planned) {
            result.planned!.push({ scheduleId: schedule.id, title: schedule.title, occurrenceDate: p.occurrenceDate, issueDate: p.issueDate, dueDate: p.dueDate, lateIssued: p.lateIssued });
          }
        }
        continue;
      }
      if (plans.length > 0) await this.writeBatch(plans, today, now, result);
    }
    if (result.created > 0) this.logger.log(`created ${result.created} task(s) (${result.lateIssued} late-issued)`);
    return result;
  }

  private async writeBatch(
    plans: { schedule: ScheduleWithContext; planned: PlannedOccurrence[]; through: LocalDate | null }[],
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
      result.created += inserted.length;
      result.existing += rows.length - inserted.length;
      result.lateIssued += inserted.filter((t) => byKey.get(`${t.scheduleId}|${t.occurrenceDate}`)!.lateIssued).length;
    });
  }
}
