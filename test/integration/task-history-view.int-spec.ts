import { HistoryService } from '#libs/history';
import { createTestApi, loginAs, type AuthHeaders, type TestApi } from '../support/test-app.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe("a task's history as the console shows it", () => {
  let t: TestApi;
  const as: Record<string, AuthHeaders> = {};
  const name: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApi({ now: '2026-11-26T02:00:00.000Z' });
    for (const u of ['admin', 'chief', 'deputy', 'officer1']) as[u] = await loginAs(t, u);
    for (const r of await t.db.sql('SELECT p.name, u.username FROM person p JOIN app_user u ON u.person_id = p.id')) name[r.username] = r.name;
  });
  afterAll(() => t.close());

  const call = async (url: string, who: string, payload?: object) => {
    const res = await t.app.inject({ method: payload ? 'POST' : 'GET', url, headers: as[who], payload });
    return { status: res.statusCode, body: res.body ? (res.json() as Json) : {} };
  };

  it("names who acted (系统 for no one) and labels each event in Chinese", async () => {
    const officerPost = (await t.db.sql<{ id: string }>(`SELECT id FROM post WHERE code = 'officer-1'`))[0]!.id;
    const { body: task } = await call('/api/tasks', 'chief', { postId: officerPost, title: '规划实施评估', dueDate: '2026-12-10' });
    for (const a of ['accept', 'start', 'submit']) expect((await call(`/api/tasks/${task.id}/${a}`, 'officer1', {})).status).toBe(200);
    expect((await call(`/api/tasks/${task.id}/return`, 'deputy', { reason: '缺少会议纪要' })).status).toBe(200);
    // An event nobody performed (as the sweep or the scheduler records them).
    await t.app.get(HistoryService).record({ stream: `task:${task.id}`, type: 'task.deadline.recomputed', subjectId: task.id, data: {} });

    const { status, body } = await call(`/api/tasks/${task.id}`, 'officer1');
    expect(status).toBe(200);
    expect(body.history.map((e: Json) => [e.label, e.actorName])).toEqual([
      ['任务下达', name.chief],
      ['签收', name.officer1],
      ['开始办理', name.officer1],
      ['报审', name.officer1],
      ['退回', name.deputy],
      ['期限重算', '系统'],
    ]);
    expect(name.chief).toBeTruthy();
    // The raw fields stay for clients that verify the chain.
    expect(body.history[0]).toMatchObject({ type: 'task.created', actorPersonId: expect.any(String), hash: expect.any(String) });
  });
});
