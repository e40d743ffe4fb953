import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { findWebConsoleDir } from '../../apps/api/src/http/web-console.js';
import { DEMO_PASSWORD } from '../../seeds/demo-people.js';
import { evidenceWorld, PDF, type EvidenceWorld } from './evidence-support.js';

const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

/** What every answer carries, whatever it is. */
const HYGIENE = {
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

describe('HTTP hygiene headers on every kind of answer', () => {
  let w: EvidenceWorld;
  let taskId: string;
  let evidenceId: string;
  let unitId: string;
  let feedUrl: string;

  beforeAll(async () => {
    w = await evidenceWorld({ jobs: false });
    taskId = await w.taskInProgress('安全响应头');
    const uploaded = await w.upload(taskId, 'officer1', [{ name: 'file', fileName: '说明.pdf', content: PDF, type: 'application/pdf' }]);
    expect(uploaded.status).toBe(201);
    evidenceId = uploaded.body.id;
    unitId = (await w.t.db.sql(`SELECT id FROM unit WHERE name = '国土空间规划科'`))[0].id;
    const feed = await w.call('POST', '/api/calendar/feed-tokens', 'officer1');
    feedUrl = new URL(feed.body.url).pathname + new URL(feed.body.url).search;
  });
  afterAll(() => w.close());

  const get = (url: string, who?: string) => w.t.app.inject({ method: 'GET', url, headers: who ? w.as[who] : {} });

  it.each<[string, (() => string) | string, string | undefined, number]>([
    ['authenticated JSON', '/api/me', 'officer1', 200],
    ['a JSON list', () => `/api/tasks/${taskId}/evidence`, 'officer1', 200],
    ['an error answer', '/api/me', undefined, 401],
    ['a 404 under /api', '/api/nothing-here', 'officer1', 404],
    ['a CSV export', () => `/api/reports/fulfilment?unitId=${unitId}&from=2026-11-01&to=2026-11-30&format=csv`, 'chief', 200],
    ['an XLSX export', () => `/api/reports/fulfilment?unitId=${unitId}&from=2026-11-01&to=2026-11-30&format=xlsx`, 'chief', 200],
    ['an evidence download', () => `/api/evidence/${evidenceId}/download`, 'officer1', 200],
    ['an evidence bundle', () => `/api/tasks/${taskId}/evidence-bundle`, 'officer1', 200],
    ['the calendar feed (ICS)', () => feedUrl, undefined, 200],
    ['the health check', '/health', undefined, 200],
  ])('%s: strict CSP, no framing, nosniff, no referrer and Cache-Control: no-store', async (_name, url, who, status) => {
    const res = await get(typeof url === 'string' ? url : url(), who);
    expect(res.statusCode).toBe(status);
    expect(res.headers).toMatchObject({ ...HYGIENE, 'content-security-policy': STRICT_CSP });
    // Downloads keep their own `private, no-store`.
    expect(res.headers['cache-control']).toMatch(/^(private, )?no-store$/);
  });

  it.each([
    ['a successful login', { username: 'officer2', password: DEMO_PASSWORD }, 200],
    ['a refused login', { username: 'officer2', password: 'wrong-password' }, 401],
  ])('%s is never stored either', async (_name, payload, status) => {
    const res = await w.t.app.inject({ method: 'POST', url: '/api/auth/login', payload });
    expect(res.statusCode).toBe(status);
    expect(res.headers).toMatchObject({ ...HYGIENE, 'content-security-policy': STRICT_CSP, 'cache-control': 'no-store' });
  });

  describe('the web console (needs `npm run build`, which the test run does first)', () => {
    const webDir = findWebConsoleDir();
    const asset = () => readdirSync(join(webDir!, 'assets')).find((f) => f.endsWith('.js'))!;

    it('is built, so the static answers below are the real ones', () => {
      expect(webDir).toBeDefined();
    });

    it.each<[string, () => string, string]>([
      ['index.html', () => '/', 'no-cache'],
      ['a console route after a reload', () => '/tasks/00000000-0000-4000-8000-000000000000', 'no-cache'],
      ['a fingerprinted asset', () => `/assets/${asset()}`, 'public, max-age=31536000, immutable'],
    ])('%s: strict CSP and the hygiene headers, cached as before', async (_name, url, cache) => {
      const res = await get(url());
      expect(res.statusCode).toBe(200);
      expect(res.headers).toMatchObject({ ...HYGIENE, 'content-security-policy': STRICT_CSP, 'cache-control': cache });
    });

    it('index.html has no inline script (the CSP would block it)', async () => {
      const html = (await get('/')).body;
      expect(html).toMatch(/<script[^>]+src="\/assets\//);
      expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
      expect(html).not.toMatch(/<style\b/);
    });
  });

  it('/docs keeps Swagger UI working: inline styles and data: icons only there, no framing either', async () => {
    const res = await get('/docs');
    expect(res.statusCode).toBe(200);
    const csp = res.headers['content-security-policy'] as string;
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain("img-src 'self' data:");
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers).toMatchObject(HYGIENE);
    // Swagger UI loads its scripts from files, which script-src 'self' allows.
    expect(res.body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });
});
