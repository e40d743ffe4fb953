import type { Page } from 'playwright-core';
import { PHONE, startBrowserHarness, type BrowserHarness } from './support/browser-harness.js';

// The web console in a real browser against the embedded default (`npm start` from dist/):
// the officer → deputy → chief path of one task, and the chief's report with its Excel export.

let h: BrowserHarness;
let taskId: string;
const TITLE = '编制城区控制性详细规划修编工作方案';

/** A small but real PDF: the evidence service checks a file's bytes, not its name. */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n' +
    `% ${'履职材料 '.repeat(2000)}\n` +
    'trailer<</Root 1 0 R>>\nstartxref\n9\n%%EOF\n',
);

beforeAll(async () => {
  h = await startBrowserHarness();
  // The chief assigns (交办) a task to officer1's post, reviewed by the deputy and then the chief.
  const officer = await h.apiAs('officer1');
  const me = await officer<{ posts: { postId: string }[] }>('GET', '/api/me');
  const chief = await h.apiAs('chief');
  const created = await chief<{ id: string }>('POST', '/api/tasks', {
    postId: me.posts[0].postId,
    title: TITLE,
    description: '结合第三轮规划评估意见，明确修编范围、工作分工与时间安排。',
    deadlineRule: { kind: 'WORKDAYS_AFTER', days: 5 },
    reviewSteps: ['DEPUTY', 'CHIEF'],
    requiredEvidence: ['FILE'],
  });
  taskId = created.id;
  // The demo's overdue tasks climb the escalation ladder now rather than at the next minute's sweep,
  // so the inbox has its colours and the chief's report its rows.
  await h.cli(['sweep']);
}, 240_000);

afterAll(async () => h?.close(), 60_000);

const statusOf = (page: Page) => page.locator('.page-header .badge.status');
// Evaluated in the page (this project's TypeScript has no DOM types, so as strings).
const pageWidth = (page: Page) => page.evaluate('document.documentElement.scrollWidth') as Promise<number>;

describe('a task from assignment to 办结', () => {
  it('GET /api/tasks/:id tells each caller what they may do now (the console shows only that)', async () => {
    const actionsOf = async (who: string) => (await (await h.apiAs(who))<{ allowedActions: string[] }>('GET', `/api/tasks/${taskId}`)).allowedActions;
    expect(await actionsOf('officer1')).toEqual(['ACCEPT', 'REQUEST_EXTENSION', 'ADD_EVIDENCE']);
    expect(await actionsOf('deputy')).toEqual([]);
    // The chief assigned it: may cancel it, nothing else until it reaches the chief's review.
    expect(await actionsOf('chief')).toEqual(['CANCEL']);
  });


  it('officer: inbox → 签收 → 开始办理 → upload a file with progress → 提交审核', async () => {
    const { page, context } = await h.newPage();
    await h.login(page, 'officer1');
    await page.getByRole('heading', { name: '我的任务' }).waitFor();
    const row = page.locator('#awaitingAcceptance .task-row', { hasText: TITLE });
    await row.waitFor();
    await row.locator('.days').waitFor();
    await h.screenshot(page, 'inbox');

    await row.getByRole('link', { name: TITLE }).click();
    await page.waitForURL(`**/tasks/${taskId}`);
    await page.getByRole('heading', { name: TITLE }).waitFor();
    // The deadline comes with its explanation (rule, days skipped).
    await page.locator('.deadline-explanation').waitFor();
    // Only what the officer may do now: 签收 (and 延期申请), no reviewer's buttons.
    await page.getByRole('button', { name: '签收' }).waitFor();
    expect(await page.getByRole('button', { name: '通过', exact: true }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '提交审核' }).count()).toBe(0);
    await h.screenshot(page, 'task-detail-issued');

    await page.getByRole('button', { name: '签收' }).click();
    await page.getByRole('button', { name: '开始办理' }).click();
    await page.getByRole('button', { name: '提交审核' }).waitFor();

    await page.locator('input[type=file]').setInputFiles({ name: '修编工作方案.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByLabel('说明（可选）').fill('工作方案（送审稿）');
    await page.getByRole('button', { name: '上传', exact: true }).click();
    await page.getByRole('button', { name: '修编工作方案.pdf' }).waitFor();
    await page.locator('.required-evidence .ok').waitFor();
    await h.screenshot(page, 'task-detail-with-evidence');

    await page.getByRole('button', { name: '提交审核' }).click();
    await page.locator('.step.current', { hasText: '副职初核' }).waitFor();
    expect(await statusOf(page).textContent()).toBe('待审核');
    // Submitted: frozen for the officer, no more uploads or lifecycle buttons.
    expect(await page.locator('input[type=file]').count()).toBe(0);
    await h.screenshot(page, 'task-detail-submitted');
    await context.close();
  }, 120_000);

  it('deputy: board → review queue → 通过', async () => {
    const { page, context } = await h.newPage();
    await h.login(page, 'deputy');
    // The inbox lists it apart from the deputy's own work, under 待我审核, as a review (no extension waits).
    await page.getByRole('heading', { name: '我的任务' }).waitFor();
    const inboxRow = page.locator('#awaitingMyReview .task-row', { hasText: TITLE });
    await inboxRow.locator('.badge', { hasText: '待审核' }).waitFor();
    expect(await inboxRow.locator('.badge.awaiting-extension').count()).toBe(0);
    expect(await page.locator('#awaitingMyReview h2').textContent()).toMatch(/^待我审核/);
    await h.screenshot(page, 'deputy-inbox-awaiting-review');

    await page.getByRole('link', { name: '督办看板' }).click();
    await page.getByRole('heading', { name: '督办看板' }).waitFor();
    await page.locator('table .total-row').waitFor();
    // The board's review queue: the task, at the deputy's step (初核), and the count in its heading.
    const queued = page.locator('h2:has-text("待我审核") + ul.task-list .task-row', { hasText: TITLE });
    await queued.locator('.badge', { hasText: '初核' }).waitFor();
    expect(await page.getByRole('heading', { name: /^待我审核（\d+）$/ }).textContent()).not.toBe('待我审核（0）');
    await h.screenshot(page, 'deputy-board');

    // One click 催办 on an overdue task; the button confirms and cannot be pressed twice.
    const overdue = page.locator('.task-row', { has: page.getByRole('button', { name: '催办', exact: true }) }).first();
    await overdue.getByRole('button', { name: '催办', exact: true }).click();
    await page.getByRole('button', { name: '已催办' }).first().waitFor();
    expect(await page.getByRole('button', { name: '已催办' }).first().isDisabled()).toBe(true);
    expect(await page.locator('.error-box').count()).toBe(0);

    await queued.getByRole('link', { name: TITLE }).click();
    await page.getByRole('button', { name: '退回' }).waitFor();
    await page.getByRole('button', { name: '通过', exact: true }).click();
    await page.locator('.step.current', { hasText: '正职审核' }).waitFor();
    // The deputy's step is done: nothing left for them to approve.
    expect(await page.getByRole('button', { name: '通过', exact: true }).count()).toBe(0);
    await context.close();
  }, 120_000);

  it('chief: 通过 → 已办结, with the whole history', async () => {
    const { page, context } = await h.newPage();
    await h.login(page, 'chief');
    // Past the deputy's step it waits for the chief: in the chief's 待我审核, not the deputy's.
    const inboxRow = page.locator('#awaitingMyReview .task-row', { hasText: TITLE });
    await inboxRow.waitFor();
    const deputy = await h.apiAs('deputy');
    expect((await deputy<{ awaitingMyReview: { id: string }[] }>('GET', '/api/inbox')).awaitingMyReview.map((i) => i.id)).not.toContain(taskId);
    await inboxRow.getByRole('link', { name: TITLE }).click();
    await page.waitForURL(`**/tasks/${taskId}`);
    await page.getByRole('button', { name: '通过', exact: true }).click();
    await page.locator('.page-header .badge.status', { hasText: '已办结' }).waitFor();
    await page.getByText('当前没有需要您处理的操作。').waitFor();
    for (const step of ['签收', '开始办理', '添加履职材料', '报审', '审核通过']) {
      await page.locator('.timeline strong', { hasText: step }).first().waitFor();
    }
    // Each entry names who acted: the officer signed for it, the chief approved last.
    const nameOf = async (who: string) => (await (await h.apiAs(who))<{ person: { name: string } }>('GET', '/api/me')).person.name;
    const entry = (label: string) => page.locator('.timeline li', { has: page.locator('strong', { hasText: label }) });
    expect(await entry('签收').first().locator('.timeline-actor').textContent()).toContain(await nameOf('officer1'));
    expect(await entry('审核通过').last().locator('.timeline-actor').textContent()).toContain(await nameOf('chief'));
    await h.screenshot(page, 'task-detail-done');
    await context.close();
  }, 120_000);
});

describe('chief report', () => {
  it('opens the escalation report with its trend chart and downloads the Excel file', async () => {
    const { page, context } = await h.newPage();
    await h.login(page, 'chief');
    await page.getByRole('link', { name: '督办报表' }).click();
    await page.getByRole('heading', { name: '逾期督办报表' }).waitFor();
    await page.locator('.stat-cards').waitFor();
    await page.locator('figure.chart svg rect').first().waitFor();
    // Reached 督办 (L3) in the period: the demo's long-overdue task, with who held the post then.
    await page.locator('table .badge.level-3').first().waitFor();
    await h.screenshot(page, 'chief-report');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 Excel' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const path = await download.path();
    const { readFileSync } = await import('node:fs');
    const bytes = readFileSync(path);
    // An XLSX is a zip: it starts with "PK".
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(bytes.length).toBeGreaterThan(1000);
    await context.close();
  }, 120_000);
});

describe('notifications', () => {
  it('chief: acknowledges an escalation (已阅) and makes a calendar feed link', async () => {
    // The sweep's messages reach the in-app inbox with the next dispatch (every 20 s in-process).
    const chief = await h.apiAs('chief');
    const deadline = Date.now() + 60_000;
    while ((await chief<{ items: { escalationId: string | null }[] }>('GET', '/api/notifications')).items.every((n) => !n.escalationId)) {
      if (Date.now() > deadline) throw new Error('no escalation notification reached the chief within 60 s');
      await new Promise((r) => setTimeout(r, 1000));
    }
    const { page, context } = await h.newPage();
    await h.login(page, 'chief');
    await page.getByRole('link', { name: '通知' }).click();
    await page.getByRole('heading', { name: '通知' }).waitFor();
    const row = page.locator('.task-row.unread', { has: page.getByRole('button', { name: '确认已阅' }) }).first();
    await row.waitFor();
    await h.screenshot(page, 'notifications');
    const escalationId = await row.getAttribute('data-escalation-id');
    expect(escalationId).toBeTruthy();
    await row.getByRole('button', { name: '确认已阅' }).click();
    const acknowledged = page.locator(`[data-escalation-id="${escalationId}"]`);
    await acknowledged.getByText(/^已确认 /).first().waitFor();
    // After a reload the API says it was acknowledged: the time shows, the button does not come back.
    await page.reload();
    await acknowledged.getByText(/^已确认 \d/).first().waitFor();
    expect(await acknowledged.getByRole('button', { name: '确认已阅' }).count()).toBe(0);

    await page.getByRole('button', { name: '生成订阅链接' }).click();
    const url = await page.getByLabel('订阅链接').inputValue();
    expect(url).toMatch(/\/api\/calendar\/feed\.ics\?token=/);
    const feed = await fetch(url.replace(/^https?:\/\/[^/]+/, h.baseUrl));
    expect(feed.status).toBe(200);
    expect(await feed.text()).toContain('BEGIN:VCALENDAR');
    await h.screenshot(page, 'notifications-feed');
    await context.close();
  }, 120_000);
});

describe('session and small screens', () => {
  it('stays logged in across a reload through the HttpOnly refresh cookie; nothing auth-related in web storage', async () => {
    const { page, context } = await h.newPage();
    await h.login(page, 'officer1');
    await page.getByRole('heading', { name: '我的任务' }).waitFor();
    const [cookie, ...others] = (await context.cookies()).filter((c) => c.name === 'dt_refresh');
    expect(others).toEqual([]);
    expect(cookie).toMatchObject({ path: '/api/auth/refresh', httpOnly: true, sameSite: 'Strict', secure: false });
    // Web storage and script-visible cookies: no token, no session key (the console stores nothing there).
    const noAuthInScriptReach = async () => {
      const seen = JSON.parse((await page.evaluate(`JSON.stringify([{ ...localStorage }, { ...sessionStorage }, document.cookie])`)) as string) as [
        Record<string, string>,
        Record<string, string>,
        string,
      ];
      for (const store of [seen[0], seen[1]]) {
        expect(Object.keys(store).filter((k) => /token|session|auth/i.test(k))).toEqual([]);
        expect(Object.values(store).join(' ')).not.toMatch(/eyJ|[0-9a-f-]{36}\.[\w-]{43}/);
      }
      expect(seen[2]).not.toContain('dt_refresh');
    };
    await noAuthInScriptReach();
    await page.reload();
    await page.getByRole('navigation', { name: '主导航' }).waitFor();
    await page.getByRole('heading', { name: '我的任务' }).waitFor();
    expect(new URL(page.url()).pathname).not.toMatch(/^\/login/);
    // The reload renewed the session: a new cookie replaced the old one.
    const renewed = (await context.cookies()).find((c) => c.name === 'dt_refresh');
    expect(renewed?.value).not.toBe(cookie!.value);
    await noAuthInScriptReach();
    // A second tab of the same browser shares the session through the cookie.
    const second = await context.newPage();
    await second.goto(`${h.baseUrl}/notifications`);
    await second.getByRole('heading', { name: '通知' }).waitFor();
    // Logging out clears the cookie: a reload lands on the login screen.
    await page.getByRole('button', { name: '退出' }).click();
    await page.waitForURL(/\/login/);
    expect((await context.cookies()).filter((c) => c.name === 'dt_refresh')).toEqual([]);
    await page.goto(`${h.baseUrl}/`);
    await page.getByLabel('用户名').waitFor();
    await context.close();
  }, 120_000);

  it('an expired session goes to login and comes back to where one was', async () => {
    const { page, context } = await h.newPage();
    await h.login(page, 'officer2');
    // No cookie any more, as after the session's lifetime ran out.
    await context.clearCookies();
    await page.goto(`${h.baseUrl}/notifications`);
    await page.waitForURL(/\/login\?next=%2Fnotifications/);
    await page.getByLabel('用户名').waitFor();
    await h.screenshot(page, 'login');
    await h.login(page, 'officer2');
    expect(new URL(page.url()).pathname).toBe('/notifications');
    await page.getByRole('heading', { name: '通知' }).waitFor();
    await context.close();
  }, 120_000);

  it('the inbox and a task work at phone width', async () => {
    const { page, context } = await h.newPage(PHONE);
    await h.login(page, 'officer1');
    await page.locator('.summary-chips').waitFor();
    await h.screenshot(page, 'inbox-phone');
    // Nothing wider than the screen: no sideways scrolling of the page.
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await page.goto(`${h.baseUrl}/tasks/${taskId}`);
    await page.locator('.timeline').waitFor();
    await h.screenshot(page, 'task-detail-phone');
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await context.close();
  }, 120_000);

  it('no page broke the Content-Security-Policy (no inline script or style was needed)', () => {
    expect(h.cspViolations()).toEqual([]);
  });
});
