import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DutyListImportService, type ImportSummary } from '#libs/duty-list';
import { OrgService } from '#libs/org';
import { createTestApi, type TestApi } from '../support/test-app.js';

const fixture = (name: string) => readFile(join(process.cwd(), 'libs/duty-list/test-fixtures', name));
const SOURCE = 'planning-section.txt';

describe('duty-list import into the catalogue', () => {
  let t: TestApi;
  let importer: DutyListImportService;
  let source: string;

  beforeAll(async () => {
    // No demo seed: these tests start from an empty catalogue.
    t = await createTestApi({ seed: false });
    await t.app.get(OrgService).ensureOrganisation('nrpb', '市自然资源和规划局');
    importer = t.app.get(DutyListImportService);
    source = (await fixture(SOURCE)).toString('utf8');
  });
  afterAll(() => t.close());

  const run = (text: string | Buffer, opts: { dryRun?: boolean; fileName?: string } = {}) =>
    importer.importFile({ fileName: opts.fileName ?? SOURCE, bytes: Buffer.isBuffer(text) ? text : Buffer.from(text), dryRun: opts.dryRun });
  const catalogueCounts = async () =>
    (
      await t.db.sql(`SELECT
        (SELECT count(*) FROM post WHERE retired_at IS NULL)::int posts,
        (SELECT count(*) FROM work_item WHERE retired_at IS NULL)::int items,
        (SELECT count(*) FROM work_item)::int all_items,
        (SELECT count(*) FROM function_statement WHERE retired_at IS NULL)::int functions,
        (SELECT count(*) FROM responsibility WHERE retired_at IS NULL)::int responsibilities,
        (SELECT count(*) FROM cooperation WHERE retired_at IS NULL)::int cooperations,
        (SELECT count(*) FROM catalog_revision)::int revisions`)
    )[0];

  it('a dry run of a new unit reports the whole diff and writes nothing', async () => {
    const summary = await run(source, { dryRun: true });
    expect(summary).toMatchObject({ dryRun: true, revision: null, unit: { id: null, name: '国土空间规划科', created: true } });
    expect(summary.counts.posts.created).toBe(6);
    expect(summary.changes.filter((c) => c.entity === 'workItem' && c.action === 'create')).toHaveLength(10);
    expect(await catalogueCounts()).toMatchObject({ posts: 0, items: 0, revisions: 0 });
    expect(await t.db.sql('SELECT * FROM unit')).toHaveLength(0);
  });

  it('imports the source: 6 posts, 10 work items, 22 职能, 32 责任, 2 cooperation links', async () => {
    const summary = await run(source);
    expect(summary.revision).toBe(1);
    expect(summary.counts).toEqual({
      posts: { created: 6, updated: 0, unchanged: 0, retired: 0 },
      workItems: { created: 10, updated: 0, unchanged: 0, retired: 0 },
      functions: { created: 22, updated: 0, unchanged: 0, retired: 0 },
      responsibilities: { created: 32, updated: 0, unchanged: 0, retired: 0 },
      cooperations: { created: 2, updated: 0, unchanged: 0, retired: 0 },
    });
    expect(await catalogueCounts()).toEqual({
      posts: 6, items: 10, all_items: 10, functions: 22, responsibilities: 32, cooperations: 2, revisions: 1,
    });
    const types = await t.db.sql(`SELECT type, count(*)::int n FROM responsibility GROUP BY type ORDER BY type`);
    expect(Object.fromEntries(types.map((r) => [r.type, r.n]))).toMatchObject({ REQUEST_REPORT: 7, COORDINATION: 4, SUMMARY_REPORT: 2 });
    const refs = await t.db.sql(`SELECT unnest(workflow_refs) ref FROM work_item ORDER BY 1`);
    expect(refs.map((r) => r.ref)).toEqual(['07-1', '07-2-1', '07-2-2', '07-4']);
    const events = await t.db.sql(`SELECT type, stream, seq FROM history_event WHERE type = 'duty-list.imported'`);
    expect(events).toHaveLength(1);
  });

  it('re-importing the same file changes nothing and says so', async () => {
    const summary = await run(source);
    expect(summary).toMatchObject({ unchanged: true, revision: null, changes: [] });
    expect(Object.values(summary.counts).every((c) => c.created + c.updated + c.retired === 0)).toBe(true);
    expect((await catalogueCounts()).revisions).toBe(1);
  });

  it('the same content in GBK is recognised as unchanged too', async () => {
    const summary = await run(await fixture('planning-section.gbk.txt'));
    expect(summary).toMatchObject({ encoding: 'gb18030', unchanged: true });
  });

  it('a changed file updates in place, adds new items and retires removed ones (never deletes)', async () => {
    const changed = source
      // officer-4 loses its third work item …
      .replace(/\n\t\t三、其他工作[^\n]*/, '')
      // … the deputy's first function statement is reworded …
      .replace('负责全市各类规划工作的组织协调、情况汇总等综合工作。', '负责全市各类规划工作的组织协调和情况汇总。')
      // … and the chief gets a second work item.
      .replace(
        /(1\t正职岗位\t[^\n]*)/,
        '$1\n\t\t二、督办重点工作\t1. 负责科室重点工作督办。\t1. 监督责任：督促重点工作按期完成。\t\t',
      );
    const dry = await run(changed, { dryRun: true });
    expect(dry.changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'retire', entity: 'workItem', path: expect.stringContaining('其他工作') }),
        expect.objectContaining({ action: 'create', entity: 'workItem', path: '正职岗位 / 督办重点工作' }),
        expect.objectContaining({ action: 'create', entity: 'function', text: '负责全市各类规划工作的组织协调和情况汇总。' }),
      ]),
    );
    expect((await catalogueCounts()).revisions).toBe(1);

    const summary = await run(changed);
    expect(summary.revision).toBe(2);
    expect(summary.counts.workItems).toEqual({ created: 1, updated: 1, unchanged: 8, retired: 1 });
    expect(summary.counts.functions).toMatchObject({ created: 2, retired: 3 });
    expect(await catalogueCounts()).toMatchObject({ posts: 6, items: 10, all_items: 11, revisions: 2 });
    const retired = await t.db.sql(`SELECT title, retired_at FROM work_item WHERE retired_at IS NOT NULL`);
    expect(retired).toEqual([expect.objectContaining({ title: '其他工作' })]);

    // Importing the original again brings the retired item back instead of creating a duplicate.
    const back = await run(source);
    expect(back.counts.workItems).toMatchObject({ created: 0, retired: 1 });
    expect(await catalogueCounts()).toMatchObject({ items: 10, all_items: 11, revisions: 3 });
  });

  it.each<[string, Buffer | string, string, Partial<{ line: number }>]>([
    ['an empty file', '', 'DUTY_LIST_EMPTY_FILE', {}],
    ['binary garbage', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2, 0, 0, 0, 3, 0xff, 0xfe]), 'DUTY_LIST_BINARY_FILE', {}],
    ['missing columns', '内设机构名称：测试科\n\n序号\t岗位名称\t备注\n1\t正职岗位\t\n', 'DUTY_LIST_MISSING_COLUMNS', { line: 3 }],
    [
      'an unresolvable post',
      '内设机构名称：测试科\n\n序号\t岗位名称\t工作事项\t岗位职能描述\t岗位职责描述\t工作流程\t备注\n1\t科员岗\t事项\t1. 职能。\t1. 执行责任：执行。\t\t\n',
      'DUTY_LIST_UNRESOLVED_POST',
      { line: 4 },
    ],
  ])('rejects %s with a located error and leaves the database unchanged', async (_name, bytes, code, where) => {
    const before = await catalogueCounts();
    const error = await run(bytes, { fileName: 'bad.txt' }).then(
      () => undefined,
      (e: { code: string; message: string; details: { file: string; line?: number } }) => e,
    );
    expect(error).toMatchObject({ code, details: { file: 'bad.txt', ...where } });
    expect(error!.message).toContain('bad.txt');
    expect(await catalogueCounts()).toEqual(before);
  });

  it('refuses a file over the size limit before parsing it', async () => {
    const big = Buffer.alloc(50 * 1024 * 1024, 0x41);
    await expect(run(big, { fileName: 'huge.txt' })).rejects.toMatchObject({ code: 'DUTY_LIST_FILE_TOO_LARGE', kind: 'PAYLOAD_TOO_LARGE' });
  });

  it('imports another unit from a GB18030 file as a new unit', async () => {
    const summary: ImportSummary = await run(await fixture('farmland-protection.gb18030.txt'), { fileName: 'farmland.txt' });
    expect(summary).toMatchObject({ unit: { name: '耕地保护监督科', created: true }, revision: 1, encoding: 'gb18030' });
    expect(await t.db.sql('SELECT name FROM unit ORDER BY code')).toEqual([{ name: '国土空间规划科' }, { name: '耕地保护监督科' }]);
  });

  it('keeps the import history append-only in the database', async () => {
    await expect(t.db.sql(`UPDATE history_event SET type = 'x'`)).rejects.toThrow(/append-only/);
    await expect(t.db.sql(`DELETE FROM history_event`)).rejects.toThrow(/append-only/);
    await expect(t.db.sql(`TRUNCATE history_event`)).rejects.toThrow(/append-only/);
  });
});

