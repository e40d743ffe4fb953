import 'reflect-metadata';
import { Logger, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CalendarService } from '#libs/calendar';
import { AppConfig, FixedClock, type Clock } from '#libs/core';
import { CliModule } from '../../apps/cli/src/cli.module.js';
import { WorkerModule } from '../../apps/worker/src/worker.module.js';

export interface BenchContextOptions {
  databaseUrl: string;
  /**
   * `cli`: the domain services without job consumers (nothing runs by itself — what a benchmark
   * that calls a service directly wants). `worker`: the worker's modules, consuming jobs (in-process
   * driver unless REDIS_URL is given in `env`).
   */
  kind?: 'cli' | 'worker';
  /** A FixedClock pins "now" (sweeps, generation); omitted = the real clock. */
  now?: Date | string;
  /** Extra configuration (SMTP_URL, REDIS_URL, WORK_HOURS …), as the environment would give it. */
  env?: Record<string, string>;
  /** Nest log levels (default: errors and warnings only, so figures stay readable). */
  logger?: ('error' | 'warn' | 'log')[];
}

export interface BenchContext {
  app: INestApplicationContext;
  config: AppConfig;
  /** The FixedClock when `now` was given. */
  clock: FixedClock | undefined;
  close(): Promise<void>;
}

/** Boots the real Nest application context (same providers as the CLI or the worker) on a database. */
export async function bootContext(options: BenchContextOptions): Promise<BenchContext> {
  const config = AppConfig.fromEnv({ DATABASE_URL: options.databaseUrl, LOG_LEVEL: 'warn', ...options.env });
  const clock = options.now !== undefined ? new FixedClock(new Date(options.now)) : undefined;
  const core = { config, ...(clock ? { clock: clock as Clock } : {}) };
  const logger = options.logger ?? ['error', 'warn'];
  Logger.overrideLogger(logger);
  const module = options.kind === 'worker' ? WorkerModule.forRoot(core) : CliModule.forRoot(core);
  const app = await NestFactory.createApplicationContext(module, { logger });
  return { app, config, clock, close: () => app.close() };
}

/** Loads the organisation's official holiday schedules (the years the calendar package knows). */
export async function loadCalendar(ctx: BenchContext, orgId: string): Promise<number[]> {
  return ctx.app.get(CalendarService).ensurePackageYears(orgId);
}
