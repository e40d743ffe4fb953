import type { SourceLocation } from './duty-list-parse.error.js';
import { type ColumnRole, COLUMN_LABELS, type HeaderMap } from './header-columns.js';
import type { ParsedCooperation, ParsedWorkItem } from './parsed-duty-list.types.js';
import type { ParseWarnings } from './parse-warnings.js';
import { findCooperationCodes } from './post-reference.parser.js';
import { parseResponsibility, splitResponsibilityStatements } from './responsibility.parser.js';
import { cleanCell, splitStatements } from './statement-splitter.js';
import type { TableRow } from './table-row.js';
import { parseWorkItemTitle } from './work-item-title.parser.js';
import { parseWorkflowRefs } from './workflow-ref.parser.js';

/** Reads the cells of one data row by role, and locates them for messages. */
export class RowView {
  constructor(
    readonly row: TableRow,
    private readonly header: HeaderMap,
  ) {}

  raw(role: ColumnRole): string | undefined {
    const column = this.header.columns[role];
    return column ? this.row.cells[column.index] : undefined;
  }

  text(role: ColumnRole): string {
    return cleanCell(this.raw(role));
  }

  at(role: ColumnRole): SourceLocation {
    const column = this.header.columns[role];
    return column
      ? { line: this.row.line, column: column.index + 1, columnName: column.label }
      : { line: this.row.line, columnName: COLUMN_LABELS[role] };
  }
}

function excerpt(text: string): string {
  return text.length > 30 ? `${text.slice(0, 30)}…` : text;
}

/**
 * Builds one work item from a data row. `fallbackSeq` is its position within the post, used when the
 * title carries no `一、` numbering.
 */
export function buildWorkItem(view: RowView, fallbackSeq: number, warnings: ParseWarnings): ParsedWorkItem {
  const { number, title } = parseWorkItemTitle(view.text('item'));

  const functions = splitStatements(view.raw('functions'));
  if (functions.length === 0) warnings.add('EMPTY_FUNCTIONS', `工作事项“${title}”没有岗位职能描述`, view.at('functions'));

  const cooperations: ParsedCooperation[] = functions.flatMap((text) =>
    findCooperationCodes(text).map((postCode) => ({ postCode, text })),
  );

  const statements = splitResponsibilityStatements(view.raw('responsibilities'));
  if (statements.length === 0) {
    warnings.add('EMPTY_RESPONSIBILITIES', `工作事项“${title}”没有岗位责任描述`, view.at('responsibilities'));
  }
  const responsibilities = statements.map((statement) => {
    const { responsibility, issue } = parseResponsibility(statement);
    if (issue === 'UNKNOWN_RESPONSIBILITY_TYPE') {
      warnings.add(issue, `未知的责任类型“${responsibility.label}”，已按原文保留`, view.at('responsibilities'));
    } else if (issue === 'UNTYPED_RESPONSIBILITY') {
      warnings.add(issue, `责任描述缺少“X责任：”前缀，已按原文保留：“${excerpt(statement)}”`, view.at('responsibilities'));
    }
    return responsibility;
  });

  const workflow = parseWorkflowRefs(view.raw('workflow'));
  if (workflow.unrecognised !== null) {
    warnings.add('UNRECOGNISED_WORKFLOW', `工作流程“${excerpt(workflow.unrecognised)}”中没有流程图编号（如 07-1）`, view.at('workflow'));
  }

  const remarks = view.text('remarks');
  return {
    seq: number ?? fallbackSeq,
    title,
    functions,
    responsibilities,
    workflowRefs: workflow.refs,
    cooperations,
    remarks: remarks || null,
    line: view.row.line,
  };
}
