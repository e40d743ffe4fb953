import { seedDemoData } from '../../seeds/demo-seed.js';
import { createTestApi, type TestApi } from '../support/test-app.js';

describe('embedded demo data', () => {
  let t: TestApi;
  beforeAll(async () => {
    t = await createTestApi({ seed: false, jobs: false, now: '2026-11-26T02:00:00.000Z' });
  });
  afterAll(() => t.close());

  const snapshot = async () =>
    (
      await t.db.sql(`SELECT (SELECT count(*) FROM schedule)::int schedules,
        (SELECT count(*) FROM task WHERE kind = 'RECURRING')::int recurring,
        (SELECT count(*) FROM task WHERE kind = 'AD_HOC')::int adhoc,
        (SELECT string_agg(status::text, ',' ORDER BY status::text) FROM task WHERE kind = 'AD_HOC') states`)
    )[0];

  it('shows a living section: demo schedules, recurring tasks, ad-hoc tasks in several states', async () => {
    await seedDemoData(t.app, { demoLogins: true, demoTasks: true });
    const first = await snapshot();
    expect(first).toMatchObject({ schedules: 4, adhoc: 4, states: 'ACCEPTED,DONE,ISSUED,SUBMITTED' });
    // Monthly statistics (Sep–Nov), the Q3 archive check, and this week's Friday review at least.
    expect(first.recurring).toBeGreaterThanOrEqual(5);
    const overdue = await t.db.sql(`SELECT title FROM task WHERE due_at < '2026-11-26T02:00:00Z' AND status NOT IN ('DONE', 'CANCELLED')`);
    expect(overdue.length).toBeGreaterThan(0);

    await seedDemoData(t.app, { demoLogins: true, demoTasks: true });
    expect(await snapshot()).toEqual(first);
  });
});
