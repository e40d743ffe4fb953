import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '#libs/auth';
import { FailedDeliveryService } from '#libs/notifications';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { PageQuery } from './notification.dto.js';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('outbox')
export class OutboxController {
  constructor(private readonly failed: FailedDeliveryService) {}

  @Get('failed')
  @ApiOperation({ summary: 'Administrators: notifications that could not be delivered after every attempt' })
  list(@CurrentActor() actor: Actor, @Query() q: PageQuery) {
    return this.failed.list(actor, q.page ?? 1, q.pageSize ?? 20);
  }

  @Post(':id/retry')
  @HttpCode(200)
  @ApiOperation({ summary: 'Administrators: give a failed notification a fresh set of attempts' })
  retry(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.failed.retry(actor, id);
  }
}
