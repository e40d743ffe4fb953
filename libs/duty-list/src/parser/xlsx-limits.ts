// Straight to the module, not '#libs/core': the parse runs in a worker thread, and the core index
// (Prisma, queues) would cost it seconds and 100+ MB to load.
import { bufferSource } from '../../../core/src/files/byte-source.js';
import { inflateEntry, readZipDirectory, ZipContainerError, ZIP_LIMITS, type ZipLimits } from '../../../core/src/files/zip-directory.js';
import { DutyListParseError } from './duty-list-parse.error.js';

/**
 * What an XLSX duty list may expand to. exceljs allocates every row and cell up to the farthest
 * reference (and the parser reads the whole rectangle), so a 1.7 KB file with one cell at ZZ200000
 * would grow the process by gigabytes. These limits are checked on the zip directory and the raw
 * sheet XML (bounded inflate) before exceljs sees a byte.
 */
export const XLSX_LIMITS = {
  /** A bureau's whole duty list is a few thousand rows. */
  maxRows: 20_000,
  maxColumns: 100,
  /** Rows × columns of the rectangle read (each is an exceljs cell object). */
  maxCells: 500_000,
  /** Excel's own limit per cell; a longer one was not written by Excel. */
  maxCellChars: 32_767,
  zip: { ...ZIP_LIMITS, maxEntries: 1_000, maxEntryBytes: 64 * 1024 * 1024, maxInflatedBytes: 128 * 1024 * 1024 } satisfies ZipLimits,
} as const;

type ShapeLimit = 'maxRows' | 'maxColumns' | 'maxCells' | 'maxCellChars';

const LIMIT_TEXT: Record<ShapeLimit, string> = {
  maxRows: '行数',
  maxColumns: '列数',
  maxCells: '单元格总数（行数×列数）',
  maxCellChars: '单元格文字长度',
};

function shapeError(file: string, limit: ShapeLimit, actual: number, where: string): DutyListParseError {
  const value = XLSX_LIMITS[limit];
  return new DutyListParseError('SHEET_TOO_LARGE', file, `${where}${LIMIT_TEXT[limit]} ${actual} 超过上限 ${value}`, {}, { name: limit, value });
}

/** "ZZ" → 702. */
function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

const REF = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/;

/** Decoded text length of XML character data: an entity counts as one character. */
const textLength = (xml: string) => xml.replace(/<[^>]*>/g, '').replace(/&#?\w{1,10};/g, '_').length;

/** Refuses a workbook whose container or sheets exceed XLSX_LIMITS; throws DutyListParseError. */
export async function checkXlsxLimits(bytes: Uint8Array, file: string): Promise<void> {
  const source = bufferSource(bytes);
  try {
    const entries = await readZipDirectory(source, XLSX_LIMITS.zip);
    for (const entry of entries) {
      const isSheet = /^xl\/worksheets\/[^/]+\.xml$/i.test(entry.name);
      const isStrings = /^xl\/sharedStrings\.xml$/i.test(entry.name);
      if (!isSheet && !isStrings) continue;
      const xml = (await inflateEntry(source, entry, XLSX_LIMITS.zip.maxEntryBytes)).toString('utf8');
      if (isSheet) checkSheet(xml, file, entry.name);
      else checkCellText(xml, /<si>([\s\S]*?)<\/si>/g, file, '共享字符串中');
    }
  } catch (e) {
    if (!(e instanceof ZipContainerError)) throw e;
    if (!e.tooLarge) throw new DutyListParseError('BINARY_FILE', file, `XLSX 文件已损坏，无法读取：${e.message}`);
    throw new DutyListParseError('ARCHIVE_TOO_LARGE', file, e.message, {}, e.limit);
  }
}

function checkSheet(xml: string, file: string, entry: string): void {
  const where = `工作表 ${entry.replace(/^xl\/worksheets\//, '')} `;
  let rows = 0;
  let columns = 0;
  const extend = (ref: string) => {
    const m = REF.exec(ref);
    if (!m) return;
    rows = Math.max(rows, Number(m[2]));
    columns = Math.max(columns, columnNumber(m[1]!));
  };
  // The declared extent, every cell, row and merged range: exceljs allocates up to the farthest.
  for (const m of xml.matchAll(/<(?:dimension|mergeCell)\b[^>]*?\bref="([^"]*)"/g)) for (const ref of m[1]!.split(':')) extend(ref);
  for (const m of xml.matchAll(/<c\b[^>]*?\br="([^"]*)"/g)) extend(m[1]!);
  for (const m of xml.matchAll(/<row\b[^>]*?\br="(\d+)"/g)) rows = Math.max(rows, Number(m[1]));
  // Rows and cells written without references follow one another.
  let written = 0;
  for (const _ of xml.matchAll(/<row[\s>/]/g)) written++;
  rows = Math.max(rows, written);
  if (rows > XLSX_LIMITS.maxRows) throw shapeError(file, 'maxRows', rows, where);
  if (columns > XLSX_LIMITS.maxColumns) throw shapeError(file, 'maxColumns', columns, where);
  if (rows * columns > XLSX_LIMITS.maxCells) throw shapeError(file, 'maxCells', rows * columns, where);
  checkCellText(xml, /<c\b(?:[^>]*[^/>])?>([\s\S]*?)<\/c>/g, file, where);
}

function checkCellText(xml: string, element: RegExp, file: string, where: string): void {
  for (const m of xml.matchAll(element)) {
    // Cheap test first: markup only makes the raw text longer than the decoded one.
    if (m[1]!.length <= XLSX_LIMITS.maxCellChars) continue;
    const length = textLength(m[1]!);
    if (length > XLSX_LIMITS.maxCellChars) throw shapeError(file, 'maxCellChars', length, where);
  }
}
