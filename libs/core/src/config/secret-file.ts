import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A secret the embedded default generates on first start and keeps under DATA_DIR (0600), so it
 * survives a restart: the token secret, the history seal key. Returns the file's text, trimmed.
 */
export function loadOrCreateSecretFile(dataDir: string, name: string, generate: () => string): string {
  const file = join(dataDir, name);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  try {
    // 'wx' fails when the file exists: two processes starting at once keep the first one's secret.
    writeFileSync(file, `${generate().trim()}\n`, { mode: 0o600, flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  chmodSync(file, 0o600);
  return readFileSync(file, 'utf8').trim();
}
