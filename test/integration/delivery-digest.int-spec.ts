import { randomUUID } from 'node:crypto';
import { digestMessageId } from '#libs/notifications';
import { MAIL_FROM, closeHarness, helpers, sh, startHarness, type DeliveryHelpers, type Harness } from '../support/delivery-harness.js';

describe('chief digest (CHIEF_DIGEST=true)', () => {
  let h: Harness;
  let x: DeliveryHelpers;

  beforeAll(async () => {
    h = await startHarness({ CHIEF_DIGEST: 'true' });
    x = helpers(h);
  });
  afterAll(() => closeHarness(h));

  it("holds a chief's e-mails for one digest the next working morning; others and in-app are immediate", async () => {
    h.t.clock.set(sh('2026-11-26 10:00'));
    const [a, b] = [await x.newTask('总体规划评估'), await x.newTask('详细规划修改论证')];
    const note = `digest-${randomUUID()}`;
    await x.write([
      x.message('chief', a, note),
      x.message('chief', b, note, { level: 2, levelName: '催办', colour: 'orange', overdueWorkdays: 1 }),
      x.message('deputy', a, note),
    ]);
    const chiefRows = (await x.rows(note)).filter((r) => r.channel === 'EMAIL' && r.recipient_person_id === h.person.chief);
    expect(chiefRows.map((r) => r.available_at)).toEqual([sh('2026-11-27 09:00'), sh('2026-11-27 09:00')]);

    await x.run();
    const now = await x.rows(note);
    expect(now.filter((r) => r.channel === 'IN_APP').every((r) => r.status === 'SENT')).toBe(true);
    const deputyMail = now.find((r) => r.channel === 'EMAIL' && r.recipient_person_id === h.person.deputy)!;
    expect(deputyMail.status).toBe('SENT');
    expect(h.sink.messages.filter((m) => m.envelopeTo.includes('chief@nrpb.example.cn'))).toHaveLength(0);

    h.t.clock.set(sh('2026-11-27 09:00'));
    await x.run();
    await x.run();
    const digests = h.sink.messages.filter((m) => m.envelopeTo.includes('chief@nrpb.example.cn'));
    expect(digests).toHaveLength(1);
    expect(digests[0]!.subject).toBe('【督办汇总】2026-11-27 共 2 项任务需要关注');
    expect(digests[0]!.text).toContain('总体规划评估');
    expect(digests[0]!.text).toContain('详细规划修改论证');
    expect(digests[0]!.messageId).toBe(digestMessageId(chiefRows.map((r) => r.id), MAIL_FROM));
    expect((await x.rows(note)).every((r) => r.status === 'SENT')).toBe(true);
  });
});
