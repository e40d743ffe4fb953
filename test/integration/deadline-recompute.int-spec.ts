import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createTestApi, HEALTH_DETAILS, loginAs, type AuthHeaders, type TestApi } from '../support/test-app.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('deadlines follow the calendar', () => {
  let t: TestApi;
  const as: Record<string, AuthHeaders> = {};
  const post: Record<string, string> = {};

  beforeAll(async () => {
    // Monday 2026-12-28, 10:00 Shanghai: a five-working-day deadline reaches into 2027, not yet loaded.
    t = await createTestApi({ now: '2026-12-28T02:00:00.000Z', jobs: false });
    for (const u of ['admin', 'chief']) as[u] = await loginAs(t, u);
    for (const r of await t.db.sql('SELECT id, code FROM post')) post[r.code] = r.id;
  });
  afterAll(() => t.close());

  const call = async (method: 'GET' | 'POST' | 'PUT', url: string, who: string, payload?: unknown, headers: Record<string, string> = {}) => {
    const res = await t.app.inject({ method, url, headers: { ...as[who], ...headers }, payload: payload as object });
    return { status: res.statusCode, body: res.body ? (res.json() as Json) : {} };
  };

  it('a provisional deadline is flagged, listed on /health, and recomputed with its reason when the year is loaded', async () => {
    const created = await call('POST', '/api/tasks', 'chief', {
      postId: post['officer-1'],
      title: '跨年报送',
      deadlineRule: { kind: 'WORKDAYS_AFTER', days: 5 },
    });
    const fixed = await call('POST', '/api/tasks', 'chief', { postId: post['officer-2'], title: '指定日期', dueDate: '2027-01-04' });
    const before = (await call('GET', `/api/tasks/${created.body.id}`, 'chief')).body.task;
    // Mon–Fri only: 12-29, 12-30, 12-31, 01-01, 01-04.
    expect(before).toMatchObject({ dueDate: '2027-01-04T00:00:00.000Z', deadlineProvisional: true });

    const health = (await t.app.inject({ method: 'GET', url: '/health', headers: HEALTH_DETAILS })).json();
    expect(health.warnings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'CALENDAR_YEAR_MISSING' }),
        // Both deadlines fall in 2027: the computed one and the date fixed by the assigner.
        expect.objectContaining({
          code: 'TASK_DEADLINES_PROVISIONAL',
          details: expect.objectContaining({ count: 2, taskIds: expect.arrayContaining([created.body.id, fixed.body.id]) }),
        }),
      ]),
    );

    const schedule = await readFile(join(process.cwd(), 'libs/calendar/test-fixtures/schedule-2027.sample.json'), 'utf8');
    const loaded = await call('PUT', '/api/calendar/years/2027', 'admin', schedule, { 'content-type': 'application/json' });
    expect(loaded.status).toBe(200);

    const after = (await call('GET', `/api/tasks/${created.body.id}`, 'chief')).body;
    // 元旦 2027-01-01..03 is a holiday in the loaded schedule: 12-29, 12-30, 12-31, 01-04, 01-05.
    expect(after.task).toMatchObject({ dueDate: '2027-01-05T00:00:00.000Z', deadlineProvisional: false });
    expect(after.history.at(-1)).toMatchObject({
      type: 'task.deadline.recomputed',
      data: { reason: '载入2027年节假日安排', from: { dueDate: '2027-01-04', provisional: true }, to: { dueDate: '2027-01-05', provisional: false } },
    });
    // A date fixed by the assigner is not moved, only confirmed.
    expect((await call('GET', `/api/tasks/${fixed.body.id}`, 'chief')).body.task).toMatchObject({
      dueDate: '2027-01-04T00:00:00.000Z',
      deadlineProvisional: false,
    });
    const healthAfter = (await t.app.inject({ method: 'GET', url: '/health', headers: HEALTH_DETAILS })).json();
    expect(healthAfter.warnings.map((w: Json) => w.code)).not.toContain('TASK_DEADLINES_PROVISIONAL');
  });

  it('a single day edited by the admin moves the deadlines that span it', async () => {
    const created = await call('POST', '/api/tasks', 'chief', { postId: post['officer-3'], title: '临时调休', deadlineRule: { kind: 'WORKDAYS_AFTER', days: 2 } });
    expect((await call('GET', `/api/tasks/${created.body.id}`, 'chief')).body.task.dueDate).toBe('2026-12-30T00:00:00.000Z');
    const edit = await call('PUT', '/api/calendar/days/2026-12-29', 'admin', { kind: 'HOLIDAY', name: '临时放假' });
    expect(edit.status).toBe(200);
    const after = (await call('GET', `/api/tasks/${created.body.id}`, 'chief')).body;
    expect(after.task.dueDate).toBe('2026-12-31T00:00:00.000Z');
    expect(after.history.at(-1).data.reason).toBe('调整2026-12-29为节假日');
  });
});
