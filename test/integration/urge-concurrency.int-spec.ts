import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApiApp } from '../../apps/api/src/create-api-app.js';
import { createTestApi, loginAs, type AuthHeaders, type TestApi } from '../support/test-app.js';

/** Manual 催办 is once an hour per task, exactly, however many requests arrive at once and wherever. */
describe('urge: once an hour per task under parallel requests and API processes', () => {
  let t: TestApi;
  let second: NestFastifyApplication;
  let deputy: AuthHeaders;
  let officer2Post: string;

  beforeAll(async () => {
    t = await createTestApi();
    // A second API process on the same database.
    second = await createApiApp({ config: t.config, clock: t.clock, runJobs: false, logRequests: false });
    await second.getHttpAdapter().getInstance().ready();
    deputy = await loginAs(t, 'deputy');
    officer2Post = (await t.db.sql(`SELECT id FROM post WHERE code = 'officer-2'`))[0]!.id as string;
  });
  afterAll(async () => {
    await second.close();
    await t.close();
  });

  const newTask = async (title: string) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/tasks', headers: deputy, payload: { postId: officer2Post, title, dueDate: '2026-12-10' } });
    expect(res.statusCode).toBe(201);
    return res.json().id as string;
  };
  const urge = (app: NestFastifyApplication, taskId: string, i: number) =>
    app.inject({ method: 'POST', url: `/api/tasks/${taskId}/urge`, headers: deputy, payload: { note: `第${i}次` } });
  // Access tokens last 15 minutes: log in again after moving the clock.
  const later = async (ms: number) => {
    t.clock.advance(ms);
    deputy = await loginAs(t, 'deputy');
  };
  const urgesOf = async (taskId: string) => ({
    history: (await t.db.sql(`SELECT count(*)::int n FROM history_event WHERE stream = $1 AND type = 'task.urged'`, [`task:${taskId}`]))[0]!.n,
    outbox: (await t.db.sql(`SELECT count(*)::int n FROM outbox WHERE task_id = $1 AND payload->>'kind' = 'URGE' AND channel = 'IN_APP'`, [taskId]))[0]!.n,
  });

  it('20 parallel urges on one task through two processes: exactly one goes out, 19 answer 429', async () => {
    const taskId = await newTask('并发催办');
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => urge(i % 2 ? second : t.app, taskId, i)));
    const statuses = answers.map((a) => a.statusCode).sort();
    expect(statuses).toEqual([200, ...Array(19).fill(429)]);
    for (const refused of answers.filter((a) => a.statusCode === 429)) {
      expect(refused.json()).toMatchObject({ code: 'URGE_RATE_LIMITED' });
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    }
    expect(await urgesOf(taskId)).toEqual({ history: 1, outbox: 1 });
  });

  it('the hour is per task and slides: another task is urged at once, the same one an hour later', async () => {
    const first = await newTask('催办甲');
    const other = await newTask('催办乙');
    expect((await urge(t.app, first, 1)).statusCode).toBe(200);
    expect((await urge(second, other, 1)).statusCode).toBe(200);
    await later(59 * 60_000);
    expect((await urge(second, first, 2)).statusCode).toBe(429);
    await later(60_000);
    const again = await Promise.all([urge(t.app, first, 3), urge(second, first, 4), urge(t.app, first, 5)]);
    expect(again.map((a) => a.statusCode).sort()).toEqual([200, 429, 429]);
    expect(await urgesOf(first)).toEqual({ history: 2, outbox: 2 });
  });
});
