import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { ApiModule, type ApiOptions } from './api.module.js';
import { ErrorFilter } from './http/error.filter.js';
import { createValidationPipe } from './http/validation.js';

const REQUEST_ID = /^[\w.-]{1,64}$/;

/** Builds the HTTP application (used by main.ts and by the tests through `app.inject`). */
export async function createApiApp(options: ApiOptions & { logRequests?: boolean }): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    logger: options.logRequests === false ? false : { level: options.config.logLevel },
    // Keep a caller's X-Request-Id (a proxy's) when it is sane, else mint one; logs carry it as reqId.
    genReqId: (req: IncomingMessage) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    bodyLimit: 1024 * 1024,
  });
  adapter.getInstance().addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule.forRoot(options), adapter, {
    logger: options.logRequests === false ? ['error', 'warn'] : undefined,
  });
  app.setGlobalPrefix('api', { exclude: ['health'] });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ErrorFilter());

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('duty-tracker API')
      .setDescription('定岗定责定流程 / 履职清单: posts, work items, tasks, deadlines, escalation and evidence')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'openapi.json', yamlDocumentUrl: 'openapi.yaml' });
  await app.init();
  return app;
}
