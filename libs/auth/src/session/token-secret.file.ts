import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AppConfig } from '#libs/core';

const FILE = 'auth-token-secret';

/**
 * The configuration the API runs with: AUTH_TOKEN_SECRET when set; in external mode its absence
 * stops the boot with one line naming it; the embedded default generates one on first start and
 * keeps it under DATA_DIR (0600) so tokens survive a restart.
 */
export function withResolvedTokenSecret(config: AppConfig): AppConfig {
  if (config.authTokenSecret || config.mode === 'external') {
    config.requireAuthTokenSecret();
    return config;
  }
  return config.withAuthTokenSecret(loadOrCreateSecret(resolve(config.dataDir)));
}

function loadOrCreateSecret(dataDir: string): string {
  const file = join(dataDir, FILE);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  try {
    // 'wx' fails when the file exists: two processes starting at once keep the first one's secret.
    writeFileSync(file, `${randomBytes(48).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  chmodSync(file, 0o600);
  return readFileSync(file, 'utf8').trim();
}
