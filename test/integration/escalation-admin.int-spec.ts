import { SweepService } from '#libs/escalation';
import { createTestApi, loginAs, type AuthHeaders, type TestApi } from '../support/test-app.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const LADDER = [
  { level: 0, trigger: { kind: 'WORKDAY_START_BEFORE_DUE', n: 1 }, recipient: 'ASSIGNEE' },
  { level: 1, trigger: { kind: 'AT_DUE' }, recipient: 'ASSIGNEE' },
  { level: 2, trigger: { kind: 'OVERDUE_WORKDAYS', n: 1 }, recipient: 'DEPUTY' },
  { level: 3, trigger: { kind: 'OVERDUE_WORKDAYS', n: 3 }, recipient: 'CHIEF' },
];

describe('escalation administration: ladders, bureau leader, per-task delivery state', () => {
  let t: TestApi;
  let sweeper: SweepService;
  const as: Record<string, AuthHeaders> = {};
  const post: Record<string, string> = {};
  const person: Record<string, string> = {};
  let unitId: string;

  beforeAll(async () => {
    // Thursday 2026-11-26, 10:00 Shanghai. No background jobs: outbox rows stay as the sweep wrote them.
    t = await createTestApi({ now: '2026-11-26T02:00:00.000Z', jobs: false });
    sweeper = t.app.get(SweepService);
    for (const u of ['admin', 'chief', 'deputy', 'officer1']) as[u] = await loginAs(t, u);
    for (const r of await t.db.sql('SELECT id, code, unit_id FROM post')) post[r.code] = r.id;
    unitId = (await t.db.sql(`SELECT unit_id FROM post WHERE code = 'chief'`))[0].unit_id;
    for (const r of await t.db.sql('SELECT p.id, u.username FROM person p JOIN app_user u ON u.person_id = p.id')) person[r.username] = r.id;
  });
  afterAll(() => t.close());

  const call = async (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, who: string, payload?: object) => {
    const res = await t.app.inject({ method, url, headers: as[who], payload });
    return { status: res.statusCode, body: res.body ? (res.json() as Json) : {} };
  };
  const nextAt = async (id: string) => (await t.db.sql(`SELECT next_escalation_at FROM task WHERE id = $1`, [id]))[0].next_escalation_at as Date | null;
  /** A task straight in SQL (e.g. on the chief's own post, where nobody can assign from above). */
  const insertTask = async (postCode: string, assignee: string, title: string, dueDate: string) =>
    (
      await t.db.sql(
        `INSERT INTO task (kind, unit_id, post_id, assignee_person_id, title, status, review_steps, assigned_on, issued_at, due_date, due_at, next_escalation_at)
         SELECT 'AD_HOC', p.unit_id, p.id, $2, $3, 'IN_PROGRESS', '{}', '2026-11-02', now(), $4::date, ($4::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai', $4::date
           FROM post p WHERE p.code = $1 RETURNING id`,
        [postCode, assignee, title, dueDate],
      )
    )[0].id as string;

  describe('escalation policies', () => {
    it('reads the default when nothing is stored; officers and deputies may not read', async () => {
      const res = await call('GET', '/api/escalation-policies', 'admin');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ default: LADDER, stored: [], effective: { scope: 'DEFAULT', policyId: null, ladder: LADDER } });
      expect((await call('GET', '/api/escalation-policies', 'officer1')).body.code).toBe('ESCALATION_POLICY_READ_DENIED');
      expect((await call('GET', '/api/escalation-policies', 'deputy')).status).toBe(403);
    });

    it('refuses an invalid ladder with a code and a Chinese message naming the rung; only admin may set', async () => {
      const bad = await call('PUT', '/api/escalation-policies/organisation', 'admin', { ladder: [{ level: 2, trigger: { kind: 'OVERDUE_WORKDAYS', n: 0 }, recipient: 'DEPUTY' }] });
      expect(bad.status).toBe(400);
      expect(bad.body).toMatchObject({ code: 'ESCALATION_POLICY_INVALID', message: '升级规则无效：级别 2 的天数须为1至60' });
      const dup = await call('PUT', '/api/escalation-policies/organisation', 'admin', { ladder: [LADDER[1], LADDER[1]] });
      expect(dup.body.message).toBe('升级规则无效：级别 1 重复');
      expect((await call('PUT', '/api/escalation-policies/organisation', 'chief', { ladder: LADDER })).status).toBe(403);
      expect((await t.db.sql('SELECT count(*)::int n FROM escalation_policy'))[0].n).toBe(0);
    });

    it('a unit override moves the next escalation of its open tasks; removing it moves them back; both are in history', async () => {
      // Due Friday 11-27, L0 and L1 already raised: next is L2 at the end of Monday 11-30 (1 working day late).
      const created = await call('POST', '/api/tasks', 'deputy', { postId: post['officer-1'], title: '规则调整测试', dueDate: '2026-11-27' });
      const id = created.body.id;
      await t.db.sql(`UPDATE task SET escalation_level = 1, next_escalation_at = '2026-11-30T16:00:00Z' WHERE id = $1`, [id]);

      const slower = [LADDER[1], { ...LADDER[2], trigger: { kind: 'OVERDUE_WORKDAYS', n: 2 } }, { ...LADDER[3], trigger: { kind: 'OVERDUE_WORKDAYS', n: 5 } }];
      const set = await call('PUT', `/api/escalation-policies/units/${unitId}`, 'admin', { ladder: slower });
      expect(set.status).toBe(200);
      expect(set.body).toMatchObject({ policy: { scope: 'UNIT', unitId, ladder: slower, problem: null }, recomputedTasks: expect.any(Number) });
      expect(set.body.recomputedTasks).toBeGreaterThanOrEqual(1);
      // 2 working days late: end of Tuesday 12-01 (Shanghai) = 16:00Z.
      expect((await nextAt(id))!.toISOString()).toBe('2026-12-01T16:00:00.000Z');

      const chiefView = await call('GET', `/api/escalation-policies?unitId=${unitId}`, 'chief');
      expect(chiefView.status).toBe(200);
      expect(chiefView.body.effective).toMatchObject({ scope: 'UNIT', policyId: set.body.policy.id, ladder: slower });
      expect(chiefView.body.stored.map((p: Json) => p.scope)).toEqual(['UNIT']);

      const removed = await call('DELETE', `/api/escalation-policies/units/${unitId}`, 'admin');
      expect(removed.body).toMatchObject({ removed: true });
      expect((await nextAt(id))!.toISOString()).toBe('2026-11-30T16:00:00.000Z');
      expect((await call('DELETE', `/api/escalation-policies/units/${unitId}`, 'admin')).body.code).toBe('ESCALATION_POLICY_NOT_FOUND');

      const events = await t.db.sql(`SELECT type, data FROM history_event WHERE stream LIKE 'escalation-policy:%' ORDER BY seq`);
      expect(events.map((e) => e.type)).toEqual(['escalation-policy.set', 'escalation-policy.removed']);
      expect(events[0].data).toMatchObject({ scope: 'UNIT', unitId, before: null, after: slower });
    });

    it('a work-item override wins over the organisation ladder for its tasks only', async () => {
      const [{ id: workItemId }] = await t.db.sql(`SELECT w.id FROM work_item w JOIN post p ON p.id = w.post_id WHERE p.code = 'officer-2' ORDER BY w.seq LIMIT 1`);
      const org = await call('PUT', '/api/escalation-policies/organisation', 'admin', { ladder: LADDER.slice(1) });
      expect(org.body).toMatchObject({ policy: { scope: 'ORGANISATION' } });
      const item = await call('PUT', `/api/escalation-policies/work-items/${workItemId}`, 'admin', { ladder: [LADDER[1], { ...LADDER[3], level: 2 }] });
      expect(item.status).toBe(200);
      const read = await call('GET', `/api/escalation-policies?workItemId=${workItemId}`, 'admin');
      expect(read.body.effective).toMatchObject({ scope: 'WORK_ITEM', policyId: item.body.policy.id });
      expect((await call('GET', `/api/escalation-policies?unitId=${unitId}`, 'admin')).body.effective).toMatchObject({ scope: 'ORGANISATION', policyId: org.body.policy.id });
      // Clean up for the tests below: the built-in default again.
      await call('DELETE', `/api/escalation-policies/work-items/${workItemId}`, 'admin');
      await call('DELETE', '/api/escalation-policies/organisation', 'admin');
      expect((await call('GET', '/api/escalation-policies', 'admin')).body.effective.scope).toBe('DEFAULT');
    });
  });

  describe('bureau leader (分管局领导)', () => {
    let leaderId: string;

    beforeAll(async () => {
      leaderId = (await t.db.sql(`INSERT INTO person (name, email) VALUES ('孙局长', 'leader@nrpb.example.cn') RETURNING id`))[0].id;
    });

    it('only admin sets it; an unknown person is refused', async () => {
      expect((await call('PUT', '/api/org/bureau-leader', 'chief', { personId: leaderId })).status).toBe(403);
      expect((await call('PUT', '/api/org/bureau-leader', 'admin', { personId: '00000000-0000-4000-8000-000000000000' })).body.code).toBe('PERSON_NOT_FOUND');
      expect((await call('GET', '/api/org/bureau-leader', 'officer1')).body.person).toBeNull();
    });

    it("a chief's own overdue task reaches the bureau leader at the levels with nobody above, once", async () => {
      const without = await insertTask('chief', person.chief, '正职本人任务（未设局领导）', '2026-11-18');
      await sweeper.sweep();
      const before = await t.db.sql(`SELECT level, recipients FROM escalation WHERE task_id = $1 AND level >= 2 ORDER BY level`, [without]);
      expect(before.map((e) => e.recipients)).toEqual([
        { role: 'DEPUTY', personIds: [], viaPostId: null, bureauLeader: true },
        { role: 'CHIEF', personIds: [], viaPostId: null, bureauLeader: true },
      ]);

      const set = await call('PUT', '/api/org/bureau-leader', 'admin', { personId: leaderId });
      expect(set.body.person).toMatchObject({ id: leaderId, name: '孙局长' });
      // Anyone logged in sees who it is; only admins see the address.
      expect((await call('GET', '/api/org/bureau-leader', 'officer1')).body.person).toEqual({ id: leaderId, name: '孙局长', email: null });
      expect((await call('GET', '/api/org/bureau-leader', 'admin')).body.person).toMatchObject({ email: 'leader@nrpb.example.cn' });
      expect((await t.db.sql(`SELECT type FROM history_event WHERE stream LIKE 'org:%'`)).map((e) => e.type)).toEqual(['org.bureau-leader.set']);

      const id = await insertTask('chief', person.chief, '正职本人任务', '2026-11-18');
      await sweeper.sweep();
      const levels = await t.db.sql(`SELECT level, recipients FROM escalation WHERE task_id = $1 ORDER BY level`, [id]);
      expect(levels.map((e) => [e.level, e.recipients.personIds])).toEqual([
        [0, [person.chief]],
        [1, [person.chief]],
        [2, [leaderId]],
        [3, [leaderId]],
      ]);
      // One message per recipient and sweep, naming the highest level: in-app and e-mail (the leader has an address).
      const outbox = await t.db.sql(`SELECT channel, payload->>'level' AS level FROM outbox WHERE task_id = $1 AND recipient_person_id = $2 ORDER BY channel`, [id, leaderId]);
      expect(outbox).toEqual([
        { channel: 'EMAIL', level: '3' },
        { channel: 'IN_APP', level: '3' },
      ]);
      for (let i = 0; i < 3; i++) await sweeper.sweep();
      expect((await t.db.sql(`SELECT count(*)::int n FROM outbox WHERE recipient_person_id = $1`, [leaderId]))[0].n).toBe(2);

      // An officer's task still goes up the chain: the leader is not told.
      const officerTask = await insertTask('officer-3', person.officer3, '业务岗逾期', '2026-11-18');
      await sweeper.sweep();
      const officerLevels = await t.db.sql(`SELECT recipients FROM escalation WHERE task_id = $1 AND level = 3`, [officerTask]);
      expect(officerLevels[0].recipients.personIds).toEqual([person.chief]);

      expect((await call('PUT', '/api/org/bureau-leader', 'admin', { personId: null })).body.person).toBeNull();
    });
  });

  describe('GET /api/tasks/:id/escalations', () => {
    it('lists each level with time, recipient names, acknowledgement and per-channel delivery state', async () => {
      // Saturday 11-28 10:00 Shanghai (not a make-up day): in-app at once, e-mail held for Monday morning.
      t.clock.set('2026-11-28T02:00:00.000Z');
      for (const u of ['deputy', 'officer1', 'officer2']) as[u] = await loginAs(t, u);
      const created = await call('POST', '/api/tasks', 'deputy', { postId: post['officer-1'], title: '投递状态测试', assignedOn: '2026-11-13', dueDate: '2026-11-20' });
      expect(created.status).toBe(201);
      const id = created.body.id;
      await sweeper.sweep();

      const [deputyEmail] = await t.db.sql(`SELECT o.id FROM outbox o WHERE o.task_id = $1 AND o.recipient_person_id = $2 AND channel = 'EMAIL'`, [id, person.deputy]);
      await t.db.sql(`UPDATE outbox SET status = 'FAILED', attempts = 8, last_error = '550 mailbox unavailable' WHERE id = $1`, [deputyEmail.id]);
      await t.db.sql(`UPDATE outbox SET status = 'SENT', sent_at = now() WHERE task_id = $1 AND recipient_person_id = $2 AND channel = 'IN_APP'`, [id, person.officer1]);
      const [l2] = await t.db.sql(`SELECT id FROM escalation WHERE task_id = $1 AND level = 2`, [id]);
      expect((await call('POST', `/api/escalations/${l2.id}/ack`, 'deputy')).status).toBe(200);

      const res = await call('GET', `/api/tasks/${id}/escalations`, 'officer1');
      expect(res.status).toBe(200);
      const byLevel = new Map(res.body.items.map((i: Json) => [i.level, i]));
      expect([...byLevel.keys()]).toEqual([0, 1, 2, 3]);
      const state = (level: number, name: string) =>
        Object.fromEntries(
          (byLevel.get(level) as Json).recipients.find((r: Json) => r.name === name).deliveries.map((d: Json) => [d.channel, [d.state, d.combinedIntoLevel, d.lastError]]),
        );
      // The assignee got one message naming L1; L0 reached them inside it. L3: 3 working days late, end of Wed 11-25.
      expect(state(0, '王磊')).toEqual({ IN_APP: ['SENT', 1, null], EMAIL: ['HELD', 1, null] });
      expect(state(1, '王磊')).toEqual({ IN_APP: ['SENT', null, null], EMAIL: ['HELD', null, null] });
      // The failure shows to the officer; the mail server's words (they can quote addresses) only to an admin.
      expect(state(2, '李敏')).toEqual({ IN_APP: ['PENDING', null, null], EMAIL: ['FAILED', null, null] });
      expect(state(3, '张建国')).toEqual({ IN_APP: ['PENDING', null, null], EMAIL: ['HELD', null, null] });
      expect(byLevel.get(2)).toMatchObject({ levelName: '催办', role: 'DEPUTY', acknowledged: { by: { id: person.deputy, name: '李敏' } } });
      expect(byLevel.get(3)).toMatchObject({ levelName: '督办', colour: 'red', acknowledged: null, dueAt: '2026-11-25T16:00:00.000Z' });

      as.admin = await loginAs(t, 'admin');
      const asAdmin = (await call('GET', `/api/tasks/${id}/escalations`, 'admin')).body.items.find((i: Json) => i.level === 2);
      expect(asAdmin.recipients[0].deliveries.find((d: Json) => d.channel === 'EMAIL').lastError).toBe('550 mailbox unavailable');

      // Someone who may not see the task gets the same 404 as for a missing one.
      expect((await call('GET', `/api/tasks/${id}/escalations`, 'officer2')).body.code).toBe('TASK_NOT_FOUND');
    });
  });
});
