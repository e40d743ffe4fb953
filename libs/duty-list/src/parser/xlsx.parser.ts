import ExcelJS from 'exceljs';
import { DutyListParseError } from './duty-list-parse.error.js';
import { checkXlsxLimits } from './xlsx-limits.js';
import { isHeaderRow } from './header-columns.js';
import { cleanCell } from './statement-splitter.js';
import { isBlankRow, type TableRow } from './table-row.js';

const END_OF_CENTRAL_DIRECTORY = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const WORKBOOK_ENTRY = Buffer.from('xl/workbook.xml', 'latin1');

function cellValueToString(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    return result === undefined ? '' : cellValueToString(result as ExcelJS.CellValue);
  }
  if ('hyperlink' in value) return cellValueToString(value.text as ExcelJS.CellValue);
  if ('error' in value) return '';
  return String(value);
}

function sheetRows(sheet: ExcelJS.Worksheet): TableRow[] {
  const rows: TableRow[] = [];
  const width = sheet.columnCount;
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      // A merged range belongs to its first row only; repeating its value on every covered row would
      // duplicate workflow refs and remarks. An emptied post-name cell then reads as a continuation row.
      const isSlave = cell.isMerged && cell.master.address !== cell.address;
      cells.push(isSlave ? '' : cellValueToString(cell.value));
    }
    rows.push({ line: r, cells });
  }
  return rows;
}

async function loadWorkbook(bytes: Uint8Array, file: string): Promise<ExcelJS.Workbook> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.lastIndexOf(END_OF_CENTRAL_DIRECTORY) < 0) {
    throw new DutyListParseError('BINARY_FILE', file, '文件以 ZIP 标记开头但不是有效的 ZIP/XLSX 文件（可能已损坏或被截断）');
  }
  if (buffer.indexOf(WORKBOOK_ENTRY) < 0) {
    throw new DutyListParseError('UNSUPPORTED_FORMAT', file, '该 ZIP 文件不是 Excel 工作簿（XLSX），请上传 XLSX、CSV 或文本文件');
  }
  await checkXlsxLimits(buffer, file);
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its input as an ArrayBuffer look-alike; at runtime it takes a Node Buffer.
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch (e) {
    throw new DutyListParseError('BINARY_FILE', file, `XLSX 文件已损坏，无法读取：${(e as Error).message}`);
  }
  return workbook;
}

export interface XlsxRows {
  sheetName: string;
  rows: TableRow[];
  /** Other non-empty worksheets that were not read. */
  skippedSheets: string[];
}

/** Rows of the first worksheet that contains a header row (or of the first non-empty one). */
export async function xlsxRows(bytes: Uint8Array, file: string): Promise<XlsxRows> {
  const workbook = await loadWorkbook(bytes, file);
  const sheets = workbook.worksheets
    .map((sheet) => ({ name: sheet.name, rows: sheetRows(sheet) }))
    .filter((sheet) => sheet.rows.some((row) => !isBlankRow(row)));
  if (sheets.length === 0) throw new DutyListParseError('EMPTY_FILE', file, '工作簿中没有任何内容');
  const chosen =
    sheets.find((sheet) => sheet.rows.some((row) => isHeaderRow(row.cells.map((cell) => cleanCell(cell))))) ?? sheets[0]!;
  return {
    sheetName: chosen.name,
    rows: chosen.rows,
    skippedSheets: sheets.filter((sheet) => sheet !== chosen).map((sheet) => sheet.name),
  };
}
