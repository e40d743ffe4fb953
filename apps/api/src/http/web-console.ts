import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/** Paths the console never answers for: the API, its docs and the health check keep their own 404s. */
const NOT_CONSOLE = /^\/(api|docs|health|openapi\.(json|yaml))(\/|\?|$)/;

/** The built console (`vite build` → dist/web), found from this file, not from the working directory. */
export function findWebConsoleDir(): string | undefined {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
  const web = join(dir, 'dist', 'web');
  return existsSync(join(web, 'index.html')) ? web : undefined;
}

/**
 * Serves the web console at `/`: its files as they are, and index.html for any other GET that no
 * route matched (the console routes in the browser, e.g. /tasks/:id after a reload). Without a
 * build (API-only runs and tests) nothing is registered and the API works as before.
 */
export async function serveWebConsole(app: NestFastifyApplication, webDir = findWebConsoleDir()): Promise<boolean> {
  if (!webDir || !existsSync(join(webDir, 'index.html'))) return false;
  const indexHtml = readFileSync(join(webDir, 'index.html'));
  await app.register(fastifyStatic, {
    root: webDir,
    prefix: '/',
    // One route per file found at boot, so unknown paths fall through to the fallback below.
    wildcard: false,
    index: false,
    setHeaders: (reply, path) => {
      // Vite fingerprints everything under assets/; index.html must be re-read to see a new build.
      void reply.header('Cache-Control', path.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  app.getHttpAdapter().getInstance().addHook('onRequest', async (request, reply) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return;
    if (request.routeOptions.url !== undefined || NOT_CONSOLE.test(request.url)) return;
    return reply.header('Cache-Control', 'no-cache').type('text/html; charset=utf-8').send(indexHtml);
  });
  return true;
}
