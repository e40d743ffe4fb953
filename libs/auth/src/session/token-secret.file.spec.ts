import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppConfig, ConfigError } from '#libs/core';
import { withResolvedTokenSecret } from './token-secret.file.js';

describe('withResolvedTokenSecret', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'dt-secret-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('embedded: generates a secret once, private to the owner, and reuses it after a restart', () => {
    const first = withResolvedTokenSecret(AppConfig.fromEnv({ DATA_DIR: dataDir })).requireAuthTokenSecret();
    const second = withResolvedTokenSecret(AppConfig.fromEnv({ DATA_DIR: dataDir })).requireAuthTokenSecret();
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(second).toBe(first);
    const file = join(dataDir, 'auth-token-secret');
    expect(readFileSync(file, 'utf8').trim()).toBe(first);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('embedded: a configured secret wins and nothing is written', () => {
    const secret = 'c'.repeat(40);
    expect(withResolvedTokenSecret(AppConfig.fromEnv({ DATA_DIR: dataDir, AUTH_TOKEN_SECRET: secret })).requireAuthTokenSecret()).toBe(secret);
    expect(() => statSync(join(dataDir, 'auth-token-secret'))).toThrow();
  });

  it('embedded: a truncated secret file stops the start instead of signing with a weak key', () => {
    writeFileSync(join(dataDir, 'auth-token-secret'), 'short\n');
    expect(() => withResolvedTokenSecret(AppConfig.fromEnv({ DATA_DIR: dataDir }))).toThrow(ConfigError);
  });

  it('external: no secret is a configuration error naming the variable', () => {
    expect(() => withResolvedTokenSecret(AppConfig.fromEnv({ DATABASE_URL: 'postgresql://u@db/dt', DATA_DIR: dataDir }))).toThrow(
      /^AUTH_TOKEN_SECRET is required when DATABASE_URL is set/,
    );
  });
});
