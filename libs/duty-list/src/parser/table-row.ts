/** One row of any input format, cells as raw strings (HTML and numbering untouched). */
export interface TableRow {
  /** 1-based line (text/CSV: line where the record starts) or worksheet row number (XLSX). */
  line: number;
  cells: string[];
}

export function isBlankRow(row: TableRow): boolean {
  return row.cells.every((cell) => cell.trim() === '');
}

export function nonEmptyCellIndexes(row: TableRow): number[] {
  return row.cells.flatMap((cell, index) => (cell.trim() === '' ? [] : [index]));
}
