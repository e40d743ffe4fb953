import { createTestApi, loginAs, type AuthHeaders, type TestApi } from '../support/test-app.js';

/** Malformed input is the caller's mistake: 400 with the one error shape, never a 500. */
describe('malformed input answers 400, never 500', () => {
  let t: TestApi;
  let admin: AuthHeaders;
  let officer: AuthHeaders;

  beforeAll(async () => {
    t = await createTestApi();
    admin = await loginAs(t, 'admin');
    officer = await loginAs(t, 'officer1');
  });
  afterAll(() => t.close());

  const deeplyNested = (depth: number, inner = '1') => '{"username":' + '['.repeat(depth) + inner + ']'.repeat(depth) + ',"password":"x"}';

  it.each<[string, string]>([
    ['a page of 1e308', '/api/tasks?page=1e308'],
    ['a page of 20 digits', '/api/tasks?page=99999999999999999999'],
    ['a negative page', '/api/tasks?page=-1'],
    ['a fractional page', '/api/tasks?page=1.5'],
    ['a huge notifications page', '/api/notifications?page=99999999999999999999'],
    ['a huge pageSize', '/api/tasks?pageSize=1e308'],
    ['a NUL in a query string', '/api/tasks?sort=dueAt%00'],
    ['a NUL in a free-text query value', '/api/escalations?from=2026-01-01%00'],
    ['a lone surrogate in a query string', '/api/tasks?order=%ED%A0%80'],
    ['a huge forecast', '/api/escalations/forecast?days=99999999999999999999'],
  ])('GET with %s', async (_name, url) => {
    for (const headers of [admin, officer]) {
      const res = await t.app.inject({ method: 'GET', url, headers });
      expect({ url, status: res.statusCode }).toEqual({ url, status: 400 });
      expect(res.json()).toMatchObject({ code: expect.any(String), message: expect.any(String) });
    }
  });

  it.each<[string, string, string]>([
    ['a NUL in the username', 'application/json', JSON.stringify({ username: 'officer1\u0000', password: 'x' })],
    ['a lone surrogate in the password', 'application/json', '{"username":"officer1","password":"\\ud800abc"}'],
    ['JSON nested 10,000 deep', 'application/json', deeplyNested(10_000)],
    ['JSON nested 100,000 deep', 'application/json', deeplyNested(100_000)],
    ['invalid JSON', 'application/json', '{"username":'],
    ['an empty JSON body', 'application/json', ''],
    ['a wrong content type', 'text/plain', 'username=officer1'],
    ['a form body', 'application/x-www-form-urlencoded', 'username=officer1&password=x'],
  ])('login with %s', async (_name, contentType, payload) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': contentType }, payload });
    expect(res.statusCode === 400 || res.statusCode === 415).toBe(true);
    expect(res.json()).toMatchObject({ code: expect.any(String), message: expect.any(String) });
  });

  it('refuses a NUL in a text field of an authenticated body (PostgreSQL cannot store it)', async () => {
    const me = (await t.app.inject({ method: 'GET', url: '/api/me', headers: officer })).json();
    const postId = me.posts[0].postId as string;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/tasks',
      headers: officer,
      payload: { postId, title: 'bad\u0000title', dueDate: '2026-12-10' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('INVALID_CHARACTERS');
  });
});
