import { Logger } from '@nestjs/common';
import { AppConfig, EmbeddedDatabase, applyMigrations, probeDatabase } from '#libs/core';
import { seedDemoData } from '../../../seeds/demo-seed.js';
import { createApiApp } from './create-api-app.js';

/**
 * Embedded default (no DATABASE_URL): starts PostgreSQL under DATA_DIR, migrates, seeds an empty
 * database and runs the API and the jobs in this one process.
 * External (DATABASE_URL set): serves the API only; jobs run in the worker processes when
 * REDIS_URL is set, else in this process.
 */
export async function runApi(env: Record<string, string | undefined>): Promise<void> {
  const logger = new Logger('Bootstrap');
  let config = AppConfig.fromEnv(env);
  let embedded: EmbeddedDatabase | undefined;

  if (config.mode === 'embedded') {
    embedded = new EmbeddedDatabase(config.dataDir, config.embeddedPgPort);
    logger.log(`starting embedded PostgreSQL (data in ${config.dataDir}/pg)`);
    // Migrations as the owner; the application as a role that can only read and append history.
    await applyMigrations(await embedded.start());
    config = config.withDatabaseUrl(await embedded.appUrl());
  } else {
    await probeDatabase(config.requireDatabaseUrl());
  }

  const app = await createApiApp({ config, runJobs: config.jobDriver === 'in-process' }).catch(async (e) => {
    await embedded?.stop();
    throw e;
  });
  let seeded: Awaited<ReturnType<typeof seedDemoData>> | undefined;
  if (embedded) seeded = await seedDemoData(app, { demoLogins: true, demoTasks: true });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal} received, shutting down`);
    await app.close();
    await embedded?.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  const url = config.publicUrl;
  logger.log(`duty-tracker listening on ${url} (API ${url}/api, docs ${url}/docs, health ${url}/health)`);
  if (seeded?.logins.length) {
    logger.log(`demo logins (password ${seeded.password}): ${seeded.logins.join(', ')}`);
  }
}
