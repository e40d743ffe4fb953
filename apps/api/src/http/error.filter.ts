import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { Prisma } from '@prisma/client';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, type ErrorKind } from '#libs/core';
import { DATABASE_RETRY_AFTER_SECONDS, databaseFailure } from './database-failure.js';
import { redactUrl } from './redact-url.js';

/** The one error shape of the API. */
export interface ErrorBody {
  code: string;
  message: string;
  details?: Record<string, unknown>;
  requestId?: string;
}

const STATUS_OF_KIND: Record<ErrorKind, number> = {
  INVALID: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNPROCESSABLE: 422,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
  INSUFFICIENT_STORAGE: 507,
};

const firstLine = (error: unknown) => String((error as Error)?.message ?? error).split('\n')[0];

const CODE_OF_STATUS: Record<number, [string, string]> = {
  400: ['BAD_REQUEST', '请求无效'],
  401: ['UNAUTHENTICATED', '未登录或登录已失效'],
  403: ['FORBIDDEN', '无权执行此操作'],
  404: ['NOT_FOUND', '资源不存在'],
  405: ['METHOD_NOT_ALLOWED', '不支持该请求方法'],
  406: ['NOT_ACCEPTABLE', '不支持的响应格式'],
  409: ['CONFLICT', '操作与当前状态冲突'],
  413: ['PAYLOAD_TOO_LARGE', '请求内容过大'],
  415: ['UNSUPPORTED_MEDIA_TYPE', '不支持的内容类型'],
  422: ['UNPROCESSABLE', '请求无法处理'],
  429: ['RATE_LIMITED', '请求过于频繁，请稍后再试'],
  503: ['UNAVAILABLE', '服务暂不可用'],
};

const DATABASE_UNAVAILABLE: ErrorBody = { code: 'DATABASE_UNAVAILABLE', message: '数据库暂时无法连接，请稍后再试' };
const INVALID_VALUE: ErrorBody = { code: 'INVALID_VALUE', message: '请求中的数值或文本超出可处理的范围' };

/**
 * Maps every failure to `{ code, message, details? }` with a stable code: domain errors by their
 * kind, framework HTTP errors by status, unique-constraint violations to 409, anything else to a
 * 500 that is logged with the request id and never leaks internals.
 */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('ErrorFilter');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const [status, body] = this.toResponse(error, request);
    body.requestId = request.id;
    if (error instanceof DomainError && typeof error.details?.retryAfterSeconds === 'number') {
      void reply.header('Retry-After', String(error.details.retryAfterSeconds));
    }
    if (body.code === DATABASE_UNAVAILABLE.code) void reply.header('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
    void reply.status(status).send(body);
  }

  private toResponse(error: unknown, request: FastifyRequest): [number, ErrorBody] {
    if (error instanceof DomainError) {
      return [STATUS_OF_KIND[error.kind], { code: error.code, message: error.message, details: error.details }];
    }
    if (error instanceof HttpException) {
      const status = error.getStatus();
      const [code, message] = CODE_OF_STATUS[status] ?? ['HTTP_ERROR', error.message];
      return [status, { code, message }];
    }
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      return [409, { code: 'ALREADY_EXISTS', message: '记录已存在', details: { target: error.meta?.target } }];
    }
    // Lost or refused database connections are the server's state, not a bug: 503 and retry later;
    // values PostgreSQL refuses as data (out of range, NUL in text) are the request's fault.
    const failure = databaseFailure(error);
    if (failure === 'unavailable') {
      this.logger.log(`[${request.id}] ${request.method} ${redactUrl(request.url)}: database unavailable: ${firstLine(error)}`);
      return [503, { ...DATABASE_UNAVAILABLE }];
    }
    if (failure === 'bad-input') return [400, { ...INVALID_VALUE }];
    const statusCode = (error as { statusCode?: unknown })?.statusCode;
    if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
      // Errors raised by Fastify itself (bad JSON, body too large, unsupported content type).
      const [code, message] = CODE_OF_STATUS[statusCode] ?? ['BAD_REQUEST', '请求无效'];
      return [statusCode, { code, message }];
    }
    this.logger.error(`[${request.id}] ${request.method} ${redactUrl(request.url)}: ${(error as Error)?.stack ?? String(error)}`);
    return [500, { code: 'INTERNAL_ERROR', message: '服务器内部错误，请联系管理员并提供请求编号' }];
  }
}
