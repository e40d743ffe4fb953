import { csvRows } from './csv.parser.js';
import { decodeText } from './decode-text.js';
import { DutyListParseError } from './duty-list-parse.error.js';
import { buildDutyTable } from './duty-table.builder.js';
import { detectTextFormat, isZip } from './format-detector.js';
import { manualTextRows } from './manual-text.parser.js';
import type { DutyListInput, DutyListParseOptions, ParsedDutyList } from './parsed-duty-list.types.js';
import { xlsxRows } from './xlsx.parser.js';

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  return bytes >= 1024 ? `${(bytes / 1024).toFixed(1)} KiB` : `${bytes} 字节`;
}

/**
 * Parses a duty list (定岗定责定流程管理手册 / 履职清单) from a tab-separated text export, a CSV or
 * an XLSX file. The format and the text encoding are detected from the bytes; the file name is used
 * only in messages and to break a CSV/text tie. Bad input throws DutyListParseError.
 */
export async function parseDutyList(input: DutyListInput, options: DutyListParseOptions = {}): Promise<ParsedDutyList> {
  const file = input.fileName;
  const bytes = input.bytes;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;

  if (bytes.length === 0) throw new DutyListParseError('EMPTY_FILE', file, '文件为空');
  // Checked before any decoding so an oversized upload costs nothing beyond its length.
  if (bytes.length > maxBytes) {
    throw new DutyListParseError('FILE_TOO_LARGE', file, `文件大小 ${formatSize(bytes.length)} 超过上限 ${formatSize(maxBytes)}`);
  }

  if (isZip(bytes, file)) {
    const sheet = await xlsxRows(bytes, file);
    const table = buildDutyTable(sheet.rows, file);
    for (const name of sheet.skippedSheets) {
      table.warnings.push({ code: 'IGNORED_SHEET', message: `${file}：只读取了工作表“${sheet.sheetName}”，工作表“${name}”已忽略` });
    }
    return { ...table, format: 'xlsx', encoding: 'utf-8' };
  }

  const { text, encoding } = decodeText(bytes, file);
  if (text.trim() === '') throw new DutyListParseError('EMPTY_FILE', file, '文件没有任何内容');
  const format = detectTextFormat(text, file);
  const rows = format === 'csv' ? csvRows(text, file) : manualTextRows(text);
  return { ...buildDutyTable(rows, file), format, encoding };
}
