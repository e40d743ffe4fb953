import { AppConfig, applyMigrations } from '#libs/core';
import { seedDemoData } from '../../../../seeds/demo-seed.js';
import type { Command } from '../command.js';

export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'Apply committed database migrations (DATABASE_URL)',
  usage: 'migrate',
  standalone: true,
  async run(_args, _ctx, output) {
    const config = AppConfig.fromEnv(process.env);
    await applyMigrations(config.requireDatabaseUrl());
    output.out('migrations applied');
    return 0;
  },
};

export const seedCommand: Command = {
  name: 'seed',
  summary: 'Load the planning section duty list and demo people (idempotent; demo data only)',
  usage: 'seed',
  async run(_args, ctx, output) {
    await seedDemoData(ctx!.app, { demoLogins: false });
    output.out('seed applied');
    return 0;
  },
};
