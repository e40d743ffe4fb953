import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';

/**
 * A throwaway redis-server for tests that restart or kill Redis: the shared one must never be
 * restarted by a test. No persistence, so a restart comes back empty.
 */
export const REDIS_SERVER_BINARY = process.env.REDIS_SERVER ?? 'redis-server';

/** Whether redis-server can be run here; a file that needs it warns under its own name when not. */
export function haveRedisServer(specFile: string): boolean {
  const found = spawnSync(REDIS_SERVER_BINARY, ['--version']).status === 0;
  if (!found) console.warn(`!!! ${REDIS_SERVER_BINARY} not found: ${specFile} did NOT run`);
  return found;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

/** Starts redis-server on the port and waits until it answers. */
export async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn(REDIS_SERVER_BINARY, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  for (let i = 0; i < 100; i++) {
    const probe = new Redis(port, '127.0.0.1', { lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 });
    probe.on('error', () => undefined);
    try {
      await probe.connect();
      await probe.ping();
      return child;
    } catch {
      await sleep(50);
    } finally {
      probe.disconnect();
    }
  }
  throw new Error('redis-server did not start');
}

/** SIGKILL, as a crash: whatever it held is gone. */
export async function stopRedis(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGKILL');
  await exited;
}
