import { createTestApi, loginAs, type AuthHeaders, type TestApi } from '../support/test-app.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** What the admin console shows: a schedule in words and its next occurrences on the official calendar. */
describe('schedule preview and calendar year over HTTP', () => {
  let t: TestApi;
  const as: Record<string, AuthHeaders> = {};
  let workItemId: string;
  let otherWorkItemId: string;

  beforeAll(async () => {
    // Thursday 2026-11-26, 10:00 in Shanghai; 2026 is loaded from the package, 2027 is not.
    t = await createTestApi({ now: '2026-11-26T02:00:00.000Z', jobs: false });
    for (const u of ['admin', 'deputy', 'officer1', 'officer4']) as[u] = await loginAs(t, u);
    [{ id: workItemId }] = await t.db.sql(`SELECT w.id FROM work_item w JOIN post p ON p.id = w.post_id WHERE p.code = 'officer-4' AND w.title = '其他工作'`);
    [{ id: otherWorkItemId }] = await t.db.sql(`SELECT w.id FROM work_item w JOIN post p ON p.id = w.post_id WHERE p.code = 'officer-1' LIMIT 1`);
  });
  afterAll(() => t.close());

  const call = async (method: 'GET' | 'POST', url: string, who: string, payload?: object) => {
    const res = await t.app.inject({ method, url, headers: as[who], payload });
    return { status: res.statusCode, body: (res.body ? res.json() : {}) as Json };
  };
  const draft = (payload: object, who = 'admin', query = '') => call('POST', `/api/work-items/${workItemId}/schedules/preview${query}`, who, payload);

  it('words a working-day schedule and previews five occurrences, flagging the year without a schedule', async () => {
    const res = await draft({ recurrence: { kind: 'NTH_WORKDAY_OF_MONTH', n: 5 }, startDate: '2026-09-01' });
    expect(res.status).toBe(200);
    expect(res.body.description).toBe('每月第5个工作日，当日截止，提前3个工作日下达');
    expect(res.body.recurrenceText).toBe('每月第5个工作日');
    expect(res.body.occurrences).toHaveLength(5);
    // Today's month already had its 5th working day (11-06); December's is a Monday.
    expect(res.body.occurrences[0]).toEqual({ occurrenceDate: '2026-12-07', issueDate: '2026-12-02', dueDate: '2026-12-07', provisional: false });
    // 2027 is not loaded: Mon–Fri guess (Jan 1 counted), marked provisional.
    expect(res.body.occurrences[1]).toEqual({ occurrenceDate: '2027-01-07', issueDate: '2027-01-04', dueDate: '2027-01-07', provisional: true });
  });

  it('keeps an RRULE phase and COUNT anchored at the real start date, not today', async () => {
    const biweekly = await draft({ recurrence: { kind: 'RRULE', rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=FR' }, startDate: '2026-11-06', leadWorkdays: 0 }, 'admin', '?count=3');
    expect(biweekly.body.description).toBe('每2周的周五，当日截止，当日下达');
    expect(biweekly.body.occurrences.map((o: Json) => o.occurrenceDate)).toEqual(['2026-12-04', '2026-12-18', '2027-01-01']);
    const counted = await draft({ recurrence: { kind: 'RRULE', rrule: 'FREQ=WEEKLY;BYDAY=FR;COUNT=3' }, startDate: '2026-11-01' });
    expect(counted.body).toMatchObject({ recurrenceText: '每周五，共3次', occurrences: [] });
  });

  it('applies the deadline rule and lead time: quarter end, due on the 5th working day of the next month', async () => {
    const res = await draft({
      recurrence: { kind: 'LAST_WORKDAY_OF', period: 'QUARTER' },
      deadlineRule: { kind: 'NTH_WORKDAY_OF_MONTH', n: 5, monthOffset: 1 },
      leadWorkdays: 2,
      startDate: '2026-01-01',
    }, 'admin', '?count=2');
    expect(res.body.description).toBe('每季度最后一个工作日，次月第5个工作日截止，提前2个工作日下达');
    expect(res.body.occurrences[0]).toEqual({ occurrenceDate: '2026-12-31', issueDate: '2026-12-31', dueDate: '2027-01-07', provisional: true });
    expect(res.body.occurrences).toHaveLength(2);
  });

  it('previews a saved schedule the same way as the form that created it', async () => {
    const body = { title: '月度统计报表报送', recurrence: { kind: 'RRULE', rrule: 'FREQ=MONTHLY;BYMONTHDAY=-1' }, leadWorkdays: 1, startDate: '2026-01-01' };
    const created = await call('POST', `/api/work-items/${workItemId}/schedules`, 'deputy', body);
    expect(created.status).toBe(201);
    const saved = await call('GET', `/api/work-items/${workItemId}/schedules/${created.body.id}/preview`, 'officer4');
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual((await draft(body)).body);
    // 2026-11-30 is a Monday: issued the Friday before.
    expect(saved.body.occurrences[0]).toEqual({ occurrenceDate: '2026-11-30', issueDate: '2026-11-27', dueDate: '2026-11-30', provisional: false });
    expect(saved.body.recurrenceText).toBe('每月最后一天');

    const elsewhere = await call('GET', `/api/work-items/${otherWorkItemId}/schedules/${created.body.id}/preview`, 'admin');
    expect(elsewhere).toMatchObject({ status: 404, body: { code: 'SCHEDULE_NOT_FOUND' } });
  });

  it('refuses what saving would refuse, and posts the caller may not see', async () => {
    expect(await draft({ recurrence: { kind: 'CRON' }, startDate: '2026-01-01' })).toMatchObject({ status: 400, body: { code: 'SCHEDULE_INVALID' } });
    expect(await draft({ recurrence: { kind: 'LAST_WORKDAY_OF', period: 'MONTH' }, startDate: '2026-01-01', deadlineRule: { kind: 'WORKDAYS_AFTER', dayz: 1 } })).toMatchObject({
      status: 400,
      body: { code: 'SCHEDULE_INVALID' },
    });
    expect((await draft({ recurrence: { kind: 'LAST_WORKDAY_OF', period: 'MONTH' }, startDate: '2026-01-01' }, 'admin', '?count=50')).status).toBe(400);
    // officer1 does not hold officer-4's post (same unit: a refusal, not a missing id).
    expect(await draft({ recurrence: { kind: 'LAST_WORKDAY_OF', period: 'MONTH' }, startDate: '2026-01-01' }, 'officer1')).toMatchObject({
      status: 403,
      body: { code: 'ACCESS_DENIED' },
    });
  });

  it('shows a loaded year with its holidays and 调休 days, and flags a year without a schedule', async () => {
    const y2026 = await call('GET', '/api/calendar/years/2026', 'officer1');
    expect(y2026.status).toBe(200);
    expect(y2026.body).toMatchObject({ year: 2026, loaded: true });
    expect(y2026.body.loadedYears).toContain(2026);
    expect(y2026.body.days).toContainEqual({ date: '2026-10-01', kind: 'HOLIDAY', name: '国庆节' });
    expect(y2026.body.days).toContainEqual(expect.objectContaining({ date: '2026-10-10', kind: 'MAKEUP_WORKDAY' }));
    expect(y2026.body.days.every((d: Json) => d.date.startsWith('2026-'))).toBe(true);

    const y2027 = await call('GET', '/api/calendar/years/2027', 'admin');
    expect(y2027.body).toMatchObject({ year: 2027, loaded: false, days: [] });
    expect(y2027.body.loadedYears).not.toContain(2027);
    expect((await call('GET', '/api/calendar/years/99999', 'admin')).body.code).toBe('CALENDAR_YEAR_INVALID');
  });
});
