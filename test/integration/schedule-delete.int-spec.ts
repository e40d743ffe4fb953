import { TaskGenerationService } from '#libs/tasks';
import { createTestApi, loginAs, type AuthHeaders, type TestApi } from '../support/test-app.js';

describe('DELETE /api/work-items/:id/schedules/:scheduleId', () => {
  let t: TestApi;
  let workItemId: string;
  let otherWorkItemId: string;
  let deputy: AuthHeaders;

  beforeAll(async () => {
    // Demo data without its schedules' tasks: this file counts tasks per schedule only.
    t = await createTestApi({ now: '2026-11-26T02:00:00.000Z', jobs: false });
    [{ id: workItemId }] = await t.db.sql(`SELECT w.id FROM work_item w JOIN post p ON p.id = w.post_id WHERE p.code = 'officer-4' AND w.title = '其他工作'`);
    [{ id: otherWorkItemId }] = await t.db.sql(`SELECT w.id FROM work_item w JOIN post p ON p.id = w.post_id WHERE p.code = 'officer-3' ORDER BY w.seq LIMIT 1`);
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    deputy = await loginAs(t, 'deputy');
  });

  const url = (id = '') => `/api/work-items/${workItemId}/schedules${id ? `/${id}` : ''}`;
  const create = async (title: string) => {
    const res = await t.app.inject({
      method: 'POST',
      url: url(),
      headers: deputy,
      payload: { title, recurrence: { kind: 'NTH_WORKDAY_OF_MONTH', n: 5 }, leadWorkdays: 3, startDate: '2026-09-01' },
    });
    expect(res.statusCode).toBe(201);
    return res.json().id as string;
  };
  const tasksOf = async (scheduleId: string) =>
    (await t.db.sql(`SELECT occurrence_date::text d, status FROM task WHERE schedule_id = $1 ORDER BY occurrence_date`, [scheduleId])).map((r) => `${r.d}:${r.status}`);

  it('ends a schedule that produced tasks: they stay, no further occurrence is generated, who and why are in history', async () => {
    const id = await create('月度统计报表报送');
    const generation = t.app.get(TaskGenerationService);
    await generation.generate();
    const before = await tasksOf(id);
    expect(before).toEqual(['2026-09-07:ISSUED', '2026-10-13:ISSUED', '2026-11-06:ISSUED']);

    const res = await t.app.inject({ method: 'DELETE', url: url(id), headers: deputy, payload: { reason: '该项工作已并入季度考核' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ id, outcome: 'ENDED', tasksKept: 3 });

    // December's occurrence (issued 12-02) would be due now; the ended schedule produces nothing.
    t.clock.set('2026-12-03T01:00:00.000Z');
    await generation.generate({ until: '2027-03-31' as never });
    expect(await tasksOf(id)).toEqual(before);
    t.clock.set('2026-11-26T02:00:00.000Z');

    const list = await t.app.inject({ method: 'GET', url: url(), headers: await loginAs(t, 'deputy') });
    expect(list.json().find((s: { id: string }) => s.id === id)).toMatchObject({ active: false });
    const [event] = await t.db.sql(`SELECT type, actor_person_id, data FROM history_event WHERE stream = $1 ORDER BY seq DESC LIMIT 1`, [`schedule:${id}`]);
    const [{ person_id: deputyPerson }] = await t.db.sql(`SELECT person_id FROM app_user WHERE username = 'deputy'`);
    expect(event).toMatchObject({ type: 'schedule.ended', actor_person_id: deputyPerson, data: { reason: '该项工作已并入季度考核', tasksKept: 3, schedule: { title: '月度统计报表报送' } } });
  });

  it('removes a schedule that never produced a task (no body needed); its history keeps what it was', async () => {
    const id = await create('录错的日程');
    const res = await t.app.inject({ method: 'DELETE', url: url(id), headers: deputy });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ id, outcome: 'DELETED', tasksKept: 0 });
    expect(await t.db.sql(`SELECT id FROM schedule WHERE id = $1`, [id])).toEqual([]);
    const events = await t.db.sql(`SELECT type, data FROM history_event WHERE stream = $1 ORDER BY seq`, [`schedule:${id}`]);
    expect(events.map((e) => e.type)).toEqual(['schedule.created', 'schedule.deleted']);
    expect(events[1].data).toMatchObject({ reason: null, tasksKept: 0, schedule: { title: '录错的日程' } });
    expect((await t.app.inject({ method: 'DELETE', url: url(id), headers: deputy })).json().code).toBe('SCHEDULE_NOT_FOUND');
  });

  it('officers may not delete; a schedule named under another work item is not found', async () => {
    const id = await create('季度归档检查');
    const officer = await loginAs(t, 'officer4');
    expect((await t.app.inject({ method: 'DELETE', url: url(id), headers: officer })).statusCode).toBe(403);
    const wrong = await t.app.inject({ method: 'DELETE', url: `/api/work-items/${otherWorkItemId}/schedules/${id}`, headers: deputy });
    expect(wrong.statusCode).toBe(404);
    expect(await t.db.sql(`SELECT active FROM schedule WHERE id = $1`, [id])).toEqual([{ active: true }]);
  });
});
