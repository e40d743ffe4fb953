import { DutyListParseError } from './duty-list-parse.error.js';
import { isHeaderRow } from './header-columns.js';

export type InputFormat = 'xlsx' | 'csv' | 'text';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d];
// Enough lines to get past a title block to the first header row.
const HEADER_SCAN_LINES = 200;

function hasPrefix(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

/** XLSX by its ZIP signature; known non-supported binaries are rejected with a useful hint. */
export function isZip(bytes: Uint8Array, file: string): boolean {
  if (hasPrefix(bytes, OLE_MAGIC)) {
    throw new DutyListParseError('UNSUPPORTED_FORMAT', file, '不支持旧版 Office 文件（.xls/.doc），请在 Excel 中另存为 XLSX 或 CSV 后上传');
  }
  if (hasPrefix(bytes, PDF_MAGIC)) {
    throw new DutyListParseError('UNSUPPORTED_FORMAT', file, '不支持 PDF 文件，请上传 XLSX、CSV 或制表符分隔的文本文件');
  }
  return hasPrefix(bytes, ZIP_MAGIC);
}

function unquote(cell: string): string {
  return cell.trim().replace(/^"(.*)"$/, '$1');
}

/**
 * CSV or tab-separated text, decided by the first header row: whichever separator turns it into a
 * header wins. The file extension only breaks a tie (or decides when no header is found at all).
 */
export function detectTextFormat(text: string, fileName: string): Exclude<InputFormat, 'xlsx'> {
  const byExtension = /\.csv$/i.test(fileName) ? 'csv' : 'text';
  const lines = text.split(/\r\n?|\n/, HEADER_SCAN_LINES);
  for (const line of lines) {
    const tabCells = line.split('\t');
    const commaCells = line.split(',').map(unquote);
    const tab = tabCells.length > 1 && isHeaderRow(tabCells);
    const comma = commaCells.length > 1 && isHeaderRow(commaCells);
    if (tab && comma) return byExtension;
    if (tab) return 'text';
    if (comma) return 'csv';
  }
  return byExtension;
}
