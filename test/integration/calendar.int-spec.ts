import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UserAccountService } from '#libs/auth';
import { CalendarService } from '#libs/calendar';
import { DomainError, projectRoot } from '#libs/core';
import { createTestApi, HEALTH_DETAILS, type TestApi } from '../support/test-app.js';

const fixture = (name: string) => readFile(join(projectRoot(), 'libs', 'calendar', 'test-fixtures', name), 'utf8');

describe('calendar: working days from the database', () => {
  let t: TestApi;
  let calendar: CalendarService;
  let orgId: string;

  const PASSWORD = 'Calendar-test-2026!';
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    // 23:55 on 30 November in Shanghai: the December alarm is five minutes (and one FixedClock step) away,
    // well inside the access tokens' lifetime.
    t = await createTestApi({ now: '2026-11-30T15:55:00.000Z', env: { AUTH_TOKEN_SECRET: 'calendar-int-spec-secret-0123456789abcdef' } });
    calendar = t.app.get(CalendarService);
    orgId = (await calendar.resolveOrganisation()).id;
    // Own accounts, so this file does not depend on which demo logins the seed creates.
    const accounts = t.app.get(UserAccountService);
    await accounts.createUser({ username: 'cal-admin', password: PASSWORD, isAdmin: true, name: '日历管理员' });
    await accounts.createUser({ username: 'cal-user', password: PASSWORD, name: '普通用户' });
    for (const username of ['cal-admin', 'cal-user']) {
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: PASSWORD } });
      tokens[username] = res.json().accessToken;
    }
  });
  afterAll(() => t.close());

  const as = (username: string) => ({ authorization: `Bearer ${tokens[username]}` });
  const get = (url: string) => t.app.inject({ method: 'GET', url, headers: as('cal-user') });
  const put = (username: string, url: string, payload: string | object, contentType = 'application/json') =>
    t.app.inject({
      method: 'PUT',
      url,
      headers: { ...as(username), 'content-type': contentType },
      payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
    });
  const warnings = async () => (await t.app.inject({ method: 'GET', url: '/health', headers: HEALTH_DETAILS })).json().warnings as { code: string; details: { years: number[] } }[];

  it('seeds every year the package covers, once', async () => {
    const rows = await t.db.sql<{ n: string; min: number; max: number }>(
      `SELECT count(*) AS n, min(year) AS min, max(year) AS max FROM calendar_year WHERE source = 'PACKAGE'`,
    );
    expect(rows[0]).toMatchObject({ min: 2004, max: 2026 });
    expect(await calendar.ensurePackageYears(orgId)).toEqual([]);
    const events = await t.db.sql(`SELECT 1 FROM history_event WHERE type = 'calendar.package.loaded'`);
    expect(events).toHaveLength(1);
  });

  it('explains 2026 days: 国庆节, a 调休 Saturday, an ordinary weekend', async () => {
    expect((await get('/api/calendar/days/2026-10-01')).json()).toEqual({
      date: '2026-10-01', workday: false, kind: 'HOLIDAY', name: '国庆节', provisional: false,
    });
    expect((await get('/api/calendar/days/2026-10-10')).json()).toEqual({
      date: '2026-10-10', workday: true, kind: 'MAKEUP_WORKDAY', name: '国庆节', provisional: false,
    });
    expect((await get('/api/calendar/days/2026-10-17')).json()).toMatchObject({ workday: false, kind: 'WEEKEND', name: null });
  });

  it('adds working days across 国庆节, counting the make-up Saturday', async () => {
    const res = await get('/api/calendar/add-workdays?from=2026-09-30&days=3');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    // 10-08 (Thu), 10-09 (Fri), 10-10 (调休 Saturday).
    expect(body.date).toBe('2026-10-10');
    expect(body.provisional).toBe(false);
    expect(body.skipped).toHaveLength(7);
    expect(body.skipped[0]).toEqual({ date: '2026-10-01', kind: 'HOLIDAY', name: '国庆节' });
  });

  it('answers a 2027 date provisionally while 2027 is not loaded', async () => {
    expect((await get('/api/calendar/days/2027-01-04')).json()).toEqual({
      date: '2027-01-04', workday: true, kind: 'WORKDAY', name: null, provisional: true,
    });
    expect((await get('/api/calendar/add-workdays?from=2026-12-30&days=2')).json()).toMatchObject({ provisional: true });
  });

  it('rejects bad dates and unknown query fields with 400 and a code', async () => {
    const bad = await get('/api/calendar/days/2026-02-30');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('INVALID_DATE');
    const unknown = await get('/api/calendar/add-workdays?from=2026-09-30&days=3&extra=1');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().code).toBe('VALIDATION_FAILED');
    expect((await get('/api/calendar/add-workdays?from=2026-09-30&days=x')).statusCode).toBe(400);
  });

  it('warns about 2027 from December 1st and stops once 2027 is imported', async () => {
    expect((await warnings()).filter((w) => w.code === 'CALENDAR_YEAR_MISSING')).toEqual([]);
    t.clock.set('2026-11-30T16:00:00.000Z'); // 2026-12-01 00:00 in Shanghai
    const missing = (await warnings()).find((w) => w.code === 'CALENDAR_YEAR_MISSING');
    expect(missing?.details.years).toEqual([2027]);

    const upload = await put('cal-admin', '/api/calendar/years/2027', await fixture('schedule-2027.sample.json'));
    expect(upload.statusCode).toBe(200);
    const result = upload.json();
    expect(result).toMatchObject({ year: 2027, before: 0, manualKept: 0 });
    expect(result.after).toBeGreaterThan(20);

    expect((await warnings()).filter((w) => w.code === 'CALENDAR_YEAR_MISSING')).toEqual([]);
    expect((await get('/api/calendar/days/2027-01-04')).json()).toMatchObject({ kind: 'WORKDAY', provisional: false });
    expect((await get('/api/calendar/days/2027-10-09')).json()).toMatchObject({ kind: 'MAKEUP_WORKDAY', workday: true });
    const [event] = await t.db.sql(`SELECT data, actor_user_id FROM history_event WHERE type = 'calendar.year.imported'`);
    expect(event!.actor_user_id).toEqual(expect.any(String));
    expect(event!.data).toMatchObject({ year: 2027, before: { days: 0, source: null }, after: { days: result.after } });
  });

  it('re-importing the same year (ICS this time) replaces it and keeps manual edits', async () => {
    await calendar.setDay(orgId, '2027-03-01', { kind: 'HOLIDAY', name: '抗洪抢险停工' }, null);
    const upload = await put('cal-admin', '/api/calendar/years/2027', await fixture('schedule-2027.sample.ics'), 'text/calendar');
    expect(upload.statusCode).toBe(200);
    const result = upload.json();
    expect(result.before).toBe(result.after);
    expect(result.manualKept).toBe(1);
    expect((await get('/api/calendar/days/2027-03-01')).json()).toMatchObject({ kind: 'HOLIDAY', name: '抗洪抢险停工' });
  });

  it('a manual edit changes the answer at once and is recorded in history', async () => {
    expect((await get('/api/calendar/add-workdays?from=2026-09-30&days=3')).json().date).toBe('2026-10-10');
    const edit = await put('cal-admin', '/api/calendar/days/2026-10-10', { kind: 'WEEKEND' });
    expect(edit.statusCode).toBe(200);
    expect(edit.json()).toMatchObject({ workday: false, kind: 'WEEKEND', provisional: false });
    expect((await get('/api/calendar/add-workdays?from=2026-09-30&days=3')).json().date).toBe('2026-10-12');

    const [event] = await t.db.sql(
      `SELECT stream, data FROM history_event WHERE type = 'calendar.day.set' AND subject_id = '2026-10-10'`,
    );
    expect(event).toMatchObject({
      stream: `calendar:${orgId}`,
      data: {
        date: '2026-10-10',
        before: { kind: 'MAKEUP_WORKDAY', name: '国庆节', source: 'PACKAGE' },
        after: { kind: 'WEEKEND', name: null, source: 'MANUAL' },
      },
    });
  });

  it('sees a change another process made (straight in the database) on the next read', async () => {
    const day = async () => (await get('/api/calendar/days/2026-10-02')).json();
    expect(await day()).toMatchObject({ kind: 'HOLIDAY', name: '国庆节' });
    // updated_at left as it was, as a writer whose clock is behind would leave the newest stamp.
    const change = (name: string) => t.db.sql(`UPDATE calendar_day SET name = $2 WHERE org_id = $1 AND date = '2026-10-02'`, [orgId, name]);
    await change('国庆节（调整）');
    expect(await day()).toMatchObject({ kind: 'HOLIDAY', name: '国庆节（调整）' });
    await change('国庆节');
    expect(await day()).toMatchObject({ kind: 'HOLIDAY', name: '国庆节' });
  });

  it('lets only administrators change the calendar, and only logged-in users read it', async () => {
    const year = await put('cal-user', '/api/calendar/years/2027', await fixture('schedule-2027.sample.json'));
    expect(year.statusCode).toBe(403);
    const day = await put('cal-user', '/api/calendar/days/2026-10-12', { kind: 'HOLIDAY', name: '假' });
    expect(day.statusCode).toBe(403);
    expect((await get('/api/calendar/days/2026-10-12')).json()).toMatchObject({ kind: 'WORKDAY' });
    expect((await t.app.inject({ method: 'GET', url: '/api/calendar/days/2026-10-12' })).statusCode).toBe(401);
  });

  it('answers 400 with the rule code for an invalid schedule or edit', async () => {
    const empty = await put('cal-admin', '/api/calendar/years/2028', { year: 2028, days: [] });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().code).toBe('SCHEDULE_EMPTY');
    const mismatch = await put('cal-admin', '/api/calendar/years/2028', await fixture('schedule-2027.sample.json'));
    expect(mismatch.json()).toMatchObject({ code: 'SCHEDULE_YEAR_MISMATCH' });
    const badKind = await put('cal-admin', '/api/calendar/days/2026-10-12', { kind: 'MAKEUP_WORKDAY', name: '国庆节' });
    expect(badKind.statusCode).toBe(400);
    expect(badKind.json().code).toBe('SCHEDULE_MAKEUP_NOT_WEEKEND');
    const extra = await put('cal-admin', '/api/calendar/days/2026-10-12', { kind: 'HOLIDAY', name: 'x', source: 'PACKAGE' });
    expect(extra.json().code).toBe('VALIDATION_FAILED');
  });

  it('refuses invalid schedules and edits with INVALID domain errors carrying the rule code', async () => {
    const refused = async (fn: () => unknown) => {
      try {
        await fn();
      } catch (e) {
        expect(e).toBeInstanceOf(DomainError);
        expect((e as DomainError).kind).toBe('INVALID');
        return (e as DomainError).code;
      }
      throw new Error('expected a refusal');
    };
    expect(await refused(() => calendar.parseSchedule('{"year": 2028, "days": []}', 2028))).toBe('SCHEDULE_EMPTY');
    expect(await refused(() => calendar.parseSchedule('{"year": 2027, "days": []}', 2028))).toBe('SCHEDULE_YEAR_MISMATCH');
    expect(await refused(() => calendar.parseSchedule('not json'))).toBe('SCHEDULE_INVALID_JSON');
    expect(await refused(() => calendar.setDay(orgId, '2026-10-12', { kind: 'MAKEUP_WORKDAY', name: '国庆节' }, null))).toBe(
      'SCHEDULE_MAKEUP_NOT_WEEKEND',
    );
    expect(await refused(() => calendar.setDay(orgId, '2026-10-12', { kind: 'HOLIDAY' }, null))).toBe('CALENDAR_DAY_NAME_REQUIRED');
  });
});
