import { Injectable } from '@nestjs/common';
import { DomainError } from '#libs/core';
import type { EscalationReport } from '../escalation-report/escalation-report.service.js';
import type { Inbox } from '../inbox/inbox.service.js';
import { INBOX_GROUPS, type InboxGroup } from '../rules/inbox-grouping.rules.js';
import { toCsv, type Column } from './csv.js';
import { ESCALATION_COLUMNS, INBOX_COLUMNS } from './report-columns.js';
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
}

async function render<T>(name: string, sheet: string, columns: Column<T>[], rows: T[], format: ExportFormat): Promise<ExportFile> {
  const content = format === 'csv' ? toCsv(columns, rows) : await toXlsx(sheet, columns, rows);
  return { fileName: `${name}.${format}`, mimeType: MIME[format], content };
}
