import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { AppConfig, loadOrCreateSecretFile } from '#libs/core';

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
  return config.withAuthTokenSecret(loadOrCreateSecretFile(resolve(config.dataDir), FILE, () => randomBytes(48).toString('base64url')));
}
