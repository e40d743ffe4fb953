import { randomUUID } from 'node:crypto';
import { JobDriver, PrismaService } from '#libs/core';
import { DispatchService, NOTIFICATIONS_QUEUE, OutboxService, type OutgoingMessage } from '#libs/notifications';
import { createTestApi, loginAs, type AuthHeaders, type TestApi } from '../support/test-app.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('in-app notifications over HTTP', () => {
  let t: TestApi;
  let orgId: string;
  let taskId: string;
  const as: Record<string, AuthHeaders> = {};
  const person: Record<string, string> = {};

  const message = (to: string, title: string, level = 1): OutgoingMessage => ({
    recipientPersonId: person[to]!,
    taskId,
    payload: {
      kind: 'ESCALATION',
      level,
      levelName: ['提醒', '逾期', '催办', '督办'][level]!,
      colour: (['blue', 'yellow', 'orange', 'red'] as const)[level]!,
      taskId,
      taskTitle: title,
      postName: '业务岗1：国土空间规划及专项规划工作',
      unitName: '国土空间规划科',
      assigneeName: '王磊',
      dueDate: '2026-12-10',
      overdueWorkdays: 0,
      link: `${t.config.publicUrl}/tasks/${taskId}`,
    },
  });
  const deliver = async (messages: OutgoingMessage[]) => {
    await t.app.get(PrismaService).$transaction((tx) => t.app.get(OutboxService).write(tx, orgId, messages));
    await t.app.get(DispatchService).dispatchDue();
    await t.app.get(JobDriver).drain(NOTIFICATIONS_QUEUE, 20_000);
  };
  const call = async (method: 'GET' | 'POST', url: string, who?: string) => {
    const res = await t.app.inject({ method, url, headers: who ? as[who] : {} });
    return { status: res.statusCode, body: res.body ? (res.json() as Json) : {} };
  };
  const titles = (body: Json) => (body.items as Json[]).map((i) => i.title);

  beforeAll(async () => {
    // No SMTP_URL: e-mail is only logged, and its rows are still marked SENT.
    t = await createTestApi({ now: '2026-11-26T02:00:00.000Z' });
    orgId = (await t.db.sql<{ id: string }>(`SELECT id FROM organisation`))[0]!.id;
    for (const r of await t.db.sql('SELECT p.id, u.username FROM person p JOIN app_user u ON u.person_id = p.id')) person[r.username] = r.id;
    for (const u of ['admin', 'chief', 'officer1', 'officer2']) as[u] = await loginAs(t, u);
    const officerPost = (await t.db.sql<{ id: string }>(`SELECT id FROM post WHERE code = 'officer-1'`))[0]!.id;
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/tasks',
      headers: as.chief,
      payload: { postId: officerPost, title: '规划实施评估', dueDate: '2026-12-10' },
    });
    taskId = created.json().id;

    await deliver([message('officer1', '第一条')]);
    t.clock.advance(60_000);
    await deliver([message('officer1', '第二条', 2), message('officer2', '别人的')]);
    t.clock.advance(60_000);
    await deliver([message('officer1', '第三条', 3)]);
  });
  afterAll(() => t.close());

  it('without SMTP_URL e-mail is logged and its rows are still marked SENT', async () => {
    const rows = await t.db.sql(`SELECT channel, status FROM outbox WHERE task_id = $1`, [taskId]);
    expect(rows.filter((r) => r.channel === 'EMAIL')).toHaveLength(4);
    expect(rows.every((r) => r.status === 'SENT')).toBe(true);
  });

  it("lists only the caller's notifications: unread first, then newest; read one by one; read all", async () => {
    const first = await call('GET', '/api/notifications', 'officer1');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ total: 3, unread: 3, page: 1, pageSize: 20 });
    expect(titles(first.body)).toEqual(['【督办】第三条', '【催办】第二条', '【逾期】第一条']);
    expect(first.body.items[0]).toMatchObject({ level: 3, taskId, readAt: null, body: expect.stringContaining('截止日期：2026-12-10') });

    const newest = first.body.items[0].id;
    const read = await call('POST', `/api/notifications/${newest}/read`, 'officer1');
    expect(read).toMatchObject({ status: 200, body: { id: newest, readAt: t.clock.now().toISOString() } });
    const after = await call('GET', '/api/notifications', 'officer1');
    expect(titles(after.body)).toEqual(['【催办】第二条', '【逾期】第一条', '【督办】第三条']);
    expect(after.body.unread).toBe(2);

    const paged = await call('GET', '/api/notifications?page=2&pageSize=2', 'officer1');
    expect(titles(paged.body)).toEqual(['【督办】第三条']);

    // Reading twice keeps the first read time.
    t.clock.advance(60_000);
    expect((await call('POST', `/api/notifications/${newest}/read`, 'officer1')).body.readAt).toBe(read.body.readAt);

    expect(titles((await call('GET', '/api/notifications', 'officer2')).body)).toEqual(['【逾期】别人的']);
    expect(await call('POST', '/api/notifications/read-all', 'officer1')).toMatchObject({ status: 200, body: { updated: 2 } });
    expect((await call('GET', '/api/notifications', 'officer1')).body.unread).toBe(0);
    expect((await call('GET', '/api/notifications', 'officer2')).body.unread).toBe(1);
  });

  it("someone else's notification answers 404, exactly like a missing one, and stays unread", async () => {
    const theirs = (await call('GET', '/api/notifications', 'officer2')).body.items[0].id;
    const foreign = await call('POST', `/api/notifications/${theirs}/read`, 'officer1');
    const missing = await call('POST', `/api/notifications/${randomUUID()}/read`, 'officer1');
    expect(foreign).toMatchObject({ status: 404, body: { code: 'NOTIFICATION_NOT_FOUND' } });
    expect(missing).toMatchObject({ status: 404, body: { code: 'NOTIFICATION_NOT_FOUND', message: foreign.body.message } });
    expect((await call('POST', `/api/notifications/${theirs}/read`, 'admin')).status).toBe(404);
    expect((await call('GET', '/api/notifications', 'officer2')).body.items[0].readAt).toBeNull();
  });

  it('validates input and requires a login', async () => {
    expect((await call('POST', '/api/notifications/not-a-uuid/read', 'officer1')).status).toBe(400);
    expect((await call('GET', '/api/notifications?pageSize=1000', 'officer1')).status).toBe(400);
    expect((await call('GET', '/api/notifications')).status).toBe(401);
    expect((await call('POST', '/api/notifications/read-all')).status).toBe(401);
  });

  it("says whether a notice's escalation was already acknowledged, and by the caller", async () => {
    const [esc] = await t.db.sql<{ id: string }>(
      `INSERT INTO escalation (task_id, unit_id, level, cycle, due_at, recipients) SELECT id, unit_id, 1, 7, now(), $2::jsonb FROM task WHERE id = $1 RETURNING id::text AS id`,
      [taskId, JSON.stringify({ personIds: [person.officer1, person.officer2] })],
    );
    await deliver([{ ...message('officer1', '待确认'), escalationId: esc!.id }, { ...message('officer2', '待确认'), escalationId: esc!.id }]);
    const itemOf = async (who: string) => ((await call('GET', '/api/notifications', who)).body.items as Json[]).find((i) => i.escalationId === esc!.id)!;
    expect((await itemOf('officer1')).escalation).toEqual({ id: esc!.id, level: 1, acknowledgedAt: null, acknowledgedByMe: false });
    // Notices without an escalation carry none.
    expect(((await call('GET', '/api/notifications', 'officer1')).body.items as Json[]).filter((i) => !i.escalationId).every((i) => i.escalation === null)).toBe(true);

    const acked = await call('POST', `/api/escalations/${esc!.id}/ack`, 'officer1');
    expect(acked.status).toBe(200);
    const mine = await itemOf('officer1');
    expect(mine.escalation).toEqual({ id: esc!.id, level: 1, acknowledgedAt: expect.any(String), acknowledgedByMe: true });
    expect(await itemOf('officer2')).toMatchObject({ escalation: { acknowledgedAt: mine.escalation.acknowledgedAt, acknowledgedByMe: false } });
    // Marking read answers with the same state.
    expect((await call('POST', `/api/notifications/${mine.id}/read`, 'officer1')).body.escalation).toEqual(mine.escalation);
  });

  it('the failed-delivery list is for administrators only', async () => {
    expect(await call('GET', '/api/outbox/failed', 'admin')).toMatchObject({ status: 200, body: { items: [], total: 0 } });
    expect((await call('GET', '/api/outbox/failed', 'chief')).status).toBe(403);
    expect((await call('GET', '/api/outbox/failed')).status).toBe(401);
  });
});
