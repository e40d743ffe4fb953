import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppConfig } from '#libs/core';
import { createApiApp } from '../../apps/api/src/create-api-app.js';
import { DEMO_PASSWORD } from '../../seeds/demo-people.js';
import { createTestApi, testAppEnv, type TestApi } from '../support/test-app.js';

const MINUTE = 60_000;

/**
 * The login limits hold exactly under parallel attempts and across API processes, lock the
 * attacker's address rather than the account, and see the client behind a trusted proxy only.
 */
describe('login limits under concurrency, per address, behind a proxy', () => {
  let t: TestApi;
  let second: NestFastifyApplication;
  let proxied: NestFastifyApplication;

  beforeAll(async () => {
    t = await createTestApi();
    // Two more API processes on the same database: a plain one, and one behind a proxy on 127.0.0.1.
    second = await createApiApp({ config: t.config, clock: t.clock, runJobs: false, logRequests: false });
    const behindProxy = AppConfig.fromEnv(testAppEnv(t.db.appUrl, { TRUST_PROXY: '127.0.0.1' }));
    proxied = await createApiApp({ config: behindProxy, clock: t.clock, runJobs: false, logRequests: false });
    for (const app of [second, proxied]) await app.getHttpAdapter().getInstance().ready();
  });
  afterAll(async () => {
    await proxied.close();
    await second.close();
    await t.close();
  });

  const login = (app: NestFastifyApplication, username: string, password: string, remoteAddress = '127.0.0.1', forwardedFor?: string) =>
    app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password },
      remoteAddress,
      headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
    });
  const events = (type: string, username: string) =>
    t.db.sql<{ ip: string; limited_by: string | null }>(
      `SELECT data->>'ip' AS ip, data->>'limitedBy' AS limited_by FROM history_event
        WHERE stream = 'security' AND type = $1 AND data->>'username' = $2 ORDER BY seq`,
      [type, username],
    );

  it('30 parallel wrong passwords through two processes: exactly 5 are checked, 25 answer 429 with Retry-After', async () => {
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => login(i % 2 ? second : t.app, 'officer2', `wrong-${i}`)));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([...Array(5).fill(401), ...Array(25).fill(429)]);
    for (const refused of answers.filter((a) => a.statusCode === 429)) {
      expect(refused.headers['retry-after']).toBe('900');
      expect(refused.json()).toMatchObject({ code: 'LOGIN_RATE_LIMITED', details: { retryAfterSeconds: 900 } });
    }
    // Every admitted attempt had its password checked and its failure recorded; none beyond five.
    expect(await events('auth.login.failed', 'officer2')).toHaveLength(5);
    expect(await events('auth.login.throttled', 'officer2')).toHaveLength(25);
  });

  it('locks the attacker’s address, not the owner; many addresses together lock the account for an hour', async () => {
    const attacker = '203.0.113.10';
    for (let i = 0; i < 5; i++) expect((await login(t.app, 'officer3', `guess-${i}`, attacker)).statusCode).toBe(401);
    // The right password from the attacker's address is refused (no oracle) …
    expect((await login(second, 'officer3', DEMO_PASSWORD, attacker)).statusCode).toBe(429);
    // … while the owner, from an address that never failed, logs in.
    expect((await login(t.app, 'officer3', DEMO_PASSWORD, '198.51.100.20')).statusCode).toBe(200);
    expect((await events('auth.login.throttled', 'officer3')).map((e) => e.limited_by)).toEqual(['usernameIp']);

    // Guessing spread over nine more addresses reaches the slower per-account limit (50 an hour).
    const spread = Array.from({ length: 9 }, (_, a) => `203.0.113.${20 + a}`);
    const answers = await Promise.all(
      spread.flatMap((ip, a) => Array.from({ length: 6 }, (_, i) => login(a % 2 ? second : t.app, 'officer3', `spread-${a}-${i}`, ip))),
    );
    expect(answers.filter((a) => a.statusCode === 401)).toHaveLength(45);
    const owner = await login(t.app, 'officer3', DEMO_PASSWORD, '198.51.100.21');
    expect(owner.statusCode).toBe(429);
    expect(owner.headers['retry-after']).toBe('3600');
    expect((await events('auth.login.throttled', 'officer3')).at(-1)).toEqual({ ip: '198.51.100.21', limited_by: 'username' });
    expect(await events('auth.login.failed', 'officer3')).toHaveLength(50);

    t.clock.advance(15 * MINUTE);
    expect((await login(t.app, 'officer3', DEMO_PASSWORD, '198.51.100.21')).statusCode).toBe(429);
    t.clock.advance(45 * MINUTE);
    expect((await login(t.app, 'officer3', DEMO_PASSWORD, '198.51.100.21')).statusCode).toBe(200);
  });

  it('without TRUST_PROXY a forged X-Forwarded-For changes nothing: the peer address is counted', async () => {
    const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => login(t.app, 'ghost-one', 'password1', '192.0.2.1', `198.51.100.${100 + i}`)));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([...Array(5).fill(401), 429]);
    expect(new Set((await events('auth.login.failed', 'ghost-one')).map((e) => e.ip))).toEqual(new Set(['192.0.2.1']));
  });

  it('with TRUST_PROXY the client behind the proxy is counted, and only behind a listed proxy', async () => {
    for (let i = 0; i < 5; i++) expect((await login(proxied, 'ghost-two', 'password1', '127.0.0.1', '198.51.100.7')).statusCode).toBe(401);
    expect((await login(proxied, 'ghost-two', 'password1', '127.0.0.1', '198.51.100.7')).statusCode).toBe(429);
    // Another client through the same proxy is not that client.
    expect((await login(proxied, 'ghost-two', 'password1', '127.0.0.1', '198.51.100.8')).statusCode).toBe(401);
    // A peer that is not a listed proxy cannot name its own address.
    expect((await login(proxied, 'ghost-two', 'password1', '192.0.2.50', '198.51.100.9')).statusCode).toBe(401);
    expect((await events('auth.login.failed', 'ghost-two')).map((e) => e.ip)).toEqual([
      ...Array(5).fill('198.51.100.7'),
      '198.51.100.8',
      '192.0.2.50',
    ]);
    expect((await events('auth.login.throttled', 'ghost-two')).map((e) => e.ip)).toEqual(['198.51.100.7']);
  });
});
