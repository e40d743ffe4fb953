import type { EscalationReportItem } from '../escalation-report/escalation-report.service.js';
import type { InboxItem } from '../inbox/inbox.service.js';
import type { Column } from './csv.js';

export const ESCALATION_COLUMNS: Column<EscalationReportItem>[] = [
  { header: '等级', value: (r) => r.levelName, width: 8 },
  { header: '触发时间', value: (r) => r.reachedAt, date: 'datetime', width: 18 },
  { header: '任务', value: (r) => r.title, width: 36 },
  { header: '岗位', value: (r) => r.post.name, width: 30 },
  { header: '责任人', value: (r) => r.person?.name ?? '', width: 10 },
  { header: '工作事项', value: (r) => r.workItem?.title ?? '临时交办', width: 28 },
  { header: '办理期限', value: (r) => new Date(`${r.dueDate}T00:00:00+08:00`), date: 'date', width: 12 },
  { header: '逾期工作日', value: (r) => r.overdueWorkdays, width: 12 },
  { header: '是否已确认', value: (r) => (r.acknowledged ? '是' : '否'), width: 12 },
  { header: '确认时间', value: (r) => r.acknowledgedAt, date: 'datetime', width: 18 },
  { header: '当前状态', value: (r) => r.statusName, width: 10 },
  { header: '办结时间', value: (r) => r.completedAt, date: 'datetime', width: 18 },
];

export const INBOX_COLUMNS: Column<InboxItem & { groupName: string }>[] = [
  { header: '分组', value: (r) => r.groupName, width: 10 },
  { header: '任务', value: (r) => r.title, width: 36 },
  { header: '岗位', value: (r) => r.post.name, width: 30 },
  { header: '代理', value: (r) => r.actingFor?.name ?? '', width: 10 },
  { header: '办理期限', value: (r) => new Date(`${r.dueDate}T00:00:00+08:00`), date: 'date', width: 12 },
  { header: '剩余工作日', value: (r) => r.workdaysLeft, width: 12 },
  { header: '逾期工作日', value: (r) => r.overdueWorkdays, width: 12 },
  { header: '预警等级', value: (r) => r.escalation?.name ?? '', width: 10 },
];
