import { cpus, totalmem } from 'node:os';
import type { ChaosCheck } from './chaos-check.js';
import type { ChaosData } from './chaos-data.js';
import type { ChaosOptions } from './chaos-options.js';
import { outboxIdOf, type SmtpRecorder } from './smtp-recorder.js';
import type { WorkerPool } from './worker-pool.js';

export interface FaultRecord {
  kind: 'kill-worker' | 'restart-redis' | 'restart-postgres';
  atS: number;
  detail: string;
  /** Sends accepted by SMTP but not recorded as sent right after the fault (+ transfers open at it). */
  inFlight: number;
}


export interface ReportInput {
  options: ChaosOptions;
  data: ChaosData;
  faults: FaultRecord[];
  escalations: Awaited<ReturnType<ChaosCheck['escalations']>>;
  unnotified: Awaited<ReturnType<ChaosCheck['unnotified']>>;
  poison: Awaited<ReturnType<ChaosCheck['poison']>>;
  outbox: Awaited<ReturnType<ChaosCheck['outbox']>>;
  smtp: SmtpRecorder;
  workers: WorkerPool;
  lastFaultS: number;
  settledAfterLastFaultS: number | null;
  deadline: Date;
}

/** The figures and the verdict; the JSON written to bench/results/chaos.json. */
export function buildReport(input: ReportInput) {
  const { escalations, unnotified, outbox, smtp, faults, poison } = input;
  const received = new Set(smtp.accepted.map((m) => m.messageId));
  const receivedOutboxIds = new Set(smtp.accepted.map((m) => outboxIdOf(m.messageId)));
  const sentNeverReceived = outbox.sentEmailIds.filter((id) => !receivedOutboxIds.has(id)).length;
  const duplicates = smtp.duplicates();
  const inFlightAtFaults = faults.reduce((n, f) => n + f.inFlight, 0);
  const undelivered = outbox.rows - (outbox.byStatus.SENT ?? 0);

  // Not delivered by the end of the wait counts as lost; delivered after the 5-minute window, as late.
  const lost = escalations.missing + unnotified.email + unnotified.inApp + undelivered + sentNeverReceived;
  const duplicate = escalations.duplicate + escalations.unexpected + Math.max(0, duplicates.extraCopies - inFlightAtFaults);
  const late = outbox.sentAfterDeadline;
  // The poison task must be set aside, get nothing, and be the only row set aside (a good row set
  // aside would be a good row blocked); what it blocked otherwise shows as lost levels above.
  const poisonHeld = poison.setAside && poison.escalations === 0 && poison.otherSetAside === 0;
  const poisonText = poisonHeld
    ? `poison task set aside (${poison.errorCode}, tried ${poison.attempts}×), nothing else set aside`
    : `poison task NOT isolated (set aside: ${poison.setAside}, its levels: ${poison.escalations}, other rows set aside: ${poison.otherSetAside})`;
  const verdict = `verdict: ${lost} lost, ${duplicate} duplicate${late > 0 ? `, ${late} delivered later than 5 min after the last fault` : ''}; ${poisonText}`;

  return {
    verdict,
    ok: lost === 0 && duplicate === 0 && late === 0 && poisonHeld,
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? '', memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version },
    date: new Date().toISOString(),
    options: input.options,
    data: { tasks: input.data.tasks, byGroup: input.data.byGroup, cutoff: input.data.cutoff, crossingAt: input.data.crossingAt.toISOString() },
    faults: {
      workerKills: faults.filter((f) => f.kind === 'kill-worker').length,
      redisRestarts: faults.filter((f) => f.kind === 'restart-redis').length,
      postgresRestarts: faults.filter((f) => f.kind === 'restart-postgres').length,
      lastFaultAtS: round(input.lastFaultS),
      workerStarts: input.workers.starts,
      unexpectedWorkerExits: input.workers.unexpectedExits,
      list: faults.map((f) => ({ ...f, atS: round(f.atS) })),
    },
    escalations,
    poison: { taskId: input.data.poisonTaskId, ...poison, isolated: poisonHeld },
    notifications: {
      recipientsWithoutEmailRow: unnotified.email,
      recipientsWithoutInAppRow: unnotified.inApp,
      inAppNotifications: outbox.inAppNotifications,
    },
    outbox: {
      rows: outbox.rows,
      emailRows: outbox.email,
      byStatus: outbox.byStatus,
      undelivered,
      deliveredAfterDeadline: late,
      lastSentAt: outbox.lastSentAt?.toISOString() ?? null,
      // Throughput of the whole delivery phase (faults included), for reading the wait.
      rowsSentPerSecond:
        outbox.firstSentAt && outbox.lastSentAt && outbox.lastSentAt > outbox.firstSentAt
          ? round((outbox.byStatus.SENT ?? 0) / ((outbox.lastSentAt.getTime() - outbox.firstSentAt.getTime()) / 1000))
          : null,
      deadline: input.deadline.toISOString(),
      settledAfterLastFaultS: input.settledAfterLastFaultS === null ? null : round(input.settledAfterLastFaultS),
    },
    email: {
      received: smtp.accepted.length,
      distinctMessageIds: received.size,
      duplicateCopies: duplicates.extraCopies,
      duplicateMessageIds: duplicates.ids.slice(0, 20),
      inFlightAtFaults,
      sentButNeverReceived: sentNeverReceived,
    },
  };
}

export type ChaosReport = ReturnType<typeof buildReport>;

const round = (n: number) => Math.round(n * 10) / 10;

export function printReport(r: ChaosReport): void {
  const rows: [string, string | number][] = [
    ['tasks (past / crossing / future)', `${r.data.tasks} (${r.data.byGroup.past} / ${r.data.byGroup.crossing} / ${r.data.byGroup.future})`],
    ['faults: worker SIGKILLs / Redis / PostgreSQL restarts', `${r.faults.workerKills} / ${r.faults.redisRestarts} / ${r.faults.postgresRestarts}`],
    ['worker starts / exits not caused by the run', `${r.faults.workerStarts} / ${r.faults.unexpectedWorkerExits.length}`],
    ['escalation levels expected / recorded', `${r.escalations.expected} / ${r.escalations.recorded}`],
    ['  missing / duplicate / unexpected', `${r.escalations.missing} / ${r.escalations.duplicate} / ${r.escalations.unexpected}`],
    ['poison task set aside / its levels / other rows set aside', `${r.poison.setAside} (${r.poison.errorCode ?? '-'}, ${r.poison.attempts}×) / ${r.poison.escalations} / ${r.poison.otherSetAside}`],
    ['recipients without e-mail / in-app row', `${r.notifications.recipientsWithoutEmailRow} / ${r.notifications.recipientsWithoutInAppRow}`],
    ['outbox rows (e-mail) / not sent', `${r.outbox.rows} (${r.outbox.emailRows}) / ${r.outbox.undelivered}`],
    ['outbox by status', JSON.stringify(r.outbox.byStatus)],
    ['all delivered, s after the last fault', r.outbox.settledAfterLastFaultS ?? 'not within the wait'],
    ['sent later than 5 min after the last fault', r.outbox.deliveredAfterDeadline],
    ['outbox rows sent per second (first to last send)', r.outbox.rowsSentPerSecond ?? '-'],
    ['e-mails received / distinct Message-IDs', `${r.email.received} / ${r.email.distinctMessageIds}`],
    ['duplicate e-mails / sends in flight at faults', `${r.email.duplicateCopies} / ${r.email.inFlightAtFaults}`],
    ['e-mails marked sent but never received', r.email.sentButNeverReceived],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  console.log('');
  for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
  console.log('');
  console.log(r.verdict);
}
