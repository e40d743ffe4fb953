import { HealthService } from '#libs/core';
import { SweepService } from '#libs/escalation';
import { TaskGenerationService } from '#libs/tasks';
import { createTestApi, loginAs, type TestApi } from '../support/test-app.js';

/**
 * One bad row never stops a batch: a task whose data cannot be processed (a deadline in year 1,
 * which the API refuses today but older rows or a direct write may hold) is set aside with its
 * error while the rest of its batch is escalated; it is left out until its retry time, shown on
 * /health as a warning, and goes through once fixed.
 */
describe('poison rows in the sweep and task generation', () => {
  let t: TestApi;

  beforeAll(async () => {
    t = await createTestApi({ now: '2026-11-26T02:00:00.000Z', jobs: false });
  });
  afterAll(() => t.close());

  const seed = async (n: number, title: string, dueDate = '2026-11-19') =>
    t.db.sql(
      `INSERT INTO task (kind, unit_id, post_id, assignee_person_id, title, status, review_steps, assigned_on, issued_at,
                         due_date, due_at, next_escalation_at)
       SELECT 'AD_HOC', p.unit_id, p.id, a.person_id, $2 || g, 'IN_PROGRESS', '{DEPUTY}', '2026-11-10', now(),
              $3::date, '2026-11-19T16:00:00Z', '2026-11-18T16:00:00Z'
         FROM generate_series(1, $1::int) g
         JOIN post p ON p.code = 'officer-' || (1 + g % 4)
         JOIN post_assignment a ON a.post_id = p.id
       RETURNING id::text`,
      [n, title, dueDate],
    );
  const levelsOf = async (title: string) =>
    (await t.db.sql(`SELECT count(*)::int n FROM escalation e JOIN task k ON k.id = e.task_id WHERE k.title LIKE $1 || '%'`, [title]))[0].n as number;
  const setAside = () => t.db.sql(`SELECT kind, ref_id::text, error_code, error_message, attempts, retry_after FROM set_aside_row`);

  it('escalates the good tasks of the batch and sets the poison one aside, then retries it after its backoff and clears it once fixed', async () => {
    await seed(20, '好任务甲');
    const [poison] = await seed(1, '毒任务', '0001-01-01');
    await seed(20, '好任务乙');
    const sweeper = t.app.get(SweepService);

    const first = await sweeper.sweep();
    expect(first.escalations).toBe(40 * 4);
    expect(await levelsOf('好任务')).toBe(160);
    expect(await levelsOf('毒任务')).toBe(0);
    const [row] = await setAside();
    expect(row).toMatchObject({ kind: 'ESCALATION_SWEEP', ref_id: poison.id, error_code: 'OUTBOX_MESSAGE_INVALID', attempts: 1 });
    expect(row.error_message).toContain('0001-01-01');
    expect(new Date(row.retry_after).getTime()).toBe(t.clock.now().getTime() + 60_000);

    // Left out of the claims until its retry time: the next sweeps neither fail nor touch it.
    expect(await sweeper.sweep()).toEqual({ tasks: 0, escalations: 0, messages: 0 });
    expect((await setAside())[0].attempts).toBe(1);

    const health = await t.app.get(HealthService).check();
    expect(health.status).toBe('ok');
    expect(health.warnings).toContainEqual(expect.objectContaining({ code: 'ROWS_SET_ASIDE', details: expect.objectContaining({ total: 1, byKind: { ESCALATION_SWEEP: 1 } }) }));

    // After its retry time it is tried again (and still fails: backoff doubles).
    t.clock.set('2026-11-26T02:01:00.000Z');
    await sweeper.sweep();
    const [again] = await setAside();
    expect(again.attempts).toBe(2);
    expect(new Date(again.retry_after).getTime()).toBe(t.clock.now().getTime() + 2 * 60_000);

    // Fixed: the next retry goes through and the record is gone.
    await t.db.sql(`UPDATE task SET due_date = '2026-11-19' WHERE id = $1`, [poison.id]);
    t.clock.set('2026-11-26T02:03:00.000Z');
    await sweeper.sweep();
    expect(await levelsOf('毒任务')).toBe(4);
    expect(await setAside()).toEqual([]);
    expect((await t.app.get(HealthService).check()).warnings.map((w) => w.code)).not.toContain('ROWS_SET_ASIDE');
    t.clock.set('2026-11-26T02:00:00.000Z');
  });

  it('issues the tasks of the other schedules when one cannot be planned and another is refused by the database, then retries both and clears them once fixed', async () => {
    const schedule = (title: string, recurrence: object) =>
      t.db.sql(
        `INSERT INTO schedule (work_item_id, title, recurrence, start_date, checklist, required_evidence)
         SELECT w.id, $1, $2::jsonb, '2026-11-01', '{}', '{}' FROM work_item w JOIN post p ON p.id = w.post_id
          WHERE p.code = 'officer-1' AND w.retired_at IS NULL ORDER BY w.id LIMIT 1
         RETURNING id::text`,
        [title, JSON.stringify(recurrence)],
      );
    const weekly = { kind: 'RRULE', rrule: 'FREQ=WEEKLY;BYDAY=FR' };
    await schedule('好日程甲', weekly);
    const [unplannable] = await schedule('坏日程', { kind: 'CRON', expr: '* * *' });
    const [refused] = await schedule('拒收日程', weekly);
    await schedule('好日程乙', weekly);
    // The database refuses the tasks of one schedule (as it would a row breaking a constraint).
    await t.db.sql(`CREATE FUNCTION refuse_poison_task() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.title = '拒收日程' THEN RAISE EXCEPTION 'task refused: %', NEW.title; END IF; RETURN NEW; END $$`);
    await t.db.sql(`CREATE TRIGGER refuse_poison_task BEFORE INSERT ON task FOR EACH ROW EXECUTE FUNCTION refuse_poison_task()`);
    const tasksOf = async (title: string) => (await t.db.sql(`SELECT count(*)::int n FROM task WHERE title = $1`, [title]))[0].n as number;
    const generationRows = () => t.db.sql(`SELECT ref_id::text, error_code, error_message, attempts, retry_after FROM set_aside_row WHERE kind = 'TASK_GENERATION' ORDER BY attempts, ref_id`);
    const generation = t.app.get(TaskGenerationService);

    const first = await generation.generate();
    expect(first.setAside).toBe(2);
    expect(await tasksOf('好日程甲')).toBe(3);
    expect(await tasksOf('好日程乙')).toBe(3);
    expect(await tasksOf('拒收日程')).toBe(0);
    const rows = await generationRows();
    expect(rows).toHaveLength(2);
    expect(rows.find((r) => r.ref_id === unplannable.id)).toMatchObject({ error_code: 'SCHEDULE_INVALID', attempts: 1 });
    expect(rows.find((r) => r.ref_id === refused.id)).toMatchObject({ error_code: 'P0001', attempts: 1 });
    expect(rows.find((r) => r.ref_id === refused.id)!.error_message).toContain('task refused');

    // Waiting for their retry time: left alone by the next run.
    expect((await generation.generate()).setAside).toBe(0);
    expect((await generationRows()).map((r) => r.attempts)).toEqual([1, 1]);

    t.clock.set('2026-11-26T02:01:00.000Z');
    expect((await generation.generate()).setAside).toBe(2);
    expect((await generationRows()).map((r) => r.attempts)).toEqual([2, 2]);

    // Fixed: both go through after their backoff and their records are gone.
    await t.db.sql(`DROP TRIGGER refuse_poison_task ON task`);
    await t.db.sql(`UPDATE schedule SET recurrence = '{"kind":"RRULE","rrule":"FREQ=WEEKLY;BYDAY=FR"}' WHERE id = $1`, [unplannable.id]);
    t.clock.set('2026-11-26T02:03:00.000Z');
    expect((await generation.generate()).setAside).toBe(0);
    expect(await tasksOf('拒收日程')).toBe(3);
    expect(await tasksOf('坏日程')).toBe(3);
    expect(await generationRows()).toEqual([]);
    t.clock.set('2026-11-26T02:00:00.000Z');
  });

  it('administrators list the set-aside rows and retry one at once; others may not', async () => {
    const [poison] = await seed(1, '管理员可见毒任务', '0001-01-01');
    await t.app.get(SweepService).sweep();
    const [admin, chief] = [await loginAs(t, 'admin'), await loginAs(t, 'chief')];
    const list = await t.app.inject({ method: 'GET', url: '/api/admin/set-aside', headers: admin });
    expect(list.statusCode).toBe(200);
    const [row] = list.json();
    expect(row).toMatchObject({ kind: 'ESCALATION_SWEEP', refId: poison.id, errorCode: 'OUTBOX_MESSAGE_INVALID', attempts: 1 });
    expect(row.errorMessage).toContain('0001-01-01');
    expect(new Date(row.retryAfter).getTime()).toBe(t.clock.now().getTime() + 60_000);
    expect(row.firstFailedAt).toBe(row.lastFailedAt);

    expect((await t.app.inject({ method: 'GET', url: '/api/admin/set-aside', headers: chief })).json()).toMatchObject({ code: 'ADMIN_REQUIRED' });
    const denied = await t.app.inject({ method: 'POST', url: `/api/admin/set-aside/${row.id}/retry`, headers: chief });
    expect(denied.statusCode).toBe(403);
    const missing = await t.app.inject({ method: 'POST', url: '/api/admin/set-aside/00000000-0000-4000-8000-000000000000/retry', headers: admin });
    expect(missing).toMatchObject({ statusCode: 404 });
    expect(missing.json().code).toBe('SET_ASIDE_NOT_FOUND');

    // Retried now: the next sweep tries it without waiting for its backoff.
    const retried = await t.app.inject({ method: 'POST', url: `/api/admin/set-aside/${row.id}/retry`, headers: admin });
    expect(retried.statusCode).toBe(200);
    expect(new Date(retried.json().retryAfter).getTime()).toBe(t.clock.now().getTime());
    await t.app.get(SweepService).sweep();
    expect((await setAside())[0].attempts).toBe(2);
    await t.db.sql(`UPDATE task SET status = 'CANCELLED' WHERE id = $1`, [poison.id]);
    await t.db.sql(`DELETE FROM set_aside_row`);
  });
});
