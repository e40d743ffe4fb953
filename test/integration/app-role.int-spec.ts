import pg from 'pg';
import { grantAppRole, PrismaService } from '#libs/core';
import { HistoryVerifyService } from '#libs/history';
import { TEST_SEAL_KEY } from '../support/test-app.js';
import { testEnvironment } from '../support/test-env.js';
import { evidenceWorld, PDF, type EvidenceWorld } from './evidence-support.js';
import { runCli } from '../support/run-cli.js';

const cli = (env: Record<string, string>, args: string[]) => runCli(env, args);

describe('the application runs under a role that can only read and append history', () => {
  let w: EvidenceWorld;
  let asApp: pg.Client;

  beforeAll(async () => {
    w = await evidenceWorld();
    asApp = new pg.Client({ connectionString: w.t.config.requireDatabaseUrl() });
    await asApp.connect();
  });
  afterAll(async () => {
    await asApp.end();
    await w.close();
  });

  it('a task lifecycle, evidence and a seal work under the restricted role', async () => {
    const [{ user }] = await w.t.app.get(PrismaService).$queryRaw<{ user: string }[]>`SELECT current_user::text AS "user"`;
    expect(user).toBe(testEnvironment().appRole);
    const taskId = await w.taskInProgress('违法用地巡查');
    expect((await w.upload(taskId, 'officer1', [{ name: 'file', fileName: '巡查记录.pdf', content: PDF }])).status).toBe(201);
    expect((await w.call('POST', `/api/tasks/${taskId}/submit`, 'officer1', {})).status).toBe(200);
    expect((await w.call('POST', `/api/tasks/${taskId}/approve`, 'deputy', {})).status).toBe(200);
    expect((await w.call('POST', '/api/audit/seal', 'admin')).body).toMatchObject({ sealed: true });
    const types = (await w.t.db.sql<{ type: string }>(`SELECT type FROM history_event WHERE stream = $1 ORDER BY seq`, [`task:${taskId}`])).map((r) => r.type);
    expect(types.length).toBeGreaterThanOrEqual(5);
    expect(await w.t.app.get(HistoryVerifyService).verify()).toMatchObject({ ok: true, seals: { signed: 1 } });
  });

  it.each([
    ['UPDATE', `UPDATE history_event SET type = 'x' WHERE id = (SELECT min(id) FROM history_event)`, /permission denied for table history_event/],
    ['DELETE', `DELETE FROM history_event WHERE id = (SELECT max(id) FROM history_event)`, /permission denied for table history_event/],
    ['TRUNCATE', `TRUNCATE history_event`, /permission denied for table history_event/],
    ['SELECT … FOR UPDATE', `SELECT id FROM history_event LIMIT 1 FOR UPDATE`, /permission denied for table history_event/],
    ['DISABLE TRIGGER', `ALTER TABLE history_event DISABLE TRIGGER history_event_append_only`, /must be owner of (table|relation) history_event/],
    ['DROP TRIGGER', `DROP TRIGGER history_event_no_truncate ON history_event`, /must be owner of (table|relation) history_event/],
    ['replica mode (skips triggers)', `SET session_replication_role = replica`, /permission denied to set parameter/],
    ['a new trigger', `CREATE TRIGGER t BEFORE INSERT ON history_event FOR EACH ROW EXECUTE FUNCTION history_event_refuse_change()`, /permission denied|must be owner/],
  ])('the application role is refused: %s', async (_name, sql, message) => {
    await expect(asApp.query(sql)).rejects.toThrow(message);
  });

  it('migrate runs as the owner (MIGRATION_DATABASE_URL) and grants DATABASE_URL\'s role, new tables included', async () => {
    // A table a later migration adds, created by the owner: default privileges give it to the application.
    await w.t.db.sql(`CREATE TABLE later_feature (id serial PRIMARY KEY, note text)`);
    await expect(asApp.query(`INSERT INTO later_feature (note) VALUES ('x')`)).resolves.toMatchObject({ rowCount: 1 });
    // An UPDATE right granted by mistake is taken back by the next migrate.
    await w.t.db.sql(`GRANT UPDATE, DELETE ON history_event TO ${testEnvironment().appRole}`);
    const res = await cli({ DATABASE_URL: w.t.db.appUrl, MIGRATION_DATABASE_URL: w.t.db.url, HISTORY_SEAL_KEY: TEST_SEAL_KEY }, ['migrate']);
    expect(res).toMatchObject({ code: 0, stdout: expect.stringContaining(`application role ${testEnvironment().appRole} granted`) });
    await expect(asApp.query(`DELETE FROM history_event WHERE id = (SELECT max(id) FROM history_event)`)).rejects.toThrow(/permission denied/);
    await expect(asApp.query(`SELECT count(*) FROM _prisma_migrations`)).rejects.toThrow(/permission denied/);
  }, 60_000);

  it('refuses to grant to a role that owns the tables or is a superuser', async () => {
    await expect(grantAppRole(w.t.db.url, 'postgres')).rejects.toThrow(/must not be a superuser nor own the tables/);
    await expect(grantAppRole(w.t.db.url, 'no_such_role_dt')).rejects.toThrow(/does not exist/);
  });
});
