import { createTestApi, loginAs, type AuthHeaders, type TestApi } from '../support/test-app.js';
import { runCli } from '../support/run-cli.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * Every date that enters from outside follows one rule: a real YYYY-MM-DD date between 2000-01-01
 * and the end of the fifth year after the last loaded calendar year (or the current year). A bad
 * one answers 400 naming the field — never 201 (a task due in year 1 stopped every sweep), never
 * 500, never silently rolled over (2026-02-30 was stored as 2026-03-02).
 */
describe('dates accepted from outside', () => {
  let t: TestApi;
  const as: Record<string, AuthHeaders> = {};
  const post: Record<string, string> = {};
  let unitId: string;

  beforeAll(async () => {
    t = await createTestApi({ now: '2026-11-26T02:00:00.000Z', jobs: false });
    for (const u of ['admin', 'chief', 'deputy', 'officer1']) as[u] = await loginAs(t, u);
    for (const r of await t.db.sql('SELECT id, code, unit_id FROM post')) post[r.code] = r.id;
    unitId = (await t.db.sql(`SELECT unit_id FROM post WHERE code = 'officer-1'`))[0].unit_id;
  });
  afterAll(() => t.close());

  const call = async (method: 'GET' | 'POST' | 'PUT', url: string, who: string, payload?: object) => {
    const res = await t.app.inject({ method, url, headers: as[who], payload });
    return { status: res.statusCode, body: res.body ? (res.json() as Json) : {} };
  };
  const lastYear = async () => (await t.db.sql(`SELECT max(year)::int y FROM calendar_year`))[0].y as number;

  it.each([
    ['year 1', '0001-01-01', 'VALIDATION_FAILED'],
    ['30 February', '2026-02-30', 'VALIDATION_FAILED'],
    ['month 13', '2026-13-45', 'VALIDATION_FAILED'],
    ['empty', '', 'VALIDATION_FAILED'],
    ['before 2000', '1999-12-31', 'DATE_OUT_OF_RANGE'],
    ['year 9999', '9999-12-31', 'DATE_OUT_OF_RANGE'],
  ])('POST /api/tasks with dueDate %s answers 400 and creates nothing', async (_name, dueDate, code) => {
    const res = await call('POST', '/api/tasks', 'deputy', { postId: post['officer-1'], title: '日期校验', dueDate });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe(code);
    expect(JSON.stringify(res.body)).toContain('dueDate');
    expect((await t.db.sql(`SELECT count(*)::int n FROM task WHERE title = '日期校验'`))[0].n).toBe(0);
  });

  it('the window ends five years after the last loaded calendar year', async () => {
    const last = Math.max(await lastYear(), 2026) + 5;
    const inside = await call('POST', '/api/tasks', 'deputy', { postId: post['officer-1'], title: '窗口内', dueDate: `${last}-12-31` });
    expect(inside.status).toBe(201);
    const outside = await call('POST', '/api/tasks', 'deputy', { postId: post['officer-1'], title: '窗口外', dueDate: `${last + 1}-01-01` });
    expect(outside).toMatchObject({ status: 400, body: { code: 'DATE_OUT_OF_RANGE', details: { field: 'dueDate' } } });
    expect(outside.body.message).toContain(`${last}-12-31`);
  });

  it.each([
    ['task list dueFrom', 'GET', '/api/tasks?dueFrom=2026-13-45', 'officer1'],
    ['task list dueTo', 'GET', '/api/tasks?dueTo=2026-02-30', 'officer1'],
    ['add-workdays from empty', 'GET', '/api/calendar/add-workdays?from=&days=1', 'officer1'],
    ['add-workdays from year 9999', 'GET', '/api/calendar/add-workdays?from=9999-12-31&days=1', 'officer1'],
    ['calendar day 30 February', 'GET', '/api/calendar/days/2026-02-30', 'officer1'],
    ['calendar day year 1', 'GET', '/api/calendar/days/0001-01-01', 'officer1'],
    ['report from year 9999', 'GET', `/api/reports/escalations?unitId=UNIT&from=9999-12-01&to=9999-12-31`, 'chief'],
    ['escalations from month 13', 'GET', '/api/escalations?from=2026-13-01', 'chief'],
    ['task list dueTo year 9999', 'GET', '/api/tasks?dueTo=9999-12-31', 'officer1'],
    ['task list dueFrom before 2000', 'GET', '/api/tasks?dueFrom=1999-12-31', 'officer1'],
    ['escalations to year 9999', 'GET', '/api/escalations?to=9999-12-31', 'chief'],
    ['escalations from year 1', 'GET', '/api/escalations?from=0001-01-01', 'chief'],
    ['history verification since year 9999', 'GET', '/api/audit/verify?since=9999-12-31', 'admin'],
    ['history verification since an instant in year 9999', 'GET', '/api/audit/verify?since=9999-12-31T00:00:00Z', 'admin'],
  ])('%s answers 400', async (_name, method, url, who) => {
    const res = await call(method as 'GET', url.replace('UNIT', unitId), who);
    expect(res.status).toBe(400);
    expect(['VALIDATION_FAILED', 'INVALID_DATE', 'DATE_OUT_OF_RANGE']).toContain(res.body.code);
  });

  it('an extension to year 9999 and an absence from 30 February answer 400', async () => {
    const created = await call('POST', '/api/tasks', 'deputy', { postId: post['officer-1'], title: '延期校验', dueDate: '2026-12-10' });
    expect(created.status).toBe(201);
    const ext = await call('POST', `/api/tasks/${created.body.id}/extension-requests`, 'officer1', { reason: '材料未齐', newDueDate: '9999-12-31' });
    expect(ext).toMatchObject({ status: 400, body: { code: 'DATE_OUT_OF_RANGE', details: { field: 'newDueDate' } } });
    const personId = (await t.db.sql(`SELECT person_id FROM app_user WHERE username = 'officer1'`))[0].person_id;
    const absence = await call('POST', '/api/absences', 'deputy', { personId, startDate: '2026-02-30', endDate: '2026-03-02' });
    expect(absence).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
  });

  it.each([
    ['minutes dated 30 February', { kind: 'MINUTES', date: '2026-02-30', participants: ['王磊'], conclusions: '同意' }, 'date'],
    ['minutes dated year 9999', { kind: 'MINUTES', date: '9999-12-31', participants: ['王磊'], conclusions: '同意' }, 'date'],
    ['a document number issued in year 1', { kind: 'DOC_NUMBER', number: '规划〔2026〕1号', issuedOn: '0001-01-01' }, 'issuedOn'],
  ])('evidence: %s answers 400 naming the field and records nothing', async (_name, body, field) => {
    const created = await call('POST', '/api/tasks', 'deputy', { postId: post['officer-1'], title: '材料日期校验', dueDate: '2026-12-10' });
    const res = await call('POST', `/api/tasks/${created.body.id}/evidence`, 'officer1', body);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain(field);
    expect((await t.db.sql(`SELECT count(*)::int n FROM evidence WHERE task_id = $1`, [created.body.id]))[0].n).toBe(0);
  });

  it('minutes dated inside the window are recorded', async () => {
    const created = await call('POST', '/api/tasks', 'deputy', { postId: post['officer-1'], title: '材料日期有效', dueDate: '2026-12-10' });
    const res = await call('POST', `/api/tasks/${created.body.id}/evidence`, 'officer1', { kind: 'MINUTES', date: '2026-11-25', participants: ['王磊'], conclusions: '同意' });
    expect(res.status).toBe(201);
  });

  it('verify-history --since year 9999 is refused by the CLI with the same code', async () => {
    const res = await cli(t, ['verify-history', '--since', '9999-12-31']);
    expect(res.code).not.toBe(0);
    expect(res.code).not.toBe(3);
    expect(res.stderr).toContain('DATE_OUT_OF_RANGE');
    expect(res.stderr).toContain('--since');
  });
});

/** The compiled CLI against the test database, as an operator runs it. */
const cli = (t: TestApi, args: string[]) => runCli({ DATABASE_URL: t.db.url }, args);
