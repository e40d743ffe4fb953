import ExcelJS from 'exceljs';
import type { Column } from './csv.js';

/**
 * Excel has no time zones: it shows a date cell's UTC fields. Shifting by +8 h makes the sheet
 * show Shanghai wall-clock time, the way every other date in the bureau is read.
 */
const toSheetDate = (value: Date) => new Date(value.getTime() + 8 * 3_600_000);

/** One sheet: bold frozen header, fixed widths, Dates as real date cells (sortable, filterable). */
export async function toXlsx<T>(sheetName: string, columns: Column<T>[], rows: T[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c, i) => ({
    key: String(i),
    header: c.header,
    width: c.width ?? Math.max(10, c.header.length * 2 + 2),
    style: c.date ? { numFmt: c.date === 'date' ? 'yyyy-mm-dd' : 'yyyy-mm-dd hh:mm' } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) {
    sheet.addRow(
      columns.map((c) => {
        const v = c.value(row);
        return v instanceof Date ? toSheetDate(v) : (v ?? null);
      }),
    );
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
