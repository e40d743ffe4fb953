import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';
import { join } from 'node:path';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The production worker (`node dist/apps/worker/src/main.js`) in N child processes. A worker that
 * exits without being killed by the run is counted and started again, as a supervisor would.
 */
export class WorkerPool {
  private readonly children: (ChildProcess | undefined)[];
  private readonly logs: WriteStream[];
  private stopping = false;
  /** Exits the run did not cause (e.g. a crash on a lost connection), with their exit codes. */
  readonly unexpectedExits: { worker: number; code: number | null; signal: string | null; atMs: number }[] = [];
  starts = 0;

  constructor(
    private readonly size: number,
    private readonly root: string,
    private readonly env: Record<string, string>,
    logDir: string,
    private readonly clock: () => number,
  ) {
    this.children = Array.from({ length: size }, () => undefined);
    this.logs = Array.from({ length: size }, (_, i) => createWriteStream(join(logDir, `worker-${i + 1}.log`), { flags: 'a' }));
  }

  startAll(): void {
    for (let i = 0; i < this.size; i++) this.start(i);
  }

  /** SIGKILL: no shutdown hook runs, a job in hand is abandoned mid-way. */
  async kill(i: number): Promise<void> {
    const child = this.children[i];
    this.children[i] = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
  }

  start(i: number): void {
    if (this.stopping) return;
    this.starts++;
    const log = this.logs[i]!;
    log.write(`--- start at +${(this.clock() / 1000).toFixed(1)} s\n`);
    const child = spawn(process.execPath, [join(this.root, 'dist/apps/worker/src/main.js')], {
      cwd: this.root,
      env: { PATH: process.env.PATH ?? '', ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.pipe(log, { end: false });
    child.stderr!.pipe(log, { end: false });
    child.once('exit', (code, signal) => {
      if (this.children[i] !== child) return; // killed on purpose
      this.children[i] = undefined;
      this.unexpectedExits.push({ worker: i + 1, code, signal, atMs: this.clock() });
      log.write(`--- exited by itself (code ${code}, signal ${signal}) at +${(this.clock() / 1000).toFixed(1)} s\n`);
      void sleep(1_000).then(() => !this.children[i] && this.start(i));
    });
    this.children[i] = child;
  }

  async stopAll(): Promise<void> {
    this.stopping = true;
    await Promise.all(this.children.map((_, i) => this.kill(i)));
    for (const log of this.logs) log.end();
  }
}
