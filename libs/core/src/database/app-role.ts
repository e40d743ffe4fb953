import pg from 'pg';

/** Tables the application may only read and append to: its history must not be rewritable by it. */
const APPEND_ONLY_TABLES = ['history_event'];

export class AppRoleError extends Error {
  override readonly name = 'ConfigError';
}

/**
 * Gives the application's database role what it needs and no more (run as the owner of the tables,
 * after migrations): read and write every table and sequence, but only SELECT and INSERT on
 * history_event, so it can neither UPDATE, DELETE or TRUNCATE history nor (not being the owner)
 * ALTER TABLE … DISABLE TRIGGER. Default privileges cover tables later migrations add; running it
 * again after every migration (`npm run migrate` does) also re-applies the history restriction.
 */
export async function grantAppRole(ownerUrl: string, role: string): Promise<void> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const [found] = (await client.query<{ super: boolean; owner: string | null; me: string }>(
      `SELECT r.rolsuper OR r.rolbypassrls AS super, (SELECT tableowner FROM pg_tables WHERE schemaname = 'public' AND tablename = $2) AS owner,
              current_user AS me
         FROM pg_roles r WHERE r.rolname = $1`,
      [role, APPEND_ONLY_TABLES[0]],
    )).rows;
    if (!found) throw new AppRoleError(`the application's database role "${role}" does not exist (CREATE ROLE ${role} LOGIN PASSWORD '…' as an administrator)`);
    // A superuser or the owner could disable the triggers and rewrite history: refuse to pretend.
    if (found.super || found.owner === role || found.me === role) {
      throw new AppRoleError(`the application's database role "${role}" must not be a superuser nor own the tables (migrations run as the owner, MIGRATION_DATABASE_URL)`);
    }
    const r = client.escapeIdentifier(role);
    await client.query('BEGIN');
    await client.query(`GRANT USAGE ON SCHEMA public TO ${r}`);
    await client.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${r}`);
    await client.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${r}`);
    await client.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${r}`);
    await client.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${r}`);
    for (const table of APPEND_ONLY_TABLES) {
      await client.query(`REVOKE ALL ON ${client.escapeIdentifier(table)} FROM ${r}`);
      await client.query(`GRANT SELECT, INSERT ON ${client.escapeIdentifier(table)} TO ${r}`);
    }
    // Prisma's bookkeeping is the migrator's alone.
    await client.query(`REVOKE ALL ON _prisma_migrations FROM ${r}`);
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    await client.end();
  }
}

/** The role a postgresql:// URL names (undefined when it names none: libpq then uses the OS user). */
export function roleOf(databaseUrl: string): string | undefined {
  return decodeURIComponent(new URL(databaseUrl).username) || undefined;
}
