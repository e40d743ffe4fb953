/**
 * Benchmark runner: `npm run bench -- <name> [options]` runs `bench/<name>/<name>.bench.ts`.
 * Each benchmark prints a table of figures, writes JSON under bench/results/ and exits 0 unless
 * it could not run at all; a missed target is a figure to read, not a failure.
 */
import { readdirSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const available = readdirSync(here, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(here, d.name, `${d.name}.bench.js`)))
  .map((d) => d.name)
  .sort();

const [name, ...args] = process.argv.slice(2);
if (!name || !available.includes(name)) {
  console.error(`usage: npm run bench -- <${available.join('|')}> [options]`);
  process.exit(name ? 2 : 0);
}
const mod = (await import(`./${name}/${name}.bench.js`)) as { run(args: string[]): Promise<void> };
await mod.run(args);
