import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { runCli } from '../support/run-cli.js';

const SOURCE = join(process.cwd(), 'seeds/planning-section.txt');

const cli = (db: TestDatabase, args: string[]) => runCli({ DATABASE_URL: db.url }, args);

describe('admin CLI', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
    await db.sql(`INSERT INTO organisation (code, name) VALUES ('nrpb', '市自然资源和规划局')`);
  });
  afterAll(() => db.drop());

  it('import-duty-list --dry-run --json prints the summary and writes nothing', async () => {
    const res = await cli(db, ['import-duty-list', SOURCE, '--dry-run', '--json']);
    expect(res.code).toBe(0);
    const [summary] = JSON.parse(res.stdout);
    expect(summary).toMatchObject({ dryRun: true, unit: { name: '国土空间规划科' }, counts: { workItems: { created: 10 } } });
    expect(await db.sql('SELECT * FROM post')).toHaveLength(0);
  });

  it('import-duty-list writes a revision, then reports the second run unchanged', async () => {
    const first = await cli(db, ['import-duty-list', SOURCE]);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('已写入第 1 版');
    const second = await cli(db, ['import-duty-list', SOURCE, '--json']);
    expect(JSON.parse(second.stdout)[0]).toMatchObject({ unchanged: true, revision: null });
  });

  it('a bad file exits non-zero naming file and line', async () => {
    const res = await cli(db, ['import-duty-list', join(process.cwd(), 'package.json')]);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/错误 \[DUTY_LIST_[A-Z_]+\] package\.json/);
  });

  it('generate-tasks and sweep run from the CLI and report what they did', async () => {
    await db.sql(`INSERT INTO schedule (work_item_id, title, recurrence, lead_workdays, start_date)
      SELECT id, '月度统计', '{"kind":"NTH_WORKDAY_OF_MONTH","n":5}', 3, '2026-10-01' FROM work_item WHERE title = '其他工作' LIMIT 1`);
    const dry = await cli(db, ['generate-tasks', '--dry-run', '--json', '--until', '2026-11-30']);
    expect(dry.code).toBe(0);
    // No official schedule is loaded in this database: Mon–Fri counting, so October's 5th is the 7th.
    expect(JSON.parse(dry.stdout).planned.map((p: { occurrenceDate: string }) => p.occurrenceDate)).toEqual(['2026-10-07', '2026-11-06']);
    const real = await cli(db, ['generate-tasks', '--until', '2026-11-30']);
    expect(real.stdout).toContain('已生成 2 项任务');
    const again = await cli(db, ['generate-tasks', '--until', '2026-11-30', '--json']);
    expect(JSON.parse(again.stdout)).toMatchObject({ created: 0 });
    const sweep = await cli(db, ['sweep', '--json']);
    expect(sweep.code).toBe(0);
    // Both tasks are long overdue: four levels each (nobody holds the post, so no messages).
    expect(JSON.parse(sweep.stdout)).toMatchObject({ tasks: 2, escalations: 8 });
  });

  it.each([
    [['no-such-command'], 2, /unknown command/],
    [['import-duty-list'], 2, /usage: npm run cli -- import-duty-list/],
  ])('usage mistakes %j exit %d', async (args, code, message) => {
    const res = await cli(db, args);
    expect(res.code).toBe(code);
    expect(res.stderr + res.stdout).toMatch(message);
  });
});
