import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppConfig, FixedClock, type Clock } from '#libs/core';
import { createApiApp } from '../../apps/api/src/create-api-app.js';
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
  env?: Record<string, string>;
}

/** The real API (Fastify, filters, validation) on its own database, driven with `app.inject`. */
export async function createTestApi(options: TestApiOptions = {}): Promise<TestApi> {
  const db = await createTestDatabase();
  const clock = new FixedClock(new Date(options.now ?? '2026-11-26T02:00:00.000Z'));
  const env: Record<string, string> = { DATABASE_URL: db.url, LOG_LEVEL: 'error', ...options.env };
  if (options.redis) {
    env.REDIS_URL = testEnvironment().redisUrl;
    env.REDIS_PREFIX = `dt-test-${db.name}`;
  }
  const config = AppConfig.fromEnv(env);
  const app = await createApiApp({ config, clock: clock as Clock, runJobs: true, logRequests: false });
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
