import ExcelJS from 'exceljs';
import { createSecondUnit } from '../support/org-factory.js';
import { caller, extendThenHandOverOfficer3, type Call } from '../support/report-period.js';
import { createTestApi, loginAs, type AuthHeaders, type TestApi } from '../support/test-app.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function readSheet(raw: Buffer): Promise<ExcelJS.Worksheet> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(raw as unknown as ArrayBuffer);
  return book.worksheets[0]!;
}

/** Row values from column 1 (exceljs puts nothing at index 0). */
const valuesOf = (sheet: ExcelJS.Worksheet, row: number) => (sheet.getRow(row).values as unknown[]).slice(1);

/**
 * A hand-built period, 2026-11-16 … 12-15, in the planning section:
 * F officer-3, due 11-20, never done (陈静 held the post then);
 * G officer-3, due 11-26, never done — the post passes from 陈静 to 赵鹏 on 11-27, mid-period;
 * H officer-2, due 11-25, extended to 11-27, done 12-02: late after an extension (刘洋);
 * I officer-4, due 12-04, done 12-02 on time (赵鹏);
 * K officer-3, work item, due 12-04, done 12-02 on time with evidence — by the new holder 赵鹏;
 * L officer-3, same work item, due 12-10, cancelled: counts for nothing.
 */
describe('report exports and access, on a hand-built period', () => {
  let t: TestApi;
  const as: Record<string, AuthHeaders> = {};
  const post: Record<string, string> = {};
  const person: Record<string, string> = {};
  const ids: Record<string, string> = {};
  let unitId: string;
  let workItem: { id: string; title: string };
  let secondUnit: Awaited<ReturnType<typeof createSecondUnit>>;

  const call: Call = (...args) => caller(t, as)(...args);
  const finish = async (key: string, who: string) => {
    for (const action of ['accept', 'start', 'submit']) expect((await call('POST', `/api/tasks/${ids[key]}/${action}`, who, {})).status).toBe(200);
    let res = await call('POST', `/api/tasks/${ids[key]}/approve`, 'deputy', {});
    // Items that report up also need the chief's review.
    if (res.body.status === 'REVIEWED') res = await call('POST', `/api/tasks/${ids[key]}/approve`, 'chief', {});
    expect(res.body.status).toBe('DONE');
  };
  const loginAll = async () => {
    for (const u of ['admin', 'chief', 'deputy', 'officer1', 'officer2', 'officer3', 'officer4', 'chief2']) as[u] = await loginAs(t, u);
  };

  beforeAll(async () => {
    // Thursday 2026-11-26, 10:00 Shanghai.
    t = await createTestApi({ now: '2026-11-26T02:00:00.000Z', jobs: false });
    secondUnit = await createSecondUnit(t);
    await loginAll();
    for (const r of await t.db.sql('SELECT id, code FROM post WHERE unit_id <> $1', [secondUnit.unitId])) post[r.code] = r.id;
    for (const r of await t.db.sql('SELECT p.id, u.username FROM person p JOIN app_user u ON u.person_id = p.id')) person[r.username] = r.id;
    unitId = (await t.db.sql(`SELECT unit_id FROM post WHERE id = $1`, [post['officer-3']]))[0].unit_id;
    [workItem] = await t.db.sql(`SELECT id, title FROM work_item WHERE post_id = $1 AND retired_at IS NULL ORDER BY seq LIMIT 1`, [post['officer-3']]);
    const assign = async (key: string, postCode: string, dueDate: string, workItemId?: string) => {
      const res = await call('POST', '/api/tasks', 'deputy', { postId: post[postCode], title: `任务${key}`, dueDate, ...(workItemId ? { workItemId } : {}) });
      expect(res.status).toBe(201);
      ids[key] = res.body.id;
    };
    await assign('F', 'officer-3', '2026-11-20');
    await assign('G', 'officer-3', '2026-11-26');
    await assign('H', 'officer-2', '2026-11-25');
    await assign('I', 'officer-4', '2026-12-04');
    await assign('K', 'officer-3', '2026-12-04', workItem.id);
    await assign('L', 'officer-3', '2026-12-10', workItem.id);
    expect((await call('POST', `/api/tasks/${ids.L}/cancel`, 'deputy', { reason: '并入任务K' })).status).toBe(200);
    await extendThenHandOverOfficer3(t, call, { extendedTaskId: ids.H!, officer3PostId: post['officer-3']!, newHolderPersonId: person.officer4! });
    // A week on, the morning's access tokens have expired.
    await loginAll();
    await finish('H', 'officer2');
    await finish('I', 'officer4');
    expect((await call('POST', `/api/tasks/${ids.K}/accept`, 'officer4', {})).status).toBe(200);
    expect((await call('POST', `/api/tasks/${ids.K}/evidence`, 'officer4', { kind: 'NOTE', text: '已现场核查' })).status).toBe(201);
    for (const action of ['start', 'submit']) expect((await call('POST', `/api/tasks/${ids.K}/${action}`, 'officer4', {})).status).toBe(200);
    let approved = await call('POST', `/api/tasks/${ids.K}/approve`, 'deputy', {});
    if (approved.body.status === 'REVIEWED') approved = await call('POST', `/api/tasks/${ids.K}/approve`, 'chief', {});
    expect(approved.body.status).toBe('DONE');
  });
  afterAll(() => t.close());

  const period = (path: string, format = '') => `/api/reports/${path}?unitId=${unitId}&from=2026-11-16&to=2026-12-15${format}`;

  describe('fulfilment', () => {
    it('counts the period against the holder on each due date', async () => {
      const res = await call('GET', period('fulfilment'), 'chief');
      expect(res.status).toBe(200);
      expect(res.body.totals).toMatchObject({ due: 5, doneOnTime: 2, doneLate: 1, openOverdue: 2, open: 2, extensionsGranted: 1, onTimeRate: 40, averageDelayWorkdays: 2 });
      const byPerson = Object.fromEntries(res.body.byPerson.map((g: Json) => [g.key, g]));
      expect(Object.keys(byPerson).sort()).toEqual([person.officer2, person.officer3, person.officer4].sort());
      // F and G fell due while 陈静 held officer-3; K after the handover, so it is 赵鹏's.
      expect(byPerson[person.officer3]).toMatchObject({ label: '陈静', due: 2, openOverdue: 2, onTimeRate: 0 });
      expect(byPerson[person.officer4]).toMatchObject({ label: '赵鹏', due: 2, doneOnTime: 2, onTimeRate: 100, averageDelayWorkdays: null });
      expect(byPerson[person.officer2]).toMatchObject({ label: '刘洋', due: 1, doneLate: 1, extensionsGranted: 1, onTimeRate: 0, averageDelayWorkdays: 2 });
      const byPost = Object.fromEntries(res.body.byPost.map((g: Json) => [g.key, g.due]));
      expect(byPost).toEqual({ [post['officer-2']]: 1, [post['officer-3']]: 3, [post['officer-4']]: 1 });
      const byWorkItem = Object.fromEntries(res.body.byWorkItem.map((g: Json) => [g.key ?? 'ad hoc', g]));
      expect(byWorkItem['ad hoc']).toMatchObject({ due: 4, doneOnTime: 1, doneLate: 1, openOverdue: 2 });
      expect(byWorkItem[workItem.id]).toMatchObject({ due: 1, doneOnTime: 1, onTimeRate: 100 });
    });

    it('exports XLSX with numbers as numbers and the rate as a percentage', async () => {
      const res = await call('GET', period('fulfilment', '&format=xlsx'), 'chief');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe(XLSX_TYPE);
      expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain('履职情况统计_国土空间规划科_2026-11-16_2026-12-15.xlsx');
      const sheet = await readSheet(res.raw);
      expect(sheet.name).toBe('履职情况');
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
      expect(valuesOf(sheet, 1)).toEqual(['统计维度', '名称', '应办任务', '按时办结', '逾期办结', '逾期未办结', '未办结', '按时办结率', '平均逾期工作日', '批准延期次数']);
      expect(sheet.getColumn(2).width).toBe(36);
      // 合计, 3 posts, 3 people, 2 work-item groups (ad hoc and K's item).
      expect(sheet.rowCount).toBe(1 + 1 + 3 + 3 + 2);
      expect(valuesOf(sheet, 2)).toEqual(['合计', '国土空间规划科', 5, 2, 1, 2, 2, 0.4, 2, 1]);
      expect(sheet.getRow(2).getCell(8).numFmt).toBe('0.0%');
      expect(sheet.getRow(2).getCell(9).numFmt).toBe('0.0');
      const rows = Array.from({ length: sheet.rowCount - 1 }, (_, i) => valuesOf(sheet, i + 2));
      expect(rows.find((r) => r[0] === '人员' && r[1] === '刘洋')).toEqual(['人员', '刘洋', 1, 0, 1, 0, 0, 0, 2, 1]);
      // No late completion: the average stays empty rather than 0.
      expect(rows.find((r) => r[0] === '人员' && r[1] === '赵鹏')).toEqual(['人员', '赵鹏', 2, 2, 0, 0, 0, 1, null, 0].map((v) => v ?? undefined));
      expect(rows.find((r) => r[0] === '工作事项' && r[1] === '临时交办')?.slice(2, 5)).toEqual([4, 1, 1]);
      expect(rows.find((r) => r[0] === '工作事项' && r[1] === workItem.title)?.slice(2, 4)).toEqual([1, 1]);
    });

    it('exports CSV with a BOM, Chinese header and formatted rate', async () => {
      const res = await call('GET', period('fulfilment', '&format=csv'), 'chief');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect([...res.raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = res.raw.toString('utf8').slice(1).split('\r\n');
      expect(lines[0]).toBe('统计维度,名称,应办任务,按时办结,逾期办结,逾期未办结,未办结,按时办结率,平均逾期工作日,批准延期次数');
      expect(lines[1]).toBe('合计,国土空间规划科,5,2,1,2,2,40.0%,2.0,1');
      expect(lines).toContain('人员,赵鹏,2,2,0,0,0,100.0%,,0');
    });
  });

  describe('coverage', () => {
    it('exports every live work item with its tasks and evidence in the period', async () => {
      const json = await call('GET', period('coverage'), 'chief');
      expect(json.body.summary).toMatchObject({ withTasks: 1, withEvidence: 1 });
      expect(json.body.items.find((i: Json) => i.workItemId === workItem.id)).toMatchObject({ tasks: 1, tasksDone: 1, tasksWithEvidence: 1 });

      const res = await call('GET', period('coverage', '&format=xlsx'), 'chief');
      expect(res.status).toBe(200);
      const sheet = await readSheet(res.raw);
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(valuesOf(sheet, 1)).toEqual(['岗位', '工作事项', '责任条数', '责任类型', '期内任务', '已办结', '有留痕任务', '是否履职', '是否留痕']);
      expect(sheet.rowCount).toBe(1 + json.body.items.length);
      const rows = Array.from({ length: sheet.rowCount - 1 }, (_, i) => valuesOf(sheet, i + 2));
      const mine = json.body.items.findIndex((i: Json) => i.workItemId === workItem.id);
      const item = json.body.items[mine];
      // Cancelled L is not counted; K is, with its evidence.
      expect(rows[mine]!.slice(0, 3)).toEqual([item.postName, workItem.title, item.responsibilities]);
      expect(rows[mine]!.slice(4)).toEqual([1, 1, 1, '是', '是']);
      // Responsibility types in Chinese, as the duty list prints them, one per distinct type.
      const types = await t.db.sql(`SELECT DISTINCT type::text FROM responsibility WHERE work_item_id = $1 AND retired_at IS NULL AND type IS NOT NULL`, [workItem.id]);
      expect(types.length).toBeGreaterThan(0);
      const names = String(rows[mine]![3]).split('、');
      expect(names).toHaveLength(types.length);
      for (const n of names) expect(n).toMatch(/^[\u4e00-\u9fff]+$/);
      // Only K's item was exercised: its responsibilities are the ones performed.
      expect(json.body.summary.responsibilitiesExercised).toBe(item.responsibilities);
      expect(rows.filter((r) => r[7] === '否')).toHaveLength(json.body.summary.withoutTasks);
      expect(rows.every((r) => typeof r[4] === 'number')).toBe(true);

      const csv = (await call('GET', period('coverage', '&format=csv'), 'chief')).raw.toString('utf8');
      expect(csv.startsWith('\uFEFF岗位,工作事项,责任条数,责任类型,期内任务,已办结,有留痕任务,是否履职,是否留痕\r\n')).toBe(true);
      expect(csv.split('\r\n').filter(Boolean)).toHaveLength(1 + json.body.items.length);
    });
  });

  describe('supervision board and inbox', () => {
    it("exports the deputy's board per post with a total row, the same numbers as the JSON", async () => {
      const json = (await call('GET', `/api/units/${unitId}/board`, 'deputy')).body;
      const officer3 = json.posts.find((p: Json) => p.code === 'officer-3');
      // F and G are with 赵鹏 now, both overdue past 督办 (L3).
      expect(officer3).toMatchObject({ holderName: '赵鹏', open: 2, overdue: 2, overdueL3: 2 });
      const res = await call('GET', `/api/units/${unitId}/board?format=xlsx`, 'deputy');
      expect(res.status).toBe(200);
      const sheet = await readSheet(res.raw);
      expect(valuesOf(sheet, 1)).toEqual(['岗位', '岗位类别', '在岗人员', '在办', '临期', '已逾期', '其中逾期', '其中催办', '其中督办', '待我审核', '待批延期', '未确认预警']);
      expect(sheet.rowCount).toBe(1 + json.posts.length + 1);
      const counts = (p: Json) => [p.open, p.atRisk, p.overdue, p.overdueL1, p.overdueL2, p.overdueL3, p.awaitingMyReview, p.pendingExtensions, p.unacknowledgedEscalations];
      json.posts.forEach((p: Json, i: number) => expect(valuesOf(sheet, i + 2)).toEqual([p.name, expect.any(String), p.holderName ?? undefined, ...counts(p)]));
      const row3 = valuesOf(sheet, 2 + json.posts.indexOf(officer3));
      expect(row3.slice(1, 3)).toEqual(['业务岗', '赵鹏']);
      expect(valuesOf(sheet, sheet.rowCount)).toEqual(['合计', undefined, undefined, ...counts(json.totals)]);

      const csv = (await call('GET', `/api/units/${unitId}/board?format=csv`, 'deputy')).raw.toString('utf8');
      expect(csv.startsWith('\uFEFF岗位,岗位类别,在岗人员,在办,')).toBe(true);
      expect(csv.split('\r\n').filter(Boolean).at(-1)).toBe(`合计,,,${counts(json.totals).join(',')}`);
    });

    it('exports my inbox as XLSX with the due date as a real date', async () => {
      const res = await call('GET', '/api/inbox?format=xlsx', 'officer4');
      expect(res.status).toBe(200);
      const sheet = await readSheet(res.raw);
      expect(valuesOf(sheet, 1)).toEqual(['分组', '任务', '岗位', '代理', '办理期限', '剩余工作日', '逾期工作日', '预警等级']);
      const rows = Array.from({ length: sheet.rowCount - 1 }, (_, i) => valuesOf(sheet, i + 2));
      const f = rows.find((r) => r[1] === '任务F')!;
      expect(f[0]).toBe('已逾期');
      expect(f[4]).toEqual(new Date('2026-11-20T00:00:00.000Z'));
      expect(sheet.getRow(rows.indexOf(f) + 2).getCell(5).numFmt).toBe('yyyy-mm-dd');
      expect(f[7]).toBe('督办');
    });
  });

  describe('access per role, exports included', () => {
    const reports = ['escalations', 'fulfilment', 'coverage'];

    it.each(reports)('%s: the chief only; deputy, officer and admin 403; another unit’s chief and a former holder 404', async (name) => {
      for (const format of ['', '&format=xlsx', '&format=csv']) {
        expect((await call('GET', period(name, format), 'chief')).status).toBe(200);
        for (const who of ['deputy', 'officer1', 'admin']) {
          const res = await call('GET', period(name, format), who);
          expect([who, res.status, res.body.code]).toEqual([who, 403, 'ACCESS_DENIED']);
        }
        // 陈静 (officer3) handed her only post over on 11-27: the unit is no longer hers to know.
        for (const who of ['chief2', 'officer3']) {
          const hidden = await call('GET', period(name, format), who);
          expect([who, hidden.status, hidden.body.code]).toEqual([who, 404, 'UNIT_NOT_FOUND']);
        }
      }
    });

    it("board: the unit's deputy and chief; officers 403; another unit's chief 404", async () => {
      for (const format of ['', '?format=xlsx']) {
        for (const who of ['deputy', 'chief']) expect((await call('GET', `/api/units/${unitId}/board${format}`, who)).status).toBe(200);
        expect((await call('GET', `/api/units/${unitId}/board${format}`, 'officer1')).status).toBe(403);
        expect((await call('GET', `/api/units/${unitId}/board${format}`, 'chief2')).status).toBe(404);
      }
      // And the other way round: the second unit's chief sees their own unit only.
      expect((await call('GET', `/api/units/${secondUnit.unitId}/board`, 'chief2')).status).toBe(200);
      expect((await call('GET', `/api/units/${secondUnit.unitId}/board`, 'deputy')).status).toBe(404);
    });

    it('refuses an unknown export format', async () => {
      const res = await call('GET', period('fulfilment', '&format=pdf'), 'chief');
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    });
  });
});
