import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import multipart from '@fastify/multipart';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { withResolvedTokenSecret } from '#libs/auth';
import { withResolvedSealKey } from '#libs/history';
import { ApiModule, type ApiOptions } from './api.module.js';
import { ErrorFilter } from './http/error.filter.js';
import { createValidationPipe } from './http/validation.js';
import { redactUrl } from './http/redact-url.js';
import { addSecurityHeaders } from './http/security-headers.js';
import { installRequestGuards } from './http/request-guards.js';
import { serveWebConsole } from './http/web-console.js';
import { buildOpenApiDocument, UNPREFIXED_ROUTES } from './openapi-document.js';

const REQUEST_ID = /^[\w.-]{1,64}$/;

/** Builds the HTTP application (used by main.ts and by the tests through `app.inject`). */
export async function createApiApp(given: ApiOptions & { logRequests?: boolean }): Promise<NestFastifyApplication> {
  // Before anything starts: without a token secret the API cannot authenticate anyone, and without
  // the seal key it cannot sign history seals.
  const options = { ...given, config: withResolvedSealKey(withResolvedTokenSecret(given.config)) };
  const adapter = new FastifyAdapter({
    logger:
      options.logRequests === false
        ? false
        : {
            level: options.config.logLevel,
            // The calendar-feed link carries its token in the query string: keep it out of the logs.
            serializers: {
              req: (req: { method: string; url: string; host?: string; ip?: string }) => ({ method: req.method, url: redactUrl(req.url), host: req.host, remoteAddress: req.ip }),
            },
          },
    // Keep a caller's X-Request-Id (a proxy's) when it is sane, else mint one; logs carry it as reqId.
    genReqId: (req: IncomingMessage) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    bodyLimit: 1024 * 1024,
    // request.ip (login limits, audit, sessions) is the client behind the listed proxies, else the peer.
    trustProxy: options.config.trustProxy.length > 0 ? options.config.trustProxy : false,
  });
  // Holiday schedules may be uploaded as ICS (PUT /api/calendar/years/:year); parsed by the calendar service.
  adapter.getInstance().addContentTypeParser('text/calendar', { parseAs: 'string' }, (_req, body, done) => done(null, body));
  // Too-deep JSON and text PostgreSQL cannot store are refused with 400 before any route sees them.
  installRequestGuards(adapter.getInstance());
  adapter.getInstance().addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });
  addSecurityHeaders(adapter.getInstance());
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule.forRoot(options), adapter, {
    logger: options.config.nestLogLevels(),
    // JSON is parsed by the guarded parser installed above; no form bodies are accepted.
    bodyParser: false,
  });
  // Evidence files stream through this (POST /api/tasks/:id/evidence). One byte over the limit is let
  // through so the evidence service itself sees the overflow and answers 413 EVIDENCE_TOO_LARGE.
  await app.register(multipart, {
    limits: { fileSize: options.config.evidenceMaxBytes + 1, files: 1, fields: 10, fieldSize: 16 * 1024, parts: 12, headerPairs: 100 },
  });
  // The web console (dist/web) at `/` when it is built; the API stays under /api.
  await serveWebConsole(app);
  app.setGlobalPrefix('api', { exclude: UNPREFIXED_ROUTES });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ErrorFilter());

  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'openapi.json', yamlDocumentUrl: 'openapi.yaml' });
  await app.init();
  return app;
}
