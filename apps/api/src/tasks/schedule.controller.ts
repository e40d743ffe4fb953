import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '#libs/auth';
import { ScheduleService } from '#libs/tasks';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { ScheduleBody } from './schedule.dto.js';

@ApiTags('schedules')
@ApiBearerAuth()
@Controller('work-items/:workItemId/schedules')
export class ScheduleController {
  constructor(private readonly schedules: ScheduleService) {}

  @Get()
  @ApiOperation({ summary: 'Schedules of a work item, with the recurrence in words and the next five occurrences' })
  list(@CurrentActor() actor: Actor, @Param('workItemId', ParseUUIDPipe) workItemId: string) {
    return this.schedules.list(actor, workItemId);
  }

  @Post()
  @ApiOperation({ summary: 'Add a schedule (admin, or the unit chief/deputy)' })
  create(@CurrentActor() actor: Actor, @Param('workItemId', ParseUUIDPipe) workItemId: string, @Body() body: ScheduleBody) {
    return this.schedules.create(actor, workItemId, body);
  }

  @Put(':id')
  @ApiOperation({ summary: 'Replace a schedule (set active=false to stop it; tasks already issued stay)' })
  update(
    @CurrentActor() actor: Actor,
    @Param('workItemId', ParseUUIDPipe) workItemId: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ScheduleBody,
  ) {
    return this.schedules.update(actor, workItemId, id, body);
  }
}
