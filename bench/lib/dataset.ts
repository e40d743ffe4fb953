import { analyse, databaseExists, databaseName, openSql, resetDatabase, type Sql } from './bench-database.js';
import { timed } from './report.js';

/**
 * Builds a benchmark's data set in its database, or reuses the one already there when it was built
 * with the same parameters (`--reuse`): the parameters are kept as the database's comment. Runs
 * then work on clones, so the built database stays pristine.
 */
export async function ensureDataset(
  url: string,
  parameters: Record<string, unknown>,
  build: (sql: Sql) => Promise<void>,
  options: { reuse: boolean },
): Promise<{ reused: boolean; ms: number }> {
  const key = JSON.stringify(parameters);
  if (options.reuse && (await databaseExists(url))) {
    const sql = openSql(url, 1);
    try {
      const comment = await sql.scalar<string | null>(`SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = current_database()`);
      if (comment === key) return { reused: true, ms: 0 };
    } finally {
      await sql.end();
    }
  }
  const { ms } = await timed(async () => {
    await resetDatabase(url);
    const sql = openSql(url, 2);
    try {
      await build(sql);
      await analyse(sql);
      await sql.query(`COMMENT ON DATABASE "${databaseName(url).replace(/"/g, '""')}" IS ${literal(key)}`);
    } finally {
      await sql.end();
    }
  });
  return { reused: false, ms };
}

const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;
