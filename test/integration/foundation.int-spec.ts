import { runApi } from '../../apps/api/src/run-api.js';
import { createTestApi, HEALTH_DETAILS, loginAs, type AuthHeaders, type TestApi } from '../support/test-app.js';
import { testEnvironment } from '../support/test-env.js';

describe('foundation: API basics over the seeded planning section', () => {
  let t: TestApi;
  let admin: AuthHeaders;

  beforeAll(async () => {
    t = await createTestApi();
    admin = await loginAs(t, 'admin');
  });
  afterAll(() => t.close());

  // The admin sees every unit and post; who sees what is covered by access.int-spec.ts.
  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers: { ...admin, ...headers } });

  it('reports health with the database up: the status alone without a token, the checks to an admin', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
    const detailed = await t.app.inject({ method: 'GET', url: '/health', headers: admin });
    expect(detailed.json()).toMatchObject({ status: 'ok', checks: { database: { status: 'up' }, evidenceStore: { status: 'up' } } });
  });

  it('serves a valid OpenAPI 3 document and the docs page, without a token', async () => {
    const anonymous = (url: string) => t.app.inject({ method: 'GET', url });
    const doc = (await anonymous('/openapi.json')).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/units', '/api/posts/{id}', '/health', '/api/auth/login', '/api/auth/refresh', '/api/auth/logout', '/api/me']),
    );
    expect(doc.components.securitySchemes).toEqual({ bearer: expect.objectContaining({ type: 'http', scheme: 'bearer' }) });
    const docs = await anonymous('/docs');
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
  });

  it('lists the seeded unit with its six posts', async () => {
    const units = (await get('/api/units')).json();
    expect(units).toEqual([
      expect.objectContaining({ name: '国土空间规划科', postCount: 6, organisation: expect.objectContaining({ name: '市自然资源和规划局' }) }),
    ]);
    const posts = (await get(`/api/units/${units[0].id}/posts`)).json();
    expect(posts.map((p: { code: string; kind: string }) => `${p.code}:${p.kind}`)).toEqual([
      'chief:CHIEF',
      'deputy:DEPUTY',
      'officer-1:OFFICER',
      'officer-2:OFFICER',
      'officer-3:OFFICER',
      'officer-4:OFFICER',
    ]);
    const byCode = Object.fromEntries(posts.map((p: { code: string; id: string }) => [p.code, p]));
    expect(byCode['officer-1'].reportsToId).toBe(byCode.deputy.id);
    expect(byCode.deputy.reportsToId).toBe(byCode.chief.id);
    expect(byCode.chief.reportsToId).toBeNull();
    expect(byCode['officer-1'].backupPostId).toBe(byCode['officer-2'].id);
  });

  it('shows every post with its work items, statements, holders and links (10 items, 22 职能, 32 责任)', async () => {
    const [unit] = (await get('/api/units')).json();
    const posts = (await get(`/api/units/${unit.id}/posts`)).json();
    const details = await Promise.all(posts.map(async (p: { id: string }) => (await get(`/api/posts/${p.id}`)).json()));
    const items = details.flatMap((d) => d.workItems);
    expect(items).toHaveLength(10);
    expect(items.flatMap((w) => w.functions)).toHaveLength(22);
    expect(items.flatMap((w) => w.responsibilities)).toHaveLength(32);
    expect(items.flatMap((w) => w.workflowRefs).sort()).toEqual(['07-1', '07-2-1', '07-2-2', '07-4']);
    expect(items.flatMap((w) => w.cooperations.map((c: { postCode: string }) => c.postCode)).sort()).toEqual([
      'officer-1',
      'officer-2',
    ]);

    const chief = details.find((d) => d.code === 'chief');
    expect(chief.holders).toEqual([expect.objectContaining({ name: '张建国', acting: false, since: '2026-01-01' })]);
    expect(chief.workItems[0].responsibilities.map((r: { type: string }) => r.type)).toEqual(['DECISION', 'REVIEW', 'REPORT']);
    const officer1 = details.find((d) => d.code === 'officer-1');
    expect(officer1.workItems.map((w: { title: string }) => w.title)).toEqual([
      '市国土空间规划的编制和衔接工作',
      '市国土空间规划及相关专项规划的审核、报批工作',
    ]);
    expect(officer1.workItems[1].responsibilities.map((r: { label: string }) => r.label)).toEqual([
      '审核',
      '报批',
      '沟通协调',
      '请示报告',
    ]);
  });

  it('answers unknown ids and routes with the one error shape and a request id', async () => {
    const missing = await get('/api/posts/00000000-0000-4000-8000-000000000000', { 'x-request-id': 'req-42' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual({ code: 'POST_NOT_FOUND', message: '岗位不存在', details: expect.any(Object), requestId: 'req-42' });
    expect(missing.headers['x-request-id']).toBe('req-42');

    const route = await get('/api/nowhere');
    expect(route.statusCode).toBe(404);
    expect(route.json()).toMatchObject({ code: 'NOT_FOUND', message: expect.any(String), requestId: expect.any(String) });

    const malformed = await get('/api/posts/not-a-uuid');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().code).toBe('BAD_REQUEST');
  });

  it('seeds idempotently: a second run adds nothing', async () => {
    const { seedDemoData } = await import('../../seeds/demo-seed.js');
    const counts = `SELECT (SELECT count(*) FROM person) p, (SELECT count(*) FROM post_assignment) a,
      (SELECT count(*) FROM work_item) w, (SELECT count(*) FROM catalog_revision) r, (SELECT count(*) FROM app_user) u`;
    const before = await t.db.sql(counts);
    await seedDemoData(t.app, { demoLogins: true });
    const after = await t.db.sql(counts);
    expect(after).toEqual(before);
    // Six post holders plus the administrator, each with a login.
    expect(before[0]).toEqual({ p: '7', a: '6', w: '10', r: '1', u: '7' });
  });
});

describe('foundation: health with a dependency down', () => {
  let t: TestApi;
  beforeAll(async () => {
    // Port 1 on loopback refuses at once: Redis "configured but down".
    // No job processors: they would keep reconnecting to the dead Redis for the whole test.
    t = await createTestApi({ seed: false, jobs: false, env: { REDIS_URL: 'redis://127.0.0.1:1' } });
  });
  afterAll(() => t.close());

  it('answers 503 naming the failing check', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/health', headers: HEALTH_DETAILS });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ status: 'error', checks: { database: { status: 'up' }, redis: { status: 'down' } } });
  });
});

describe('foundation: boot errors', () => {
  it.each([
    [{ DATABASE_URL: 'mysql://db/x' }, /^Invalid configuration: DATABASE_URL must be a postgresql/],
    [{ DATABASE_URL: 'postgresql://nobody@127.0.0.1:1/none' }, /^DATABASE_URL: cannot connect to postgresql:\/\/nobody@127\.0\.0\.1:1\/none \(ECONNREFUSED/],
  ])('a bad DATABASE_URL %j fails with one line naming it', async (env, message) => {
    const error = await runApi(env).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(error?.message).toMatch(message);
    expect(error?.message).not.toContain('\n');
    expect(['ConfigError', 'DatabaseUnreachableError']).toContain(error?.name);
  });

  it.each([
    [{}, /^AUTH_TOKEN_SECRET is required when DATABASE_URL is set/],
    [{ AUTH_TOKEN_SECRET: 'too-short-secret' }, /^Invalid configuration: AUTH_TOKEN_SECRET must be at least 32 characters$/],
  ])('an external deployment with token secret %j fails with one line naming it', async (env, message) => {
    // A reachable database, so the failure can only be the secret's.
    const error = await runApi({ DATABASE_URL: testEnvironment().adminUrl, LOG_LEVEL: 'silent', PORT: '0', ...env }).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(error?.name).toBe('ConfigError');
    expect(error?.message).toMatch(message);
    expect(error?.message).not.toContain('\n');
    expect(error?.message).not.toContain('too-short-secret');
  });
});
