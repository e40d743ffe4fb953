import { withClient } from './global-setup.mjs';

/** Drops the run's template and any database a crashed test file left behind. */
export default async function globalTeardown() {
  const { adminUrl, templateDatabase } = JSON.parse(process.env.DUTY_TRACKER_TEST_ENV);
  await withClient(adminUrl, async (c) => {
    const prefix = templateDatabase.replace('dt_tmpl_', 'dt_t_');
    const leftovers = await c.query('SELECT datname FROM pg_database WHERE datname = $1 OR datname LIKE $2', [
      templateDatabase,
      `${prefix}%`,
    ]);
    for (const { datname } of leftovers.rows) await c.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  });
  await globalThis.__dutyTrackerEmbedded?.stop();
}
