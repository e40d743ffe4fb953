export interface Column<T> {
  header: string;
  value: (row: T) => string | number | Date | null | undefined;
  /** Excel column width in characters. */
  width?: number;
  /** How a Date renders: a calendar date or a date-time (both Asia/Shanghai). */
  date?: 'date' | 'datetime';
  /**
   * How a number renders: `percent` takes a fraction (0.75) and shows 75.0%, `decimal` one
   * decimal place. Either way the spreadsheet cell stays a number, so it sums and sorts.
   */
  number?: 'percent' | 'decimal';
}

/** RFC 4180 quoting; a leading =, +, - or @ is neutralised so a spreadsheet never runs it as a formula. */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV text of a number column; Excel reads "75.0%" back as the number 0.75 shown as a percentage. */
export function numberText(value: number, kind: 'percent' | 'decimal' | undefined): string {
  if (kind === 'percent') return `${(value * 100).toFixed(1)}%`;
  if (kind === 'decimal') return value.toFixed(1);
  return String(value);
}

/** Shanghai wall-clock rendering, independent of the server's time zone. */
export function shanghaiText(value: Date, kind: 'date' | 'datetime'): string {
  const iso = new Date(value.getTime() + 8 * 3_600_000).toISOString();
  return kind === 'date' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

/** UTF-8 with a BOM: Excel on Chinese Windows otherwise opens the file as GBK and garbles it. */
export function toCsv<T>(columns: Column<T>[], rows: T[]): Buffer {
  const line = (cells: string[]) => cells.join(',');
  const body = [
    line(columns.map((c) => csvCell(c.header))),
    ...rows.map((r) =>
      line(
        columns.map((c) => {
          const v = c.value(r);
          if (v instanceof Date) return csvCell(shanghaiText(v, c.date ?? 'datetime'));
          // Our own digits: no quoting needed, and a minus sign is not a formula.
          return typeof v === 'number' ? numberText(v, c.number) : csvCell(v);
        }),
      ),
    ),
  ].join('\r\n');
  return Buffer.from(`\uFEFF${body}\r\n`, 'utf8');
}
