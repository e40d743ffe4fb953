import { Injectable } from '@nestjs/common';
import { DomainError } from '#libs/core';
import type { UnitBoard } from '../board/board.service.js';
import type { CoverageReport } from '../coverage/coverage.service.js';
import type { EscalationReport } from '../escalation-report/escalation-report.service.js';
import type { FulfilmentFigure, FulfilmentReport } from '../fulfilment/fulfilment.service.js';
import type { Inbox } from '../inbox/inbox.service.js';
import { INBOX_GROUPS, type InboxGroup } from '../rules/inbox-grouping.rules.js';
import { toCsv, type Column } from './csv.js';
import {
  BOARD_COLUMNS,
  COVERAGE_COLUMNS,
  ESCALATION_COLUMNS,
  FULFILMENT_COLUMNS,
  INBOX_COLUMNS,
  type BoardExportRow,
  type FulfilmentExportRow,
} from './report-columns.js';
import { toXlsx } from './xlsx.js';

export type ExportFormat = 'csv' | 'xlsx';

export interface ExportFile {
  fileName: string;
  mimeType: string;
  content: Buffer;
}

const MIME: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

const GROUP_NAMES: Record<InboxGroup, string> = {
  overdue: '已逾期',
  returned: '被退回',
  awaitingAcceptance: '待签收',
  dueToday: '今日到期',
  dueThisWeek: '本周到期',
  later: '以后到期',
};

const POST_KIND_NAMES: Record<string, string> = { CHIEF: '正职', DEPUTY: '副职', OFFICER: '业务岗' };

export function parseExportFormat(value: string): ExportFormat {
  if (value === 'csv' || value === 'xlsx') return value;
  throw new DomainError('EXPORT_FORMAT_UNSUPPORTED', 'INVALID', `不支持的导出格式：${value}`, { format: value });
}

@Injectable()
export class ReportExportService {
  escalationReport(report: EscalationReport, format: ExportFormat): Promise<ExportFile> {
    const name = `督办催办统计_${report.unit.name}_${report.period.from}_${report.period.to}`;
    return render(name, '催办督办', ESCALATION_COLUMNS, report.items, format);
  }

  inbox(inbox: Inbox, format: ExportFormat): Promise<ExportFile> {
    const rows = INBOX_GROUPS.flatMap((g) => inbox[g].map((item) => ({ ...item, groupName: GROUP_NAMES[g] })));
    return render(`我的待办_${inbox.today}`, '我的待办', INBOX_COLUMNS, rows, format);
  }

  /** The totals first, then one block per dimension; a missing key (no holder, ad-hoc) gets a name. */
  fulfilmentReport(report: FulfilmentReport, format: ExportFormat): Promise<ExportFile> {
    const block = (dimensionName: string, figures: FulfilmentFigure[], unnamed: string): FulfilmentExportRow[] =>
      figures.map((f) => ({ ...f, dimensionName, name: f.label ?? unnamed }));
    const rows = [
      ...block('合计', [report.totals], report.unit.name),
      ...block('岗位', report.byPost, '（未知岗位）'),
      ...block('人员', report.byPerson, '（无在岗人员）'),
      ...block('工作事项', report.byWorkItem, '临时交办'),
    ];
    const name = `履职情况统计_${report.unit.name}_${report.period.from}_${report.period.to}`;
    return render(name, '履职情况', FULFILMENT_COLUMNS, rows, format);
  }

  coverageReport(report: CoverageReport, format: ExportFormat): Promise<ExportFile> {
    const name = `履职覆盖_${report.unit.name}_${report.period.from}_${report.period.to}`;
    return render(name, '履职覆盖', COVERAGE_COLUMNS, report.items, format);
  }

  board(board: UnitBoard, format: ExportFormat): Promise<ExportFile> {
    const rows: BoardExportRow[] = [
      ...board.posts.map(({ postId: _id, code: _code, kind, ...post }) => ({ ...post, kindName: POST_KIND_NAMES[kind] ?? kind })),
      { ...board.totals, name: '合计', kindName: '', holderName: null },
    ];
    return render(`督导看板_${board.unit.name}_${board.today}`, '督导看板', BOARD_COLUMNS, rows, format);
  }
}

async function render<T>(name: string, sheet: string, columns: Column<T>[], rows: T[], format: ExportFormat): Promise<ExportFile> {
  const content = format === 'csv' ? toCsv(columns, rows) : await toXlsx(sheet, columns, rows);
  return { fileName: `${name}.${format}`, mimeType: MIME[format], content };
}
