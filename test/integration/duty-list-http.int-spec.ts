import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createTestApi, loginAs, type TestApi } from '../support/test-app.js';

/** A multipart/form-data body with one file field, as a browser would send it. */
function multipart(fileName: string, bytes: Buffer): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----duty-tracker-test-boundary';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, bytes, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe('POST /api/duty-lists/import', () => {
  let t: TestApi;
  let farmland: Buffer;

  beforeAll(async () => {
    t = await createTestApi({ jobs: false });
    farmland = await readFile(join(process.cwd(), 'libs/duty-list/test-fixtures/farmland-protection.txt'));
  });
  afterAll(() => t.close());

  const upload = async (who: string, query = '', bytes = farmland, fileName = 'farmland.txt') => {
    const body = multipart(fileName, bytes);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/duty-lists/import${query}`,
      headers: { ...(await loginAs(t, who)), ...body.headers },
      payload: body.payload,
    });
    return { status: res.statusCode, body: res.json() };
  };

  it('shows the admin the diff on a dry run and writes nothing', async () => {
    const res = await upload('admin', '?dryRun=true');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ dryRun: true, revision: null, unit: { name: '耕地保护监督科', created: true } });
    expect(res.body.changes.length).toBeGreaterThan(0);
    expect(await t.db.sql(`SELECT * FROM unit WHERE name = '耕地保护监督科'`)).toHaveLength(0);
  });

  it('imports on confirmation, then reports a repeat as unchanged', async () => {
    const first = await upload('admin');
    expect(first.body).toMatchObject({ dryRun: false, revision: 1, unchanged: false });
    const again = await upload('admin');
    expect(again.body).toMatchObject({ unchanged: true, revision: null });
  });

  it.each(['chief', 'deputy', 'officer1'])('refuses %s (admin only)', async (who) => {
    const res = await upload(who, '?dryRun=true');
    expect(res.status).toBe(403);
  });

  it('answers a bad file with its code, file and line', async () => {
    const res = await upload('admin', '', Buffer.from('内设机构名称：测试科\n\n序号\t岗位名称\t备注\n1\t正职岗位\t\n'), 'bad.txt');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'DUTY_LIST_MISSING_COLUMNS', details: { file: 'bad.txt', line: 3 } });
  });

  it('refuses a request without a file', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/duty-lists/import', headers: await loginAs(t, 'admin'), payload: {} });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('DUTY_LIST_FILE_MISSING');
  });
});
