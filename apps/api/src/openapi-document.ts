import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { AppConfig } from '#libs/core';
import { ApiModule } from './api.module.js';

/** The routes outside the global `api` prefix. */
export const UNPREFIXED_ROUTES = ['health'];

/** The OpenAPI document of an application whose routes are registered (served at /openapi.json). */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  return SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('duty-tracker API')
      .setDescription('定岗定责定流程 / 履职清单: posts, work items, tasks, deadlines, escalation and evidence')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
}

/**
 * The same document without a database or Redis: Nest's preview mode reads the controllers'
 * metadata without instantiating providers, so nothing connects. Used to generate the web
 * console's API types (`npm run gen:api-types`).
 */
export async function buildOpenApiDocumentOffline(): Promise<OpenAPIObject> {
  const config = AppConfig.fromEnv({
    DATABASE_URL: 'postgresql://offline@127.0.0.1:1/offline',
    AUTH_TOKEN_SECRET: 'offline-document-generation-never-signs-anything',
    LOG_LEVEL: 'silent',
  });
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule.forRoot({ config, runJobs: false }), new FastifyAdapter(), {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  app.setGlobalPrefix('api', { exclude: UNPREFIXED_ROUTES });
  try {
    return buildOpenApiDocument(app);
  } finally {
    await app.close();
  }
}
