import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { SignJWT } from 'jose';
import { eventHash, type ChainedFields } from '#libs/history';
import { createApiApp } from '../../apps/api/src/create-api-app.js';
import { DEMO_PASSWORD } from '../../seeds/demo-people.js';
import { createTestApi, loginAs, TEST_TOKEN_SECRET, type TestApi } from '../support/test-app.js';

const MINUTE = 60_000;

describe('auth: logging in, renewing, logging out', () => {
  let t: TestApi;
  beforeAll(async () => {
    t = await createTestApi();
  });
  afterAll(() => t.close());

  // Like an API client: the refresh token in the answer (browsers get a cookie, see auth-session.int-spec).
  const login = (username: string, password: string, remoteAddress = '127.0.0.1', app: NestFastifyApplication = t.app) =>
    app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password, refreshTokenDelivery: 'body' }, remoteAddress });
  const refresh = (refreshToken: string) => t.app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken } });
  const me = (token: string, app: NestFastifyApplication = t.app) =>
    app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${token}` } });
  const securityEvents = (type: string) =>
    t.db.sql<{ data: Record<string, unknown>; actor_user_id: string | null; subject_id: string | null }>(
      `SELECT data, actor_user_id, subject_id FROM history_event WHERE stream = 'security' AND type = $1 ORDER BY seq`,
      [type],
    );
  const userId = async (username: string) => (await t.db.sql(`SELECT id FROM app_user WHERE username = $1`, [username]))[0]!.id as string;

  it('logs in with the demo password and answers who the caller is', async () => {
    const res = await login('officer1', DEMO_PASSWORD);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toEqual({
      tokenType: 'Bearer',
      accessToken: expect.stringMatching(/^eyJ[\w-]+\.[\w-]+\.[\w-]+$/),
      expiresIn: 900,
      refreshToken: expect.stringMatching(/^[0-9a-f-]{36}\.[\w-]{43}$/),
      // The idle lifetime is 7 days, but no session outlives AUTH_SESSION_MAX_SECONDS (12 h by default).
      refreshExpiresIn: 12 * 3_600,
    });
    const whoami = await me(body.accessToken);
    expect(whoami.statusCode).toBe(200);
    const [unit] = await t.db.sql(`SELECT id FROM unit WHERE name = '国土空间规划科'`);
    expect(whoami.json()).toEqual({
      user: { id: await userId('officer1'), username: 'officer1', isAdmin: false },
      person: { id: expect.any(String), name: '王磊', email: 'officer1@nrpb.example.cn' },
      posts: [
        {
          postId: expect.any(String),
          code: 'officer-1',
          name: '业务岗1：国土空间规划及专项规划工作',
          kind: 'OFFICER',
          unitId: unit!.id,
          unitName: '国土空间规划科',
          acting: false,
          since: '2026-01-01',
        },
      ],
      roles: [{ role: 'officer', unitId: unit!.id, unitName: '国土空间规划科' }],
      covering: [],
    });
  });

  it.each([
    ['chief', [{ role: 'chief', unitName: '国土空间规划科' }], ['chief']],
    ['deputy', [{ role: 'deputy', unitName: '国土空间规划科' }], ['deputy']],
    ['admin', [{ role: 'admin' }], []],
  ])('gives %s roles from posts held (admin from the account flag)', async (username, roles, postCodes) => {
    const { authorization } = await loginAs(t, username);
    const body = (await me(authorization.slice('Bearer '.length))).json();
    expect(body.roles).toEqual(roles.map((r) => expect.objectContaining(r)));
    expect(body.posts.map((p: { code: string }) => p.code)).toEqual(postCodes);
    expect(body.user.isAdmin).toBe(username === 'admin');
  });

  it('treats usernames case-insensitively', async () => {
    expect((await login('  Officer1 ', DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('answers a wrong password and an unknown user with the same 401, and audits both', async () => {
    const wrong = await login('officer3', 'wrong-password');
    const unknown = await login('nobody', 'wrong-password');
    for (const res of [wrong, unknown]) {
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({ code: 'INVALID_CREDENTIALS', message: '用户名或密码错误', requestId: expect.any(String) });
    }
    const failed = await securityEvents('auth.login.failed');
    expect(failed.map((e) => [e.data.username, e.data.reason, e.data.ip, e.subject_id])).toEqual(
      expect.arrayContaining([
        ['officer3', 'BAD_PASSWORD', '127.0.0.1', await userId('officer3')],
        ['nobody', 'UNKNOWN_USER', '127.0.0.1', null],
      ]),
    );
    const succeeded = await securityEvents('auth.login.succeeded');
    expect(succeeded).toContainEqual(expect.objectContaining({ actor_user_id: await userId('officer1'), data: expect.objectContaining({ username: 'officer1' }) }));
  });

  it('rejects a login body that is not a username and a password', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'officer1' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION_FAILED');
  });

  it.each([
    ['no header', {}],
    ['an empty bearer', { authorization: 'Bearer ' }],
    ['another scheme', { authorization: 'Basic b2ZmaWNlcjE6ZGVtbzEyMzQ=' }],
  ])('answers a request with %s 401 AUTH_REQUIRED', async (_name, headers) => {
    for (const url of ['/api/me', '/api/units']) {
      const res = await t.app.inject({ method: 'GET', url, headers });
      expect(res.statusCode).toBe(401);
      expect(res.json().code).toBe('AUTH_REQUIRED');
    }
  });

  it('expires access tokens by the injected clock; a refresh then gives a working one', async () => {
    const tokens = (await login('officer2', DEMO_PASSWORD)).json();
    t.clock.advance(899_000);
    expect((await me(tokens.accessToken)).statusCode).toBe(200);
    t.clock.advance(1_000);
    const expired = await me(tokens.accessToken);
    expect(expired.statusCode).toBe(401);
    expect(expired.json().code).toBe('TOKEN_EXPIRED');

    const renewed = await refresh(tokens.refreshToken);
    expect(renewed.statusCode).toBe(200);
    expect((await me(renewed.json().accessToken)).statusCode).toBe(200);
  });

  describe('tampered and forged tokens', () => {
    let good: string;
    let sessionId: string;
    let officer1: string;
    beforeAll(async () => {
      good = (await login('officer1', DEMO_PASSWORD)).json().accessToken;
      sessionId = JSON.parse(Buffer.from(good.split('.')[1]!, 'base64url').toString()).sid;
      officer1 = await userId('officer1');
    });

    const sign = (claims: Record<string, unknown>, alg = 'HS256', secret = TEST_TOKEN_SECRET) => {
      const now = Math.floor(t.clock.now().getTime() / 1000);
      return new SignJWT(claims)
        .setProtectedHeader({ alg })
        .setIssuer('duty-tracker')
        .setAudience('duty-tracker-api')
        .setIssuedAt(now)
        .setExpirationTime(now + 600)
        .sign(new TextEncoder().encode(secret));
    };
    const encode = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');

    it('accepts a token signed like the server signs it (so the refusals below are about the tampering)', async () => {
      expect((await me(await sign({ sub: officer1, sid: sessionId }))).statusCode).toBe(200);
    });

    it.each<[string, () => Promise<string>]>([
      ['a flipped signature character', async () => good.slice(0, -2) + (good.at(-2) === 'A' ? 'B' : 'A') + good.at(-1)],
      ['a payload naming another user, signature kept', async () => {
        const [h, p, s] = good.split('.');
        const payload = JSON.parse(Buffer.from(p!, 'base64url').toString());
        return [h, encode({ ...payload, sub: await userId('chief') }), s].join('.');
      }],
      ['alg "none"', async () => `${encode({ alg: 'none', typ: 'JWT' })}.${good.split('.')[1]}.`],
      ['HS512 with the right secret (the algorithm is fixed)', () => sign({ sub: officer1, sid: sessionId }, 'HS512')],
      ['another secret', () => sign({ sub: officer1, sid: sessionId }, 'HS256', 'x'.repeat(40))],
      ['a well-signed token for a session that does not exist', () => sign({ sub: officer1, sid: '00000000-0000-4000-8000-000000000000' })],
      ['a well-signed token pairing the session with another user', async () => sign({ sub: await userId('chief'), sid: sessionId })],
      ['a well-signed token without a session id', () => sign({ sub: officer1 })],
      ['garbage', async () => 'not.a.token'],
    ])('refuses %s with 401', async (_name, make) => {
      const res = await me(await make());
      expect(res.statusCode).toBe(401);
      expect(res.json().code).toBe('TOKEN_INVALID');
    });
  });

  it('logs out: the session’s access and refresh tokens stop working at once, other sessions do not', async () => {
    const first = (await login('deputy', DEMO_PASSWORD)).json();
    const second = (await login('deputy', DEMO_PASSWORD)).json();
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { authorization: `Bearer ${first.accessToken}` } });
    expect(out.statusCode).toBe(204);

    const after = await me(first.accessToken);
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('SESSION_ENDED');
    expect((await refresh(first.refreshToken)).statusCode).toBe(401);
    expect((await me(second.accessToken)).statusCode).toBe(200);
    expect(await securityEvents('auth.logout')).toContainEqual(expect.objectContaining({ actor_user_id: await userId('deputy') }));
  });

  it('rotates the refresh token; presenting the old one again later ends the session', async () => {
    const first = (await login('officer4', DEMO_PASSWORD)).json();
    const second = await refresh(first.refreshToken);
    expect(second.statusCode).toBe(200);
    const rotated = second.json();
    expect(rotated.refreshToken).not.toBe(first.refreshToken);
    expect(rotated.refreshToken.split('.')[0]).toBe(first.refreshToken.split('.')[0]);

    // Past the minute in which a second tab racing the renewal is only refused (auth-session.int-spec).
    t.clock.advance(61_000);
    const replay = await refresh(first.refreshToken);
    expect(replay.statusCode).toBe(401);
    expect(replay.json().code).toBe('REFRESH_TOKEN_INVALID');
    // The replay may be a thief's: the whole session is gone, including the rotated tokens.
    expect((await refresh(rotated.refreshToken)).statusCode).toBe(401);
    expect((await me(rotated.accessToken)).json().code).toBe('SESSION_ENDED');
    expect(await securityEvents('auth.refresh.reused')).toHaveLength(1);
  });

  it.each(['', 'nonsense', '00000000-0000-4000-8000-000000000000.' + 'a'.repeat(43)])('refuses refresh token %j', async (token) => {
    const res = await refresh(token);
    expect([400, 401]).toContain(res.statusCode);
    if (res.statusCode === 401) expect(res.json().code).toBe('REFRESH_TOKEN_INVALID');
  });

  it('stops a disabled account at login and on its live sessions', async () => {
    const tokens = (await login('officer3', DEMO_PASSWORD)).json();
    await t.db.sql(`UPDATE app_user SET disabled_at = now() WHERE username = 'officer3'`);
    try {
      expect((await me(tokens.accessToken)).json().code).toBe('ACCOUNT_DISABLED');
      expect((await refresh(tokens.refreshToken)).json().code).toBe('ACCOUNT_DISABLED');
      const again = await login('officer3', DEMO_PASSWORD);
      expect(again.statusCode).toBe(401);
      expect(again.json().code).toBe('ACCOUNT_DISABLED');
      // A wrong password gets the usual answer: "disabled" is only told to someone who knows the password.
      expect((await login('officer3', 'wrong-password')).json().code).toBe('INVALID_CREDENTIALS');
    } finally {
      await t.db.sql(`UPDATE app_user SET disabled_at = NULL WHERE username = 'officer3'`);
    }
  });

  it('keeps the security history an unbroken hash chain', async () => {
    const rows = await t.db.sql(
      `SELECT stream, seq, at, type, actor_user_id, actor_person_id, acting_for_post_id, subject_id, data, prev_hash, hash
         FROM history_event WHERE stream = 'security' ORDER BY seq`,
    );
    expect(rows.length).toBeGreaterThan(10);
    let prev = '0'.repeat(64);
    for (const r of rows) {
      const fields: ChainedFields = {
        stream: r.stream,
        seq: r.seq,
        at: r.at,
        type: r.type,
        actorUserId: r.actor_user_id,
        actorPersonId: r.actor_person_id,
        actingForPostId: r.acting_for_post_id,
        subjectId: r.subject_id,
        data: r.data,
        prevHash: r.prev_hash,
      };
      expect(r.prev_hash).toBe(prev);
      expect(eventHash(fields)).toBe(r.hash);
      prev = r.hash;
    }
  });
});

describe('auth: login rate limits (counted in PostgreSQL, shared by API processes)', () => {
  let t: TestApi;
  let second: NestFastifyApplication;
  beforeAll(async () => {
    t = await createTestApi();
    // A second API process on the same database.
    second = await createApiApp({ config: t.config, clock: t.clock, runJobs: false, logRequests: false });
    await second.getHttpAdapter().getInstance().ready();
  });
  afterAll(async () => {
    await second.close();
    await t.close();
  });

  const login = (app: NestFastifyApplication, username: string, password: string, remoteAddress = '127.0.0.1') =>
    app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress });

  it('turns a burst of 20 wrong passwords into 429 with Retry-After, across both processes', async () => {
    const statuses: number[] = [];
    let last;
    for (let i = 0; i < 20; i++) {
      last = await login(i % 2 ? second : t.app, 'officer2', `wrong-${i}`);
      statuses.push(last.statusCode);
    }
    expect(statuses).toEqual([...Array(5).fill(401), ...Array(15).fill(429)]);
    expect(last!.headers['retry-after']).toBe('900');
    expect(last!.json()).toMatchObject({ code: 'LOGIN_RATE_LIMITED', details: { retryAfterSeconds: 900 } });

    // The right password does not get through either (no oracle while blocked) …
    const right = await login(second, 'officer2', DEMO_PASSWORD);
    expect(right.statusCode).toBe(429);
    // … the block is per username: a colleague on the same address logs in …
    expect((await login(t.app, 'officer1', DEMO_PASSWORD)).statusCode).toBe(200);
    // … blocked attempts are audited but do not extend the block.
    const counts = await t.db.sql(
      `SELECT type, count(*)::int n FROM history_event WHERE stream = 'security' AND type LIKE 'auth.login.%' AND data->>'username' = 'officer2' GROUP BY type ORDER BY type`,
    );
    expect(counts).toEqual([
      { type: 'auth.login.failed', n: 5 },
      { type: 'auth.login.throttled', n: 16 },
    ]);

    t.clock.advance(5 * MINUTE);
    const waiting = await login(t.app, 'officer2', DEMO_PASSWORD);
    expect(waiting.statusCode).toBe(429);
    expect(waiting.headers['retry-after']).toBe('600');
    t.clock.advance(10 * MINUTE);
    expect((await login(t.app, 'officer2', DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('clears a username’s count on a successful login', async () => {
    for (let i = 0; i < 4; i++) expect((await login(t.app, 'officer3', 'wrong')).statusCode).toBe(401);
    expect((await login(t.app, 'officer3', DEMO_PASSWORD)).statusCode).toBe(200);
    t.clock.advance(1_000);
    for (let i = 0; i < 4; i++) expect((await login(second, 'officer3', 'wrong')).statusCode).toBe(401);
    expect((await login(t.app, 'officer3', 'wrong')).statusCode).toBe(401);
    expect((await login(t.app, 'officer3', 'wrong')).statusCode).toBe(429);
  });

  it('limits one address trying many usernames, without blocking other addresses', async () => {
    const attacker = '203.0.113.7';
    for (let i = 0; i < 50; i++) expect((await login(i % 2 ? second : t.app, `guess${i}`, 'password1', attacker)).statusCode).toBe(401);
    const blocked = await login(t.app, 'chief', DEMO_PASSWORD, attacker);
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect((await login(t.app, 'chief', DEMO_PASSWORD, '198.51.100.1')).statusCode).toBe(200);
  });

  it('honours a logout done through the other process', async () => {
    const tokens = (await login(t.app, 'deputy', DEMO_PASSWORD)).json();
    const headers = { authorization: `Bearer ${tokens.accessToken}` };
    expect((await second.inject({ method: 'GET', url: '/api/me', headers })).statusCode).toBe(200);
    expect((await second.inject({ method: 'POST', url: '/api/auth/logout', headers })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers })).statusCode).toBe(401);
  });
});
