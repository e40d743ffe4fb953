import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { projectRoot } from './project-root.js';
import { redact } from '../config/app-config.js';

/**
 * Applies committed migrations with `prisma migrate deploy`. The CLI runs its WebAssembly schema
 * engine through the pg adapter configured in prisma.config.ts, so nothing is downloaded.
 */
export async function applyMigrations(databaseUrl: string): Promise<void> {
  const cli = createRequire(import.meta.url).resolve('prisma/build/index.js');
  const output: string[] = [];
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, [cli, 'migrate', 'deploy'], {
      cwd: projectRoot(),
      env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (d: Buffer) => output.push(d.toString()));
    child.stderr.on('data', (d: Buffer) => output.push(d.toString()));
    child.on('error', reject);
    child.on('close', resolve);
  });
  if (code !== 0) {
    throw new Error(`Applying migrations to ${redact(databaseUrl)} failed:\n${output.join('').trim()}`);
  }
}
