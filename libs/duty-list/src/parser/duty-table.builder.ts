import { DutyListParseError, type SourceLocation } from './duty-list-parse.error.js';
import { COLUMN_LABELS, type HeaderMap, isHeaderRow, mapHeader } from './header-columns.js';
import type { ParsedPost, ParseWarning } from './parsed-duty-list.types.js';
import { ParseWarnings } from './parse-warnings.js';
import { linkPosts, type ReportsToOverride } from './post-hierarchy.js';
import { describePostCode, resolvePostName } from './post-name.parser.js';
import { findReportsToCode } from './post-reference.parser.js';
import { cleanCell } from './statement-splitter.js';
import { isBlankRow, nonEmptyCellIndexes, type TableRow } from './table-row.js';
import { readUnitLine } from './unit-line.parser.js';
import { buildWorkItem, RowView } from './work-item.builder.js';

export interface DutyTable {
  title: string | null;
  unitName: string;
  posts: ParsedPost[];
  warnings: ParseWarning[];
}

/**
 * Turns the rows of any input format into posts and work items. Rows before the first header are
 * the preamble (title, 内设机构名称); every later header row re-maps the columns, because the manual
 * repeats the header before each table with different wording.
 */
class DutyTableBuilder {
  private readonly warnings: ParseWarnings;
  private title: string | null = null;
  private unit: { name: string; line: number } | null = null;
  private header: HeaderMap | null = null;
  private readonly posts: ParsedPost[] = [];
  private current: ParsedPost | null = null;
  private readonly overrides = new Map<string, ReportsToOverride>();
  private readonly reportedColumns = new Set<string>();

  constructor(private readonly file: string) {
    this.warnings = new ParseWarnings(file);
  }

  accept(row: TableRow): void {
    if (isBlankRow(row)) return;
    if (isHeaderRow(row.cells.map((cell) => cleanCell(cell)))) return this.acceptHeader(row);
    const unitLine = readUnitLine(row);
    if (unitLine) return this.setUnit(unitLine.unitName, { line: row.line, column: unitLine.index + 1 });
    if (!this.header) return this.acceptPreamble(row);
    this.acceptData(row, this.header);
  }

  finish(): DutyTable {
    if (!this.header) {
      throw new DutyListParseError('MISSING_COLUMNS', this.file, '未找到表头行（应包含“岗位名称”“工作事项”“岗位职能描述”“岗位责任描述”等列）');
    }
    if (!this.unit) {
      throw new DutyListParseError('MISSING_UNIT_NAME', this.file, '未找到“内设机构名称：XXX”行或“内设机构名称”列');
    }
    if (this.posts.length === 0) throw new DutyListParseError('NO_POSTS', this.file, '表格中没有任何岗位');
    linkPosts(this.posts, this.overrides, this.warnings);
    return { title: this.title, unitName: this.unit.name, posts: this.posts, warnings: this.warnings.list };
  }

  private acceptHeader(row: TableRow): void {
    const cells = row.cells.map((cell) => cleanCell(cell));
    const header = mapHeader(cells);
    if (header.missing.length > 0) {
      const names = header.missing.map((role) => `“${COLUMN_LABELS[role]}”`).join('、');
      throw new DutyListParseError('MISSING_COLUMNS', this.file, `表头缺少必需的列：${names}`, { line: row.line });
    }
    for (const column of header.ignored) {
      if (this.reportedColumns.has(column.label)) continue;
      this.reportedColumns.add(column.label);
      this.warnings.add('UNKNOWN_COLUMN', `无法识别或重复的列“${column.label}”，该列内容已忽略`, {
        line: row.line,
        column: column.index + 1,
        columnName: column.label,
      });
    }
    this.header = header;
  }

  private setUnit(name: string, at: SourceLocation & { line: number }): void {
    if (!name) {
      throw new DutyListParseError('MISSING_UNIT_NAME', this.file, '“内设机构名称”没有填写', at);
    }
    if (!this.unit) {
      this.unit = { name, line: at.line };
    } else if (this.unit.name !== name) {
      throw new DutyListParseError(
        'MULTIPLE_UNITS',
        this.file,
        `内设机构名称“${name}”与第${this.unit.line}行的“${this.unit.name}”不一致，一个文件只能包含一个内设机构`,
        at,
      );
    }
  }

  private acceptPreamble(row: TableRow): void {
    const text = row.cells.map((cell) => cleanCell(cell)).filter(Boolean).join(' ');
    if (this.title === null) this.title = text;
    else this.warnings.add('IGNORED_ROW', `表头之前的内容“${text}”已忽略`, { line: row.line });
  }

  private acceptData(row: TableRow, header: HeaderMap): void {
    const view = new RowView(row, header);
    const filled = nonEmptyCellIndexes(row);

    const width = Math.max(...Object.values(header.columns).map((c) => c.index), ...header.ignored.map((c) => c.index)) + 1;
    const overflow = filled.find((index) => index >= width);
    if (overflow !== undefined) {
      throw new DutyListParseError(
        'INVALID_ROW',
        this.file,
        `该行第${overflow + 1}列有内容，但表头只有${width}列（单元格内可能含有制表符或分隔符）`,
        { line: row.line, column: overflow + 1 },
      );
    }

    // Text alone in the first column (a line without tabs) is a section heading or a note, not a
    // work item. Lone text in any other column is content without its item and must fail below.
    const firstIsData = header.columns.post!.index === 0 || header.columns.item!.index === 0;
    if (filled.length === 1 && filled[0] === 0 && !firstIsData) {
      const text = cleanCell(row.cells[0]);
      if (!/^\d+$/.test(text.normalize('NFKC'))) {
        this.warnings.add('IGNORED_ROW', `无法识别的行“${text}”已忽略`, { line: row.line });
        return;
      }
    }

    if (header.columns.unit) {
      const unitName = view.text('unit');
      if (unitName) this.setUnit(unitName, { ...view.at('unit'), line: row.line });
    }

    const post = this.postFor(view);
    const title = view.text('item');
    if (!title) throw new DutyListParseError('INVALID_ROW', this.file, '缺少工作事项', view.at('item'));

    const item = buildWorkItem(view, post.workItems.length + 1, this.warnings);
    const previous = post.workItems.at(-1);
    if (previous && item.seq <= previous.seq) {
      this.warnings.add('ITEM_NUMBER_OUT_OF_ORDER', `工作事项编号 ${item.seq} 不在上一事项（${previous.seq}）之后`, view.at('item'));
    }
    post.workItems.push(item);
    this.recordReportsTo(post, item.remarks, view);
  }

  /** The post a data row belongs to: a new post, or the current one for a continuation row. */
  private postFor(view: RowView): ParsedPost {
    const name = view.text('post');
    const seqText = view.text('seq').normalize('NFKC');
    const seq = /^\d+$/.test(seqText) ? Number(seqText) : null;

    if (!name) {
      if (!this.current) {
        throw new DutyListParseError('INVALID_ROW', this.file, '续行之前没有岗位：第一条工作事项必须填写岗位名称', view.at('post'));
      }
      if (seq !== null && seq !== this.current.seq) {
        throw new DutyListParseError('INVALID_ROW', this.file, `序号为 ${seq} 的行缺少岗位名称`, view.at('post'));
      }
      return this.current;
    }

    const identity = resolvePostName(name);
    if (!identity) {
      throw new DutyListParseError(
        'UNRESOLVED_POST',
        this.file,
        `无法识别岗位“${name}”（应为“正职岗位”“副职岗位”或“业务岗N：名称”）`,
        view.at('post'),
      );
    }
    // CSV/XLSX repeat the post name on every row of the post.
    if (this.current?.code === identity.code) {
      if (this.current.name !== name) {
        this.warnings.add('POST_NAME_MISMATCH', `岗位名称“${name}”与本岗位首行的“${this.current.name}”不一致，按同一岗位处理`, view.at('post'));
      }
      return this.current;
    }
    const earlier = this.posts.find((p) => p.code === identity.code);
    if (earlier) {
      throw new DutyListParseError(
        'DUPLICATE_POST',
        this.file,
        `岗位“${describePostCode(identity.code)}”已在第${earlier.line}行出现过`,
        view.at('post'),
      );
    }
    if (seq === null && seqText) {
      this.warnings.add('INVALID_SEQ', `序号“${seqText}”不是数字，已按出现顺序编号`, view.at('seq'));
    }
    const post: ParsedPost = {
      seq: seq ?? this.posts.length + 1,
      code: identity.code,
      kind: identity.kind,
      name,
      title: identity.title,
      reportsToCode: null,
      workItems: [],
      line: view.row.line,
    };
    this.posts.push(post);
    this.current = post;
    return post;
  }

  private recordReportsTo(post: ParsedPost, remarks: string | null, view: RowView): void {
    if (!remarks || this.overrides.has(post.code)) return;
    const code = findReportsToCode(remarks);
    if (code) this.overrides.set(post.code, { code, at: view.at('remarks') });
  }
}

export function buildDutyTable(rows: Iterable<TableRow>, file: string): DutyTable {
  const builder = new DutyTableBuilder(file);
  for (const row of rows) builder.accept(row);
  return builder.finish();
}
