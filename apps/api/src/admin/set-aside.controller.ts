import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SetAsideAdminService, type Actor } from '#libs/auth';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { SetAsideRowDto } from './set-aside.responses.js';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/set-aside')
export class SetAsideController {
  constructor(private readonly setAside: SetAsideAdminService) {}

  @Get()
  @ApiOperation({ summary: 'Administrators: rows set aside because their processing failed (newest failure first, at most 1000)' })
  @ApiOkResponse({ type: [SetAsideRowDto] })
  list(@CurrentActor() actor: Actor) {
    return this.setAside.list(actor);
  }

  @Post(':id/retry')
  @HttpCode(200)
  @ApiOperation({ summary: 'Administrators: try a set-aside row again on the next run of its batch, without waiting for its backoff' })
  @ApiOkResponse({ type: SetAsideRowDto })
  retry(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.setAside.retry(actor, id);
  }
}
