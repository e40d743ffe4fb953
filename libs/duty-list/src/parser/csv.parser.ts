import { parse } from 'csv-parse/sync';
import { DutyListParseError } from './duty-list-parse.error.js';
import type { TableRow } from './table-row.js';

interface CsvRecord {
  record: string[];
  info: { lines: number };
}

/**
 * Rows of a comma-separated file. Quoted cells may span lines, so each record's line is the line it
 * starts on: one past the line the previous record ended on (empty lines are kept as records).
 */
export function csvRows(text: string, file: string): TableRow[] {
  let records: CsvRecord[];
  try {
    records = parse(text, {
      info: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    }) as unknown as CsvRecord[];
  } catch (e) {
    const err = e as Error & { lines?: number; code?: string };
    throw new DutyListParseError('INVALID_ROW', file, `CSV 格式错误：${err.message}`, err.lines ? { line: err.lines } : {});
  }
  let previousEnd = 0;
  return records.map(({ record, info }) => {
    const row = { line: previousEnd + 1, cells: record };
    previousEnd = info.lines;
    return row;
  });
}
