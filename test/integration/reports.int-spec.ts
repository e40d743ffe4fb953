import ExcelJS from 'exceljs';
import { SweepService } from '#libs/escalation';
import { caller, extendThenHandOverOfficer3 } from '../support/report-period.js';
import { createTestApi, loginAs, type AuthHeaders, type TestApi } from '../support/test-app.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function setup(t: TestApi, as: Record<string, AuthHeaders>, post: Record<string, string>, person: Record<string, string>) {
  for (const u of ['chief', 'deputy', 'officer1', 'officer2', 'officer3', 'officer4']) as[u] = await loginAs(t, u);
  for (const r of await t.db.sql('SELECT id, code FROM post')) post[r.code] = r.id;
  for (const r of await t.db.sql('SELECT p.id, u.username FROM person p JOIN app_user u ON u.person_id = p.id')) person[r.username] = r.id;
}

describe('officer inbox and deputy board', () => {
  let t: TestApi;
  const as: Record<string, AuthHeaders> = {};
  const post: Record<string, string> = {};
  const person: Record<string, string> = {};
  let call: ReturnType<typeof caller>;
  let unitId: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    // Thursday 2026-11-26, 10:00 Shanghai.
    t = await createTestApi({ now: '2026-11-26T02:00:00.000Z', jobs: false });
    await setup(t, as, post, person);
    call = caller(t, as);
    unitId = (await t.db.sql(`SELECT unit_id FROM post WHERE id = $1`, [post['officer-1']]))[0].unit_id;
    const assign = async (key: string, postCode: string, dueDate: string) => {
      const res = await call('POST', '/api/tasks', 'deputy', { postId: post[postCode], title: `任务${key}`, dueDate });
      expect(res.status).toBe(201);
      ids[key] = res.body.id;
    };
    const act = async (key: string, action: string, who = 'officer1') => expect((await call('POST', `/api/tasks/${ids[key]}/${action}`, who, {})).status).toBe(200);
    await assign('A', 'officer-1', '2026-11-25'); // overdue
    await assign('B', 'officer-1', '2026-11-26'); // due today once accepted
    await assign('C', 'officer-1', '2026-11-27'); // not accepted
    await assign('D', 'officer-1', '2026-12-10'); // later, extension pending
    await assign('E', 'officer-1', '2026-11-27'); // this week, submitted for review
    await assign('R', 'officer-1', '2026-12-11'); // returned
    await assign('X', 'officer-2', '2026-12-04'); // covered by officer1 while officer2 is away
    for (const k of ['A', 'B', 'D', 'E', 'R']) await act(k, 'accept');
    for (const k of ['E', 'R']) await act(k, 'start');
    for (const k of ['E', 'R']) await act(k, 'submit');
    expect((await call('POST', `/api/tasks/${ids.R}/return`, 'deputy', { reason: '附件不全' })).status).toBe(200);
    expect((await call('POST', `/api/tasks/${ids.D}/extension-requests`, 'officer1', { reason: '等待外单位意见', newDueDate: '2026-12-17' })).status).toBe(201);
    const absence = await call('POST', '/api/absences', 'deputy', { personId: person.officer2, startDate: '2026-11-26', endDate: '2026-11-30', reason: '培训' });
    expect(absence.status).toBe(201);
    await t.app.get(SweepService).sweep();
  });
  afterAll(() => t.close());

  it('groups my open tasks, own and AB-covered, with working days and escalation colours', async () => {
    const res = await call('GET', '/api/inbox', 'officer1');
    expect(res.status).toBe(200);
    const titles = (g: string) => res.body[g].map((i: Json) => i.title);
    expect(res.body.counts).toEqual({ overdue: 1, returned: 1, awaitingAcceptance: 2, dueToday: 1, dueThisWeek: 1, later: 1 });
    expect(titles('overdue')).toEqual(['任务A']);
    expect(titles('returned')).toEqual(['任务R']);
    expect(titles('awaitingAcceptance').sort()).toEqual(['任务C', '任务X']);
    expect(titles('dueToday')).toEqual(['任务B']);
    expect(titles('dueThisWeek')).toEqual(['任务E']);
    expect(titles('later')).toEqual(['任务D']);
    const [a] = res.body.overdue;
    // Due Wednesday; Thursday's cut-off (24:00) has not passed, so 0 full working days late yet.
    expect(a).toMatchObject({ workdaysLeft: null, overdueWorkdays: 0, escalation: { level: 1, name: '逾期', colour: 'yellow' } });
    // B is due tonight: its L0 reminder fell due at the start of today; E (due tomorrow) has none yet.
    expect(res.body.dueToday[0]).toMatchObject({ workdaysLeft: 0, escalation: { level: 0, name: '提醒', colour: 'blue' } });
    expect(res.body.dueThisWeek[0]).toMatchObject({ workdaysLeft: 1, escalation: null });
    expect(res.body.later[0]).toMatchObject({ dueDate: '2026-12-10', workdaysLeft: 10 });
    const x = res.body.awaitingAcceptance.find((i: Json) => i.title === '任务X');
    expect(x.actingFor).toEqual({ personId: person.officer2, name: expect.any(String) });
    expect((await call('GET', '/api/inbox', 'officer2')).body.total).toBe(0);
  });

  it('exports the inbox as CSV with a BOM and Chinese headers', async () => {
    const res = await call('GET', '/api/inbox?format=csv', 'officer1');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
    const text = res.raw.toString('utf8');
    expect(text.startsWith('\uFEFF分组,任务,岗位,代理,办理期限,剩余工作日,逾期工作日,预警等级\r\n')).toBe(true);
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(1 + 7);
  });

  it('shows the deputy the unit per post, counted in the database', async () => {
    const res = await call('GET', `/api/units/${unitId}/board`, 'deputy');
    expect(res.status).toBe(200);
    expect(res.body.riskThrough).toBe('2026-11-30');
    const row = (code: string) => res.body.posts.find((p: Json) => p.code === code);
    expect(row('officer-1')).toMatchObject({
      open: 6,
      atRisk: 3, // B, C, E
      overdue: 1,
      overdueL1: 1,
      overdueL2: 0,
      overdueL3: 0,
      awaitingMyReview: 1, // E
      pendingExtensions: 1, // D
      unacknowledgedEscalations: 3, // A: L0 + L1; B: L0 reminder
    });
    expect(row('officer-2')).toMatchObject({ open: 1, atRisk: 0, overdue: 0 });
    expect(res.body.totals).toMatchObject({ open: 7, awaitingMyReview: 1, pendingExtensions: 1 });
    // The seeded deputy post has one work item carrying a 监督责任, with no schedule yet.
    expect(res.body.supervisionDuties).toEqual([
      expect.objectContaining({ responsibilities: expect.stringContaining('监督全市空间体系的实施工作'), activeSchedules: 0, overdue: 0, upToDate: true }),
    ]);
  });

  it('refuses the board to officers and the chief report to deputies and officers', async () => {
    expect([403, 404]).toContain((await call('GET', `/api/units/${unitId}/board`, 'officer1')).status);
    const report = `/api/reports/escalations?unitId=${unitId}&from=2026-11-01&to=2026-11-30`;
    expect((await call('GET', report, 'deputy')).status).toBe(403);
    expect([403, 404]).toContain((await call('GET', report, 'officer1')).status);
    expect((await call('GET', report, 'chief')).status).toBe(200);
    expect((await call('GET', `/api/units/${unitId}/board`, 'chief')).status).toBe(200);
    expect((await call('GET', `/api/reports/escalations?unitId=${unitId}&from=2026-12-01&to=2026-11-01`, 'chief')).body.code).toBe('REPORT_PERIOD_INVALID');
  });
});

describe('chief escalation report', () => {
  let t: TestApi;
  const as: Record<string, AuthHeaders> = {};
  const post: Record<string, string> = {};
  const person: Record<string, string> = {};
  let call: ReturnType<typeof caller>;
  let unitId: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApi({ now: '2026-11-26T02:00:00.000Z', jobs: false });
    await setup(t, as, post, person);
    call = caller(t, as);
    unitId = (await t.db.sql(`SELECT unit_id FROM post WHERE id = $1`, [post['officer-3']]))[0].unit_id;
    const assign = async (key: string, postCode: string, dueDate: string) => {
      const res = await call('POST', '/api/tasks', 'deputy', { postId: post[postCode], title: `任务${key}`, dueDate });
      ids[key] = res.body.id;
    };
    await assign('F', 'officer-3', '2026-11-20'); // L2 and L3 long ago, under 陈静
    await assign('G', 'officer-3', '2026-11-26'); // escalates after the post changes hands
    await assign('H', 'officer-2', '2026-11-25'); // extended, late again, then done late
    await assign('I', 'officer-4', '2026-12-04'); // done on time
    await extendThenHandOverOfficer3(t, call, { extendedTaskId: ids.H!, officer3PostId: post['officer-3']!, newHolderPersonId: person.officer4! });
    // A week on, the morning's access tokens have expired.
    for (const u of ['chief', 'deputy', 'officer2', 'officer4']) as[u] = await loginAs(t, u);
    for (const action of ['accept', 'start', 'submit']) expect((await call('POST', `/api/tasks/${ids.H}/${action}`, 'officer2', {})).status).toBe(200);
    expect((await call('POST', `/api/tasks/${ids.H}/approve`, 'deputy', {})).body.status).toBe('DONE');
    for (const action of ['accept', 'start', 'submit']) expect((await call('POST', `/api/tasks/${ids.I}/${action}`, 'officer4', {})).status).toBe(200);
    expect((await call('POST', `/api/tasks/${ids.I}/approve`, 'deputy', {})).body.status).toBe('DONE');
    const [l2] = await t.db.sql(`SELECT id FROM escalation WHERE task_id = $1 AND level = 2`, [ids.F]);
    expect((await call('POST', `/api/escalations/${l2.id}/ack`, 'deputy', {})).status).toBe(200);
  });
  afterAll(() => t.close());

  const url = (from: string, to: string, format = '') => `/api/reports/escalations?unitId=${unitId}&from=${from}&to=${to}${format}`;

  it('lists L2/L3 in the period with the holder at the time, days overdue and acknowledgement', async () => {
    const res = await call('GET', url('2026-11-16', '2026-12-15'), 'chief');
    expect(res.status).toBe(200);
    const items = res.body.items.map((i: Json) => `${i.title}:L${i.level}:${i.person?.id === person.officer3 ? '陈静' : i.person?.id === person.officer4 ? '赵鹏' : i.person?.id === person.officer2 ? '刘洋' : '?'}:${i.overdueWorkdays}:${i.acknowledged}:${i.status}`);
    expect(items).toEqual([
      '任务F:L2:陈静:7:true:ISSUED',
      '任务F:L3:陈静:7:false:ISSUED',
      '任务G:L2:赵鹏:3:false:ISSUED',
      '任务H:L2:刘洋:2:false:DONE',
      '任务G:L3:赵鹏:3:false:ISSUED',
    ]);
    expect(res.body.totals).toMatchObject({ escalations: 5, tasks: 3, level2: 3, level3: 2, acknowledged: 1, trend: { previous: 0, changePct: null, direction: 'up' } });
    const byPerson = Object.fromEntries(res.body.byPerson.map((g: Json) => [g.key, g.escalations]));
    expect(byPerson).toEqual({ [person.officer3]: 2, [person.officer4]: 2, [person.officer2]: 1 });
    const byPost = Object.fromEntries(res.body.byPost.map((g: Json) => [g.key, g.escalations]));
    expect(byPost).toEqual({ [post['officer-3']]: 4, [post['officer-2']]: 1 });
    expect(res.body.byLevel.map((g: Json) => `${g.label}:${g.escalations}`)).toEqual(['催办:3', '督办:2']);
  });

  it('compares with the previous period of the same length', async () => {
    // 11-26..12-15 (20 days) against 11-06..11-25: F's L2 fell due at 11-24 00:00 Shanghai.
    const res = await call('GET', url('2026-11-26', '2026-12-15'), 'chief');
    expect(res.body.previousPeriod).toEqual({ from: '2026-11-06', to: '2026-11-25' });
    expect(res.body.totals.trend).toEqual({ current: 4, previous: 1, delta: 3, changePct: 300, direction: 'up' });
  });

  it('exports XLSX with a bold frozen header, widths and real dates', async () => {
    const res = await call('GET', url('2026-11-16', '2026-12-15', '&format=xlsx'), 'chief');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.raw as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.getRow(1).values).toEqual([undefined, '等级', '触发时间', '任务', '岗位', '责任人', '工作事项', '办理期限', '逾期工作日', '是否已确认', '确认时间', '当前状态', '办结时间']);
    expect(sheet.getColumn(3).width).toBe(36);
    expect(sheet.rowCount).toBe(6);
    const first = sheet.getRow(2);
    expect(first.getCell(1).value).toBe('催办');
    // 2026-11-23T16:00Z is 11-24 00:00 in Shanghai, shown as such.
    expect(first.getCell(2).value).toEqual(new Date('2026-11-24T00:00:00.000Z'));
    expect(first.getCell(3).value).toBe('任务F');
    expect(first.getCell(7).value).toEqual(new Date('2026-11-20T00:00:00.000Z'));
    expect(first.getCell(8).value).toBe(7);
    expect(first.getCell(9).value).toBe('是');
  });

  it('exports CSV with a BOM', async () => {
    const res = await call('GET', url('2026-11-16', '2026-12-15', '&format=csv'), 'chief');
    const text = res.raw.toString('utf8');
    expect(text.startsWith('\uFEFF等级,触发时间,任务,岗位,责任人')).toBe(true);
    expect(text.split('\r\n')[1]).toMatch(/^催办,2026-11-24 00:00,任务F,/);
  });

  it('measures fulfilment of the tasks due in the period against the holder on the due date', async () => {
    const res = await call('GET', `/api/reports/fulfilment?unitId=${unitId}&from=2026-11-16&to=2026-12-15`, 'chief');
    expect(res.status).toBe(200);
    // F, G open and late; H done two working days after its extended deadline; I done on time.
    expect(res.body.totals).toMatchObject({ due: 4, doneOnTime: 1, doneLate: 1, openOverdue: 2, open: 2, extensionsGranted: 1, onTimeRate: 25, averageDelayWorkdays: 2 });
    const byPerson = Object.fromEntries(res.body.byPerson.map((g: Json) => [g.key, g]));
    // G fell due on 11-26, while 陈静 still held officer-3.
    expect(byPerson[person.officer3]).toMatchObject({ due: 2, openOverdue: 2, onTimeRate: 0, averageDelayWorkdays: null });
    expect(byPerson[person.officer2]).toMatchObject({ due: 1, doneLate: 1, extensionsGranted: 1, onTimeRate: 0, averageDelayWorkdays: 2 });
    expect(byPerson[person.officer4]).toMatchObject({ due: 1, doneOnTime: 1, onTimeRate: 100 });
    const byPost = Object.fromEntries(res.body.byPost.map((g: Json) => [g.key, g.due]));
    expect(byPost).toEqual({ [post['officer-2']]: 1, [post['officer-3']]: 2, [post['officer-4']]: 1 });
    expect((await call('GET', `/api/reports/fulfilment?unitId=${unitId}&from=2026-11-16&to=2026-12-15`, 'deputy')).status).toBe(403);
  });

  it('shows which work items had tasks and evidence in the period', async () => {
    const [item] = await t.db.sql(`SELECT id FROM work_item WHERE post_id = $1 ORDER BY seq LIMIT 1`, [post['officer-4']]);
    const [{ n: items }] = await t.db.sql(
      `SELECT count(*)::int n FROM work_item w JOIN post p ON p.id = w.post_id WHERE p.unit_id = $1 AND w.retired_at IS NULL`,
      [unitId],
    );
    const made = await call('POST', '/api/tasks', 'deputy', { postId: post['officer-4'], workItemId: item.id, title: '任务J', dueDate: '2026-12-18' });
    expect(made.status).toBe(201);
    expect((await call('POST', `/api/tasks/${made.body.id}/evidence`, 'officer4', { kind: 'NOTE', text: '已现场核查' })).status).toBe(201);
    const res = await call('GET', `/api/reports/coverage?unitId=${unitId}&from=2026-12-01&to=2026-12-31`, 'chief');
    expect(res.status).toBe(200);
    expect(res.body.summary).toMatchObject({ workItems: items, withTasks: 1, withoutTasks: items - 1, withEvidence: 1 });
    expect(res.body.items.find((i: Json) => i.workItemId === item.id)).toMatchObject({ tasks: 1, tasksWithEvidence: 1, hasTasks: true, hasEvidence: true });
    // The fulfilment period before it is untouched: 任务J falls due after it.
    const before = await call('GET', `/api/reports/coverage?unitId=${unitId}&from=2026-11-01&to=2026-11-30`, 'chief');
    expect(before.body.summary).toMatchObject({ withTasks: 0, withEvidence: 0 });
    expect([403, 404]).toContain((await call('GET', `/api/reports/coverage?unitId=${unitId}&from=2026-12-01&to=2026-12-31`, 'officer2')).status);
  });
});
