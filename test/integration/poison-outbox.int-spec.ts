import { randomUUID } from 'node:crypto';
import { HealthService } from '#libs/core';
import { MINUTE, closeHarness, helpers, sh, startHarness, type DeliveryHelpers, type Harness } from '../support/delivery-harness.js';

/**
 * One bad outbox row never stops dispatch or delivery: a row the dispatch claim fails on, or whose
 * payload cannot be rendered, is set aside with its error (no delivery attempt is counted), left
 * out until its retry time, and goes through once fixed; the rest of its batch, or of a chief's
 * digest, is delivered.
 */
describe('poison outbox rows (dispatch and delivery)', () => {
  let h: Harness;
  let x: DeliveryHelpers;

  beforeAll(async () => {
    h = await startHarness({ CHIEF_DIGEST: 'true' });
    x = helpers(h);
  });
  afterAll(() => closeHarness(h));
  beforeEach(async () => {
    h.sink.mode = 'accept';
    h.t.clock.set(sh('2026-11-26 10:00'));
    await h.t.db.sql('DELETE FROM set_aside_row');
  });

  const setAside = (kind: string) =>
    h.t.db.sql(`SELECT ref_id::text, error_code, error_message, attempts, retry_after FROM set_aside_row WHERE kind = $1 ORDER BY ref_id`, [kind]);
  const byId = async (ids: string[]) =>
    h.t.db.sql(`SELECT id::text, channel, status, attempts FROM outbox WHERE id = ANY($1::uuid[]) ORDER BY id`, [ids]);
  const spoil = (ids: string[]) => h.t.db.sql(`UPDATE outbox SET payload = 'null'::jsonb WHERE id = ANY($1::uuid[])`, [ids]);
  const restore = (ids: string[], payload: object) => h.t.db.sql(`UPDATE outbox SET payload = $2::jsonb WHERE id = ANY($1::uuid[])`, [ids, JSON.stringify(payload)]);

  it('delivers the good rows and sets aside the in-app and e-mail rows whose payload cannot be rendered, then retries and clears them once fixed', async () => {
    const task = await x.newTask('控制性详细规划修改');
    const note = `poison-${randomUUID()}`;
    await x.write([x.message('officer1', task, note), x.message('deputy', task, note)]);
    const rows = await x.rows(note);
    const poison = rows.filter((r) => r.recipient_person_id === h.person.officer1).map((r) => r.id);
    const good = rows.filter((r) => r.recipient_person_id === h.person.deputy).map((r) => r.id);
    const payload = (await h.t.db.sql(`SELECT payload FROM outbox WHERE id = $1`, [poison[0]]))[0].payload;
    await spoil(poison);

    await x.run();
    expect((await byId(good)).map((r) => r.status)).toEqual(['SENT', 'SENT']);
    // Not a delivery failure: no attempt counted, still PENDING, recorded with the error instead.
    expect((await byId(poison)).map((r) => [r.status, r.attempts])).toEqual([
      ['PENDING', 0],
      ['PENDING', 0],
    ]);
    const recorded = await setAside('OUTBOX_DELIVERY');
    expect(recorded.map((r) => r.ref_id)).toEqual([...poison].sort());
    expect(recorded.every((r) => r.error_code === 'TypeError' && r.attempts === 1)).toBe(true);
    expect(recorded[0].retry_after.getTime()).toBe(h.t.clock.now().getTime() + MINUTE);
    const health = await h.t.app.get(HealthService).check();
    expect(health.warnings).toContainEqual(expect.objectContaining({ code: 'ROWS_SET_ASIDE', details: expect.objectContaining({ byKind: { OUTBOX_DELIVERY: 2 } }) }));

    // Waiting for its retry time: not dispatched again.
    await x.run();
    expect((await setAside('OUTBOX_DELIVERY')).map((r) => r.attempts)).toEqual([1, 1]);

    h.t.clock.set(new Date(sh('2026-11-26 10:00').getTime() + MINUTE));
    await x.run();
    expect((await setAside('OUTBOX_DELIVERY')).map((r) => r.attempts)).toEqual([2, 2]);

    await restore(poison, payload);
    h.t.clock.set(new Date(sh('2026-11-26 10:00').getTime() + 3 * MINUTE));
    await x.run();
    expect((await byId(poison)).map((r) => r.status)).toEqual(['SENT', 'SENT']);
    expect(await setAside('OUTBOX_DELIVERY')).toEqual([]);
    expect(await x.notificationsOf(poison)).toHaveLength(1);
  });

  it("sends a chief's digest without the message that cannot be rendered", async () => {
    const [a, b] = [await x.newTask('总体规划评估'), await x.newTask('详细规划修改论证')];
    const note = `poison-digest-${randomUUID()}`;
    await x.write([x.message('chief', a, note), x.message('chief', b, note, { level: 2, levelName: '催办', colour: 'orange', overdueWorkdays: 1 })]);
    const mails = (await x.rows(note)).filter((r) => r.channel === 'EMAIL');
    const poison = (await h.t.db.sql(`SELECT id::text FROM outbox WHERE id = ANY($1::uuid[]) AND payload->>'taskId' = $2`, [mails.map((r) => r.id), b.id]))[0].id;
    await h.t.db.sql(`UPDATE outbox SET payload = payload - 'taskTitle' WHERE id = $1`, [poison]);

    h.t.clock.set(sh('2026-11-27 09:00'));
    await x.run();
    const digests = h.sink.messages.filter((m) => m.envelopeTo.includes('chief@nrpb.example.cn') && m.text.includes('总体规划评估'));
    expect(digests).toHaveLength(1);
    expect(digests[0]!.subject).toBe('【督办汇总】2026-11-27 共 1 项任务需要关注');
    expect((await byId(mails.map((r) => r.id))).map((r) => [r.id === poison, r.status]).sort()).toEqual([
      [false, 'SENT'],
      [true, 'PENDING'],
    ]);
    expect((await setAside('OUTBOX_DELIVERY')).map((r) => r.ref_id)).toEqual([poison]);
  });

  it('dispatches the rest of the batch when the claim fails on one row, then retries it and clears it once fixed', async () => {
    const task = await x.newTask('规划条件核实');
    const note = `poison-dispatch-${randomUUID()}`;
    await x.write([x.message('officer1', task, note), x.message('deputy', task, note)]);
    const rows = await x.rows(note);
    const poison = rows.find((r) => r.channel === 'IN_APP' && r.recipient_person_id === h.person.officer1)!.id;
    // The database refuses to lease this one row (as it would a row breaking a constraint).
    await h.t.db.sql(`CREATE FUNCTION refuse_poison_lease() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.id = '${poison}' AND NEW.leased_until IS NOT NULL THEN RAISE EXCEPTION 'lease refused'; END IF; RETURN NEW; END $$`);
    await h.t.db.sql(`CREATE TRIGGER refuse_poison_lease BEFORE UPDATE ON outbox FOR EACH ROW EXECUTE FUNCTION refuse_poison_lease()`);

    await x.run();
    expect((await byId(rows.map((r) => r.id))).filter((r) => r.status !== 'SENT').map((r) => r.id)).toEqual([poison]);
    const [recorded] = await setAside('OUTBOX_DISPATCH');
    expect(recorded).toMatchObject({ ref_id: poison, attempts: 1 });
    expect(recorded.error_message).toContain('lease refused');

    await x.run();
    expect((await setAside('OUTBOX_DISPATCH'))[0].attempts).toBe(1);

    await h.t.db.sql(`DROP TRIGGER refuse_poison_lease ON outbox`);
    h.t.clock.set(new Date(sh('2026-11-26 10:00').getTime() + MINUTE));
    await x.run();
    expect((await byId([poison]))[0].status).toBe('SENT');
    expect(await setAside('OUTBOX_DISPATCH')).toEqual([]);
  });
});
