import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '#libs/auth';
import { HistoryAuditService } from '#libs/evidence';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { VerifyQuery } from './audit.dto.js';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: HistoryAuditService) {}

  @Get('verify')
  @ApiOperation({
    summary: 'Verify every history chain and the seals (administrators)',
    description: 'Recomputes each hash, checks links and seq continuity, and that sealed stream heads still exist. `ok: false` lists the problems, first one first, with stream, seq and row id.',
  })
  verify(@CurrentActor() actor: Actor, @Query() query: VerifyQuery) {
    return this.audit.verify(actor, query.since);
  }

  @Post('seal')
  @HttpCode(200)
  @ApiOperation({ summary: 'Seal the heads of all streams changed since the last seal now (administrators)' })
  seal(@CurrentActor() actor: Actor) {
    return this.audit.seal(actor);
  }
}
