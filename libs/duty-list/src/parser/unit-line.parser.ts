import { cleanCell } from './statement-splitter.js';
import type { TableRow } from './table-row.js';

export interface UnitLine {
  /** Cleaned unit name; empty when the label is present but the value is missing. */
  unitName: string;
  /** 0-based index of the cell holding the value. */
  index: number;
}

// `内设机构名称：国土空间规划科` (full- or half-width colon), or the label alone with the value in
// the next cell (CSV/XLSX preamble rows).
const UNIT_LABEL = /^\s*(?:内设机构(?:名称)?|科室名称|处室名称)\s*(?:[:：]\s*([\s\S]*))?$/;

export function readUnitLine(row: TableRow): UnitLine | null {
  const first = row.cells.findIndex((cell) => cell.trim() !== '');
  if (first < 0) return null;
  const m = UNIT_LABEL.exec(row.cells[first]!);
  if (!m) return null;
  const inline = cleanCell(m[1] ?? '');
  if (inline) return { unitName: inline, index: first };
  const next = row.cells.findIndex((cell, i) => i > first && cell.trim() !== '');
  return next < 0 ? { unitName: '', index: first } : { unitName: cleanCell(row.cells[next]), index: next };
}
