import { generateKeyPairSync } from 'node:crypto';
import { resolve } from 'node:path';
import { AppConfig, loadOrCreateSecretFile } from '#libs/core';

const FILE = 'history-seal-key';

/**
 * The configuration a sealing process (the API, the worker) runs with: HISTORY_SEAL_KEY when set; in
 * external mode its absence stops the boot with one line naming it; the embedded default generates
 * an Ed25519 key on first start and keeps it under DATA_DIR (0600), like the token secret.
 */
export function withResolvedSealKey(config: AppConfig): AppConfig {
  if (config.historySealKey || config.mode === 'external') {
    config.requireHistorySealKey();
    return config;
  }
  return config.withHistorySealKey(loadOrCreateSecretFile(resolve(config.dataDir), FILE, generateSealKey));
}

/** A new Ed25519 private key as PKCS#8 PEM. */
export function generateSealKey(): string {
  return generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }) as string;
}
