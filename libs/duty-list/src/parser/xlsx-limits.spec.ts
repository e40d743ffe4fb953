import { cell, xlsxBytes, zipBytes } from '../../../../test/support/zip-bytes.js';
import { DutyListParseError } from './duty-list-parse.error.js';
import { parseDutyList } from './duty-list.parser.js';
import { XLSX_LIMITS } from './xlsx-limits.js';

const HEADER = `<row r="1">${cell('A1', '序号')}${cell('B1', '岗位名称')}${cell('C1', '工作事项')}${cell('D1', '职责描述')}</row>`;

async function refusal(bytes: Buffer): Promise<DutyListParseError> {
  const error = await parseDutyList({ fileName: 'bomb.xlsx', bytes }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DutyListParseError);
  return error as DutyListParseError;
}

describe('XLSX limits (checked before exceljs allocates anything)', () => {
  const long = 'x'.repeat(XLSX_LIMITS.maxCellChars + 1);
  const rssBefore = process.memoryUsage().rss;

  it.each<[string, () => Buffer, string, string, number]>([
    ['one cell at ZZ200000', () => xlsxBytes(`${HEADER}<row r="200000">${cell('ZZ200000', '远')}</row>`), 'SHEET_TOO_LARGE', 'maxRows', XLSX_LIMITS.maxRows],
    ['a cell in column ZZ', () => xlsxBytes(`${HEADER}<row r="2">${cell('ZZ2', '远')}</row>`), 'SHEET_TOO_LARGE', 'maxColumns', XLSX_LIMITS.maxColumns],
    ['a rectangle of too many cells', () => xlsxBytes(`${HEADER}<row r="5001">${cell('CV5001', '远')}</row>`), 'SHEET_TOO_LARGE', 'maxCells', XLSX_LIMITS.maxCells],
    ['a declared dimension beyond the rows', () => xlsxBytes(HEADER, { dimension: 'A1:D30000' }), 'SHEET_TOO_LARGE', 'maxRows', XLSX_LIMITS.maxRows],
    ['a merged range beyond the rows', () => xlsxBytes(HEADER.replace('</row>', '</row>') + '</sheetData><mergeCells><mergeCell ref="A1:A25000"/></mergeCells><sheetData>'), 'SHEET_TOO_LARGE', 'maxRows', XLSX_LIMITS.maxRows],
    ['too many rows without references', () => xlsxBytes(HEADER + '<row/>'.repeat(XLSX_LIMITS.maxRows)), 'SHEET_TOO_LARGE', 'maxRows', XLSX_LIMITS.maxRows],
    ['a too long inline cell', () => xlsxBytes(`${HEADER}<row r="2">${cell('B2', long)}</row>`), 'SHEET_TOO_LARGE', 'maxCellChars', XLSX_LIMITS.maxCellChars],
    ['a too long shared string', () => xlsxBytes(`${HEADER}<row r="2"><c r="B2" t="s"><v>0</v></c></row>`, { sharedStrings: [long] }), 'SHEET_TOO_LARGE', 'maxCellChars', XLSX_LIMITS.maxCellChars],
    ['a deflate bomb (ratio)', () => xlsxBytes(`${HEADER}<row r="2">${cell('B2', 'x')}</row>${' '.repeat(8 * 1024 * 1024)}`), 'ARCHIVE_TOO_LARGE', 'maxRatio', XLSX_LIMITS.zip.maxRatio],
    ['an entry declared huge', () => zipBytes([{ name: 'xl/workbook.xml', data: 'x', declaredSize: 200 * 1024 * 1024 }]), 'ARCHIVE_TOO_LARGE', 'maxEntryBytes', XLSX_LIMITS.zip.maxEntryBytes],
    ['too many entries', () => zipBytes(Array.from({ length: XLSX_LIMITS.zip.maxEntries + 1 }, (_, i) => ({ name: i ? `xl/media/${i}.xml` : 'xl/workbook.xml', data: '' }))), 'ARCHIVE_TOO_LARGE', 'maxEntries', XLSX_LIMITS.zip.maxEntries],
  ])('refuses %s, naming the limit', async (_name, build, code, limit, value) => {
    const error = await refusal(build());
    expect(error).toMatchObject({ code, limit: { name: limit, value } });
    // The message names the limit's value, sizes in MiB.
    expect(error.message).toContain(limit === 'maxEntryBytes' ? `${value / 1024 / 1024} MiB` : String(value));
  });

  it('refuses a sheet that inflates to more than its declared size (a lying directory)', async () => {
    const honest = xlsxBytes(HEADER);
    const sheet = 'xl/worksheets/sheet1.xml';
    // Rebuild with the sheet declared one byte long: the bounded inflate stops there.
    const lying = zipBytes([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'xl/workbook.xml', data: '<workbook/>' },
      { name: sheet, data: `<worksheet><sheetData>${HEADER}</sheetData></worksheet>`, declaredSize: 1 },
    ]);
    expect(honest.length).toBeGreaterThan(0);
    expect(await refusal(lying)).toMatchObject({ code: 'BINARY_FILE' });
  });

  it('still reads a small, honest workbook', async () => {
    const rows = `${HEADER}<row r="2">${cell('A2', '1')}${cell('B2', '正职岗位：科长')}${cell('C2', '主持全面工作')}${cell('D2', '1、负责统筹谋划。')}</row>`;
    const error = await parseDutyList({ fileName: 'ok.xlsx', bytes: xlsxBytes(rows) }).then(
      () => undefined,
      (e: DutyListParseError) => e,
    );
    // Read by exceljs past the limits: what it says now is about the content (no unit name line).
    expect(error?.code).toBe('MISSING_COLUMNS');
  });

  it('kept the process small', () => {
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(300 * 1024 * 1024);
  });
});
