import { JobDriver, PrismaService } from '#libs/core';
import {
  DispatchService,
  NOTIFICATIONS_QUEUE,
  OutboxService,
  outboxMessageId,
  type NotificationPayload,
  type OutgoingMessage,
} from '#libs/notifications';
import { createTestApi, loginAs, type AuthHeaders, type TestApi } from './test-app.js';
import { SmtpSink } from './smtp-sink.js';

export const MAIL_FROM = '督办提醒 <duban@nrpb.example.cn>';
export const MINUTE = 60_000;
// Shanghai wall time → instant (UTC+8 all year).
export const sh = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`);

export interface OutboxRow {
  id: string;
  channel: 'EMAIL' | 'IN_APP';
  status: string;
  attempts: number;
  available_at: Date;
  sent_at: Date | null;
  last_error: string | null;
  recipient_person_id: string;
}

/** The real API process (job driver, PostgreSQL) sending to an SMTP sink in the test process. */
export interface Harness {
  t: TestApi;
  sink: SmtpSink;
  orgId: string;
  person: Record<string, string>;
  post: Record<string, string>;
  as: Record<string, AuthHeaders>;
}

export async function startHarness(env: Record<string, string>, redis = false): Promise<Harness> {
  const sink = new SmtpSink();
  await sink.start(0);
  const t = await createTestApi({ redis, env: { SMTP_URL: sink.url, MAIL_FROM, ...env } });
  const orgId = (await t.db.sql<{ id: string }>(`SELECT id FROM organisation WHERE code = 'nrpb'`))[0]!.id;
  const person: Record<string, string> = {};
  for (const r of await t.db.sql('SELECT p.id, u.username FROM person p JOIN app_user u ON u.person_id = p.id')) person[r.username] = r.id;
  const post: Record<string, string> = {};
  for (const r of await t.db.sql('SELECT id, code FROM post')) post[r.code] = r.id;
  const as: Record<string, AuthHeaders> = {};
  for (const u of ['admin', 'chief', 'officer1']) as[u] = await loginAs(t, u);
  return { t, sink, orgId, person, post, as };
}

/** Helpers bound to one harness. Rows are told apart by a marker note, so jobs writing other rows do not disturb. */
export function helpers(h: Harness) {
  const { t } = h;
  const newTask = async (title: string) => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/tasks',
      headers: h.as.chief,
      payload: { postId: h.post['officer-1'], title, dueDate: '2026-12-10' },
    });
    if (res.statusCode !== 201) throw new Error(`task creation failed: ${res.body}`);
    return { id: res.json().id as string, title };
  };
  const payload = (task: { id: string; title: string }, note: string, over: Partial<NotificationPayload> = {}): NotificationPayload => ({
    kind: 'ESCALATION',
    level: 3,
    levelName: '督办',
    colour: 'red',
    taskId: task.id,
    taskTitle: task.title,
    postName: '业务岗1：国土空间规划及专项规划工作',
    unitName: '国土空间规划科',
    assigneeName: '王磊',
    dueDate: '2026-11-20',
    overdueWorkdays: 3,
    link: `${t.config.publicUrl}/tasks/${task.id}`,
    note,
    ...over,
  });
  const message = (to: string, task: { id: string; title: string }, note: string, over: Partial<NotificationPayload> = {}): OutgoingMessage => ({
    recipientPersonId: h.person[to] ?? to,
    taskId: task.id,
    escalationId: null,
    payload: payload(task, note, over),
  });
  const write = (messages: OutgoingMessage[]) =>
    t.app.get(PrismaService).$transaction((tx) => t.app.get(OutboxService).write(tx, h.orgId, messages));
  /** One dispatch run, then wait until every delivery job it queued has finished. */
  const run = async () => {
    await t.app.get(DispatchService).dispatchDue();
    await t.app.get(JobDriver).drain(NOTIFICATIONS_QUEUE, 20_000);
  };
  const rows = (note: string) =>
    t.db.sql<OutboxRow>(
      `SELECT id, channel, status, attempts, available_at, sent_at, last_error, recipient_person_id::text
         FROM outbox WHERE payload->>'note' = $1 ORDER BY channel, recipient_person_id`,
      [note],
    );
  const row = async (note: string, channel: 'EMAIL' | 'IN_APP') => {
    const found = (await rows(note)).filter((r) => r.channel === channel);
    expect(found).toHaveLength(1);
    return found[0]!;
  };
  const notificationsOf = (outboxIds: string[]) =>
    t.db.sql<{ id: string; person_id: string; title: string; body: string; level: number }>(
      `SELECT id, person_id::text, title, body, level FROM notification WHERE outbox_id = ANY($1::uuid[])`,
      [outboxIds],
    );
  const mailsFor = (emailRowId: string) => h.sink.byMessageId(outboxMessageId(emailRowId, MAIL_FROM));
  return { newTask, message, write, run, rows, row, notificationsOf, mailsFor };
}

export type DeliveryHelpers = ReturnType<typeof helpers>;

/** Each test starts with a fresh sink that accepts everything, at Thursday 2026-11-26 10:00 in Shanghai (working hours). */
export async function freshSinkAtThursdayMorning(h: Harness): Promise<void> {
  h.sink.mode = 'accept';
  await h.sink.stop();
  await h.sink.start();
  h.t.clock.set('2026-11-26T02:00:00.000Z');
}

export async function closeHarness(h: Harness | undefined): Promise<void> {
  await h?.t.close();
  await h?.sink.stop();
}
