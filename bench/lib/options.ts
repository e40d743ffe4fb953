import { parseArgs, type ParseArgsConfig } from 'node:util';

/**
 * Parses a benchmark's options. Every benchmark accepts `--scale <fraction>` (default 1 = the
 * issue's sizes; e.g. 0.05 for a quick development run) and `--help`.
 */
export function benchOptions<T extends NonNullable<ParseArgsConfig['options']>>(
  args: string[],
  options: T,
  usage: string,
): { values: ReturnType<typeof parseArgs<{ args: string[]; options: T & typeof COMMON; strict: true }>>['values']; scale: number } {
  const parsed = parseArgs({ args, options: { ...COMMON, ...options }, strict: true, allowPositionals: false });
  const values = parsed.values as Record<string, unknown>;
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  const scale = Number(values.scale ?? '1');
  if (!(scale > 0)) throw new Error(`--scale must be a positive number, got ${String(values.scale)}`);
  return { values: parsed.values as never, scale };
}

const COMMON = {
  scale: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** A size option: explicit value, else the default times the scale (at least `min`). */
export function sized(value: unknown, fallback: number, scale: number, min = 1): number {
  if (value !== undefined) {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0) throw new Error(`expected a whole number, got ${String(value)}`);
    return n;
  }
  return Math.max(min, Math.round(fallback * scale));
}
