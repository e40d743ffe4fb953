import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '#libs/core';

export type Cell = string | number | null | undefined;

/** Prints rows as an aligned table (numbers right-aligned, thousands separated). */
export function printTable(title: string, rows: Record<string, Cell>[]): void {
  if (rows.length === 0) return;
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const text = (v: Cell) => (v === null || v === undefined ? '–' : typeof v === 'number' ? formatNumber(v) : v);
  const width = columns.map((c) => Math.max(displayWidth(c), ...rows.map((r) => displayWidth(text(r[c])))));
  const line = (cells: string[], numeric: boolean[]) =>
    cells.map((cell, i) => (numeric[i] ? pad(cell, width[i], 'left') : pad(cell, width[i], 'right'))).join('  ');
  console.log(`\n${title}`);
  console.log(line(columns, columns.map(() => false)));
  console.log(width.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(columns.map((c) => text(r[c])), columns.map((c) => typeof r[c] === 'number')));
}

export function formatNumber(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  const digits = Number.isInteger(v) ? 0 : Math.abs(v) < 10 ? 2 : 1;
  return v.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

// CJK characters take two columns in a terminal.
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\uffff]/.test(ch) ? 2 : 1;
  return w;
}

function pad(s: string, width: number, side: 'left' | 'right'): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(s)));
  return side === 'left' ? fill + s : s + fill;
}

/** The machine a figure came from, stored next to it. */
export function machine(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model ?? null, platform: process.platform, ...extra };
}

/** Writes `bench/results/<name>-<timestamp>.json` (git-ignored) and returns its path. */
export function writeResult(name: string, data: Record<string, unknown>): string {
  const dir = join(projectRoot(), 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const at = new Date();
  const file = join(dir, `${name}-${at.toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify({ benchmark: name, at: at.toISOString(), ...data }, null, 2)}\n`);
  return file;
}

/** Wall-clock time of `fn` in milliseconds. */
export async function timed<T>(fn: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const start = process.hrtime.bigint();
  const result = await fn();
  return { result, ms: Number(process.hrtime.bigint() - start) / 1e6 };
}
