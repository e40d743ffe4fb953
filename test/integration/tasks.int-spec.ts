import { TaskGenerationService, RoutingService } from '#libs/tasks';
import { OrgService } from '#libs/org';
import { createTestApi, loginAs, type AuthHeaders, type TestApi } from '../support/test-app.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('task engine over HTTP', () => {
  let t: TestApi;
  const as: Record<string, AuthHeaders> = {};
  const post: Record<string, string> = {};
  const person: Record<string, string> = {};

  beforeAll(async () => {
    // Thursday 2026-11-26, 10:00 in Shanghai.
    t = await createTestApi({ now: '2026-11-26T02:00:00.000Z' });
    for (const u of ['admin', 'chief', 'deputy', 'officer1', 'officer2', 'officer3']) as[u] = await loginAs(t, u);
    for (const r of await t.db.sql('SELECT id, code FROM post')) post[r.code] = r.id;
    for (const r of await t.db.sql('SELECT p.id, u.username FROM person p JOIN app_user u ON u.person_id = p.id')) person[r.username] = r.id;
  });
  afterAll(() => t.close());

  const call = async (method: 'GET' | 'POST' | 'PUT', url: string, who: string, payload?: object) => {
    const res = await t.app.inject({ method, url, headers: as[who], payload });
    return { status: res.statusCode, body: res.body ? (res.json() as Json) : {} };
  };
  const assign = (who: string, body: Json) => call('POST', '/api/tasks', who, body);
  const act = (id: string, action: string, who: string, payload?: object) => call('POST', `/api/tasks/${id}/${action}`, who, payload);
  const history = async (id: string) => (await call('GET', `/api/tasks/${id}`, 'admin')).body.history.map((e: Json) => e.type);

  it('交办 → 签收 → 报审 → 初核 → 审核 → 办结, every step in history', async () => {
    const created = await assign('chief', {
      postId: post['officer-1'],
      title: '报送国土空间总体规划修改材料',
      deadlineRule: { kind: 'WORKDAYS_AFTER', days: 5 },
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    const detail = (await call('GET', `/api/tasks/${id}`, 'officer1')).body.task;
    expect(detail).toMatchObject({
      status: 'ISSUED',
      assigneePersonId: person.officer1,
      reviewSteps: ['DEPUTY', 'CHIEF'],
      dueDate: '2026-12-03T00:00:00.000Z',
      dueAt: '2026-12-03T16:00:00.000Z',
    });

    expect((await act(id, 'accept', 'officer1')).body.status).toBe('ACCEPTED');
    expect((await act(id, 'start', 'officer1')).body.status).toBe('IN_PROGRESS');
    expect((await act(id, 'submit', 'officer1')).body.status).toBe('SUBMITTED');
    expect(await act(id, 'approve', 'chief')).toMatchObject({ status: 403, body: { code: 'TASK_NOT_REVIEWER' } });
    expect((await act(id, 'approve', 'deputy')).body.status).toBe('REVIEWED');
    expect((await act(id, 'approve', 'chief')).body.status).toBe('DONE');
    expect(await act(id, 'accept', 'officer1')).toMatchObject({ status: 409, body: { code: 'TASK_ILLEGAL_TRANSITION' } });
    expect(await history(id)).toEqual([
      'task.created',
      'task.accepted',
      'task.started',
      'task.submitted',
      'task.approved',
      'task.approved',
    ]);
  });

  it('退回 needs a reason and sends the task back to in progress', async () => {
    const { body } = await assign('deputy', { postId: post['officer-2'], title: '村庄规划成果审查意见汇总', dueDate: '2026-12-04' });
    for (const a of ['accept', 'start', 'submit']) await act(body.id, a, 'officer2');
    expect(await act(body.id, 'return', 'deputy', {})).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    const returned = await act(body.id, 'return', 'deputy', { reason: '缺少会议纪要' });
    expect(returned.body.status).toBe('IN_PROGRESS');
    const task = (await call('GET', `/api/tasks/${body.id}`, 'officer2')).body.task;
    expect(task).toMatchObject({ returnReason: '缺少会议纪要', reviewSteps: ['DEPUTY'] });
  });

  it('officers cannot assign upward or across; others cannot see the task', async () => {
    expect(await assign('officer1', { postId: post.deputy, title: 'x', dueDate: '2026-12-04' })).toMatchObject({
      status: 403,
      body: { code: 'TASK_ASSIGN_NOT_ALLOWED' },
    });
    expect((await assign('officer1', { postId: post['officer-2'], title: 'x', dueDate: '2026-12-04' })).status).toBe(403);
    expect((await assign('deputy', { postId: post.chief, title: 'x', dueDate: '2026-12-04' })).status).toBe(403);
    const { body } = await assign('chief', { postId: post['officer-3'], title: '档案抽查', dueDate: '2026-12-04' });
    expect((await call('GET', `/api/tasks/${body.id}`, 'officer1')).status).toBe(404);
    expect((await call('GET', `/api/tasks/${body.id}`, 'deputy')).status).toBe(200);
    expect(await act(body.id, 'cancel', 'officer3', { reason: '不想做' })).toMatchObject({ status: 403, body: { code: 'TASK_NOT_ASSIGNER' } });
    expect((await act(body.id, 'cancel', 'chief', { reason: '已合并到其他任务' })).body.status).toBe('CANCELLED');
  });

  it('racing approvals: exactly one wins', async () => {
    const { body } = await assign('deputy', { postId: post['officer-2'], title: '规划设计单位资质核查', dueDate: '2026-12-10' });
    for (const a of ['accept', 'start', 'submit']) await act(body.id, a, 'officer2');
    const results = await Promise.all([act(body.id, 'approve', 'deputy'), act(body.id, 'approve', 'deputy'), act(body.id, 'approve', 'deputy')]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    expect((await history(body.id)).filter((e: string) => e === 'task.approved')).toHaveLength(1);
  });

  it('an approved extension moves the deadline, restarts the ladder and shows in history', async () => {
    const { body } = await assign('chief', { postId: post['officer-1'], title: '专项规划审查', dueDate: '2026-12-01' });
    const asked = await call('POST', `/api/tasks/${body.id}/extension-requests`, 'officer1', { reason: '需补充调研', newDueDate: '2026-12-15' });
    expect(asked.status).toBe(201);
    expect((await call('POST', `/api/tasks/${body.id}/extension-requests`, 'officer1', { reason: '再延', newDueDate: '2026-12-20' })).body.code).toBe(
      'EXTENSION_ALREADY_PENDING',
    );
    expect((await call('POST', `/api/extension-requests/${asked.body.id}/approve`, 'chief', {})).body.code).toBe('EXTENSION_NOT_DECIDER');
    const approved = await call('POST', `/api/extension-requests/${asked.body.id}/approve`, 'deputy', { note: '同意' });
    expect(approved.body).toEqual({ status: 'APPROVED', dueDate: '2026-12-15' });
    expect((await call('POST', `/api/extension-requests/${asked.body.id}/reject`, 'deputy', {})).body.code).toBe('EXTENSION_NOT_PENDING');
    const task = (await call('GET', `/api/tasks/${body.id}`, 'officer1')).body.task;
    expect(task).toMatchObject({ dueDate: '2026-12-15T00:00:00.000Z', escalationCycle: 1, escalationLevel: -1 });
    expect(await history(body.id)).toEqual(['task.created', 'extension.requested', 'extension.approved']);
  });

  it('AB角: an absence routes open and new tasks to the backup, acting for the holder, and back on return', async () => {
    const { body: open } = await assign('deputy', { postId: post['officer-1'], title: '编制工作方案', dueDate: '2026-12-11' });
    const absence = await call('POST', '/api/absences', 'deputy', { personId: person.officer1, startDate: '2026-11-26', endDate: '2026-11-30', reason: '培训' });
    expect(absence.status).toBe(201);
    expect(absence.body.moved).toBeGreaterThanOrEqual(1);
    const moved = (await call('GET', `/api/tasks/${open.id}`, 'officer2')).body.task;
    expect(moved).toMatchObject({ assigneePersonId: person.officer2, actingForPersonId: person.officer1 });
    expect((await act(open.id, 'accept', 'officer2')).body.status).toBe('ACCEPTED');

    const { body: fresh } = await assign('chief', { postId: post['officer-1'], title: '新交办', dueDate: '2026-12-11' });
    expect((await call('GET', `/api/tasks/${fresh.id}`, 'officer2')).body.task.assigneePersonId).toBe(person.officer2);

    await call('POST', `/api/absences/${absence.body.id}/cancel`, 'officer1');
    const back = (await call('GET', `/api/tasks/${open.id}`, 'officer1')).body;
    expect(back.task).toMatchObject({ assigneePersonId: person.officer1, actingForPersonId: null, status: 'ACCEPTED' });
    expect(back.history.map((e: Json) => e.type)).toEqual(['task.created', 'task.reassigned', 'task.accepted', 'task.reassigned']);
    expect(back.history[1].data).toMatchObject({ reason: expect.stringContaining('请假'), to: { assigneePersonId: person.officer2 } });
  });

  it('a new holder of the post takes over its open tasks', async () => {
    const { body } = await assign('deputy', { postId: post['officer-3'], title: '信息化建设方案', dueDate: '2026-12-18' });
    const org = t.app.get(OrgService);
    const newcomer = await org.createPerson({ name: '孙悦' });
    await org.assignPost(post['officer-3'], newcomer.id, '2026-11-26');
    expect(await t.app.get(RoutingService).reroute([post['officer-3']], '岗位人员调整', null)).toBeGreaterThanOrEqual(1);
    const task = (await call('GET', `/api/tasks/${body.id}`, 'deputy')).body.task;
    expect(task.assigneePersonId).toBe(newcomer.id);
  });

  it('lists with filters, paging and visibility', async () => {
    const mine = await call('GET', '/api/tasks?mine=true&status=ISSUED,ACCEPTED,IN_PROGRESS', 'officer2');
    expect(mine.status).toBe(200);
    expect(mine.body.items.every((i: Json) => i.assigneePersonId === person.officer2)).toBe(true);
    const unit = await call('GET', '/api/tasks?pageSize=2&sort=createdAt&order=desc', 'deputy');
    expect(unit.body).toMatchObject({ page: 1, pageSize: 2 });
    expect(unit.body.items).toHaveLength(2);
    expect(unit.body.total).toBeGreaterThan(2);
    const officer = await call('GET', '/api/tasks', 'officer3');
    expect(officer.body.items.every((i: Json) => i.postId === post['officer-3'] || i.assigneePersonId === person.officer3)).toBe(true);
    expect((await call('GET', '/api/tasks?status=BOGUS', 'deputy')).status).toBe(400);
  });
});

describe('recurring generation', () => {
  let t: TestApi;
  let headers: AuthHeaders;
  let workItemId: string;

  beforeAll(async () => {
    t = await createTestApi({ now: '2026-11-26T02:00:00.000Z' });
    [{ id: workItemId }] = await t.db.sql(`SELECT w.id FROM work_item w JOIN post p ON p.id = w.post_id WHERE p.code = 'officer-4' AND w.title = '其他工作'`);
  });
  afterAll(() => t.close());
  // Tests move the clock forward by days; a fresh token keeps each one independent of that.
  beforeEach(async () => {
    headers = await loginAs(t, 'deputy');
  });

  const createSchedule = (payload: object) =>
    t.app.inject({ method: 'POST', url: `/api/work-items/${workItemId}/schedules`, headers, payload });

  it('creates one task per occurrence even with two generators at once; re-runs create nothing', async () => {
    const res = await createSchedule({
      title: '月度统计报表报送',
      recurrence: { kind: 'NTH_WORKDAY_OF_MONTH', n: 5 },
      leadWorkdays: 3,
      startDate: '2026-09-01',
      requiredEvidence: ['FILE'],
      checklistFromResponsibilities: true,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ recurrenceText: '每月第5个工作日', next: [{ occurrenceDate: '2026-12-07', issueDate: '2026-12-02' }, expect.anything(), expect.anything(), expect.anything(), expect.anything()] });

    const generation = t.app.get(TaskGenerationService);
    const dry = await generation.generate({ dryRun: true });
    expect(dry.planned!.map((p) => p.occurrenceDate)).toEqual(['2026-09-07', '2026-10-13', '2026-11-06']);
    expect(await t.db.sql('SELECT * FROM task')).toHaveLength(0);

    const [a, b] = await Promise.all([generation.generate(), generation.generate()]);
    expect(a.created + b.created).toBe(3);
    const rows = await t.db.sql(`SELECT occurrence_date::text d, late_issued, assignee_person_id, review_steps::text, checklist
      FROM task ORDER BY occurrence_date`);
    expect(rows.map((r) => r.d)).toEqual(['2026-09-07', '2026-10-13', '2026-11-06']);
    expect(rows.every((r) => r.late_issued)).toBe(true);
    expect(rows[0].review_steps).toBe('{DEPUTY}');
    expect(rows[0].checklist[0]).toMatchObject({ text: expect.stringContaining('执行责任') });
    const events = await t.db.sql(`SELECT count(*)::int n FROM history_event WHERE type = 'task.created'`);
    expect(events[0].n).toBe(3);

    expect((await generation.generate()).created).toBe(0);
    t.clock.set('2026-12-02T01:00:00.000Z');
    expect((await generation.generate()).created).toBe(1);
    expect((await generation.generate({ until: '2027-01-31' as never })).created).toBe(1);
  });

  it('refuses an invalid recurrence with a code', async () => {
    const res = await createSchedule({ title: 'x', recurrence: { kind: 'CRON', expr: '* * *' }, startDate: '2026-01-01' });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('SCHEDULE_INVALID');
  });

  it('officers cannot manage schedules', async () => {
    const officer = await loginAs(t, 'officer4');
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/work-items/${workItemId}/schedules`,
      headers: officer,
      payload: { title: 'x', recurrence: { kind: 'LAST_WORKDAY_OF', period: 'MONTH' }, startDate: '2026-01-01' },
    });
    expect(res.statusCode).toBe(403);
  });
});
