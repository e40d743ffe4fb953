import { createHash } from 'node:crypto';
import { createTestApi, loginAs, type AuthHeaders, type TestApi } from '../support/test-app.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The VEVENTs of a feed, unfolded (RFC 5545 §3.1), each as its property lines keyed by name. */
function eventsOf(ics: string): Map<string, Record<string, string>> {
  const lines = ics.replace(/\r\n /g, '').split('\r\n');
  const events = new Map<string, Record<string, string>>();
  let current: Record<string, string> | null = null;
  let inAlarm = false;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') current = {};
    else if (line === 'END:VEVENT') {
      events.set(current!.UID!, current!);
      current = null;
    } else if (line === 'BEGIN:VALARM') inAlarm = true;
    else if (line === 'END:VALARM') inAlarm = false;
    else if (current) {
      const colon = line.indexOf(':');
      const name = line.slice(0, colon);
      current[inAlarm ? `VALARM/${name}` : name] = line.slice(colon + 1);
    }
  }
  return events;
}

describe('personal ICS deadline feed', () => {
  let t: TestApi;
  const as: Record<string, AuthHeaders> = {};
  const post: Record<string, string> = {};
  const person: Record<string, string> = {};
  const ids: Record<string, string> = {};

  const call = async (method: 'GET' | 'POST' | 'DELETE', url: string, who?: string, payload?: object) => {
    const res = await t.app.inject({ method, url, headers: who ? as[who] : {}, payload });
    const json = (res.headers['content-type'] ?? '').toString().startsWith('application/json');
    return { status: res.statusCode, headers: res.headers, text: res.body, body: json ? (res.json() as Json) : ({} as Json) };
  };
  const feed = (token: string) => call('GET', `/api/calendar/feed.ics?token=${token}`);
  const openTaskIdsOf = async (username: string) =>
    (
      await t.db.sql(
        `SELECT t.id FROM task t JOIN app_user u ON u.person_id = t.assignee_person_id
          WHERE u.username = $1 AND t.status NOT IN ('DONE', 'CANCELLED')`,
        [username],
      )
    ).map((r) => `task-${r.id}@duty-tracker`);

  beforeAll(async () => {
    // Thursday 2026-11-26, 10:00 Shanghai.
    t = await createTestApi({ now: '2026-11-26T02:00:00.000Z', jobs: false });
    for (const u of ['admin', 'chief', 'deputy', 'officer1', 'officer2', 'officer3']) as[u] = await loginAs(t, u);
    for (const r of await t.db.sql('SELECT id, code FROM post')) post[r.code] = r.id;
    for (const r of await t.db.sql('SELECT p.id, u.username FROM person p JOIN app_user u ON u.person_id = p.id')) person[r.username] = r.id;
    const assign = async (key: string, postCode: string, dueDate: string, title = `任务${key}`) => {
      const res = await call('POST', '/api/tasks', 'deputy', { postId: post[postCode], title, dueDate });
      expect(res.status).toBe(201);
      ids[key] = res.body.id;
    };
    await assign('A', 'officer-1', '2026-11-30', '报送统计,月报;附件\\说明'); // open, due Monday
    await assign('B', 'officer-1', '2026-12-03'); // cancelled
    await assign('C', 'officer-1', '2026-12-04'); // done
    await assign('X', 'officer-2', '2026-12-04'); // covered by officer1 while officer2 is away
    await assign('Y', 'officer-3', '2026-12-04'); // someone else's
    expect((await call('POST', `/api/tasks/${ids.B}/cancel`, 'deputy', { reason: '不再需要' })).status).toBe(200);
    for (const action of ['accept', 'start', 'submit']) expect((await call('POST', `/api/tasks/${ids.C}/${action}`, 'officer1', {})).status).toBe(200);
    expect((await call('POST', `/api/tasks/${ids.C}/approve`, 'deputy', {})).body.status).toBe('DONE');
    const absence = await call('POST', '/api/absences', 'deputy', { personId: person.officer2, startDate: '2026-11-26', endDate: '2026-12-10', reason: '培训' });
    expect(absence.status).toBe(201);
  });
  afterAll(() => t.close());

  let token: string;
  let tokenId: string;

  it('creates a link once, storing only the SHA-256 of its token', async () => {
    const res = await call('POST', '/api/calendar/feed-tokens', 'officer1');
    expect(res.status).toBe(201);
    token = res.body.token;
    tokenId = res.body.id;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(res.body).toMatchObject({
      url: `${t.config.publicUrl}/api/calendar/feed.ics?token=${token}`,
      webcalUrl: expect.stringMatching(/^webcal:\/\/.+\/api\/calendar\/feed\.ics\?token=/),
      active: true,
      revokedAt: null,
    });
    const rows = await t.db.sql('SELECT person_id, token_hash FROM calendar_feed_token WHERE id = $1', [tokenId]);
    expect(rows).toEqual([{ person_id: person.officer1, token_hash: createHash('sha256').update(token).digest('hex') }]);
    expect((await t.db.sql(`SELECT count(*)::int n FROM calendar_feed_token WHERE token_hash LIKE '%' || $1 || '%'`, [token]))[0].n).toBe(0);
    const history = await t.db.sql(`SELECT type, subject_id, actor_person_id FROM history_event WHERE stream = $1 AND type LIKE 'calendar-feed.%'`, [`person:${person.officer1}`]);
    expect(history).toEqual([{ type: 'calendar-feed.token.created', subject_id: tokenId, actor_person_id: person.officer1 }]);
  });

  it('serves my open tasks, own and AB-covered, without a session; not cancelled, done or others’', async () => {
    const res = await feed(token);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(res.text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(res.text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    for (const line of res.text.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    const events = eventsOf(res.text);
    const uid = (key: string) => `task-${ids[key]}@duty-tracker`;
    expect([...events.keys()].sort()).toEqual((await openTaskIdsOf('officer1')).sort());
    expect(events.has(uid('A'))).toBe(true);
    expect(events.has(uid('X'))).toBe(true);
    for (const k of ['B', 'C', 'Y']) expect(events.has(uid(k))).toBe(false);

    const a = events.get(uid('A'))!;
    expect(a['DTSTART;VALUE=DATE']).toBe('20261130');
    expect(a['DTEND;VALUE=DATE']).toBe('20261201');
    expect(a.DTSTAMP).toMatch(/^\d{8}T\d{6}Z$/);
    expect(a.SUMMARY).toBe('报送统计\\,月报\\;附件\\\\说明（业务岗1）');
    expect(a.DESCRIPTION).toContain('状态：待签收\\n预警等级：无\\n办理期限：2026-11-30 24:00前');
    expect(a.DESCRIPTION).toContain(`任务链接：${t.config.publicUrl}/tasks/${ids.A}`);
    expect(a.URL).toBe(`${t.config.publicUrl}/tasks/${ids.A}`);
    // Due Monday: reminded Friday 09:00 Shanghai.
    expect(a['VALARM/TRIGGER;VALUE=DATE-TIME']).toBe('20261127T010000Z');

    const x = events.get(uid('X'))!;
    expect(x.SUMMARY).toBe('任务X（业务岗2·代刘洋）');
    expect(x.DESCRIPTION).toContain('代岗：代刘洋办理（AB角）');
  });

  it('gives the same event again on the next fetch, and records the last use', async () => {
    const first = eventsOf((await feed(token)).text).get(`task-${ids.A}@duty-tracker`);
    const again = eventsOf((await feed(token)).text).get(`task-${ids.A}@duty-tracker`);
    expect(again).toEqual(first);
    const list = await call('GET', '/api/calendar/feed-tokens', 'officer1');
    expect(list.status).toBe(200);
    expect(list.body).toEqual([
      { id: tokenId, createdAt: '2026-11-26T02:00:00.000Z', lastUsedAt: '2026-11-26T02:00:00.000Z', revokedAt: null, active: true },
    ]);
  });

  it("keeps each person's feed to their own tasks and their own list", async () => {
    const mine = await call('POST', '/api/calendar/feed-tokens', 'officer3');
    const events = eventsOf((await feed(mine.body.token)).text);
    expect(events.has(`task-${ids.Y}@duty-tracker`)).toBe(true);
    expect(events.has(`task-${ids.A}@duty-tracker`)).toBe(false);
    expect([...events.keys()].sort()).toEqual((await openTaskIdsOf('officer3')).sort());
    // officer2 is away: X is with officer1 now.
    const away = await call('POST', '/api/calendar/feed-tokens', 'officer2');
    expect(eventsOf((await feed(away.body.token)).text).has(`task-${ids.X}@duty-tracker`)).toBe(false);
    expect((await call('GET', '/api/calendar/feed-tokens', 'officer3')).body.map((r: Json) => r.id)).toEqual([mine.body.id]);
    // No token ever leaves the server again.
    expect(JSON.stringify((await call('GET', '/api/calendar/feed-tokens', 'officer3')).body)).not.toContain(mine.body.token);
  });

  it('rejects unknown and malformed tokens with 404 and a code', async () => {
    const unknown = await feed('A'.repeat(43));
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('FEED_TOKEN_UNKNOWN');
    expect((await feed('short')).body.code).toBe('FEED_TOKEN_UNKNOWN');
    expect((await call('GET', '/api/calendar/feed.ics')).body.code).toBe('FEED_TOKEN_UNKNOWN');
  });

  it('needs a session to manage links', async () => {
    expect((await call('POST', '/api/calendar/feed-tokens')).status).toBe(401);
    expect((await call('GET', '/api/calendar/feed-tokens')).status).toBe(401);
    expect((await call('DELETE', `/api/calendar/feed-tokens/${tokenId}`)).status).toBe(401);
  });

  it('lets only the owner or an administrator revoke; a revoked link answers 401', async () => {
    const other = await call('DELETE', `/api/calendar/feed-tokens/${tokenId}`, 'officer3');
    expect(other.status).toBe(404);
    expect(other.body.code).toBe('FEED_TOKEN_NOT_FOUND');
    expect((await call('DELETE', `/api/calendar/feed-tokens/${tokenId}`, 'deputy')).status).toBe(404);
    expect((await feed(token)).status).toBe(200);

    const revoked = await call('DELETE', `/api/calendar/feed-tokens/${tokenId}`, 'officer1');
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ id: tokenId, active: false, revokedAt: '2026-11-26T02:00:00.000Z' });
    const refused = await feed(token);
    expect(refused.status).toBe(401);
    expect(refused.body.code).toBe('FEED_TOKEN_REVOKED');
    // Revoking again changes nothing and records nothing.
    expect((await call('DELETE', `/api/calendar/feed-tokens/${tokenId}`, 'officer1')).body.revokedAt).toBe('2026-11-26T02:00:00.000Z');

    const [{ id: officer3Token }] = await t.db.sql(`SELECT id FROM calendar_feed_token WHERE person_id = $1`, [person.officer3]);
    const byAdmin = await call('DELETE', `/api/calendar/feed-tokens/${officer3Token}`, 'admin');
    expect(byAdmin.status).toBe(200);
    expect(byAdmin.body.active).toBe(false);

    const history = await t.db.sql(
      `SELECT stream, type, subject_id, actor_person_id, data FROM history_event WHERE type = 'calendar-feed.token.revoked' ORDER BY id`,
    );
    expect(history).toEqual([
      { stream: `person:${person.officer1}`, type: 'calendar-feed.token.revoked', subject_id: tokenId, actor_person_id: person.officer1, data: { byAdmin: false } },
      { stream: `person:${person.officer3}`, type: 'calendar-feed.token.revoked', subject_id: officer3Token, actor_person_id: person.admin ?? null, data: { byAdmin: true } },
    ]);
  });

  it('stops serving a link when its owner’s account is disabled', async () => {
    const fresh = await call('POST', '/api/calendar/feed-tokens', 'officer2');
    expect((await feed(fresh.body.token)).status).toBe(200);
    await t.db.sql(`UPDATE app_user SET disabled_at = now() WHERE username = 'officer2'`);
    expect((await feed(fresh.body.token)).body.code).toBe('FEED_TOKEN_REVOKED');
  });
});
