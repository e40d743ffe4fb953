import { randomUUID } from 'node:crypto';
import { jest } from '@jest/globals';
import { OutboxRepository } from '../../libs/notifications/src/outbox/outbox.repository.js';
import { closeHarness, helpers, startHarness, type DeliveryHelpers, type Harness } from '../support/delivery-harness.js';

/**
 * A database restart under a running worker (seen in the chaos run): deliveries fail for a few
 * seconds. They must not wait out the 5-minute dispatch lease, and an e-mail the SMTP server has
 * already accepted must not be sent again because recording it failed once.
 */
describe('delivery across a brief database outage', () => {
  let h: Harness;
  let x: DeliveryHelpers;
  const outage = () => Object.assign(new Error('Connection terminated unexpectedly'), { code: 'P1017' });

  beforeAll(async () => {
    h = await startHarness({});
    x = helpers(h);
  });
  afterAll(() => closeHarness(h));
  beforeEach(() => {
    // Thursday 2026-11-26, 10:00 in Shanghai: inside working hours.
    h.t.clock.set('2026-11-26T02:00:00.000Z');
  });
  afterEach(() => jest.restoreAllMocks());

  it('records a sent e-mail once the database answers again, without sending it twice', async () => {
    const task = await x.newTask('数据库重启时已发出的邮件');
    const note = `mark-sent-${randomUUID()}`;
    await x.write([x.message('officer1', task, note)]);
    const repository = h.t.app.get(OutboxRepository);
    const markSent = jest.spyOn(repository, 'markSent').mockRejectedValueOnce(outage());

    await x.run();

    const email = await x.row(note, 'EMAIL');
    expect(email.status).toBe('SENT');
    expect(markSent.mock.calls.length).toBeGreaterThanOrEqual(2);
    expect(x.mailsFor(email.id)).toHaveLength(1);
  }, 30_000);

  it('runs a delivery that failed on the database again shortly, not after the lease', async () => {
    const task = await x.newTask('数据库重启时未能投递');
    const note = `reload-${randomUUID()}`;
    await x.write([x.message('officer1', task, note)]);
    const repository = h.t.app.get(OutboxRepository);
    jest.spyOn(repository, 'findDeliverable').mockRejectedValueOnce(outage()).mockRejectedValueOnce(outage());

    await x.run();

    const rows = await x.rows(note);
    expect(rows.map((r) => [r.channel, r.status])).toEqual([
      ['EMAIL', 'SENT'],
      ['IN_APP', 'SENT'],
    ]);
    expect(x.mailsFor((await x.row(note, 'EMAIL')).id)).toHaveLength(1);
  }, 30_000);
});
