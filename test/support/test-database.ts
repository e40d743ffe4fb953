import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { databaseUrl, testEnvironment } from './test-env.js';

export interface TestDatabase {
  /** As the server's superuser, who owns the tables (migrations, the CLI as an operator). */
  url: string;
  /** As the application's restricted role: what the application under test connects with. */
  appUrl: string;
  name: string;
  /** Runs SQL as the server's superuser (to inspect or tamper like an attacker with DB access). */
  sql<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, params?: unknown[]): Promise<R[]>;
  drop(): Promise<void>;
}

/** A fresh, migrated database for one test file: a copy of the run's template (fast). */
export async function createTestDatabase(): Promise<TestDatabase> {
  const { adminUrl, templateDatabase, appRole, appPassword } = testEnvironment();
  const name = `${templateDatabase.replace('dt_tmpl_', 'dt_t_')}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${templateDatabase}"`);
  await admin.end();
  const url = databaseUrl(adminUrl, name);
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  // Dropping the database (WITH FORCE) may kill a connection the pool is still closing.
  pool.on('error', () => undefined);
  return {
    url,
    appUrl: databaseUrl(adminUrl, name, { user: appRole, password: appPassword }),
    name,
    sql: async (text, params) => (await pool.query(text, params)).rows,
    drop: async () => {
      await pool.end();
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}
