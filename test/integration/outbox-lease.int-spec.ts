import { randomUUID } from 'node:crypto';
import { JobDriver, PrismaService } from '#libs/core';
import {
  DeliveryService,
  DispatchService,
  NOTIFICATIONS_DISPATCH_QUEUE,
  NOTIFICATIONS_QUEUE,
  NotificationJobsScheduler,
} from '#libs/notifications';
import { OutboxRepository } from '../../libs/notifications/src/outbox/outbox.repository.js';
import { MINUTE, closeHarness, freshSinkAtThursdayMorning, helpers, sh, startHarness, type DeliveryHelpers, type Harness } from '../support/delivery-harness.js';

/**
 * A dispatched row is hidden for 5 minutes in case its delivery job is lost. When the queue is
 * known to have lost its jobs, exactly the dispatched rows come back at once; rows held for quiet
 * hours or a retry keep their time. (The BullMQ side: outbox-lease-redis-restart.int-spec.ts.)
 */
describe('outbox leases (in-process driver)', () => {
  let h: Harness;
  let x: DeliveryHelpers;

  const leases = async (note: string) =>
    h.t.db.sql<{ id: string; channel: string; status: string; available_at: Date; leased_until: Date | null }>(
      `SELECT id::text, channel, status, available_at, leased_until FROM outbox WHERE payload->>'note' = $1 ORDER BY channel`,
      [note],
    );
  /** Claims the note's rows as a dispatcher does, without queueing their jobs (as if the queue lost them). */
  const claimWithoutQueueing = async (note: string) => {
    const now = h.t.clock.now();
    await h.t.app
      .get(PrismaService)
      .$transaction((tx) => h.t.app.get(OutboxRepository).claimDue(tx, now, 1000, new Date(now.getTime() + 5 * MINUTE)));
    const rows = await leases(note);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.status === 'PENDING' && r.leased_until?.getTime() === now.getTime() + 5 * MINUTE)).toBe(true);
    return rows;
  };

  beforeAll(async () => {
    h = await startHarness({});
    x = helpers(h);
  });
  afterAll(() => closeHarness(h));
  beforeEach(() => freshSinkAtThursdayMorning(h));

  it('a claimed row carries its lease until a delivery handles it', async () => {
    const task = await x.newTask('租约随投递清除');
    const note = `lease-cleared-${randomUUID()}`;
    await x.write([x.message('officer1', task, note)]);
    const claimed = await claimWithoutQueueing(note);
    for (const row of claimed) await h.t.app.get(DeliveryService).deliver(row.id);
    expect((await leases(note)).map((r) => [r.channel, r.status, r.leased_until])).toEqual([
      ['EMAIL', 'SENT', null],
      ['IN_APP', 'SENT', null],
    ]);
  });

  it('releasing gives back the dispatched rows only: a row held for quiet hours or a retry keeps its time', async () => {
    // Tasks first: the login tokens expire when the clock moves a day ahead.
    const [quietTask, retryTask, lostTask, lateTask] = [await x.newTask('下班后暂缓'), await x.newTask('重试等待'), await x.newTask('任务丢失'), await x.newTask('租约已过')];
    // Held for quiet hours by its delivery: due on Friday 17:59, delivered at 18:00 → Monday 09:00.
    const quiet = `lease-quiet-${randomUUID()}`;
    h.t.clock.set(sh('2026-11-27 17:59'));
    await x.write([x.message('officer1', quietTask, quiet)]);
    h.t.clock.set(sh('2026-11-27 18:00'));
    await x.run();
    const held = (await leases(quiet)).find((r) => r.channel === 'EMAIL')!;
    expect(held).toMatchObject({ status: 'PENDING', available_at: sh('2026-11-30 09:00'), leased_until: null });

    // Back to Thursday 10:00 (the held row stays held until Monday). Waiting for a retry: the mail server is down.
    h.t.clock.set(sh('2026-11-26 10:00'));
    const retry = `lease-retry-${randomUUID()}`;
    await h.sink.stop();
    await x.write([x.message('officer1', retryTask, retry)]);
    await x.run();
    await h.sink.start();
    const backingOff = (await leases(retry)).find((r) => r.channel === 'EMAIL')!;
    expect(backingOff).toMatchObject({ status: 'PENDING', available_at: new Date(h.t.clock.now().getTime() + MINUTE), leased_until: null });

    // Dispatched, its jobs lost. Released a minute into the lease: due from then, not later.
    const lost = `lease-lost-${randomUUID()}`;
    await x.write([x.message('officer1', lostTask, lost)]);
    await claimWithoutQueueing(lost);
    h.t.clock.advance(MINUTE);
    expect(await h.t.app.get(DispatchService).releaseLeases()).toBe(2);
    expect((await leases(lost)).map((r) => [r.status, r.available_at, r.leased_until])).toEqual([
      ['PENDING', h.t.clock.now(), null],
      ['PENDING', h.t.clock.now(), null],
    ]);
    expect((await leases(quiet)).find((r) => r.channel === 'EMAIL')).toEqual(held);
    expect((await leases(retry)).find((r) => r.channel === 'EMAIL')).toEqual(backingOff);

    await x.run();
    expect((await leases(lost)).map((r) => r.status)).toEqual(['SENT', 'SENT']);
    expect(x.mailsFor((await x.row(lost, 'EMAIL')).id)).toHaveLength(1);
    expect((await x.row(retry, 'EMAIL')).status).toBe('SENT'); // its minute of backoff is over
    expect(x.mailsFor(held.id)).toHaveLength(0);
    expect(await h.t.app.get(DispatchService).releaseLeases()).toBe(0);

    // A row released after its lease ran out is not pushed later.
    const late = `lease-late-${randomUUID()}`;
    await x.write([x.message('officer1', lateTask, late)]);
    await claimWithoutQueueing(late);
    const leaseEnd = new Date(h.t.clock.now().getTime() + 5 * MINUTE);
    h.t.clock.advance(6 * MINUTE);
    expect(await h.t.app.get(DispatchService).releaseLeases()).toBe(2);
    expect((await leases(late)).map((r) => [r.available_at, r.leased_until])).toEqual([
      [leaseEnd, null],
      [leaseEnd, null],
    ]);
  });

  it('a process starting with the in-process driver gives back what its predecessor had queued', async () => {
    const task = await x.newTask('重启前已派发');
    const note = `lease-boot-${randomUUID()}`;
    await x.write([x.message('officer1', task, note)]);
    // The previous process claimed the rows and died with its in-memory queue.
    await claimWithoutQueueing(note);

    await h.t.app.get(NotificationJobsScheduler).onApplicationBootstrap();
    const driver = h.t.app.get(JobDriver);
    await driver.drain(NOTIFICATIONS_DISPATCH_QUEUE, 20_000);
    await driver.drain(NOTIFICATIONS_QUEUE, 20_000);

    expect((await leases(note)).map((r) => [r.status, r.leased_until])).toEqual([
      ['SENT', null],
      ['SENT', null],
    ]);
    expect(x.mailsFor((await x.row(note, 'EMAIL')).id)).toHaveLength(1);
  });
});
