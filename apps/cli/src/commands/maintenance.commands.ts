import { AppConfig, applyMigrations, grantAppRole, roleOf } from '#libs/core';
import { seedDemoData } from '../../../../seeds/demo-seed.js';
import type { Command } from '../command.js';

export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'Apply committed migrations as MIGRATION_DATABASE_URL (the owner), then grant the role of DATABASE_URL',
  usage: 'migrate',
  standalone: true,
  async run(_args, _ctx, output, env) {
    const config = AppConfig.fromEnv(env);
    const ownerUrl = config.requireMigrationDatabaseUrl();
    await applyMigrations(ownerUrl);
    output.out('migrations applied');
    // With two roles, the application's is (re)granted after every migration: new tables, and
    // SELECT and INSERT only on the history.
    const appRole = config.migrationDatabaseUrl ? roleOf(config.requireDatabaseUrl()) : undefined;
    if (appRole && appRole !== roleOf(ownerUrl)) {
      await grantAppRole(ownerUrl, appRole);
      output.out(`application role ${appRole} granted (history_event: SELECT, INSERT only)`);
    }
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
