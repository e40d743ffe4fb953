import { join } from 'node:path';
import { createTestApi, loginAs, type TestApi } from '../support/test-app.js';
import { runCli } from '../support/run-cli.js';

const cli = (t: TestApi, args: string[], stdin?: string) => runCli({ DATABASE_URL: t.db.url }, args, stdin);

describe('admin CLI: users and posts', () => {
  let t: TestApi;
  beforeAll(async () => {
    t = await createTestApi();
  });
  afterAll(() => t.close());

  const login = (username: string, password: string) =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  const get = (url: string, headers: Record<string, string>) => t.app.inject({ method: 'GET', url, headers });

  it('create-user without --password-stdin prints a random password once, which logs in', async () => {
    const res = await cli(t, ['create-user', 'zhoujie', '--name', '周杰', '--email', 'zhoujie@nrpb.example.cn']);
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('已创建用户 zhoujie（周杰）');
    const password = res.stdout.trim().split('\n').at(-1)!;
    expect(password).toMatch(/^[\w-]{20}$/);
    const headers = await loginAs(t, 'zhoujie', password);
    const me = (await get('/api/me', headers)).json();
    expect(me).toMatchObject({ user: { username: 'zhoujie', isAdmin: false }, person: { name: '周杰', email: 'zhoujie@nrpb.example.cn' }, posts: [], roles: [] });
    // Holding no post, the account sees no unit.
    expect((await get('/api/units', headers)).json()).toEqual([]);
  });

  it('create-user --admin --password-stdin takes the piped password (without its line break)', async () => {
    const res = await cli(t, ['create-user', 'Sun.Admin', '--name', '孙管理', '--admin', '--password-stdin'], '规划 科 系统 管理 口令\n');
    expect(res.code).toBe(0);
    expect(res.stdout).not.toContain('初始密码');
    const headers = await loginAs(t, 'sun.admin', '规划 科 系统 管理 口令');
    expect((await get('/api/me', headers)).json().roles).toEqual([{ role: 'admin' }]);
    expect((await get('/api/units', headers)).json()).toHaveLength(1);
  });

  it.each<[string, string[], string | undefined, number, RegExp]>([
    ['a short password', ['create-user', 'weak', '--name', '弱', '--password-stdin'], 'short\n', 1, /^错误 \[PASSWORD_TOO_WEAK\] 密码不符合要求：至少 8 个字符$/m],
    ['the username as password', ['create-user', 'same1234', '--name', '同', '--password-stdin'], 'same1234', 1, /PASSWORD_TOO_WEAK.*用户名/],
    ['a common password', ['create-user', 'common', '--name', '常', '--password-stdin'], 'Password123\n', 1, /^错误 \[PASSWORD_TOO_WEAK\] 密码不符合要求：过于常见/m],
    ['the demo password', ['create-user', 'demo', '--name', '演', '--password-stdin'], 'demo1234', 1, /PASSWORD_TOO_WEAK.*过于常见/],
    ['the demo password on reset', ['reset-password', 'officer2', '--password-stdin'], 'demo1234', 1, /PASSWORD_TOO_WEAK.*过于常见/],
    ['disabling an unknown user', ['disable-user', 'nobody'], undefined, 1, /^错误 \[USER_NOT_FOUND\]/m],
    ['a taken username', ['create-user', 'officer1', '--name', '重名'], undefined, 1, /^错误 \[USERNAME_TAKEN\] 用户名“officer1”已被使用$/m],
    ['a bad username', ['create-user', '张三', '--name', '张三'], undefined, 1, /^错误 \[USERNAME_INVALID\]/m],
    ['no --name', ['create-user', 'noname'], undefined, 2, /--name is required\nusage: npm run cli -- create-user/],
    ['an unknown user', ['reset-password', 'nobody'], undefined, 1, /^错误 \[USER_NOT_FOUND\] 用户“nobody”不存在$/m],
  ])('refuses %s with a coded Chinese error and a non-zero exit', async (_name, args, stdin, code, message) => {
    const before = await t.db.sql(`SELECT count(*)::int n FROM app_user`);
    const res = await cli(t, args, stdin);
    expect(res.code).toBe(code);
    expect(res.stderr).toMatch(message);
    expect(await t.db.sql(`SELECT count(*)::int n FROM app_user`)).toEqual(before);
  });

  it('reset-password sets the piped password and ends every session of the account', async () => {
    const before = await loginAs(t, 'officer1');
    const res = await cli(t, ['reset-password', 'officer1', '--password-stdin'], 'new-officer1-passphrase\n');
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/已重置用户 officer1 的密码，结束登录会话 1 个/);
    expect((await get('/api/me', before)).json().code).toBe('SESSION_ENDED');
    expect((await login('officer1', 'demo1234')).statusCode).toBe(401);
    expect((await login('officer1', 'new-officer1-passphrase')).statusCode).toBe(200);
    const events = await t.db.sql(`SELECT type FROM history_event WHERE stream = 'security' AND type IN ('auth.user.created', 'auth.password.reset')`);
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['auth.user.created', 'auth.password.reset']));
  });

  it('assign-post by unit name ends the previous holder’s term; access follows the post', async () => {
    await cli(t, ['create-user', 'newbie', '--name', '钱新', '--password-stdin'], 'newbie-passphrase');
    const posts = await t.db.sql(`SELECT id, code FROM post`);
    const officer3Post = posts.find((p) => p.code === 'officer-3')!.id;
    const previous = await loginAs(t, 'officer3');
    expect((await get(`/api/posts/${officer3Post}`, previous)).statusCode).toBe(200);

    const res = await cli(t, ['assign-post', 'newbie', '国土空间规划科', 'officer-3', '--from', '2026-11-20']);
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('newbie 自 2026-11-20 起担任 国土空间规划科 业务岗3');

    const newbie = await loginAs(t, 'newbie', 'newbie-passphrase');
    expect((await get('/api/me', newbie)).json().posts).toEqual([expect.objectContaining({ code: 'officer-3', acting: false, since: '2026-11-20' })]);
    expect((await get(`/api/posts/${officer3Post}`, newbie)).statusCode).toBe(200);
    // The previous holder's term ended on 2026-11-19: the same token no longer reaches the post.
    expect((await get(`/api/posts/${officer3Post}`, previous)).statusCode).toBe(404);
  });

  it('assign-post --acting by unit id adds a post without ending the holder’s', async () => {
    const [unit] = await t.db.sql(`SELECT id FROM unit`);
    const res = await cli(t, ['assign-post', 'newbie', unit!.id, 'officer-4', '--from', '2026-11-26', '--acting']);
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('代理');
    const newbie = await loginAs(t, 'newbie', 'newbie-passphrase');
    expect((await get('/api/me', newbie)).json().posts.map((p: { code: string }) => p.code)).toEqual(['officer-3', 'officer-4']);
    expect((await get('/api/me', await loginAs(t, 'officer4'))).json().posts.map((p: { code: string }) => p.code)).toEqual(['officer-4']);
  });

  it.each<[string, string[], number, RegExp]>([
    ['an impossible date', ['assign-post', 'newbie', '国土空间规划科', 'officer-1', '--from', '2026-02-30'], 1, /^错误 \[INVALID_DATE\] --from 不是有效日期：2026-02-30/m],
    ['a date out of the window', ['assign-post', 'newbie', '国土空间规划科', 'officer-1', '--from', '9999-12-31'], 1, /^错误 \[DATE_OUT_OF_RANGE\] --from 超出允许范围：9999-12-31/m],
    ['an unknown unit', ['assign-post', 'newbie', '不存在科', 'officer-1', '--from', '2026-11-26'], 1, /^错误 \[UNIT_NOT_FOUND\]/m],
    ['an unknown post code', ['assign-post', 'newbie', '国土空间规划科', 'officer-9', '--from', '2026-11-26'], 1, /^错误 \[POST_NOT_FOUND\] 内设机构“国土空间规划科”中没有在用的岗位“officer-9”$/m],
    ['an unknown user', ['assign-post', 'ghost', '国土空间规划科', 'officer-1', '--from', '2026-11-26'], 1, /^错误 \[USER_NOT_FOUND\]/m],
    ['no --from', ['assign-post', 'newbie', '国土空间规划科', 'officer-1'], 2, /--from YYYY-MM-DD is required/],
  ])('assign-post refuses %s', async (_name, args, code, message) => {
    const before = await t.db.sql(`SELECT count(*)::int n FROM post_assignment`);
    const res = await cli(t, args);
    expect(res.code).toBe(code);
    expect(res.stderr).toMatch(message);
    expect(await t.db.sql(`SELECT count(*)::int n FROM post_assignment`)).toEqual(before);
  });

  it('disable-user ends every session and stops logins; enable-user lets the password work again', async () => {
    const headers = await loginAs(t, 'officer3');
    const off = await cli(t, ['disable-user', 'officer3']);
    expect(off).toMatchObject({ code: 0, stdout: expect.stringMatching(/^已停用用户 officer3，结束登录会话 [1-9]\d* 个\n$/) });
    expect((await get('/api/me', headers)).statusCode).toBe(401);
    expect((await login('officer3', 'demo1234')).json().code).toBe('ACCOUNT_DISABLED');
    // Only someone who knows the password learns that the account is disabled.
    expect((await login('officer3', 'wrong-password')).json().code).toBe('INVALID_CREDENTIALS');
    expect(await cli(t, ['enable-user', 'officer3'])).toMatchObject({ code: 0, stdout: '已启用用户 officer3\n' });
    expect((await login('officer3', 'demo1234')).statusCode).toBe(200);
  });

  it('disables and enables through the API (administrators only), in the security history', async () => {
    const admin = await loginAs(t, 'admin');
    const officer = await loginAs(t, 'officer4');
    const post = (url: string, h: Record<string, string>) => t.app.inject({ method: 'POST', url, headers: h });
    expect((await post('/api/users/deputy/disable', officer)).statusCode).toBe(403);
    expect((await post('/api/users/nobody/disable', admin)).statusCode).toBe(404);
    expect((await post('/api/users/admin/disable', admin)).json().code).toBe('CANNOT_DISABLE_SELF');
    const off = await post('/api/users/officer4/disable', admin);
    expect(off.statusCode).toBe(200);
    expect(off.json()).toMatchObject({ username: 'officer4', disabled: true });
    expect(off.json().endedSessions).toBeGreaterThanOrEqual(1);
    expect((await get('/api/me', officer)).statusCode).toBe(401);
    expect((await post('/api/users/officer4/enable', admin)).json()).toEqual({ username: 'officer4', disabled: false, endedSessions: 0 });
    expect((await login('officer4', 'demo1234')).statusCode).toBe(200);
    const events = await t.db.sql(
      `SELECT type, actor_user_id IS NOT NULL AS "byAdmin" FROM history_event WHERE stream = 'security' AND type IN ('auth.user.disabled', 'auth.user.enabled') ORDER BY id`,
    );
    expect(events).toEqual([
      { type: 'auth.user.disabled', byAdmin: false },
      { type: 'auth.user.enabled', byAdmin: false },
      { type: 'auth.user.disabled', byAdmin: true },
      { type: 'auth.user.enabled', byAdmin: true },
    ]);
  });
});
