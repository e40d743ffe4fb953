import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '#libs/auth';
import { SchedulePreviewService, ScheduleService } from '#libs/tasks';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { ScheduleBody, SchedulePreviewBody, SchedulePreviewDto, SchedulePreviewQuery, ScheduleRemoveBody, ScheduleViewDto } from './schedule.dto.js';

@ApiTags('schedules')
@ApiBearerAuth()
@Controller('work-items/:workItemId/schedules')
export class ScheduleController {
  constructor(
    private readonly schedules: ScheduleService,
    private readonly previews: SchedulePreviewService,
  ) {}

  @Get()
  @ApiOkResponse({ type: [ScheduleViewDto] })
  @ApiOperation({ summary: 'Schedules of a work item, with the recurrence in words and the next five occurrences' })
  list(@CurrentActor() actor: Actor, @Param('workItemId', ParseUUIDPipe) workItemId: string) {
    return this.schedules.list(actor, workItemId);
  }

  @Post()
  @ApiCreatedResponse({ type: ScheduleViewDto })
  @ApiOperation({ summary: 'Add a schedule (admin, or the unit chief/deputy)' })
  create(@CurrentActor() actor: Actor, @Param('workItemId', ParseUUIDPipe) workItemId: string, @Body() body: ScheduleBody) {
    return this.schedules.create(actor, workItemId, body);
  }

  @Put(':id')
  @ApiOkResponse({ type: ScheduleViewDto })
  @ApiOperation({ summary: 'Replace a schedule (set active=false to stop it; tasks already issued stay)' })
  update(
    @CurrentActor() actor: Actor,
    @Param('workItemId', ParseUUIDPipe) workItemId: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ScheduleBody,
  ) {
    return this.schedules.update(actor, workItemId, id, body);
  }

  @Delete(':id')
  @ApiOperation({
    summary: 'Delete a schedule (admin, or the unit chief/deputy); nothing already issued is lost',
    description:
      'A schedule that has produced tasks is ended, not erased: it is deactivated (outcome ENDED), its tasks stay as they are and it produces no further occurrences; PUT with active=true would resume it. A schedule that never produced a task is removed (outcome DELETED). Both are recorded with who and the optional reason in the `schedule:<id>` history stream, with the schedule as it was.',
  })
  remove(
    @CurrentActor() actor: Actor,
    @Param('workItemId', ParseUUIDPipe) workItemId: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ScheduleRemoveBody = {},
  ) {
    return this.schedules.remove(actor, workItemId, id, body?.reason);
  }

  @Post('preview')
  @HttpCode(200)
  @ApiOkResponse({ type: SchedulePreviewDto })
  @ApiOperation({ summary: 'Preview an unsaved schedule: recurrence and deadline in words, and its next occurrences on the official calendar' })
  previewDraft(
    @CurrentActor() actor: Actor,
    @Param('workItemId', ParseUUIDPipe) workItemId: string,
    @Body() body: SchedulePreviewBody,
    @Query() query: SchedulePreviewQuery,
  ): Promise<SchedulePreviewDto> {
    return this.previews.previewDraft(actor, workItemId, body, query.count);
  }

  @Get(':id/preview')
  @ApiOkResponse({ type: SchedulePreviewDto })
  @ApiOperation({ summary: 'A schedule in words with its next occurrences (default 5) on the official calendar' })
  preview(
    @CurrentActor() actor: Actor,
    @Param('workItemId', ParseUUIDPipe) workItemId: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: SchedulePreviewQuery,
  ): Promise<SchedulePreviewDto> {
    return this.previews.previewSaved(actor, workItemId, id, query.count);
  }
}
