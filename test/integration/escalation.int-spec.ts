import { OutboxService } from '#libs/notifications';
import { SweepService } from '#libs/escalation';
import { createTestApi, loginAs, type AuthHeaders, type TestApi } from '../support/test-app.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('escalation sweep', () => {
  let t: TestApi;
  let sweeper: SweepService;
  const as: Record<string, AuthHeaders> = {};
  const post: Record<string, string> = {};
  const person: Record<string, string> = {};

  beforeAll(async () => {
    // Thursday 2026-11-26, 10:00 Shanghai.
    t = await createTestApi({ now: '2026-11-26T02:00:00.000Z' });
    sweeper = t.app.get(SweepService);
    for (const u of ['chief', 'deputy', 'officer1', 'officer2']) as[u] = await loginAs(t, u);
    for (const r of await t.db.sql('SELECT id, code FROM post')) post[r.code] = r.id;
    for (const r of await t.db.sql('SELECT p.id, u.username FROM person p JOIN app_user u ON u.person_id = p.id')) person[r.username] = r.id;
  });
  afterAll(() => t.close());

  const call = async (method: 'GET' | 'POST', url: string, who: string, payload?: object) => {
    const res = await t.app.inject({ method, url, headers: as[who], payload });
    return { status: res.statusCode, headers: res.headers, body: res.body ? (res.json() as Json) : {} };
  };
  const levelsOf = async (taskId: string) =>
    (await t.db.sql(`SELECT level, cycle, recipients FROM escalation WHERE task_id = $1 ORDER BY cycle, level`, [taskId])).map(
      (r) => ({ level: r.level, cycle: r.cycle, to: r.recipients.personIds }),
    );

  it('a backdated task 5 working days overdue reaches every level once in one sweep, and never again', async () => {
    // Registered today, assigned at a meeting on 11-13 with 5 working days: due 11-20, now 4 working days late.
    const created = await call('POST', '/api/tasks', 'chief', {
      postId: post['officer-1'],
      title: '会议交办：补充耕地核查',
      assignedOn: '2026-11-13',
      deadlineRule: { kind: 'WORKDAYS_AFTER', days: 5 },
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    const first = await sweeper.sweep();
    expect(first.escalations).toBeGreaterThanOrEqual(4);
    expect(await levelsOf(id)).toEqual([
      { level: 0, cycle: 0, to: [person.officer1] },
      { level: 1, cycle: 0, to: [person.officer1] },
      { level: 2, cycle: 0, to: [person.deputy] },
      { level: 3, cycle: 0, to: [person.chief] },
    ]);
    // The assignee, reached at L0 and L1, gets one message naming L1.
    const outbox = await t.db.sql(`SELECT recipient_person_id, payload->>'level' AS level FROM outbox WHERE task_id = $1 AND channel = 'IN_APP'`, [id]);
    expect(outbox.map((o) => `${o.recipient_person_id === person.officer1 ? 'officer1' : o.recipient_person_id === person.deputy ? 'deputy' : 'chief'}:${o.level}`).sort()).toEqual([
      'chief:3',
      'deputy:2',
      'officer1:1',
    ]);
    const outboxRows = async () => (await t.db.sql(`SELECT count(*)::int n FROM outbox WHERE task_id = $1`, [id]))[0].n;
    const afterFirst = await outboxRows();
    for (let i = 0; i < 10; i++) await sweeper.sweep();
    expect(await levelsOf(id)).toHaveLength(4);
    expect(await outboxRows()).toBe(afterFirst);
    const task = (await call('GET', `/api/tasks/${id}`, 'deputy')).body;
    expect(task.task).toMatchObject({ escalationLevel: 3, nextEscalationAt: null });
    expect(task.history.filter((e: Json) => e.type === 'escalation.raised')).toHaveLength(4);
  });

  it('the recipient acknowledges; others cannot; the deputy sees it in the list', async () => {
    const [row] = await t.db.sql(`SELECT id FROM escalation WHERE level = 2 LIMIT 1`);
    expect((await call('POST', `/api/escalations/${row.id}/ack`, 'officer1')).status).toBe(403);
    const ack = await call('POST', `/api/escalations/${row.id}/ack`, 'deputy');
    expect(ack.status).toBe(200);
    const list = await call('GET', '/api/escalations?level=2&acknowledged=true', 'deputy');
    expect(list.body.items.map((e: Json) => e.id)).toContain(row.id);
    expect((await call('GET', '/api/escalations', 'officer1')).body.items).toEqual([]);
  });

  it('an approved extension stops the ladder and a task late again restarts from L1', async () => {
    const { body } = await call('POST', '/api/tasks', 'deputy', { postId: post['officer-2'], title: '资质核查', dueDate: '2026-11-25' });
    await sweeper.sweep();
    expect((await levelsOf(body.id)).map((l) => l.level)).toEqual([0, 1]);
    const ext = await call('POST', `/api/tasks/${body.id}/extension-requests`, 'officer2', { reason: '等待外单位意见', newDueDate: '2026-11-27' });
    await call('POST', `/api/extension-requests/${ext.body.id}/approve`, 'deputy', {});
    await sweeper.sweep();
    expect((await levelsOf(body.id)).map((l) => `${l.cycle}:${l.level}`)).toEqual(['0:0', '0:1']);
    // Friday 11-27 ends; Monday 11-30 evening: late again by one working day.
    t.clock.set('2026-11-30T17:00:00.000Z');
    await sweeper.sweep();
    expect((await levelsOf(body.id)).map((l) => `${l.cycle}:${l.level}`)).toEqual(['0:0', '0:1', '1:1', '1:2']);
    t.clock.set('2026-11-26T02:00:00.000Z');
  });

  it('done and cancelled tasks stop escalating', async () => {
    const { body } = await call('POST', '/api/tasks', 'deputy', { postId: post['officer-2'], title: '已撤销', dueDate: '2026-11-20' });
    await call('POST', `/api/tasks/${body.id}/cancel`, 'deputy', { reason: '重复交办' });
    await sweeper.sweep();
    expect(await levelsOf(body.id)).toEqual([]);
  });

  it('manual 催办 by the deputy reaches the assignee once an hour at most', async () => {
    as.deputy = await loginAs(t, 'deputy');
    as.officer2 = await loginAs(t, 'officer2');
    const { body } = await call('POST', '/api/tasks', 'deputy', { postId: post['officer-2'], title: '催办测试', dueDate: '2026-12-10' });
    expect((await call('POST', `/api/tasks/${body.id}/urge`, 'officer2', {})).status).toBe(403);
    expect((await call('POST', `/api/tasks/${body.id}/urge`, 'deputy', { note: '请尽快' })).status).toBe(200);
    const again = await call('POST', `/api/tasks/${body.id}/urge`, 'deputy', {});
    expect(again.status).toBe(429);
    expect(Number(again.headers['retry-after'])).toBeGreaterThan(0);
    const rows = await t.db.sql(`SELECT payload FROM outbox WHERE task_id = $1 AND channel = 'IN_APP'`, [body.id]);
    expect(rows).toEqual([{ payload: expect.objectContaining({ kind: 'URGE', note: '请尽快' }) }]);
  });

  it('forecasts what will escalate in the next working days', async () => {
    as.deputy = await loginAs(t, 'deputy');
    await call('POST', '/api/tasks', 'deputy', { postId: post['officer-2'], title: '下周到期', dueDate: '2026-11-30' });
    const res = await call('GET', '/api/escalations/forecast?days=3', 'deputy');
    expect(res.status).toBe(200);
    const mine = res.body.items.filter((i: Json) => i.title === '下周到期');
    expect(mine.map((i: Json) => `${i.level}:${i.at}`)).toEqual(['0:2026-11-29T16:00:00.000Z', '1:2026-11-30T16:00:00.000Z', '2:2026-12-01T16:00:00.000Z']);
  });

  it('the L0 reminder goes out at the start of the last working day before the deadline, not with L1', async () => {
    as.deputy = await loginAs(t, 'deputy');
    // Due Tuesday 12-01 (end of day): the reminder is due at the start of Tuesday, Shanghai time.
    const created = await call('POST', '/api/tasks', 'deputy', { postId: post['officer-2'], title: '提醒时点', dueDate: '2026-12-01' });
    expect(created.status).toBe(201);
    const id = created.body.id;
    await sweeper.sweep();
    expect(await levelsOf(id)).toEqual([]);
    const [row] = await t.db.sql(`SELECT next_escalation_at FROM task WHERE id = $1`, [id]);
    expect(row.next_escalation_at.toISOString()).toBe('2026-11-30T16:00:00.000Z');
    try {
      t.clock.set('2026-12-01T01:00:00.000Z'); // Tuesday 09:00 Shanghai: reminded, not yet overdue
      await sweeper.sweep();
      expect(await levelsOf(id)).toEqual([{ level: 0, cycle: 0, to: [person.officer2] }]);
    } finally {
      t.clock.set('2026-11-26T02:00:00.000Z');
    }
  });
});

describe('escalation sweep under concurrency and failure', () => {
  let t: TestApi;

  beforeAll(async () => {
    // No background delivery: the figures here are the sweep's alone.
    t = await createTestApi({ now: '2026-11-26T02:00:00.000Z', jobs: false });
  });
  afterAll(() => t.close());

  const seedDueTasks = async (n: number, title: string) => {
    // Straight SQL: 2,000 tasks due last week on the planning section's officer posts.
    await t.db.sql(
      `INSERT INTO task (kind, unit_id, post_id, assignee_person_id, title, status, review_steps, assigned_on, issued_at,
                         due_date, due_at, next_escalation_at)
       SELECT 'AD_HOC', p.unit_id, p.id, a.person_id, $2 || g, 'IN_PROGRESS', '{DEPUTY}', '2026-11-10', now(),
              '2026-11-19', '2026-11-19T16:00:00Z', '2026-11-18T16:00:00Z'
         FROM generate_series(1, $1::int) g
         JOIN post p ON p.code = 'officer-' || (1 + g % 4)
         JOIN post_assignment a ON a.post_id = p.id`,
      [n, title],
    );
  };

  it('two sweepers on 2,000 due tasks: no duplicate and no missing level', async () => {
    await seedDueTasks(2000, '并发');
    const a = t.app.get(SweepService);
    const [r1, r2] = await Promise.all([a.sweep({ batchSize: 200 }), a.sweep({ batchSize: 200 })]);
    expect(r1.tasks + r2.tasks).toBe(2000);
    const [counts] = await t.db.sql(`SELECT count(*)::int n, count(DISTINCT (task_id, level, cycle))::int d FROM escalation`);
    expect(counts).toEqual({ n: 8000, d: 8000 });
    const [missing] = await t.db.sql(`SELECT count(*)::int n FROM task t WHERE title LIKE '并发%' AND
      (SELECT count(*) FROM escalation e WHERE e.task_id = t.id) <> 4`);
    expect(missing.n).toBe(0);
    expect((await t.db.sql(`SELECT count(*)::int n FROM task WHERE next_escalation_at IS NOT NULL AND title LIKE '并发%'`))[0].n).toBe(0);
  });

  it('a sweep that dies mid-batch loses nothing: its transaction rolls back and the next sweep does the work', async () => {
    await seedDueTasks(300, '中断');
    const outbox = t.app.get(OutboxService);
    const write = outbox.write.bind(outbox);
    let calls = 0;
    // Fault injection: the second batch's outbox write fails as if the process died there (its
    // connection gone: a failure of the infrastructure, not of a task, so nothing is set aside).
    outbox.write = async (...args) => {
      if (++calls === 2) throw Object.assign(new Error('worker killed'), { code: 'ECONNRESET' });
      return write(...args);
    };
    await expect(t.app.get(SweepService).sweep({ batchSize: 100 })).rejects.toThrow('worker killed');
    outbox.write = write;
    await t.app.get(SweepService).sweep({ batchSize: 100 });
    const [counts] = await t.db.sql(`SELECT count(*)::int n, count(DISTINCT e.task_id)::int tasks FROM escalation e JOIN task t ON t.id = e.task_id WHERE t.title LIKE '中断%'`);
    expect(counts).toEqual({ n: 1200, tasks: 300 });
    const [dupes] = await t.db.sql(`SELECT count(*)::int n FROM (SELECT task_id, recipient_person_id, channel FROM outbox
      WHERE task_id IN (SELECT id FROM task WHERE title LIKE '中断%') GROUP BY 1, 2, 3 HAVING count(*) > 1) d`);
    expect(dupes.n).toBe(0);
    // The failed batch's history events went with it: the outbox and history statements share the
    // transaction's connection, and none of them may run after its rollback.
    const [events] = await t.db.sql(`SELECT count(*)::int n FROM history_event h JOIN task t ON h.stream = 'task:' || t.id
      WHERE t.title LIKE '中断%' AND h.type = 'escalation.raised'`);
    expect(events.n).toBe(1200);
  });

  it('a level recorded before its task was moved on is kept, not repeated, and only new levels are told', async () => {
    await seedDueTasks(1, '已记录');
    const [task] = await t.db.sql(`SELECT id, unit_id FROM task WHERE title = '已记录1'`);
    // An inconsistency the unique key absorbs: L0 and L1 exist, the task still says no level reached.
    await t.db.sql(
      `INSERT INTO escalation (task_id, unit_id, level, cycle, due_at, recipients, overdue_workdays)
       SELECT $1, $2, l, 0, '2026-11-18T16:00:00Z', '{"personIds":[]}', 0 FROM generate_series(0, 1) l`,
      [task.id, task.unit_id],
    );
    const result = await t.app.get(SweepService).sweep();
    expect(result).toMatchObject({ tasks: 1, escalations: 2 });
    const levels = await t.db.sql(`SELECT level, recipients FROM escalation WHERE task_id = $1 ORDER BY level`, [task.id]);
    expect(levels.map((l) => [l.level, l.recipients.personIds.length > 0])).toEqual([
      [0, false],
      [1, false],
      [2, true],
      [3, true],
    ]);
    const events = await t.db.sql(`SELECT data->>'level' AS level FROM history_event WHERE stream = $1 AND type = 'escalation.raised' ORDER BY seq`, [
      `task:${task.id}`,
    ]);
    expect(events.map((e) => e.level)).toEqual(['2', '3']);
    // Messages name only the new levels: the deputy's 催办 and the chief's 督办, nothing for the assignee.
    const outbox = await t.db.sql(`SELECT DISTINCT payload->>'level' AS level FROM outbox WHERE task_id = $1 ORDER BY 1`, [task.id]);
    expect(outbox.map((o) => o.level)).toEqual(['2', '3']);
  });
});
