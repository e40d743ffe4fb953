import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { AppConfig, FixedClock, type Clock } from '#libs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApiApp } from '../../apps/api/src/create-api-app.js';
import { evidenceWorld, multipartBody, PDF, type EvidenceWorld } from './evidence-support.js';
import { HEALTH_DETAILS, testAppEnv } from '../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { testEnvironment } from '../support/test-env.js';

/** Failures of what the API depends on answer with what happened (503, 507), never a bare 500. */
describe('service failures: health, evidence store', () => {
  let w: EvidenceWorld;

  beforeAll(async () => {
    w = await evidenceWorld();
  });
  afterAll(() => w.close());

  const health = (headers: Record<string, string> = {}) => w.t.app.inject({ method: 'GET', url: '/health', headers });

  it('shows only the status without a credential; the checks to an admin or with the health token', async () => {
    expect((await health()).json()).toEqual({ status: 'ok' });
    expect((await health(w.as.officer1)).json()).toEqual({ status: 'ok' });
    expect((await health({ 'x-health-token': 'wrong-token-of-the-same-length-0123456789' })).json()).toEqual({ status: 'ok' });
    expect((await health({ authorization: 'Bearer garbage' })).json()).toEqual({ status: 'ok' });
    for (const headers of [w.as.admin!, HEALTH_DETAILS]) {
      const res = await health(headers);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ status: 'ok', checks: { database: { status: 'up' }, evidenceStore: { status: 'up' } }, warnings: expect.any(Array) });
    }
  });

  it('answers uploads 503 EVIDENCE_STORE_UNAVAILABLE with Retry-After, and turns /health 503 naming the store, while the directory cannot be written', async () => {
    const taskId = await w.taskInProgress('证据盘不可写');
    // Root ignores permissions, so the evidence directory becomes a regular file instead.
    rmSync(w.dir, { recursive: true, force: true });
    writeFileSync(w.dir, 'not a directory');
    try {
      const anonymous = await health();
      expect(anonymous.statusCode).toBe(503);
      expect(anonymous.json()).toEqual({ status: 'error' });
      const detailed = await health(HEALTH_DETAILS);
      expect(detailed.statusCode).toBe(503);
      expect(detailed.json().checks).toMatchObject({ database: { status: 'up' }, evidenceStore: { status: 'down', error: expect.any(String) } });

      const { payload, headers } = multipartBody([{ name: 'file', fileName: '报告.pdf', content: PDF, type: 'application/pdf' }]);
      const res = await w.t.app.inject({ method: 'POST', url: `/api/tasks/${taskId}/evidence`, headers: { ...w.as.officer1, ...headers }, payload });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({ code: 'EVIDENCE_STORE_UNAVAILABLE', message: expect.stringMatching(/证据存储/) });
      expect(res.headers['retry-after']).toMatch(/^\d+$/);
    } finally {
      rmSync(w.dir, { force: true });
      mkdirSync(w.dir);
    }
    expect((await health()).statusCode).toBe(200);
  });
});

describe('service failures: PostgreSQL unreachable', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;
  let proxy: net.Server;
  const sockets = new Set<net.Socket>();

  // The app reaches PostgreSQL through this relay; closing it is "the database went away" without
  // stopping the server the other test files share.
  beforeAll(async () => {
    db = await createTestDatabase();
    const target = new URL(testEnvironment().adminUrl);
    proxy = net.createServer((client) => {
      const upstream = net.connect(Number(target.port || 5432), target.hostname);
      for (const s of [client, upstream]) {
        sockets.add(s);
        s.on('error', () => s.destroy());
        s.on('close', () => sockets.delete(s));
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const url = new URL(db.appUrl);
    url.hostname = '127.0.0.1';
    url.port = String((proxy.address() as net.AddressInfo).port);
    const config = AppConfig.fromEnv(testAppEnv(url.toString()));
    app = await createApiApp({ config, clock: new FixedClock(new Date('2026-11-26T02:00:00.000Z')) as Clock, runJobs: false, logRequests: false });
    await app.getHttpAdapter().getInstance().ready();
    // The pool's warnings about the connections this test cuts are expected here.
    app.useLogger(['error']);
  });
  afterAll(async () => {
    await app.close();
    await db.drop();
  });

  it('answers 503 DATABASE_UNAVAILABLE with Retry-After, on login too, and /health 503', async () => {
    expect((await app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
    await new Promise<void>((resolve) => {
      proxy.close(() => resolve());
      for (const s of sockets) s.destroy();
    });
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'officer1', password: 'whatever-password' } });
    expect(login.statusCode).toBe(503);
    expect(login.json()).toMatchObject({ code: 'DATABASE_UNAVAILABLE', message: expect.any(String) });
    expect(login.headers['retry-after']).toBe('5');
    const me = await app.inject({ method: 'GET', url: '/api/me', headers: { authorization: 'Bearer a.b.c' } });
    expect(me.statusCode).not.toBe(500);
    const h = await app.inject({ method: 'GET', url: '/health' });
    expect(h.statusCode).toBe(503);
    expect(h.json()).toEqual({ status: 'error' });
  });
});
