import ExcelJS from 'exceljs';
import type { Column } from './csv.js';

/**
 * Excel has no time zones: it shows a date cell's UTC fields. Shifting by +8 h makes the sheet
 * show Shanghai wall-clock time, the way every other date in the bureau is read.
 */
const toSheetDate = (value: Date) => new Date(value.getTime() + 8 * 3_600_000);

const NUM_FMT = { date: 'yyyy-mm-dd', datetime: 'yyyy-mm-dd hh:mm', percent: '0.0%', decimal: '0.0' } as const;

function numFmtOf(c: Pick<Column<unknown>, 'date' | 'number'>): string | undefined {
  if (c.date) return NUM_FMT[c.date];
  if (c.number) return NUM_FMT[c.number];
  return undefined;
}

/**
 * One sheet: bold frozen header with filters, fixed widths, Dates as real date cells and numbers as
 * number cells (percentages as fractions with a % format), so the sheet sorts, filters and sums.
 */
export async function toXlsx<T>(sheetName: string, columns: Column<T>[], rows: T[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c, i) => {
    const numFmt = numFmtOf(c);
    return {
      key: String(i),
      header: c.header,
      // A CJK character is about two Latin characters wide.
      width: c.width ?? Math.max(10, c.header.length * 2 + 2),
      style: numFmt ? { numFmt } : {},
    };
  });
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  for (const row of rows) {
    sheet.addRow(
      columns.map((c) => {
        const v = c.value(row);
        // An empty text is an empty cell, so Excel's blanks filter and COUNTA see it as empty.
        return v instanceof Date ? toSheetDate(v) : v === '' || v === undefined ? null : v;
      }),
    );
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
