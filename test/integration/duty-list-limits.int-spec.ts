import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDutyListOffThread, XLSX_LIMITS } from '#libs/duty-list';
import { createTestApi, loginAs, type TestApi } from '../support/test-app.js';
import { cell, xlsxBytes } from '../support/zip-bytes.js';
import { multipartBody } from './evidence-support.js';
import { runCli } from '../support/run-cli.js';

const HEADER = `<row r="1">${cell('A1', '序号')}${cell('B1', '岗位名称')}${cell('C1', '工作事项')}${cell('D1', '职责描述')}</row>`;
/** The reported file: 1.7 KB, one cell at ZZ200000 (exceljs used to allocate 4.3 GB for it). */
const farCell = () => xlsxBytes(`${HEADER}<row r="200000">${cell('ZZ200000', '远')}</row>`);

/** A valid tab-separated duty list with one officer post holding `items` work items. */
function largeDutyList(items: number): Buffer {
  const lines = ['内设机构名称: 压力测试科', '', '序号\t岗位名称\t工作事项\t职责描述\t职责描述\t工作流程\t备注'];
  lines.push('1\t正职岗位：科长\t主持全面工作\t1、负责统筹。\t（1）决策责任：研究决定。\t\t', '2\t业务岗 1 ： 测试\t事项0\t负责0。\t执行责任:执行0；\t\t');
  for (let i = 1; i < items; i++) lines.push(`\t\t事项${i}\t负责${i}。\t\t\t`);
  return Buffer.from(lines.join('\n'));
}

describe('duty-list import limits', () => {
  let t: TestApi;
  beforeAll(async () => {
    t = await createTestApi({ jobs: false });
  });
  afterAll(() => t.close());

  const upload = async (bytes: Buffer, query = '?dryRun=true') => {
    const body = multipartBody([{ name: 'file', fileName: 'list.xlsx', content: bytes }]);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/duty-lists/import${query}`,
      headers: { ...(await loginAs(t, 'admin')), ...body.headers },
      payload: body.payload,
    });
    return { status: res.statusCode, body: res.json() };
  };

  it.each(['?dryRun=true', ''])('refuses the 1.7 KB file with a cell at ZZ200000 (query %j) with 400 naming the row limit; memory stays low', async (query) => {
    const before = process.memoryUsage().rss;
    const res = await upload(farCell(), query);
    expect(res).toMatchObject({
      status: 400,
      body: { code: 'DUTY_LIST_SHEET_TOO_LARGE', details: { limit: 'maxRows', limitValue: XLSX_LIMITS.maxRows } },
    });
    expect(res.body.message).toContain(String(XLSX_LIMITS.maxRows));
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
  });

  it.each<[string, number, string, string, () => Buffer]>([
    ['a deflate bomb', 413, 'DUTY_LIST_ARCHIVE_TOO_LARGE', 'maxRatio', () => xlsxBytes(`${HEADER}${' '.repeat(16 * 1024 * 1024)}`)],
    ['too many rows', 400, 'DUTY_LIST_SHEET_TOO_LARGE', 'maxRows', () => xlsxBytes(HEADER + '<row/>'.repeat(XLSX_LIMITS.maxRows))],
    ['a too long cell', 400, 'DUTY_LIST_SHEET_TOO_LARGE', 'maxCellChars', () => xlsxBytes(`${HEADER}<row r="2">${cell('B2', '长'.repeat(XLSX_LIMITS.maxCellChars + 1))}</row>`)],
  ])('refuses %s with %i %s naming the limit %s', async (_name, status, code, limit, build) => {
    const before = process.memoryUsage().rss;
    const res = await upload(build());
    expect(res).toMatchObject({ status, body: { code, details: { limit } } });
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
  });

  it('the CLI refuses the same file naming the limit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dt-duty-list-'));
    try {
      writeFileSync(join(dir, 'far.xlsx'), farCell());
      const res = await cli(t.db.url, ['import-duty-list', join(dir, 'far.xlsx'), '--dry-run']);
      expect(res.code).toBe(1);
      expect(res.stderr).toContain('错误 [DUTY_LIST_SHEET_TOO_LARGE]');
      expect(res.stderr).toContain(String(XLSX_LIMITS.maxRows));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the event loop keeps turning while a large file parses (timers and a health request answer first)', async () => {
    let parsed = false;
    const parsing = parseDutyListOffThread({ fileName: 'large.txt', bytes: largeDutyList(30_000) }).finally(() => (parsed = true));
    for (let i = 0; i < 100; i++) await new Promise((resolve) => setImmediate(resolve));
    expect(parsed).toBe(false);
    const health = await t.app.inject({ method: 'GET', url: '/health' });
    expect(health.statusCode).toBe(200);
    expect(parsed).toBe(false);
    const result = await parsing;
    expect(result.posts[1]!.workItems).toHaveLength(30_000);
  });
});

const cli = (databaseUrl: string, args: string[]) => runCli({ DATABASE_URL: databaseUrl }, args);
