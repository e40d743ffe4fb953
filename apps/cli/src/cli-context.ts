import { Logger, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppConfig, EmbeddedDatabase, applyMigrations, probeDatabase } from '#libs/core';
import { withResolvedSealKey } from '#libs/history';
import { CliModule } from './cli.module.js';

export interface CliContext {
  app: INestApplicationContext;
  config: AppConfig;
  close(): Promise<void>;
}

/**
 * Opens the application for one command: against DATABASE_URL when set, else the embedded
 * database of DATA_DIR (attaching to a running `npm start`, or starting it for the command).
 */
export async function openCliContext(env: Record<string, string | undefined>): Promise<CliContext> {
  let config = AppConfig.fromEnv(env);
  let embedded: EmbeddedDatabase | undefined;
  if (config.mode === 'embedded') {
    const candidate = new EmbeddedDatabase(config.dataDir, config.embeddedPgPort);
    const running = candidate.runningUrl();
    if (!running) {
      embedded = candidate;
      await applyMigrations(await candidate.start());
    }
    config = config.withDatabaseUrl(running ?? (await candidate.appUrl()));
    // The same generated seal key as `npm start`: seals the CLI writes verify alike.
    config = withResolvedSealKey(config);
  } else {
    await probeDatabase(config.requireDatabaseUrl());
  }
  Logger.overrideLogger(['error', 'warn']);
  const app = await NestFactory.createApplicationContext(CliModule.forRoot({ config }), { logger: ['error', 'warn'] });
  return {
    app,
    config,
    close: async () => {
      await app.close();
      await embedded?.stop();
    },
  };
}
