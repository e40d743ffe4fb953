import { randomBytes } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppConfig, type Clock } from '#libs/core';
import { createApiApp } from '../../apps/api/src/create-api-app.js';
import { DEMO_PASSWORD } from '../../seeds/demo-people.js';
import { createTestApi, testAppEnv, type TestApi } from '../support/test-app.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const COOKIE = /^dt_refresh=([0-9a-f-]{36}\.[\w-]{43}); Path=\/api\/auth\/refresh; Max-Age=(\d+); HttpOnly; SameSite=Strict$/;

describe('auth sessions: the refresh cookie, wrong secrets, the absolute lifetime', () => {
  let t: TestApi;
  /** More API processes on the same database, configured otherwise (same clock). */
  const others: NestFastifyApplication[] = [];
  const otherApi = async (env: Record<string, string>) => {
    const config = AppConfig.fromEnv(testAppEnv(t.db.appUrl, env));
    const app = await createApiApp({ config, clock: t.clock as Clock, runJobs: false, logRequests: false });
    await app.getHttpAdapter().getInstance().ready();
    others.push(app);
    return app;
  };
  beforeAll(async () => {
    t = await createTestApi({ jobs: false });
  });
  afterAll(async () => {
    for (const app of others) await app.close();
    await t.close();
  });

  const login = (username: string, app = t.app, extra: object = {}) =>
    app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: DEMO_PASSWORD, ...extra } });
  const refreshWithCookie = (token: string, app = t.app) =>
    app.inject({ method: 'POST', url: '/api/auth/refresh', headers: { cookie: `theme=dark; dt_refresh=${token}` }, payload: {} });
  const refreshWithBody = (refreshToken: string, app = t.app) => app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken } });
  const me = (accessToken: string, app = t.app) => app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${accessToken}` } });
  const cookieOf = (res: { headers: Record<string, unknown> }) => {
    const match = COOKIE.exec(String(res.headers['set-cookie']));
    if (!match) throw new Error(`no refresh cookie in ${JSON.stringify(res.headers['set-cookie'])}`);
    return { token: match[1]!, maxAge: Number(match[2]) };
  };
  const reusedEvents = async () => (await t.db.sql(`SELECT count(*)::int n FROM history_event WHERE stream = 'security' AND type = 'auth.refresh.reused'`))[0]!.n;

  describe('the refresh cookie', () => {
    it('a browser login gets the refresh token as an HttpOnly, SameSite=Strict cookie for the refresh path, never in the body', async () => {
      const res = await login('officer1');
      expect(res.statusCode).toBe(200);
      expect(cookieOf(res).maxAge).toBe(12 * 3_600);
      expect(res.json()).toEqual({ tokenType: 'Bearer', accessToken: expect.any(String), expiresIn: 900, refreshExpiresIn: 12 * 3_600 });
      expect(res.body).not.toContain(cookieOf(res).token);
      expect(res.headers['cache-control']).toBe('no-store');
    });

    it('marks the cookie Secure when the public URL is https (behind a TLS proxy)', async () => {
      const https = await otherApi({ PUBLIC_URL: 'https://duty.example.cn' });
      const res = await login('officer1', https);
      expect(res.headers['set-cookie']).toMatch(/^dt_refresh=[^;]+; Path=\/api\/auth\/refresh; Max-Age=43200; HttpOnly; SameSite=Strict; Secure$/);
    });

    it('renews through the cookie: a new cookie, a working access token, no refresh token in the body', async () => {
      const first = cookieOf(await login('officer2'));
      const renewed = await refreshWithCookie(first.token);
      expect(renewed.statusCode).toBe(200);
      const next = cookieOf(renewed);
      expect(next.token).not.toBe(first.token);
      expect(next.token.split('.')[0]).toBe(first.token.split('.')[0]);
      expect(renewed.json()).not.toHaveProperty('refreshToken');
      expect(renewed.headers['cache-control']).toBe('no-store');
      expect((await me(renewed.json().accessToken)).statusCode).toBe(200);
      expect((await refreshWithCookie(next.token)).statusCode).toBe(200);
    });

    it('API clients that ask get the token in the body and renew with it there (no cookie either way)', async () => {
      const res = await login('officer3', t.app, { refreshTokenDelivery: 'body' });
      expect(res.headers['set-cookie']).toBeUndefined();
      const renewed = await refreshWithBody(res.json().refreshToken);
      expect(renewed.statusCode).toBe(200);
      expect(renewed.headers['set-cookie']).toBeUndefined();
      expect(renewed.json().refreshToken).toMatch(/^[0-9a-f-]{36}\.[\w-]{43}$/);
    });

    it('answers a renewal without cookie or token 401, and leaves an unrelated cookie alone', async () => {
      for (const headers of [{}, { cookie: 'theme=dark' }]) {
        const res = await t.app.inject({ method: 'POST', url: '/api/auth/refresh', headers, payload: {} });
        expect(res.statusCode).toBe(401);
        expect(res.json().code).toBe('REFRESH_TOKEN_INVALID');
        expect(res.headers['set-cookie']).toBeUndefined();
      }
    });

    it('logging out ends the session and clears the cookie with the same attributes', async () => {
      const res = await login('officer4');
      const { token } = cookieOf(res);
      const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { authorization: `Bearer ${res.json().accessToken}` } });
      expect(out.statusCode).toBe(204);
      expect(out.headers['set-cookie']).toBe('dt_refresh=; Path=/api/auth/refresh; Max-Age=0; HttpOnly; SameSite=Strict');
      expect((await refreshWithCookie(token)).statusCode).toBe(401);
    });
  });

  describe('a wrong secret never ends the session', () => {
    it.each([
      ['in the cookie', refreshWithCookie],
      ['in the body', refreshWithBody],
    ])('a guessed secret for a known session id (%s) answers 401 and the session lives on', async (_name, refresh) => {
      const res = await login('deputy');
      const { token } = cookieOf(res);
      // The session id is no secret: it is in every access token.
      const sessionId = token.split('.')[0]!;
      for (let i = 0; i < 3; i++) {
        const guess = await refresh(`${sessionId}.${randomBytes(32).toString('base64url')}`);
        expect(guess.statusCode).toBe(401);
        expect(guess.json().code).toBe('REFRESH_TOKEN_INVALID');
      }
      expect((await me(res.json().accessToken)).statusCode).toBe(200);
      expect((await refreshWithCookie(token)).statusCode).toBe(200);
      expect(await reusedEvents()).toBe(0);
    });

    it('a second tab presenting the cookie the renewal just replaced is refused, and the session lives on', async () => {
      const first = cookieOf(await login('chief'));
      const winner = await refreshWithCookie(first.token);
      expect(winner.statusCode).toBe(200);
      t.clock.advance(30_000);
      const racer = await refreshWithCookie(first.token);
      expect(racer.statusCode).toBe(401);
      expect(racer.headers['set-cookie']).toBeUndefined();
      // The racing tab retries with the cookie the browser now holds.
      expect((await refreshWithCookie(cookieOf(winner).token)).statusCode).toBe(200);
      expect(await reusedEvents()).toBe(0);
    });

    it('the replaced secret presented later is a copy in other hands: the session ends and it is audited', async () => {
      const first = cookieOf(await login('chief'));
      const winner = await refreshWithCookie(first.token);
      t.clock.advance(2 * MINUTE);
      expect((await refreshWithCookie(first.token)).statusCode).toBe(401);
      expect((await refreshWithCookie(cookieOf(winner).token)).statusCode).toBe(401);
      expect((await me(winner.json().accessToken)).json().code).toBe('SESSION_ENDED');
      expect(await reusedEvents()).toBe(1);
    });
  });

  describe('the absolute lifetime (AUTH_SESSION_MAX_SECONDS, 12 h by default)', () => {
    it('ends a session 12 hours after login however often it was renewed', async () => {
      // Idle lifetime of one hour, so renewing every 50 minutes would otherwise go on for ever.
      const api = await otherApi({ AUTH_REFRESH_TTL_SECONDS: '3600' });
      const res = await login('officer1', api);
      let cookie = cookieOf(res);
      expect(cookie.maxAge).toBe(3_600);
      let access = res.json().accessToken as string;
      for (let elapsed = 50; elapsed < 12 * 60; elapsed += 50) {
        t.clock.advance(50 * MINUTE);
        const renewed = await refreshWithCookie(cookie.token, api);
        expect(renewed.statusCode).toBe(200);
        cookie = cookieOf(renewed);
        access = renewed.json().accessToken;
        // Never promised past the absolute end: the last renewals get what is left of the 12 hours.
        expect(renewed.json().refreshExpiresIn).toBe(Math.min(3_600, (12 * 60 - elapsed) * 60));
        expect(cookie.maxAge).toBe(renewed.json().refreshExpiresIn);
      }
      // 11 h 55 min after login: five minutes left, however fresh the access token.
      t.clock.advance(15 * MINUTE);
      const last = await refreshWithCookie(cookie.token, api);
      expect(last.json().refreshExpiresIn).toBe(300);
      cookie = cookieOf(last);
      access = last.json().accessToken;
      t.clock.advance(5 * MINUTE - 1_000);
      expect((await me(access, api)).statusCode).toBe(200);
      t.clock.advance(1_000);
      expect((await me(access, api)).json().code).toBe('SESSION_ENDED');
      expect((await refreshWithCookie(cookie.token, api)).json().code).toBe('REFRESH_TOKEN_INVALID');
    });

    it('still ends an idle session after the idle lifetime', async () => {
      const api = await otherApi({ AUTH_REFRESH_TTL_SECONDS: '3600' });
      const { token } = cookieOf(await login('officer2', api));
      t.clock.advance(HOUR);
      expect((await refreshWithCookie(token, api)).statusCode).toBe(401);
    });

    it('ends a session stored with a later expiry (made before the cap, or the cap lowered) at login + the maximum', async () => {
      const res = await login('officer3');
      const { token } = cookieOf(res);
      const sessionId = token.split('.')[0];
      const extend = () => t.db.sql(`UPDATE auth_session SET expires_at = created_at + interval '7 days' WHERE id = $1`, [sessionId]);
      await extend();
      t.clock.advance(12 * HOUR - 1_000);
      const renewed = await refreshWithCookie(token);
      expect(renewed.statusCode).toBe(200);
      await extend();
      t.clock.advance(1_000);
      expect((await me(renewed.json().accessToken)).json().code).toBe('SESSION_ENDED');
      expect((await refreshWithCookie(cookieOf(renewed).token)).statusCode).toBe(401);
    });
  });
});
