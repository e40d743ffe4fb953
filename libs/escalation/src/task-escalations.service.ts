import { Injectable } from '@nestjs/common';
import type { Actor } from '#libs/auth';
import { Clock } from '#libs/core';
import { TaskService } from '#libs/tasks';
import { carrierLevel, deliveryState, type DeliveryState } from './rules/delivery-state.rules.js';
import { LEVEL_COLOURS, LEVEL_NAMES } from './rules/ladder.rules.js';
import { TaskEscalationsRepository } from './task-escalations.repository.js';

export interface DeliveryView {
  outboxId: string;
  channel: 'EMAIL' | 'IN_APP';
  state: DeliveryState;
  attempts: number;
  lastError: string | null;
  availableAt: string;
  sentAt: string | null;
  /** Set when this level reached the person inside the message of a higher level raised in the same sweep. */
  combinedIntoLevel: number | null;
}

export interface TaskEscalationView {
  id: string;
  level: number;
  levelName: string;
  colour: string;
  cycle: number;
  dueAt: string;
  raisedAt: string;
  overdueWorkdays: number;
  /** Whom the ladder named (ASSIGNEE / DEPUTY / CHIEF), and whether nobody above was found (bureau leader told, if set). */
  role: string | null;
  bureauLeader: boolean;
  acknowledged: { at: string; by: { id: string; name: string | null } } | null;
  recipients: { personId: string; name: string | null; deliveries: DeliveryView[] }[];
}

interface StoredRecipients {
  personIds?: string[];
  role?: string;
  bureauLeader?: boolean;
}

/**
 * A task's escalation record for its history view: each level reached with its time, its
 * recipients and, per recipient and channel, what became of the message (from the outbox).
 */
@Injectable()
export class TaskEscalationsService {
  constructor(
    private readonly tasks: TaskService,
    private readonly repository: TaskEscalationsRepository,
    private readonly clock: Clock,
  ) {}

  async forTask(actor: Actor, taskId: string): Promise<{ taskId: string; items: TaskEscalationView[] }> {
    await this.tasks.getVisible(actor, taskId);
    const [levels, deliveries] = await Promise.all([this.repository.levelsOf(taskId), this.repository.deliveriesOf(taskId)]);
    const recipientsOf = (r: unknown) => (r as StoredRecipients | null) ?? {};
    const people = new Set<string>();
    for (const e of levels) {
      for (const p of recipientsOf(e.recipients).personIds ?? []) people.add(p);
      if (e.acknowledgedBy) people.add(e.acknowledgedBy);
    }
    const names = new Map((await this.repository.personNames([...people])).map((p) => [p.id, p.name]));
    const now = this.clock.now();
    const raised = levels.map((e) => ({ id: e.id, level: e.level, cycle: e.cycle, raisedAt: e.createdAt }));
    const rowsOf = (escalationId: string, personId: string) =>
      deliveries.filter((d) => d.escalationId === escalationId && d.recipientPersonId === personId);

    const items = levels.map((e): TaskEscalationView => {
      const stored = recipientsOf(e.recipients);
      return {
        id: e.id,
        level: e.level,
        levelName: LEVEL_NAMES[e.level] ?? String(e.level),
        colour: LEVEL_COLOURS[e.level] ?? 'red',
        cycle: e.cycle,
        dueAt: e.dueAt.toISOString(),
        raisedAt: e.createdAt.toISOString(),
        overdueWorkdays: e.overdueWorkdays,
        role: stored.role ?? null,
        bureauLeader: stored.bureauLeader === true,
        acknowledged: e.acknowledgedAt ? { at: e.acknowledgedAt.toISOString(), by: { id: e.acknowledgedBy!, name: names.get(e.acknowledgedBy!) ?? null } } : null,
        recipients: (stored.personIds ?? []).map((personId) => {
          let rows = rowsOf(e.id, personId);
          let combinedIntoLevel: number | null = null;
          if (rows.length === 0) {
            const carrier = carrierLevel(raised, { level: e.level, cycle: e.cycle, raisedAt: e.createdAt }, (id) => rowsOf(id, personId).length > 0);
            if (carrier) {
              rows = rowsOf(carrier.id, personId);
              combinedIntoLevel = carrier.level;
            }
          }
          return {
            personId,
            name: names.get(personId) ?? null,
            deliveries: rows.map((d) => ({
              outboxId: d.id,
              channel: d.channel,
              state: deliveryState(d, now),
              attempts: d.attempts,
              // A mail server's refusal can quote other people's addresses: only admins read it.
              lastError: actor.isAdmin ? d.lastError : null,
              availableAt: d.availableAt.toISOString(),
              sentAt: d.sentAt?.toISOString() ?? null,
              combinedIntoLevel,
            })),
          };
        }),
      };
    });
    return { taskId, items };
  }
}
