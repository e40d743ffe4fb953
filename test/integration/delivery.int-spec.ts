import { randomUUID } from 'node:crypto';
import { PrismaService } from '#libs/core';
import { DeliveryService, OutboxService } from '#libs/notifications';
import pg from 'pg';
import { DISPATCH_LOCK_KEY, OutboxRepository } from '../../libs/notifications/src/outbox/outbox.repository.js';
import { MINUTE, closeHarness, freshSinkAtThursdayMorning, helpers, sh, startHarness, type DeliveryHelpers, type Harness } from '../support/delivery-harness.js';
import { HEALTH_DETAILS, loginAs, redisAvailable } from '../support/test-app.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const drivers = [{ name: 'in-process', redis: false }];
if (redisAvailable()) drivers.push({ name: 'bullmq', redis: true });
else console.warn('!!! Redis not reachable: delivery.int-spec.ts did NOT run on BullMQ');

describe.each(drivers)('notification delivery ($name driver)', ({ redis }) => {
  let h: Harness;
  let x: DeliveryHelpers;
  const warningCodes = async () => ((await h.t.app.inject({ method: 'GET', url: '/health', headers: HEALTH_DETAILS })).json().warnings as Json[]).map((w) => w.code);

  beforeAll(async () => {
    h = await startHarness({ DELIVERY_MAX_ATTEMPTS: '3' }, redis);
    x = helpers(h);
  });
  afterAll(() => closeHarness(h));
  beforeEach(() => freshSinkAtThursdayMorning(h));

  it('delivers Chinese e-mail with a Message-ID derived from the row, and each in-app notification once', async () => {
    const task = await x.newTask('报送国土空间总体规划实施评估报告');
    const note = `delivered-${randomUUID()}`;
    await x.write([x.message('officer1', task, note), x.message('deputy', task, note, { level: 2, levelName: '催办', colour: 'orange', overdueWorkdays: 1 })]);
    const before = await x.rows(note);
    expect(before.map((r) => [r.channel, r.status])).toEqual([
      ['EMAIL', 'PENDING'],
      ['EMAIL', 'PENDING'],
      ['IN_APP', 'PENDING'],
      ['IN_APP', 'PENDING'],
    ]);
    expect(before.every((r) => r.available_at.getTime() === h.t.clock.now().getTime())).toBe(true);

    await x.run();

    const after = await x.rows(note);
    expect(after.every((r) => r.status === 'SENT' && r.attempts === 1 && r.sent_at?.getTime() === h.t.clock.now().getTime())).toBe(true);
    const officerEmail = after.find((r) => r.channel === 'EMAIL' && r.recipient_person_id === h.person.officer1)!;
    const [mail, ...more] = x.mailsFor(officerEmail.id);
    expect(more).toHaveLength(0);
    expect(mail!.messageId).toBe(`<outbox.${officerEmail.id}@nrpb.example.cn>`);
    expect(mail!.envelopeTo).toEqual(['officer1@nrpb.example.cn']);
    expect(mail!.to).toContain('王磊');
    expect(mail!.from).toContain('督办提醒');
    expect(mail!.subject).toBe('【督办】报送国土空间总体规划实施评估报告（已逾期 3 个工作日）');
    for (const body of [mail!.text, mail!.html]) {
      expect(body).toContain('国土空间规划科 · 业务岗1：国土空间规划及专项规划工作');
      expect(body).toContain('2026-11-20');
      expect(body).toContain('督办（红色）');
      expect(body).toContain(`${h.t.config.publicUrl}/tasks/${task.id}`);
    }
    expect(mail!.html).toContain('background:#f5222d');
    const deputyEmail = after.find((r) => r.channel === 'EMAIL' && r.recipient_person_id === h.person.deputy)!;
    expect(x.mailsFor(deputyEmail.id).map((m) => m.subject)).toEqual(['【催办】报送国土空间总体规划实施评估报告（已逾期 1 个工作日）']);

    const inApp = after.filter((r) => r.channel === 'IN_APP').map((r) => r.id);
    const notes = await x.notificationsOf(inApp);
    expect(notes.map((n) => [n.person_id, n.title, n.level]).sort()).toEqual(
      [
        [h.person.officer1, '【督办】报送国土空间总体规划实施评估报告', 3],
        [h.person.deputy, '【催办】报送国土空间总体规划实施评估报告', 2],
      ].sort(),
    );

    // Delivery run again — by the dispatcher, or directly, even with the row's SENT mark lost.
    await x.run();
    const delivery = h.t.app.get(DeliveryService);
    expect(await delivery.deliver(inApp[0]!)).toBe('skipped');
    await h.t.db.sql(`UPDATE outbox SET status = 'PENDING' WHERE id = $1`, [inApp[0]]);
    await delivery.deliver(inApp[0]!);
    expect(await x.notificationsOf(inApp)).toHaveLength(2);
    expect(x.mailsFor(officerEmail.id)).toHaveLength(1);
  });

  it('writes only the in-app row for a person without an e-mail address', async () => {
    const task = await x.newTask('村庄规划成果审查意见汇总');
    const note = `no-address-${randomUUID()}`;
    const [noMail] = await h.t.db.sql<{ id: string }>(`INSERT INTO person (name, email) VALUES ('无邮箱', '  ') RETURNING id::text`);
    await x.write([x.message(noMail!.id, task, note)]);
    expect((await x.rows(note)).map((r) => r.channel)).toEqual(['IN_APP']);
    await x.run();
    expect((await x.row(note, 'IN_APP')).status).toBe('SENT');
  });

  it('writes nothing when the transaction rolls back', async () => {
    const task = await x.newTask('回滚测试');
    const note = `rolled-back-${randomUUID()}`;
    await expect(
      h.t.app.get(PrismaService).$transaction(async (tx) => {
        await h.t.app.get(OutboxService).write(tx, h.orgId, [x.message('officer1', task, note)]);
        throw new Error('the sweep failed after writing');
      }),
    ).rejects.toThrow('the sweep failed');
    expect(await x.rows(note)).toHaveLength(0);
  });

  it('an SMTP outage delays the e-mail; it goes out after recovery, once', async () => {
    const task = await x.newTask('耕地保护专项规划编制');
    const note = `outage-${randomUUID()}`;
    await h.sink.stop();
    await x.write([x.message('officer1', task, note)]);
    await x.run();

    // In-app does not wait for the mail server.
    expect((await x.row(note, 'IN_APP')).status).toBe('SENT');
    const failed = await x.row(note, 'EMAIL');
    expect(failed).toMatchObject({ status: 'PENDING', attempts: 1 });
    expect(failed.last_error).toMatch(/ECONNREFUSED|ECONNECTION|ESOCKET/);
    expect(failed.available_at).toEqual(new Date(h.t.clock.now().getTime() + MINUTE));

    await h.sink.start();
    await x.run(); // not due yet: backoff
    expect(x.mailsFor(failed.id)).toHaveLength(0);
    h.t.clock.advance(MINUTE);
    await x.run();
    expect(x.mailsFor(failed.id)).toHaveLength(1);
    expect(await x.row(note, 'EMAIL')).toMatchObject({ status: 'SENT', attempts: 2 });
  });

  it('a server refusing mail: retried with backoff, FAILED after the last attempt and listed for administrators', async () => {
    const task = await x.newTask('专项规划审查会议纪要');
    const note = `refused-${randomUUID()}`;
    h.sink.mode = 'reject';
    await x.write([x.message('officer1', task, note)]);
    await x.run();
    expect(await x.row(note, 'EMAIL')).toMatchObject({ status: 'PENDING', attempts: 1 });
    h.t.clock.advance(MINUTE);
    await x.run();
    const second = await x.row(note, 'EMAIL');
    expect(second).toMatchObject({ status: 'PENDING', attempts: 2 });
    expect(second.available_at).toEqual(new Date(h.t.clock.now().getTime() + 2 * MINUTE));
    h.t.clock.advance(2 * MINUTE);
    await x.run();
    const dead = await x.row(note, 'EMAIL');
    expect(dead).toMatchObject({ status: 'FAILED', attempts: 3 });
    expect(dead.last_error).toContain('451');
    const refusals = h.sink.rejected;
    expect(await warningCodes()).toContain('NOTIFICATIONS_FAILED');

    // Kept, never retried by itself.
    h.t.clock.advance(3 * 60 * MINUTE);
    await x.run();
    expect(h.sink.rejected).toBe(refusals);
    // Access tokens follow the test clock too: log in again after three hours.
    for (const u of ['admin', 'officer1']) h.as[u] = await loginAs(h.t, u);

    const list = await h.t.app.inject({ method: 'GET', url: '/api/outbox/failed?pageSize=100', headers: h.as.admin });
    expect(list.statusCode).toBe(200);
    const item = (list.json().items as Json[]).find((i) => i.id === dead.id);
    expect(item).toMatchObject({ channel: 'EMAIL', attempts: 3, recipientPersonId: h.person.officer1, recipientName: '王磊', taskId: task.id });
    expect(item!.lastError).toContain('451');
    expect(item!.payload.taskTitle).toBe('专项规划审查会议纪要');
    expect((await h.t.app.inject({ method: 'GET', url: '/api/outbox/failed', headers: h.as.officer1 })).statusCode).toBe(403);

    // After the mail server is fixed an administrator sends it again.
    h.sink.mode = 'accept';
    expect((await h.t.app.inject({ method: 'POST', url: `/api/outbox/${dead.id}/retry`, headers: h.as.officer1 })).statusCode).toBe(403);
    const retry = await h.t.app.inject({ method: 'POST', url: `/api/outbox/${dead.id}/retry`, headers: h.as.admin });
    expect(retry.statusCode).toBe(200);
    expect((await h.t.app.inject({ method: 'POST', url: `/api/outbox/${dead.id}/retry`, headers: h.as.admin })).json().code).toBe('OUTBOX_ROW_NOT_FOUND');
    await x.run();
    expect(x.mailsFor(dead.id)).toHaveLength(1);
    expect((await x.row(note, 'EMAIL')).status).toBe('SENT');
    expect(await warningCodes()).not.toContain('NOTIFICATIONS_FAILED');
  });

  it('/health warns while due rows are not being dispatched (no process running jobs)', async () => {
    const task = await x.newTask('无人投递');
    const note = `stalled-${randomUUID()}`;
    // Hold the dispatchers' lock, as if none were running, so the background dispatch cannot interfere.
    const blocker = new pg.Client({ connectionString: h.t.db.url });
    await blocker.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query('SELECT pg_advisory_xact_lock($1::bigint)', [DISPATCH_LOCK_KEY]);
      await x.write([x.message('officer1', task, note)]);
      h.t.clock.advance(14 * MINUTE);
      expect(await warningCodes()).not.toContain('NOTIFICATIONS_STALLED');
      h.t.clock.advance(2 * MINUTE);
      expect(await warningCodes()).toContain('NOTIFICATIONS_STALLED');
    } finally {
      await blocker.query('COMMIT');
      await blocker.end();
    }
    await x.run();
    expect((await x.rows(note)).every((r) => r.status === 'SENT')).toBe(true);
    expect(await warningCodes()).not.toContain('NOTIFICATIONS_STALLED');
  });

  it('a row whose delivery job was lost is dispatched again once its lease runs out', async () => {
    const task = await x.newTask('丢失任务重发');
    const note = `lost-${randomUUID()}`;
    await x.write([x.message('officer1', task, note)]);
    // A dispatcher claimed the rows and died before its jobs ran (or the queue lost them).
    const now = h.t.clock.now();
    const claimed = await h.t.app
      .get(PrismaService)
      .$transaction((tx) => h.t.app.get(OutboxRepository).claimDue(tx, now, 1000, new Date(now.getTime() + 5 * MINUTE)));
    const mine = (await x.rows(note)).map((r) => r.id);
    expect(claimed.map((c) => c.id)).toEqual(expect.arrayContaining(mine));
    expect((await x.rows(note)).every((r) => r.status === 'PENDING')).toBe(true);

    await x.run();
    expect((await x.rows(note)).every((r) => r.status === 'PENDING')).toBe(true);
    h.t.clock.advance(5 * MINUTE);
    await x.run();
    expect((await x.rows(note)).every((r) => r.status === 'SENT')).toBe(true);
    expect(x.mailsFor((await x.row(note, 'EMAIL')).id)).toHaveLength(1);
    expect(await x.notificationsOf(mine)).toHaveLength(1);
  });

  it('quiet hours: written on an ordinary Saturday, the e-mail waits until Monday 09:00; in-app at once', async () => {
    const task = await x.newTask('周六督办');
    const note = `saturday-${randomUUID()}`;
    h.t.clock.set(sh('2026-11-28 10:00'));
    await x.write([x.message('officer1', task, note)]);
    const email = await x.row(note, 'EMAIL');
    expect(email.available_at).toEqual(sh('2026-11-30 09:00'));
    await x.run();
    expect((await x.row(note, 'IN_APP')).status).toBe('SENT');
    expect(x.mailsFor(email.id)).toHaveLength(0);

    h.t.clock.set(sh('2026-11-30 08:59'));
    await x.run();
    expect(x.mailsFor(email.id)).toHaveLength(0);
    h.t.clock.set(sh('2026-11-30 09:00'));
    await x.run();
    expect(x.mailsFor(email.id)).toHaveLength(1);
    expect((await x.row(note, 'EMAIL')).sent_at).toEqual(sh('2026-11-30 09:00'));
  });

  it('quiet hours: on make-up working Saturday 2026-10-10 at 10:00 the e-mail goes at once', async () => {
    const task = await x.newTask('调休上班日督办');
    const note = `makeup-${randomUUID()}`;
    h.t.clock.set(sh('2026-10-10 10:00'));
    await x.write([x.message('officer1', task, note)]);
    const email = await x.row(note, 'EMAIL');
    expect(email.available_at).toEqual(sh('2026-10-10 10:00'));
    await x.run();
    expect(x.mailsFor(email.id)).toHaveLength(1);
  });

  it('quiet hours also hold a retry: a failure at 17:59 is retried the next working morning', async () => {
    const task = await x.newTask('下班前失败');
    const note = `evening-${randomUUID()}`;
    h.t.clock.set(sh('2026-11-27 17:59')); // Friday
    await h.sink.stop();
    await x.write([x.message('officer1', task, note)]);
    await x.run();
    expect(await x.row(note, 'EMAIL')).toMatchObject({ status: 'PENDING', attempts: 1, available_at: sh('2026-11-30 09:00') });
    await h.sink.start();
    h.t.clock.set(sh('2026-11-30 09:00'));
    await x.run();
    expect(await x.row(note, 'EMAIL')).toMatchObject({ status: 'SENT', attempts: 2 });
  });
});
