import { RESPONSIBILITY_TYPES } from '#libs/duty-list';
import type { PostBoardRow } from '../board/board.repository.js';
import type { CoverageItem } from '../coverage/coverage.service.js';
import type { EscalationReportItem } from '../escalation-report/escalation-report.service.js';
import type { FulfilmentFigure } from '../fulfilment/fulfilment.service.js';
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

/** One row of the fulfilment export: the totals, then each post, person and work item. */
export type FulfilmentExportRow = FulfilmentFigure & { dimensionName: string; name: string };

export const FULFILMENT_COLUMNS: Column<FulfilmentExportRow>[] = [
  { header: '统计维度', value: (r) => r.dimensionName, width: 10 },
  { header: '名称', value: (r) => r.name, width: 36 },
  { header: '应办任务', value: (r) => r.due, width: 10 },
  { header: '按时办结', value: (r) => r.doneOnTime, width: 10 },
  { header: '逾期办结', value: (r) => r.doneLate, width: 10 },
  { header: '逾期未办结', value: (r) => r.openOverdue, width: 12 },
  { header: '未办结', value: (r) => r.open, width: 10 },
  { header: '按时办结率', value: (r) => (r.onTimeRate === null ? null : r.onTimeRate / 100), number: 'percent', width: 12 },
  { header: '平均逾期工作日', value: (r) => r.averageDelayWorkdays, number: 'decimal', width: 16 },
  { header: '批准延期次数', value: (r) => r.extensionsGranted, width: 14 },
];

export const COVERAGE_COLUMNS: Column<CoverageItem>[] = [
  { header: '岗位', value: (r) => r.postName, width: 30 },
  { header: '工作事项', value: (r) => r.title, width: 40 },
  { header: '责任条数', value: (r) => r.responsibilities, width: 10 },
  { header: '责任类型', value: (r) => r.responsibilityTypes.map(responsibilityTypeName).join('、'), width: 24 },
  { header: '期内任务', value: (r) => r.tasks, width: 10 },
  { header: '已办结', value: (r) => r.tasksDone, width: 10 },
  { header: '有留痕任务', value: (r) => r.tasksWithEvidence, width: 12 },
  { header: '是否履职', value: (r) => (r.hasTasks ? '是' : '否'), width: 10 },
  { header: '是否留痕', value: (r) => (r.hasEvidence ? '是' : '否'), width: 10 },
];

/** One row of the board export: each post, then a 合计 row. */
export type BoardExportRow = Omit<PostBoardRow, 'postId' | 'code' | 'kind'> & { kindName: string };

export const BOARD_COLUMNS: Column<BoardExportRow>[] = [
  { header: '岗位', value: (r) => r.name, width: 36 },
  { header: '岗位类别', value: (r) => r.kindName, width: 10 },
  { header: '在岗人员', value: (r) => r.holderName ?? '', width: 10 },
  { header: '在办', value: (r) => r.open, width: 8 },
  { header: '临期', value: (r) => r.atRisk, width: 8 },
  { header: '已逾期', value: (r) => r.overdue, width: 8 },
  { header: '其中逾期', value: (r) => r.overdueL1, width: 10 },
  { header: '其中催办', value: (r) => r.overdueL2, width: 10 },
  { header: '其中督办', value: (r) => r.overdueL3, width: 10 },
  { header: '待我审核', value: (r) => r.awaitingMyReview, width: 10 },
  { header: '待批延期', value: (r) => r.pendingExtensions, width: 10 },
  { header: '未确认预警', value: (r) => r.unacknowledgedEscalations, width: 12 },
];

const RESPONSIBILITY_NAMES = new Map(Object.entries(RESPONSIBILITY_TYPES).map(([label, code]) => [code as string, label]));

export function responsibilityTypeName(code: string): string {
  return RESPONSIBILITY_NAMES.get(code) ?? code;
}
