import pg from 'pg';
import { redact } from '../config/app-config.js';

export class DatabaseUnreachableError extends Error {
  override readonly name = 'DatabaseUnreachableError';
}

/**
 * Opens one connection to prove the database answers, so a wrong DATABASE_URL fails at boot with
 * one line instead of a stack trace from the first query.
 */
export async function probeDatabase(databaseUrl: string, variable = 'DATABASE_URL'): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const reason = err.code ? `${err.code}${err.message ? `: ${err.message}` : ''}` : err.message;
    throw new DatabaseUnreachableError(`${variable}: cannot connect to ${redact(databaseUrl)} (${reason})`);
  } finally {
    await client.end().catch(() => undefined);
  }
}
