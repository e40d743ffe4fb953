import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppConfig, ConfigError, probeDatabase } from '#libs/core';
import { withResolvedSealKey } from '#libs/history';
import { WorkerModule } from './worker.module.js';

async function main(): Promise<void> {
  let config = AppConfig.fromEnv(process.env);
  if (config.mode !== 'external' || config.jobDriver !== 'bullmq') {
    throw new ConfigError('The worker needs DATABASE_URL and REDIS_URL (the embedded default runs jobs inside `npm start`)');
  }
  // Workers write the hourly seal: they need its signing key (HISTORY_SEAL_KEY) from the start.
  config = withResolvedSealKey(config);
  await probeDatabase(config.requireDatabaseUrl());
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot({ config }), { logger: config.nestLogLevels() });
  // Nest closes the job driver on SIGTERM: workers finish their current job first.
  app.enableShutdownHooks();
  new Logger('Worker').log('worker started');
}

main().catch((e: Error) => {
  const oneLine = e.name === 'ConfigError' || e.name === 'DatabaseUnreachableError';
  new Logger('Worker').error(oneLine ? e.message : (e.stack ?? e.message));
  process.exit(1);
});
