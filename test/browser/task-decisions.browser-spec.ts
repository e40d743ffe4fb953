import { startBrowserHarness, type BrowserHarness } from './support/browser-harness.js';

// The two decisions a superior takes on an officer's task, in a real browser against the embedded
// default: 延期申请 (the officer asks, the deputy approves, the new deadline shows) and 退回 (the
// deputy returns a submitted task with a reason, the officer sees it).

let h: BrowserHarness;
let extensionTaskId: string;
let returnTaskId: string;

/** A date `days` after today (UTC), as YYYY-MM-DD: the server runs on the real clock. */
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const DUE = inDays(21);
const EXTENDED = inDays(49);
const REASON = '需等待市局反馈意见后方可定稿';

beforeAll(async () => {
  h = await startBrowserHarness();
  const officer = await h.apiAs('officer1');
  const postId = (await officer<{ posts: { postId: string }[] }>('GET', '/api/me')).posts[0].postId;
  const chief = await h.apiAs('chief');
  const assign = async (title: string) =>
    (await chief<{ id: string }>('POST', '/api/tasks', { postId, title, dueDate: DUE, reviewSteps: ['DEPUTY'] })).id;
  extensionTaskId = await assign('编制历史文化街区保护规划实施方案');
  returnTaskId = await assign('整理规划许可批后监管台账');
  // The task to return is already submitted; how an officer submits is covered by console.browser-spec.
  for (const step of ['accept', 'start', 'submit']) await officer('POST', `/api/tasks/${returnTaskId}/${step}`);
}, 240_000);

afterAll(async () => h?.close(), 60_000);

it('延期申请: the officer asks, the deputy approves, the officer sees the new deadline', async () => {
  const officer = await h.newPage();
  await h.login(officer.page, 'officer1');
  await officer.page.goto(`${h.baseUrl}/tasks/${extensionTaskId}`);
  await officer.page.locator('.deadline strong', { hasText: DUE }).waitFor();
  await officer.page.getByRole('button', { name: '延期申请' }).click();
  await officer.page.getByLabel('延期至').fill(EXTENDED);
  await officer.page.getByLabel('延期理由').fill(REASON);
  await officer.page.getByRole('button', { name: '提交申请' }).click();
  await officer.page.locator('.extension-request', { hasText: '待审批' }).waitFor();
  // One undecided request at a time: the button is gone until it is decided.
  expect(await officer.page.getByRole('button', { name: '延期申请' }).count()).toBe(0);
  await h.screenshot(officer.page, 'extension-requested');

  const deputy = await h.newPage();
  await h.login(deputy.page, 'deputy');
  await deputy.page.goto(`${h.baseUrl}/tasks/${extensionTaskId}`);
  await deputy.page.getByText(REASON).first().waitFor();
  await deputy.page.getByLabel('审批意见（可选）').fill('同意');
  await deputy.page.getByRole('button', { name: '批准延期' }).click();
  await deputy.page.locator('.deadline strong', { hasText: EXTENDED }).waitFor();
  expect(await deputy.page.getByRole('button', { name: '批准延期' }).count()).toBe(0);
  await h.screenshot(deputy.page, 'extension-approved');
  await deputy.context.close();

  await officer.page.reload();
  await officer.page.locator('.deadline strong', { hasText: EXTENDED }).waitFor();
  await officer.page.locator('.extension-request', { hasText: '已批准' }).getByText('审批意见：同意').waitFor();
  await officer.page.locator('.timeline li', { hasText: '延期批准' }).first().waitFor();
  await officer.context.close();
}, 120_000);

it('退回: the deputy returns a submitted task with a reason, the officer sees it and can resubmit', async () => {
  const deputy = await h.newPage();
  await h.login(deputy.page, 'deputy');
  await deputy.page.goto(`${h.baseUrl}/tasks/${returnTaskId}`);
  await deputy.page.getByRole('button', { name: '退回' }).click();
  const confirm = deputy.page.getByRole('button', { name: '确认退回' });
  // A return needs a reason: the button stays disabled until one is written.
  expect(await confirm.isDisabled()).toBe(true);
  await deputy.page.getByLabel('退回意见').fill('缺少批后核实现场照片');
  await confirm.click();
  await deputy.page.locator('.page-header .badge.status', { hasText: '办理中' }).waitFor();
  await deputy.context.close();

  const officer = await h.newPage();
  await h.login(officer.page, 'officer1');
  await officer.page.goto(`${h.baseUrl}/tasks/${returnTaskId}`);
  await officer.page.locator('.return-reason', { hasText: '退回意见：缺少批后核实现场照片' }).waitFor();
  await officer.page.getByRole('button', { name: '提交审核' }).waitFor();
  await officer.page.locator('.timeline li', { hasText: '退回' }).first().waitFor();
  await h.screenshot(officer.page, 'task-returned');
  await officer.context.close();
}, 120_000);
