import type { TableRow } from './table-row.js';

/**
 * Rows of the tab-separated manual export: one physical line per row, cells split on tabs. Line
 * numbers are 1-based physical lines so messages point at what the user sees in an editor.
 */
export function manualTextRows(text: string): TableRow[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line, i) => ({ line: i + 1, cells: line.split('\t') }));
}
