import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppConfig, FixedClock, type Clock } from '#libs/core';
import { createApiApp } from '../../apps/api/src/create-api-app.js';
import { DEMO_PASSWORD } from '../../seeds/demo-people.js';
import { seedDemoData } from '../../seeds/demo-seed.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';
import { testEnvironment } from './test-env.js';

export interface TestApi {
  app: NestFastifyApplication;
  db: TestDatabase;
  config: AppConfig;
  clock: FixedClock;
  close(): Promise<void>;
}

export interface TestApiOptions {
  /** Seed the planning section and demo people (default true). */
  seed?: boolean;
  /** Use BullMQ on the test Redis instead of the in-process driver. */
  redis?: boolean;
  now?: string;
  /** Run queue processors and periodic jobs in the test app (default true). */
  jobs?: boolean;
  env?: Record<string, string>;
}

/** Signs the test API's access tokens (external mode requires one); tests may forge with it. */
export const TEST_TOKEN_SECRET = 'test-only-token-secret-0123456789abcdef';

/** Signs the test API's history seals (external mode requires a key); its public half is TEST_SEAL_PUBLIC_KEY. */
export const TEST_SEAL_KEY = 'MC4CAQAwBQYDK2VwBCIEIADgodxbkkdJDm+NWCfYYxriXPvtVPvFMzmaBTy+YCfq';
export const TEST_SEAL_PUBLIC_KEY = 'MCowBQYDK2VwAyEA4CW0polIZy1O74IFVk0PE/15hkY2H0Y/vLKYh78EtdY=';
/** Shows /health's checks and warnings to the tests (header X-Health-Token). */
export const TEST_HEALTH_TOKEN = 'test-only-health-token-0123456789abcdef';
export const HEALTH_DETAILS = { 'x-health-token': TEST_HEALTH_TOKEN };

/**
 * The environment of a test API process on `databaseUrl` (external mode needs the secret and the
 * seal key). Only fatal logs: the failures tests provoke on purpose are asserted, not printed.
 */
export function testAppEnv(databaseUrl: string, extra: Record<string, string> = {}): Record<string, string> {
  return { DATABASE_URL: databaseUrl, LOG_LEVEL: 'fatal', AUTH_TOKEN_SECRET: TEST_TOKEN_SECRET, HISTORY_SEAL_KEY: TEST_SEAL_KEY, HEALTH_TOKEN: TEST_HEALTH_TOKEN, ...extra };
}

/** The real API (Fastify, filters, validation) on its own database, driven with `app.inject`. */
export async function createTestApi(options: TestApiOptions = {}): Promise<TestApi> {
  const db = await createTestDatabase();
  const clock = new FixedClock(new Date(options.now ?? '2026-11-26T02:00:00.000Z'));
  // The application connects as the restricted role, as in production; db.sql stays the owner.
  const env = testAppEnv(db.appUrl, options.env);
  if (options.redis) {
    env.REDIS_URL = testEnvironment().redisUrl;
    env.REDIS_PREFIX = `dt-test-${db.name}`;
  }
  const config = AppConfig.fromEnv(env);
  const app = await createApiApp({ config, clock: clock as Clock, runJobs: options.jobs ?? true, logRequests: false });
  await app.getHttpAdapter().getInstance().ready();
  if (options.seed ?? true) await seedDemoData(app, { demoLogins: true });
  return {
    app,
    db,
    config,
    clock,
    close: async () => {
      await app.close();
      await db.drop();
    },
  };
}

export function redisAvailable(): boolean {
  return testEnvironment().redisUrl !== '';
}

export type AuthHeaders = { authorization: string };

/**
 * Logs in through the API (demo users share DEMO_PASSWORD) and returns the headers that make a
 * request theirs. Fails the test loudly if the login is refused.
 */
export async function loginAs(t: TestApi, username: string, password = DEMO_PASSWORD): Promise<AuthHeaders> {
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login as ${username} failed: ${res.statusCode} ${res.body}`);
  return { authorization: `Bearer ${res.json().accessToken as string}` };
}
