import { UserAccountService } from '#libs/auth';
import { DEMO_PASSWORD } from '../../seeds/demo-people.js';
import { createTestApi, loginAs, type AuthHeaders, type TestApi } from '../support/test-app.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/*
 * Separation of duties: nobody reviews, approves or decides an extension of a task they work (as
 * the post's holder, acting holder or AB cover); the step goes up the chain, then to the bureau
 * leader. The cases run in order on one database: each changes who holds or covers which post.
 */
describe('separation of duties over HTTP', () => {
  let t: TestApi;
  const as: Record<string, AuthHeaders> = {};
  const post: Record<string, string> = {};
  const person: Record<string, string> = {};

  beforeAll(async () => {
    // Thursday 2026-11-26, 10:00 in Shanghai.
    t = await createTestApi({ now: '2026-11-26T02:00:00.000Z', jobs: false });
    for (const u of ['admin', 'chief', 'deputy', 'officer1', 'officer2', 'officer3']) as[u] = await loginAs(t, u);
    for (const r of await t.db.sql('SELECT id, code FROM post')) post[r.code] = r.id;
    for (const r of await t.db.sql('SELECT p.id, u.username FROM person p JOIN app_user u ON u.person_id = p.id')) person[r.username] = r.id;
  });
  afterAll(() => t.close());

  const call = async (method: 'GET' | 'POST' | 'PUT', url: string, who: string, payload?: object) => {
    const res = await t.app.inject({ method, url, headers: as[who], payload });
    return { status: res.statusCode, body: res.body ? (res.json() as Json) : {} };
  };
  const act = (id: string, action: string, who: string, payload?: object) => call('POST', `/api/tasks/${id}/${action}`, who, payload);
  const allowed = async (id: string, who: string) => (await call('GET', `/api/tasks/${id}`, who)).body.allowedActions as string[];
  const work = async (id: string, who: string) => {
    for (const a of ['accept', 'start']) expect((await act(id, a, who)).status).toBe(200);
  };
  const askExtension = async (id: string, who: string) => {
    const asked = await call('POST', `/api/tasks/${id}/extension-requests`, who, { reason: '需补充材料', newDueDate: '2026-12-18' });
    expect(asked.status).toBe(201);
    return asked.body.id as string;
  };
  /** The board's review queue of the caller (ids), and its count on the task's post. */
  const reviewQueue = async (who: string) => (await call('GET', `/api/units/${await unitId()}/board`, who)).body.reviewQueue as string[];
  const inboxReviews = async (who: string) => ((await call('GET', '/api/inbox', who)).body.awaitingMyReview as Json[]).map((i) => i.id);
  const unitId = async () => (await t.db.sql(`SELECT unit_id AS id FROM post WHERE code = 'deputy'`))[0]!.id as string;

  it('(d) the usual path: an officer submits, the deputy reviews', async () => {
    const { body } = await call('POST', '/api/tasks', 'deputy', { postId: post['officer-2'], title: '村庄规划成果汇总', dueDate: '2026-12-04' });
    await work(body.id, 'officer2');
    const ext = await askExtension(body.id, 'officer2');
    expect(await allowed(body.id, 'deputy')).toContain('DECIDE_EXTENSION');
    expect((await call('POST', `/api/extension-requests/${ext}/approve`, 'deputy', {})).body.status).toBe('APPROVED');
    expect((await act(body.id, 'submit', 'officer2')).body.status).toBe('SUBMITTED');
    expect(await allowed(body.id, 'deputy')).toEqual(['APPROVE', 'RETURN', 'CANCEL', 'ADD_EVIDENCE']);
    expect(await allowed(body.id, 'chief')).toEqual([]);
    expect(await reviewQueue('deputy')).toContain(body.id);
    expect(await reviewQueue('chief')).not.toContain(body.id);
    expect(await act(body.id, 'approve', 'chief')).toMatchObject({ status: 403, body: { code: 'TASK_NOT_REVIEWER' } });
    expect((await act(body.id, 'approve', 'deputy')).body.status).toBe('DONE');
  });

  it('(b) an AB cover working a task cannot review it: the step goes up to the chief', async () => {
    // The deputy covers officer-3 (AB角) while 陈静 is away.
    await t.db.sql(`UPDATE post SET backup_post_id = $1 WHERE id = $2`, [post.deputy, post['officer-3']]);
    const absence = await call('POST', '/api/absences', 'deputy', { personId: person.officer3, startDate: '2026-11-26', endDate: '2026-11-30', reason: '培训' });
    expect(absence.status).toBe(201);
    const { body } = await call('POST', '/api/tasks', 'chief', { postId: post['officer-3'], title: '档案抽查', dueDate: '2026-12-04', reviewSteps: ['DEPUTY'] });
    const task = (await call('GET', `/api/tasks/${body.id}`, 'deputy')).body.task;
    expect(task).toMatchObject({ assigneePersonId: person.deputy, actingForPersonId: person.officer3 });
    await work(body.id, 'deputy');
    const ext = await askExtension(body.id, 'deputy');
    expect(await allowed(body.id, 'deputy')).not.toContain('DECIDE_EXTENSION');
    expect((await call('POST', `/api/extension-requests/${ext}/approve`, 'deputy', {})).body.code).toBe('TASK_SELF_REVIEW');
    expect((await call('POST', `/api/extension-requests/${ext}/approve`, 'chief', {})).body.status).toBe('APPROVED');
    expect((await act(body.id, 'submit', 'deputy')).body.status).toBe('SUBMITTED');

    expect(await allowed(body.id, 'deputy')).not.toContain('APPROVE');
    expect(await reviewQueue('deputy')).not.toContain(body.id);
    expect(await reviewQueue('chief')).toContain(body.id);
    const board = (await call('GET', `/api/units/${await unitId()}/board`, 'chief')).body;
    expect(board.totals.awaitingMyReview).toBe(board.reviewQueue.length);
    expect(board.posts.find((p: Json) => p.postId === post['officer-3']).awaitingMyReview).toBe(1);
    expect(await inboxReviews('chief')).toContain(body.id);
    expect(await inboxReviews('deputy')).not.toContain(body.id);
    expect(await act(body.id, 'approve', 'deputy')).toMatchObject({ status: 403, body: { code: 'TASK_SELF_REVIEW', message: expect.stringContaining('本人承办') } });
    expect(await act(body.id, 'return', 'deputy', { reason: '自己退回' })).toMatchObject({ status: 403, body: { code: 'TASK_SELF_REVIEW' } });
    expect(await allowed(body.id, 'chief')).toEqual(expect.arrayContaining(['APPROVE', 'RETURN']));
    expect((await act(body.id, 'approve', 'chief')).body.status).toBe('DONE');
    const approved = (await call('GET', `/api/tasks/${body.id}`, 'admin')).body.history.find((e: Json) => e.type === 'task.approved');
    expect(approved.data).toMatchObject({ reviewStep: 'DEPUTY', reviewerPostId: post.chief, reviewMovedUp: true });
    await call('POST', `/api/absences/${absence.body.id}/cancel`, 'deputy');
  });

  it('(c) a chief working their own task: the review goes to the bureau leader, or nobody', async () => {
    // The chief covers the deputy post (AB角) while 李敏 is away, and is given a task on it.
    const absence = await call('POST', '/api/absences', 'chief', { personId: person.deputy, startDate: '2026-11-26', endDate: '2026-11-30', reason: '出差' });
    expect(absence.status).toBe(201);
    const { body } = await call('POST', '/api/tasks', 'chief', { postId: post.deputy, title: '年度规划评估报告', dueDate: '2026-12-04' });
    const task = (await call('GET', `/api/tasks/${body.id}`, 'chief')).body.task;
    expect(task).toMatchObject({ assigneePersonId: person.chief, reviewSteps: ['CHIEF'] });
    await work(body.id, 'chief');
    expect((await act(body.id, 'submit', 'chief')).body.status).toBe('SUBMITTED');
    // Nobody above in the unit and no bureau leader named: the API says nobody may take it.
    expect(await act(body.id, 'approve', 'chief')).toMatchObject({ status: 403, body: { code: 'TASK_NO_INDEPENDENT_REVIEWER' } });

    const leader = (await t.db.sql(`INSERT INTO person (name) VALUES ('钱局长') RETURNING id`))[0]!.id as string;
    await t.app.get(UserAccountService).createUserForPerson({ username: 'leader', password: DEMO_PASSWORD, demoLogin: true }, leader);
    as.leader = await loginAs(t, 'leader');
    expect((await call('PUT', '/api/org/bureau-leader', 'admin', { personId: leader })).status).toBe(200);

    expect(await act(body.id, 'approve', 'chief')).toMatchObject({ status: 403, body: { code: 'TASK_SELF_REVIEW' } });
    expect(await allowed(body.id, 'chief')).not.toContain('APPROVE');
    expect(await allowed(body.id, 'leader')).toEqual(['APPROVE', 'RETURN', 'ADD_EVIDENCE']);
    expect(await inboxReviews('leader')).toEqual([body.id]);
    expect(await inboxReviews('chief')).not.toContain(body.id);
    expect((await act(body.id, 'approve', 'leader')).body.status).toBe('DONE');
    const approved = (await call('GET', `/api/tasks/${body.id}`, 'admin')).body.history.find((e: Json) => e.type === 'task.approved');
    expect(approved.data).toMatchObject({ reviewStep: 'CHIEF', bureauLeader: true, reviewMovedUp: true });
    await call('POST', `/api/absences/${absence.body.id}/cancel`, 'chief');
  });

  it("(e) the bureau leader sees a chief's own task while its extension waits for them, and nothing else of the unit", async () => {
    // The bureau leader (named in (c)) holds no post in the unit: only their decision makes a task visible.
    const chiefTask = async (title: string) =>
      (
        await t.db.sql(
          `INSERT INTO task (kind, unit_id, post_id, assignee_person_id, title, status, review_steps, assigned_on, issued_at, due_date, due_at, next_escalation_at)
           SELECT 'AD_HOC', p.unit_id, p.id, $1, $2, 'IN_PROGRESS', '{}', '2026-11-20', now(), '2026-12-04', '2026-12-04T10:00:00Z', '2026-12-04T10:00:00Z'
             FROM post p WHERE p.code = 'chief' RETURNING id`,
          [person.chief, title],
        )
      )[0]!.id as string;
    const own = await chiefTask('国土空间总体规划实施评估');
    const other = await chiefTask('科室年度工作总结');
    const { body: unrelated } = await call('POST', '/api/tasks', 'deputy', { postId: post['officer-2'], title: '耕地保护检查', dueDate: '2026-12-04' });
    const ext = await askExtension(own, 'chief');
    expect(await allowed(own, 'chief')).not.toContain('DECIDE_EXTENSION');

    const seen = await call('GET', `/api/tasks/${own}`, 'leader');
    expect(seen.status).toBe(200);
    expect(seen.body.task.extensionRequests).toEqual([expect.objectContaining({ id: ext, status: 'PENDING' })]);
    expect(seen.body.allowedActions).toEqual(['DECIDE_EXTENSION']);
    const inbox = (await call('GET', '/api/inbox', 'leader')).body.awaitingMyReview as Json[];
    expect(inbox.map((i) => [i.id, i.awaiting])).toEqual([[own, ['EXTENSION']]]);
    expect((await call('GET', '/api/inbox', 'chief')).body.awaitingMyReview.map((i: Json) => i.id)).not.toContain(own);
    for (const id of [other, unrelated.id]) expect((await call('GET', `/api/tasks/${id}`, 'leader')).status).toBe(404);

    expect((await call('POST', `/api/extension-requests/${ext}/approve`, 'leader', {})).body).toMatchObject({ status: 'APPROVED', dueDate: '2026-12-18' });
    // Decided: the task is no longer theirs to see.
    expect((await call('GET', `/api/tasks/${own}`, 'leader')).status).toBe(404);
    expect(await inboxReviews('leader')).toEqual([]);
  });

  it('(a) an acting deputy who assigns to their own post cannot approve it or decide its extension; the chief can', async () => {
    // 李敏 left the deputy post yesterday; 王磊 (officer-1) acts as deputy from today.
    await t.db.sql(`UPDATE post_assignment SET end_date = '2026-11-25' WHERE post_id = $1 AND person_id = $2`, [post.deputy, person.deputy]);
    await t.db.sql(`INSERT INTO post_assignment (post_id, person_id, start_date, acting) VALUES ($1, $2, '2026-11-26', true)`, [post.deputy, person.officer1]);
    as.officer1 = await loginAs(t, 'officer1');

    const created = await call('POST', '/api/tasks', 'officer1', { postId: post['officer-1'], title: '自办自审的任务', dueDate: '2026-12-04' });
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect((await call('GET', `/api/tasks/${id}`, 'officer1')).body.task).toMatchObject({ assigneePersonId: person.officer1, reviewSteps: ['DEPUTY'] });
    await work(id, 'officer1');
    const ext = await askExtension(id, 'officer1');
    expect(await allowed(id, 'officer1')).not.toContain('DECIDE_EXTENSION');
    expect(await call('POST', `/api/extension-requests/${ext}/approve`, 'officer1', {})).toMatchObject({ status: 403, body: { code: 'TASK_SELF_REVIEW' } });
    expect(await allowed(id, 'chief')).toContain('DECIDE_EXTENSION');
    expect((await call('POST', `/api/extension-requests/${ext}/approve`, 'chief', {})).body.status).toBe('APPROVED');

    expect((await act(id, 'submit', 'officer1')).body.status).toBe('SUBMITTED');
    expect(await allowed(id, 'officer1')).toEqual(['CANCEL', 'REQUEST_EXTENSION']);
    expect(await reviewQueue('officer1')).not.toContain(id);
    expect(await reviewQueue('chief')).toContain(id);
    expect(await act(id, 'approve', 'officer1')).toMatchObject({ status: 403, body: { code: 'TASK_SELF_REVIEW' } });
    expect((await act(id, 'approve', 'chief')).body.status).toBe('DONE');
  });
});
