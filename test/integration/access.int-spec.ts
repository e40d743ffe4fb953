import { createSecondUnit, type SecondUnit } from '../support/org-factory.js';
import { createTestApi, loginAs, type TestApi } from '../support/test-app.js';

/*
 * Who may see what over the existing endpoints. Planning section (U1, seeded): chief ← deputy ←
 * officer-1…4. Farmland section (U2, created here): chief2 ← deputy2 ← officer21.
 * Rule of thumb: inside one's units a refusal is 403 ACCESS_DENIED; outside, the same 404 as a
 * missing id.
 */

type ActorName = 'anonymous' | 'officer1' | 'deputy' | 'chief' | 'admin' | 'deputy2' | 'officer21';
const MISSING = '00000000-0000-4000-8000-000000000000';

describe('access: role × endpoint', () => {
  let t: TestApi;
  let farm: SecondUnit;
  const headers = {} as Record<ActorName, Record<string, string>>;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApi();
    farm = await createSecondUnit(t);
    headers.anonymous = {};
    for (const name of ['officer1', 'deputy', 'chief', 'admin', 'deputy2', 'officer21'] as const) headers[name] = await loginAs(t, name);
    const [planning] = await t.db.sql(`SELECT id FROM unit WHERE name = '国土空间规划科'`);
    ids.U1 = planning!.id;
    for (const p of await t.db.sql(`SELECT id, code FROM post WHERE unit_id = $1`, [ids.U1])) ids[p.code] = p.id;
    ids.U2 = farm.unitId;
    ids['U2:chief'] = farm.posts.chief;
    ids['U2:deputy'] = farm.posts.deputy;
    ids['U2:officer-1'] = farm.posts.officer;
    ids.missing = MISSING;
  });
  afterAll(() => t.close());

  const get = (who: ActorName, url: string) => t.app.inject({ method: 'GET', url, headers: headers[who] });
  const resolve = (template: string) => template.replace(/\{([^}]+)\}/g, (_m, key: string) => ids[key]!);

  it.each<[ActorName, string[] | null]>([
    ['anonymous', null],
    ['officer1', ['国土空间规划科']],
    ['deputy', ['国土空间规划科']],
    ['chief', ['国土空间规划科']],
    ['admin', ['国土空间规划科', '耕地保护科']],
    ['deputy2', ['耕地保护科']],
    ['officer21', ['耕地保护科']],
  ])('GET /api/units as %s lists %j', async (who, names) => {
    const res = await get(who, '/api/units');
    if (!names) {
      expect(res.statusCode).toBe(401);
      return;
    }
    expect(res.statusCode).toBe(200);
    expect(res.json().map((u: { name: string }) => u.name).sort()).toEqual(names);
  });

  // Every row has four values: jest reads a missing trailing argument as a `done` callback.
  it.each<[ActorName, string, number, string | null]>([
    // posts of a unit: members and admin; everyone else cannot tell it from a missing unit
    ['anonymous', '/api/units/{U1}/posts', 401, 'AUTH_REQUIRED'],
    ['officer1', '/api/units/{U1}/posts', 200, null],
    ['deputy', '/api/units/{U1}/posts', 200, null],
    ['chief', '/api/units/{U1}/posts', 200, null],
    ['admin', '/api/units/{U1}/posts', 200, null],
    ['deputy2', '/api/units/{U1}/posts', 404, 'UNIT_NOT_FOUND'],
    ['officer21', '/api/units/{U1}/posts', 404, 'UNIT_NOT_FOUND'],
    ['officer1', '/api/units/{U2}/posts', 404, 'UNIT_NOT_FOUND'],
    ['chief', '/api/units/{U2}/posts', 404, 'UNIT_NOT_FOUND'],
    ['admin', '/api/units/{U2}/posts', 200, null],
    ['deputy2', '/api/units/{U2}/posts', 200, null],
    ['officer1', '/api/units/{missing}/posts', 404, 'UNIT_NOT_FOUND'],
    ['admin', '/api/units/{missing}/posts', 404, 'UNIT_NOT_FOUND'],
    // an officer's own post
    ['anonymous', '/api/posts/{officer-1}', 401, 'AUTH_REQUIRED'],
    ['officer1', '/api/posts/{officer-1}', 200, null],
    ['deputy', '/api/posts/{officer-1}', 200, null],
    ['chief', '/api/posts/{officer-1}', 200, null],
    ['admin', '/api/posts/{officer-1}', 200, null],
    ['deputy2', '/api/posts/{officer-1}', 404, 'POST_NOT_FOUND'],
    ['officer21', '/api/posts/{officer-1}', 404, 'POST_NOT_FOUND'],
    // IDOR: a colleague's post and the leaders' posts are refused to an officer
    ['officer1', '/api/posts/{officer-2}', 403, 'ACCESS_DENIED'],
    ['officer1', '/api/posts/{officer-4}', 403, 'ACCESS_DENIED'],
    ['officer1', '/api/posts/{deputy}', 403, 'ACCESS_DENIED'],
    ['officer1', '/api/posts/{chief}', 403, 'ACCESS_DENIED'],
    ['deputy', '/api/posts/{officer-2}', 200, null],
    ['deputy', '/api/posts/{chief}', 200, null],
    ['chief', '/api/posts/{deputy}', 200, null],
    ['admin', '/api/posts/{chief}', 200, null],
    ['deputy2', '/api/posts/{deputy}', 404, 'POST_NOT_FOUND'],
    // the other unit's posts
    ['officer1', '/api/posts/{U2:officer-1}', 404, 'POST_NOT_FOUND'],
    ['deputy', '/api/posts/{U2:officer-1}', 404, 'POST_NOT_FOUND'],
    ['chief', '/api/posts/{U2:chief}', 404, 'POST_NOT_FOUND'],
    ['admin', '/api/posts/{U2:officer-1}', 200, null],
    ['deputy2', '/api/posts/{U2:officer-1}', 200, null],
    ['officer21', '/api/posts/{U2:officer-1}', 200, null],
    ['officer21', '/api/posts/{U2:deputy}', 403, 'ACCESS_DENIED'],
    // missing ids
    ['officer1', '/api/posts/{missing}', 404, 'POST_NOT_FOUND'],
    ['admin', '/api/posts/{missing}', 404, 'POST_NOT_FOUND'],
    // who am I
    ['anonymous', '/api/me', 401, 'AUTH_REQUIRED'],
    ['officer21', '/api/me', 200, null],
  ])('%s GET %s → %i %s', async (who, template, status, code) => {
    const res = await get(who, resolve(template));
    expect(res.statusCode).toBe(status);
    // Error bodies always carry a requestId; data never does.
    if (code) expect(res.json()).toMatchObject({ code, requestId: expect.any(String) });
    else expect(res.json()).not.toHaveProperty('requestId');
  });

  it('answers a post in a unit one may not see exactly like a missing post', async () => {
    const hidden = await get('deputy2', `/api/posts/${ids['officer-1']}`);
    const missing = await get('deputy2', `/api/posts/${MISSING}`);
    const strip = (body: { requestId: string; details: { id: string } }, id: string) => {
      expect(body.details.id).toBe(id);
      return { ...body, requestId: undefined, details: undefined };
    };
    expect(strip(hidden.json(), ids['officer-1']!)).toEqual(strip(missing.json(), MISSING));
    expect(hidden.json()).toEqual({ code: 'POST_NOT_FOUND', message: '岗位不存在', details: { id: ids['officer-1'] }, requestId: expect.any(String) });

    const hiddenUnit = await get('officer1', `/api/units/${ids.U2}/posts`);
    expect(hiddenUnit.json()).toEqual({ code: 'UNIT_NOT_FOUND', message: '内设机构不存在', details: { id: ids.U2 }, requestId: expect.any(String) });
  });

  it('answers a refusal inside one’s unit with 403 ACCESS_DENIED and leaks nothing of the post', async () => {
    const res = await get('officer1', `/api/posts/${ids['officer-2']}`);
    expect(res.json()).toEqual({ code: 'ACCESS_DENIED', message: '无权查看或办理该事项', requestId: expect.any(String) });
  });

  it('shows a deputy and a chief every post of their unit with work items and holders', async () => {
    for (const who of ['deputy', 'chief'] as const) {
      const body = (await get(who, `/api/posts/${ids['officer-2']}`)).json();
      expect(body.holders).toEqual([expect.objectContaining({ name: '刘洋' })]);
      expect(body.workItems.length).toBeGreaterThan(0);
    }
  });

  it('audits refusals in the security history: who, what, and whether existence was hidden', async () => {
    await get('officer1', `/api/posts/${ids['officer-3']}`);
    await get('deputy2', `/api/posts/${ids['officer-3']}`);
    const rows = await t.db.sql(
      `SELECT u.username, e.data->>'action' action, e.data->>'outcome' outcome
         FROM history_event e JOIN app_user u ON u.id = e.actor_user_id
        WHERE e.stream = 'security' AND e.type = 'access.denied' AND e.subject_id = $1 ORDER BY e.seq`,
      [ids['officer-3']],
    );
    expect(rows).toEqual([
      { username: 'officer1', action: 'post.view', outcome: 'forbidden' },
      { username: 'deputy2', action: 'post.view', outcome: 'hidden' },
    ]);
  });
});

describe('access: posts are the ones held today (Asia/Shanghai), read on every request', () => {
  let t: TestApi;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    // 23:59 on 26 November in Shanghai.
    t = await createTestApi({ now: '2026-11-26T15:59:00.000Z' });
    for (const p of await t.db.sql(`SELECT id, code FROM post`)) ids[p.code] = p.id;
  });
  afterAll(() => t.close());

  const personOf = async (username: string) => (await t.db.sql(`SELECT person_id FROM app_user WHERE username = $1`, [username]))[0]!.person_id;
  const me = async (h: Record<string, string>) => (await t.app.inject({ method: 'GET', url: '/api/me', headers: h })).json();

  it('gives an acting holding from its first local day, with the same token', async () => {
    const officer1 = await loginAs(t, 'officer1');
    await t.db.sql(`INSERT INTO post_assignment (post_id, person_id, start_date, acting) VALUES ($1, $2, '2026-11-27', true)`, [
      ids['officer-2'],
      await personOf('officer1'),
    ]);
    const read = () => t.app.inject({ method: 'GET', url: `/api/posts/${ids['officer-2']}`, headers: officer1 });
    expect((await read()).statusCode).toBe(403);

    t.clock.advance(60_000); // midnight in Shanghai, still 26 November in UTC
    expect((await read()).statusCode).toBe(200);
    const body = await me(officer1);
    expect(body.posts.map((p: { code: string; acting: boolean }) => `${p.code}${p.acting ? ' (acting)' : ''}`)).toEqual([
      'officer-1',
      'officer-2 (acting)',
    ]);
    // Two officer posts in one unit are one role.
    expect(body.roles).toEqual([expect.objectContaining({ role: 'officer' })]);
  });

  it('takes access away the day after a holding ends, without logging out', async () => {
    t.clock.set('2026-11-26T16:30:00.000Z'); // 00:30 on 27 November in Shanghai
    const officer4 = await loginAs(t, 'officer4');
    const own = () => t.app.inject({ method: 'GET', url: `/api/posts/${ids['officer-4']}`, headers: officer4 });
    expect((await own()).statusCode).toBe(200);
    await t.db.sql(`UPDATE post_assignment SET end_date = '2026-11-26' WHERE post_id = $1`, [ids['officer-4']]);
    // The holding ended yesterday (Shanghai): the post and its unit are no longer theirs.
    expect((await own()).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/units', headers: officer4 })).json()).toEqual([]);
    expect(await me(officer4)).toMatchObject({ posts: [], roles: [] });
  });
});
