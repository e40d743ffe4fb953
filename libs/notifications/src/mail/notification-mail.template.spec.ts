import type { NotificationPayload } from '../notification.types.js';
import { digestMessageId, mailDomain, outboxMessageId } from './message-id.js';
import { escapeHtml, lateness, renderDigest, renderInApp, renderMail } from './notification-mail.template.js';

const payload = (over: Partial<NotificationPayload> = {}): NotificationPayload => ({
  kind: 'ESCALATION',
  level: 3,
  levelName: '督办',
  colour: 'red',
  taskId: '7d2f7c1e-0000-4000-8000-000000000001',
  taskTitle: '报送国土空间总体规划实施评估报告',
  postName: '业务岗1：国土空间规划及专项规划工作',
  unitName: '国土空间规划科',
  assigneeName: '王磊',
  dueDate: '2026-11-20',
  overdueWorkdays: 3,
  link: 'http://localhost:3000/tasks/7d2f7c1e-0000-4000-8000-000000000001',
  ...over,
});

describe('renderMail', () => {
  it.each([
    [0, '提醒', 'blue', 0, '蓝色', '#1677ff', '即将到期'],
    [1, '逾期', 'yellow', 0, '黄色', '#fadb14', '已到截止时间，尚未办结'],
    [2, '催办', 'orange', 1, '橙色', '#fa8c16', '已逾期 1 个工作日'],
    [3, '督办', 'red', 3, '红色', '#f5222d', '已逾期 3 个工作日'],
  ] as const)('level %i %s (%s) names the task, post, deadline, lateness, colour and link', (level, levelName, colour, overdue, colourName, hex, late) => {
    const mail = renderMail(payload({ level, levelName, colour, overdueWorkdays: overdue }));
    expect(mail.subject).toBe(`【${levelName}】报送国土空间总体规划实施评估报告（${late}）`);
    for (const body of [mail.text, mail.html]) {
      expect(body).toContain('报送国土空间总体规划实施评估报告');
      expect(body).toContain('国土空间规划科 · 业务岗1：国土空间规划及专项规划工作');
      expect(body).toContain('2026-11-20');
      expect(body).toContain(late);
      expect(body).toContain(`${levelName}（${colourName}）`);
      expect(body).toContain('http://localhost:3000/tasks/7d2f7c1e-0000-4000-8000-000000000001');
    }
    expect(mail.html).toContain(`background:${hex}`);
  });

  it('an urge carries its note', () => {
    const mail = renderMail(payload({ kind: 'URGE', level: 2, levelName: '催办', colour: 'orange', note: '请今天下班前报送' }));
    expect(mail.text).toContain('您收到一条催办');
    expect(mail.text).toContain('催办意见：请今天下班前报送');
    expect(mail.html).toContain('请今天下班前报送');
  });

  it('user text cannot inject markup, headers or a script link', () => {
    const mail = renderMail(payload({ taskTitle: '<script>alert(1)</script>\r\nBcc: x@evil', note: '"><img src=x>', link: 'javascript:alert(1)' }));
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).not.toContain('<img');
    expect(mail.html).not.toContain('href="javascript:');
    expect(mail.subject).not.toMatch(/[\r\n]/);
  });

  it('a vacant post says so', () => {
    expect(renderMail(payload({ assigneeName: null })).text).toContain('承办人：（岗位空缺）');
  });
});

describe('renderInApp', () => {
  it('title names the level and task; body the lateness, post and deadline', () => {
    expect(renderInApp(payload())).toEqual({
      title: '【督办】报送国土空间总体规划实施评估报告',
      body: '已逾期 3 个工作日。\n岗位：国土空间规划科 · 业务岗1：国土空间规划及专项规划工作\n截止日期：2026-11-20',
    });
  });
});

describe('renderDigest', () => {
  it('lists every message, most urgent first, in one mail', () => {
    const digest = renderDigest(
      [payload({ level: 2, levelName: '催办', colour: 'orange', taskTitle: '甲', overdueWorkdays: 1 }), payload({ taskTitle: '乙' })],
      '2026-11-27',
    );
    expect(digest.subject).toBe('【督办汇总】2026-11-27 共 2 项任务需要关注');
    expect(digest.text.indexOf('【督办（红色）】乙')).toBeLessThan(digest.text.indexOf('【催办（橙色）】甲'));
    expect(digest.html).toContain('background:#f5222d');
    expect(digest.html).toContain('background:#fa8c16');
  });
});

describe('lateness / escapeHtml', () => {
  it.each([
    [0, 0, '即将到期'],
    [1, 0, '已到截止时间，尚未办结'],
    [2, 5, '已逾期 5 个工作日'],
  ])('level %i, %i working days late → %s', (level, overdueWorkdays, expected) => {
    expect(lateness(payload({ level, overdueWorkdays }))).toBe(expected);
  });

  it('escapes the five HTML specials', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});

describe('Message-ID', () => {
  it.each([
    ['duty-tracker <noreply@localhost>', 'localhost'],
    ['督办 <duban@nrpb.example.cn>', 'nrpb.example.cn'],
    ['noreply@mail.gov.cn', 'mail.gov.cn'],
  ])('domain of %s is %s', (from, domain) => {
    expect(mailDomain(from)).toBe(domain);
  });

  it('is derived from the outbox id alone, so a resend has the same id', () => {
    const id = '0b6f1f0e-3c1a-4c53-9d43-7a8d1f2b9c10';
    expect(outboxMessageId(id, 'x <a@nrpb.example.cn>')).toBe(`<outbox.${id}@nrpb.example.cn>`);
    expect(outboxMessageId(id, 'x <a@nrpb.example.cn>')).toBe(outboxMessageId(id, 'x <a@nrpb.example.cn>'));
  });

  it('of a digest depends on the set of rows, not their order', () => {
    expect(digestMessageId(['b', 'a'], 'a@x.cn')).toBe(digestMessageId(['a', 'b'], 'a@x.cn'));
    expect(digestMessageId(['a', 'b'], 'a@x.cn')).not.toBe(digestMessageId(['a', 'c'], 'a@x.cn'));
    expect(digestMessageId(['a'], 'a@x.cn')).toMatch(/^<digest\.[0-9a-f]{32}@x\.cn>$/);
  });
});
