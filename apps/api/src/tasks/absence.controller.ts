import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '#libs/auth';
import { AbsenceService } from '#libs/tasks';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { AbsenceBody } from './task.dto.js';

@ApiTags('tasks')
@ApiBearerAuth()
@Controller('absences')
export class AbsenceController {
  constructor(private readonly absences: AbsenceService) {}

  @Post()
  @ApiOperation({ summary: 'Record an absence: open tasks move to the AB backup for the period' })
  record(@CurrentActor() actor: Actor, @Body() body: AbsenceBody) {
    return this.absences.record(actor, body);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: '销假: open tasks go back to the holder' })
  cancel(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.absences.cancel(actor, id);
  }
}
