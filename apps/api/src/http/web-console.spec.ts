import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { serveWebConsole } from './web-console.js';

@Controller('things')
class ThingsController {
  @Get()
  list() {
    return [];
  }
}

@Module({ controllers: [ThingsController] })
class TestModule {}

async function appWith(webDir: string): Promise<{ app: NestFastifyApplication; served: boolean }> {
  const app = await NestFactory.create<NestFastifyApplication>(TestModule, new FastifyAdapter(), { logger: false });
  const served = await serveWebConsole(app, webDir);
  app.setGlobalPrefix('api', { exclude: ['health'] });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return { app, served };
}

describe('serveWebConsole', () => {
  let dir: string;
  let app: NestFastifyApplication;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dt-web-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>console</title>');
    writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
    ({ app } = await appWith(dir));
  });

  afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const get = (url: string, method: 'GET' | 'POST' | 'HEAD' = 'GET') => app.inject({ method, url });

  it.each(['/', '/tasks/0b7c7c1e-2f1e-4a57-9a0e-000000000001', '/admin/calendar/2027', '/login?next=%2Freport'])('%s answers the console (index.html)', async (url) => {
    const res = await get(url);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('<title>console</title>');
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('serves built assets as files, cached for good (their names change with each build)', async () => {
    const res = await get('/assets/index-abc123.js');
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('console.log(1)');
    expect(res.headers['cache-control']).toContain('immutable');
  });

  it.each([
    ['/api/missing', 'GET'],
    ['/api', 'GET'],
    ['/docs/nothing-here', 'GET'],
    ['/health/x', 'GET'],
    ['/openapi.json', 'GET'],
    ['/tasks/1', 'POST'],
  ] as const)('%s (%s) keeps its 404 instead of the console', async (url, method) => {
    const res = await get(url, method);
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type'] ?? '').not.toContain('text/html');
  });

  it('leaves the API routes alone', async () => {
    const res = await get('/api/things');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual([]);
  });

  it('without a build registers nothing: the API starts and / is a plain 404', async () => {
    const bare = await appWith(join(dir, 'no-such-build'));
    try {
      expect(bare.served).toBe(false);
      expect((await bare.app.inject({ method: 'GET', url: '/' })).statusCode).toBe(404);
      expect((await bare.app.inject({ method: 'GET', url: '/api/things' })).statusCode).toBe(200);
    } finally {
      await bare.app.close();
    }
  });
});
