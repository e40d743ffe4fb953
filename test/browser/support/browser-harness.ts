import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const MAIN = join(ROOT, 'dist/apps/api/src/main.js');
const CLI = join(ROOT, 'dist/apps/cli/src/main.js');
const WEB_INDEX = join(ROOT, 'dist/web/index.html');
/** Screenshots of every screen the tests visit (git-ignored; kept by CI as artifacts). */
export const ARTIFACTS_DIR = join(ROOT, 'test/browser/artifacts');
export const CHROMIUM = '/usr/bin/chromium';
export const DEMO_PASSWORD = 'demo1234';

const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const DESKTOP = { width: 1280, height: 860 };
export const PHONE = { width: 390, height: 844 };

export interface BrowserHarness {
  baseUrl: string;
  browser: Browser;
  /** A fresh browser context (own storage: own login) and page at the given viewport. */
  newPage(viewport?: { width: number; height: number }): Promise<{ context: BrowserContext; page: Page }>;
  /** Logs in through the login screen and waits for the inbox (or `next`). */
  login(page: Page, username: string, password?: string): Promise<void>;
  /** A full-page PNG under test/browser/artifacts/<name>.png; returns the path. */
  screenshot(page: Page, name: string): Promise<string>;
  /** Calls the API directly as a demo user (test setup, not what the browser does). */
  apiAs(username: string): Promise<<T = unknown>(method: string, path: string, body?: unknown) => Promise<T>>;
  /** Runs an admin CLI command against the server's embedded database (e.g. `['sweep']`); its stdout. */
  cli(args: string[]): Promise<string>;
  /** The server's output so far, for failure messages. */
  serverLog(): string;
  /** Content-Security-Policy violations the browser reported on any page so far (should stay empty). */
  cspViolations(): string[];
  close(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}

async function waitForHealth(baseUrl: string, child: ChildProcess, log: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${log()}`);
    const ok = await fetch(`${baseUrl}/health`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`the server did not become healthy within ${timeoutMs} ms:\n${log()}`);
}

/**
 * Starts the embedded default exactly as `npm start` runs it (built dist, embedded PostgreSQL in a
 * temporary DATA_DIR, jobs in-process, demo data) on free ports, and launches Debian's chromium.
 * Needs `npm run build` first (npm test does it).
 */
export async function startBrowserHarness(): Promise<BrowserHarness> {
  if (!existsSync(MAIN) || !existsSync(WEB_INDEX)) throw new Error('dist/ is missing the API or the web console: run `npm run build` first');
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (.ci/run does this)`);
  mkdirSync(ARTIFACTS_DIR, { recursive: true });

  const tmp = mkdtempSync(join(tmpdir(), 'dt-browser-'));
  // Run as root, the embedded PostgreSQL runs as the `postgres` user, who must reach the data dir.
  chmodSync(tmp, 0o755);
  const [port, pgPort] = [await freePort(), await freePort()];
  const baseUrl = `http://127.0.0.1:${port}`;
  let output = '';
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    DATA_DIR: join(tmp, 'data'),
    PORT: String(port),
    HOST: '127.0.0.1',
    EMBEDDED_PG_PORT: String(pgPort),
    PUBLIC_URL: baseUrl,
    LOG_LEVEL: 'warn',
  };
  const child = spawn(process.execPath, [MAIN], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const stopServer = async () => {
    if (child.exitCode === null) {
      // SIGTERM lets the server stop its embedded PostgreSQL; SIGKILL only if it hangs.
      let timer: NodeJS.Timeout | undefined;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => (timer = setTimeout(r, 15_000)))]);
      clearTimeout(timer);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    rmSync(tmp, { recursive: true, force: true });
  };

  let browser: Browser;
  try {
    await waitForHealth(baseUrl, child, () => output, 180_000);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [...CHROMIUM_FLAGS],
    });
  } catch (e) {
    await stopServer();
    throw e;
  }
  // A fresh profile per run: playwright gives every launch a new temporary --user-data-dir.

  const tokenOf = new Map<string, string>();
  const cspViolations: string[] = [];
  const harness: BrowserHarness = {
    baseUrl,
    browser,
    async newPage(viewport = DESKTOP) {
      const context = await browser.newContext({ viewport, acceptDownloads: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
      context.setDefaultTimeout(15_000);
      const page = await context.newPage();
      // Chromium reports every blocked script, style or frame as a console error naming the policy.
      page.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) cspViolations.push(`${page.url()}: ${message.text()}`);
      });
      return { context, page };
    },
    async login(page, username, password = DEMO_PASSWORD) {
      if (!page.url().includes('/login')) await page.goto(`${baseUrl}/login`);
      await page.getByLabel('用户名').fill(username);
      await page.getByLabel('密码').fill(password);
      await page.getByRole('button', { name: '登录' }).click();
      await page.waitForURL((url) => !url.pathname.startsWith('/login'));
      await page.getByRole('navigation', { name: '主导航' }).waitFor();
    },
    async screenshot(page, name) {
      const path = join(ARTIFACTS_DIR, `${name}.png`);
      await page.screenshot({ path, fullPage: true });
      return path;
    },
    async apiAs(username) {
      if (!tokenOf.has(username)) {
        const response = await fetch(`${baseUrl}/api/auth/login`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ username, password: DEMO_PASSWORD }),
        });
        if (!response.ok) throw new Error(`login ${username}: ${response.status} ${await response.text()}`);
        tokenOf.set(username, ((await response.json()) as { accessToken: string }).accessToken);
      }
      const token = tokenOf.get(username)!;
      return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
        const response = await fetch(`${baseUrl}${path}`, {
          method,
          headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
        return (response.status === 204 ? undefined : await response.json()) as T;
      };
    },
    cli(args) {
      return new Promise((resolveRun, reject) => {
        const run = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
        let out = '';
        let err = '';
        run.stdout.on('data', (c: Buffer) => (out += c.toString()));
        run.stderr.on('data', (c: Buffer) => (err += c.toString()));
        run.on('error', reject);
        run.on('exit', (code) => (code === 0 ? resolveRun(out) : reject(new Error(`cli ${args.join(' ')} exited ${code}: ${err || out}`))));
      });
    },
    serverLog: () => output,
    cspViolations: () => [...cspViolations],
    async close() {
      await browser.close().catch(() => undefined);
      await stopServer();
    },
  };
  return harness;
}
