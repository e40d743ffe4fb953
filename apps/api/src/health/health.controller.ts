import { createHash, timingSafeEqual } from 'node:crypto';
import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthService } from '#libs/auth';
import { AppConfig, HealthService, type HealthReport } from '#libs/core';
import { Public } from '../auth/public.decorator.js';

const BEARER = /^Bearer +([A-Za-z0-9._~+/=-]+)$/i;

class HealthWarningDto {
  @ApiProperty() code!: string;
  @ApiProperty() message!: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) details?: Record<string, unknown>;
}

class HealthReportDto {
  @ApiProperty({ enum: ['ok', 'error'] }) status!: 'ok' | 'error';
  @ApiPropertyOptional({
    description: 'per dependency (database, redis, evidenceStore); only to administrators or with X-Health-Token',
    type: 'object',
    additionalProperties: { type: 'object', properties: { status: { type: 'string', enum: ['up', 'down'] }, error: { type: 'string' } }, required: ['status'] },
  })
  checks?: Record<string, { status: 'up' | 'down'; error?: string }>;
  @ApiPropertyOptional({ type: [HealthWarningDto], description: 'only to administrators or with X-Health-Token' }) warnings?: HealthWarningDto[];
}

export type HealthAnswer = Pick<HealthReport, 'status'> & Partial<HealthReport>;

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  private readonly tokenDigest: Buffer | undefined;

  constructor(
    private readonly health: HealthService,
    private readonly auth: AuthService,
    config: AppConfig,
  ) {
    this.tokenDigest = config.healthToken ? digest(config.healthToken) : undefined;
  }

  @Get()
  @ApiOperation({
    summary: 'Status of the database, Redis and the evidence store; 503 when one is down',
    description: 'Without credentials only `{ status }`; an administrator’s bearer token or the HEALTH_TOKEN in X-Health-Token shows the checks and warnings.',
  })
  @ApiBearerAuth('bearer')
  @ApiHeader({ name: 'X-Health-Token', required: false, description: 'the HEALTH_TOKEN of the deployment' })
  @ApiOkResponse({ type: HealthReportDto })
  @ApiServiceUnavailableResponse({ type: HealthReportDto })
  async check(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<HealthAnswer> {
    const report = await this.health.check();
    void reply.status(report.status === 'ok' ? 200 : 503);
    // What is down and why helps an attacker as much as an operator: details need a credential.
    return (await this.mayReadDetails(request)) ? report : { status: report.status };
  }

  private async mayReadDetails(request: FastifyRequest): Promise<boolean> {
    const token = request.headers['x-health-token'];
    if (this.tokenDigest && typeof token === 'string' && timingSafeEqual(digest(token), this.tokenDigest)) return true;
    const bearer = BEARER.exec(request.headers.authorization ?? '');
    if (!bearer) return false;
    // A bad or expired token is no error here: the caller simply gets the short answer.
    const actor = await this.auth.authenticate(bearer[1]!).catch(() => null);
    return !!actor?.isAdmin;
  }
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
