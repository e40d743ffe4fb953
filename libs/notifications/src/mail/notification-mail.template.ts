import type { NotificationColour, NotificationPayload } from '../notification.types.js';

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

export interface RenderedInApp {
  title: string;
  body: string;
}

/** The colour of a level as people read it (级别颜色), with an accessible text colour on top. */
export const COLOURS: Record<NotificationColour, { name: string; background: string; ink: string }> = {
  blue: { name: '蓝色', background: '#1677ff', ink: '#ffffff' },
  yellow: { name: '黄色', background: '#fadb14', ink: '#262626' },
  orange: { name: '橙色', background: '#fa8c16', ink: '#ffffff' },
  red: { name: '红色', background: '#f5222d', ink: '#ffffff' },
};

const FOOTER = '本邮件由履职督办系统自动发送，请勿直接回复。';

/** One line saying how late the task is; level 0 (提醒) comes before the deadline. */
export function lateness(p: NotificationPayload): string {
  if (p.overdueWorkdays > 0) return `已逾期 ${p.overdueWorkdays} 个工作日`;
  return p.level === 0 ? '即将到期' : '已到截止时间，尚未办结';
}

function colourOf(p: NotificationPayload) {
  return COLOURS[p.colour] ?? COLOURS.blue;
}

/** Subjects and titles are one line: a task title with a line break must not fold a header. */
const oneLine = (s: string) => s.replace(/[\r\n\t]+/g, ' ').trim();

function intro(p: NotificationPayload): string {
  return p.kind === 'URGE' ? '您收到一条催办，请尽快办理以下任务：' : '以下任务需要您关注：';
}

function facts(p: NotificationPayload): [label: string, value: string][] {
  const rows: [string, string][] = [
    ['等级', `${p.levelName}（${colourOf(p).name}）`],
    ['任务', p.taskTitle],
    ['岗位', `${p.unitName} · ${p.postName}`],
    ['承办人', p.assigneeName ?? '（岗位空缺）'],
    ['截止日期', p.dueDate],
    ['逾期情况', lateness(p)],
  ];
  if (p.note) rows.push([p.kind === 'URGE' ? '催办意见' : '备注', p.note]);
  return rows;
}

export function renderInApp(p: NotificationPayload): RenderedInApp {
  const body = [`${lateness(p)}。`, `岗位：${p.unitName} · ${p.postName}`, `截止日期：${p.dueDate}`];
  if (p.note) body.push(`${p.kind === 'URGE' ? '催办意见' : '备注'}：${p.note}`);
  return { title: oneLine(`【${p.levelName}】${p.taskTitle}`), body: body.join('\n') };
}

export function renderMail(p: NotificationPayload): RenderedMail {
  const subject = oneLine(`【${p.levelName}】${p.taskTitle}（${lateness(p)}）`);
  const text = [
    intro(p),
    '',
    ...facts(p).map(([label, value]) => `${label}：${value}`),
    '',
    `查看任务：${p.link}`,
    '',
    FOOTER,
  ].join('\n');
  const html = page(subject, `<p>${escapeHtml(intro(p))}</p>${itemHtml(p)}`);
  return { subject, text, html };
}

/** A chief's daily digest: every message of the day in one e-mail, most urgent first. */
export function renderDigest(payloads: NotificationPayload[], date: string): RenderedMail {
  const sorted = [...payloads].sort((a, b) => b.level - a.level || a.dueDate.localeCompare(b.dueDate));
  const subject = `【督办汇总】${date} 共 ${sorted.length} 项任务需要关注`;
  const text = [
    `截至 ${date}，以下 ${sorted.length} 项任务需要您关注（按等级从高到低）：`,
    '',
    ...sorted.flatMap((p, i) => [
      `${i + 1}. 【${p.levelName}（${colourOf(p).name}）】${oneLine(p.taskTitle)}`,
      `   岗位：${p.unitName} · ${p.postName}；承办人：${p.assigneeName ?? '（岗位空缺）'}`,
      `   截止日期：${p.dueDate}；${lateness(p)}${p.note ? `；${p.kind === 'URGE' ? '催办意见' : '备注'}：${p.note}` : ''}`,
      `   查看任务：${p.link}`,
      '',
    ]),
    FOOTER,
  ].join('\n');
  const items = sorted.map((p) => itemHtml(p)).join('');
  const html = page(subject, `<p>${escapeHtml(`截至 ${date}，以下 ${sorted.length} 项任务需要您关注（按等级从高到低）：`)}</p>${items}`);
  return { subject, text, html };
}

function itemHtml(p: NotificationPayload): string {
  const colour = colourOf(p);
  const badge =
    `<span style="display:inline-block;padding:2px 10px;border-radius:4px;font-weight:bold;` +
    `background:${colour.background};color:${colour.ink}">${escapeHtml(p.levelName)}</span>`;
  const rows = facts(p)
    .map(([label, value]) => `<tr><th align="left" style="padding:4px 12px 4px 0;color:#595959;white-space:nowrap">${escapeHtml(label)}</th><td style="padding:4px 0">${escapeHtml(value)}</td></tr>`)
    .join('');
  const link = safeHttpUrl(p.link)
    ? `<p><a href="${escapeHtml(p.link)}" style="color:#1677ff">查看任务</a></p>`
    : `<p>查看任务：${escapeHtml(p.link)}</p>`;
  return (
    `<div style="border-left:6px solid ${colour.background};padding:8px 16px;margin:12px 0">` +
    `<p style="margin:0 0 8px">${badge} <strong>${escapeHtml(p.taskTitle)}</strong></p>` +
    `<table style="border-collapse:collapse;font-size:14px">${rows}</table>${link}</div>`
  );
}

function page(title: string, content: string): string {
  return (
    `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>` +
    `<body style="font-family:'PingFang SC','Microsoft YaHei',sans-serif;color:#262626">${content}` +
    `<p style="color:#8c8c8c;font-size:12px">${escapeHtml(FOOTER)}</p></body></html>`
  );
}

/** Task titles and urge notes are typed by users: never let them become markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function safeHttpUrl(link: string): boolean {
  return /^https?:\/\/[^\s"'<>]+$/i.test(link);
}
