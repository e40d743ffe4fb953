/**
 * What the global setup found, handed to test files through the environment (jest workers are
 * started after the global setup and inherit it).
 */
export interface TestEnvironment {
  /** A connection to the `postgres` database of the server the tests use. */
  adminUrl: string;
  /** Migrated once per run; each test file clones it. */
  templateDatabase: string;
  /** The restricted role the application under test connects as (SELECT and INSERT only on history_event). */
  appRole: string;
  appPassword: string;
  /** Empty when no Redis is reachable. */
  redisUrl: string;
}

// Written by global-setup.mjs.
const KEY = 'DUTY_TRACKER_TEST_ENV';

export function testEnvironment(): TestEnvironment {
  const raw = process.env[KEY];
  if (!raw) throw new Error('the integration global setup did not run (use `npm test`)');
  return JSON.parse(raw) as TestEnvironment;
}

export function databaseUrl(adminUrl: string, database: string, as?: { user: string; password: string }): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  if (as) {
    url.username = encodeURIComponent(as.user);
    url.password = encodeURIComponent(as.password);
  }
  return url.toString();
}
