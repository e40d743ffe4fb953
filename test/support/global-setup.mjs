// Runs once per `npm test`, before any test file. Plain JavaScript over the compiled libraries
// (`npm test` builds first) because jest loads global setup outside its module mapper.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { EmbeddedDatabase, applyMigrations, grantAppRole, pingRedis } from '../../dist/libs/core/src/index.js';

const LOCAL_POSTGRES = 'postgresql://postgres@127.0.0.1:5432/postgres';
const LOCAL_REDIS = 'redis://127.0.0.1:6379';
// The application under test connects as this restricted role, as in production (see grantAppRole):
// cluster-wide, shared by every run; its grants live in each database (copied from the template).
const APP_ROLE = 'dt_test_app';
const APP_PASSWORD = 'dt_test_app';

/**
 * Finds PostgreSQL (DATABASE_URL, else the local server, else an embedded one), migrates a
 * template database once, and checks Redis. REQUIRE_SERVICES=1 (CI) makes a missing service fatal.
 */
export default async function globalSetup() {
  const required = process.env.REQUIRE_SERVICES === '1';
  const adminUrl = await findPostgres(required);
  const templateDatabase = `dt_tmpl_${process.pid}_${Date.now().toString(36)}`;
  await withClient(adminUrl, (c) => c.query(`CREATE DATABASE "${templateDatabase}"`));
  await applyMigrations(databaseUrl(adminUrl, templateDatabase));
  await ensureAppRole(adminUrl);
  await grantAppRole(databaseUrl(adminUrl, templateDatabase), APP_ROLE);

  const redisUrl = process.env.REDIS_URL || LOCAL_REDIS;
  const redisProblem = await pingRedis(redisUrl);
  if (redisProblem) {
    if (required) throw new Error(`REQUIRE_SERVICES=1 but Redis is not available: ${redisProblem}`);
    console.warn(
      `\n!!! Redis not reachable (${redisProblem}).\n!!! Redis-backed suites (BullMQ driver, workers) will NOT run.\n` +
        '!!! Start Redis on 127.0.0.1:6379 or set REDIS_URL, then run `npm test` again.\n',
    );
  }
  // Test files read this (see test-env.ts); jest workers inherit the environment.
  process.env.DUTY_TRACKER_TEST_ENV = JSON.stringify({ adminUrl, templateDatabase, appRole: APP_ROLE, appPassword: APP_PASSWORD, redisUrl: redisProblem ? '' : redisUrl });
}

async function findPostgres(required) {
  if (process.env.DATABASE_URL) return databaseUrl(process.env.DATABASE_URL, 'postgres');
  try {
    await withClient(LOCAL_POSTGRES, (c) => c.query('SELECT 1'));
    return LOCAL_POSTGRES;
  } catch (e) {
    if (required) throw new Error(`REQUIRE_SERVICES=1 but PostgreSQL is not available at ${LOCAL_POSTGRES}: ${e.message}`);
    console.warn('\n--- no PostgreSQL on 127.0.0.1:5432 and no DATABASE_URL: starting an embedded PostgreSQL for the tests\n');
    const embedded = new EmbeddedDatabase(join(tmpdir(), 'duty-tracker-test-pg'));
    globalThis.__dutyTrackerEmbedded = embedded;
    return databaseUrl(await embedded.start(), 'postgres');
  }
}

/** Creates the test application's role once per cluster; concurrent runs may race to create it. */
async function ensureAppRole(adminUrl) {
  await withClient(adminUrl, async (c) => {
    try {
      await c.query(`DO $$ BEGIN
          IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN
            CREATE ROLE ${APP_ROLE} LOGIN PASSWORD '${APP_PASSWORD}';
          END IF;
        END $$`);
    } catch (e) {
      // Another run created it between the check and the CREATE.
      if (!['42710', '23505', 'XX000'].includes(e.code)) throw e;
    }
  });
}

export function databaseUrl(adminUrl, database) {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function withClient(url, fn) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
