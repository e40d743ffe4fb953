import pg from 'pg';
import { applyMigrations } from '#libs/core';

/** The benchmarks' own database; never a development or test database. */
export const DEFAULT_BENCH_DATABASE_URL = 'postgresql://postgres@127.0.0.1:5432/dt_bench';

export function benchDatabaseUrl(env: Record<string, string | undefined> = process.env): string {
  return env.BENCH_DATABASE_URL?.trim() || DEFAULT_BENCH_DATABASE_URL;
}

/** The same server, another database name (a clone for the ceiling run). */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.slice(1));
}

function adminUrl(url: string): string {
  return withDatabase(url, 'postgres');
}

async function admin<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl(url) });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function dropDatabase(url: string): Promise<void> {
  await admin(url, (c) => c.query(`DROP DATABASE IF EXISTS ${quoted(databaseName(url))} WITH (FORCE)`));
}

/** Drops and recreates the database, then applies the committed migrations. */
export async function resetDatabase(url: string): Promise<void> {
  const name = databaseName(url);
  if (!name.includes('bench')) throw new Error(`refusing to reset "${name}": a benchmark database name must contain "bench"`);
  await dropDatabase(url);
  await admin(url, (c) => c.query(`CREATE DATABASE ${quoted(name)}`));
  await applyMigrations(url);
}

/**
 * An identical copy of `sourceUrl` named `name` (CREATE DATABASE … TEMPLATE): both runs of a
 * comparison start from the same rows. Nobody may be connected to the source meanwhile.
 */
export async function cloneDatabase(sourceUrl: string, name: string): Promise<string> {
  const target = withDatabase(sourceUrl, name);
  await dropDatabase(target);
  await admin(sourceUrl, (c) => c.query(`CREATE DATABASE ${quoted(name)} TEMPLATE ${quoted(databaseName(sourceUrl))}`));
  return target;
}

export async function databaseExists(url: string): Promise<boolean> {
  return admin(url, async (c) => (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [databaseName(url)])).rowCount === 1);
}

/** A small pool for generator and check SQL (not the application's pool). */
export interface Sql {
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, params?: unknown[]): Promise<R[]>;
  /** The first column of the first row (counts, ids). */
  scalar<T = unknown>(text: string, params?: unknown[]): Promise<T>;
  /** Runs in one transaction on one connection. */
  transaction<T>(fn: (c: pg.PoolClient) => Promise<T>): Promise<T>;
  end(): Promise<void>;
}

export function openSql(url: string, max = 2): Sql {
  const pool = new pg.Pool({ connectionString: url, max });
  pool.on('error', () => undefined);
  return {
    query: async (text, params) => (await pool.query(text, params)).rows,
    scalar: async <T>(text: string, params?: unknown[]) => {
      const { rows } = await pool.query(text, params);
      return Object.values(rows[0] ?? {})[0] as T;
    },
    transaction: async (fn) => {
      const c = await pool.connect();
      try {
        await c.query('BEGIN');
        const r = await fn(c);
        await c.query('COMMIT');
        return r;
      } catch (e) {
        await c.query('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        c.release();
      }
    },
    end: () => pool.end(),
  };
}

/** After bulk loading: fresh statistics so the planner sees the real sizes. */
export async function analyse(sql: Sql): Promise<void> {
  await sql.query('VACUUM ANALYZE');
}

export async function serverVersion(sql: Sql): Promise<string> {
  return sql.scalar<string>('SHOW server_version');
}
