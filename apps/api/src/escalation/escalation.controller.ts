import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { MAX_PAGE } from '../http/validation.js';
import type { Actor } from '#libs/auth';
import { EscalationService, TaskEscalationsService } from '#libs/escalation';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { IsAcceptedDate } from '../http/accepted-date.js';


export class EscalationListQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() unitId?: string;
  @ApiPropertyOptional({ minimum: 0, maximum: 3 }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(3) level?: number;
  @ApiPropertyOptional({ description: 'true: acknowledged only; false: open only' })
  @IsOptional() @Transform(({ value }) => value === true || value === 'true') @IsBoolean() acknowledged?: boolean;
  @ApiPropertyOptional({ example: '2026-11-01' }) @IsOptional() @IsAcceptedDate() from?: string;
  @ApiPropertyOptional({ example: '2026-12-01' }) @IsOptional() @IsAcceptedDate() to?: string;
  @ApiPropertyOptional({ maximum: MAX_PAGE }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_PAGE) page?: number;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) pageSize?: number;
}

export class ForecastQuery {
  @ApiProperty({ example: 5 }) @Type(() => Number) @IsInt() @Min(1) @Max(60) days!: number;
}

export class UrgeBody {
  @ApiPropertyOptional({ example: '请于今日下班前报送' }) @IsOptional() @IsString() @MaxLength(500) note?: string;
}

@ApiTags('escalation')
@ApiBearerAuth()
@Controller()
export class EscalationController {
  constructor(
    private readonly escalations: EscalationService,
    private readonly taskEscalations: TaskEscalationsService,
  ) {}

  @Get('escalations')
  @ApiOperation({ summary: 'Escalations of the units the caller leads (deputy, chief; admin: all)' })
  list(@CurrentActor() actor: Actor, @Query() q: EscalationListQuery) {
    return this.escalations.list(
      actor,
      { unitId: q.unitId, level: q.level, acknowledged: q.acknowledged, from: q.from, to: q.to },
      q.page,
      q.pageSize,
    );
  }

  @Get('escalations/forecast')
  @ApiOperation({ summary: 'What will escalate, to whom, in the next N working days if nothing changes' })
  forecast(@CurrentActor() actor: Actor, @Query() q: ForecastQuery) {
    return this.escalations.forecast(actor, q.days);
  }

  @Post('escalations/:id/ack')
  @HttpCode(200)
  @ApiOperation({ summary: 'The recipient acknowledges an escalation (shown in the task history)' })
  acknowledge(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.escalations.acknowledge(actor, id);
  }

  @Get('tasks/:id/escalations')
  @ApiOperation({
    summary: "A task's escalation levels with time, recipients, acknowledgement and delivery state",
    description: 'Per recipient and channel from the outbox: PENDING, HELD (quiet hours or chief digest), SENT, FAILED (with the last error). A level that reached a person inside a higher level’s message of the same sweep says combinedIntoLevel. Anyone who may see the task.',
  })
  forTask(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.taskEscalations.forTask(actor, id);
  }

  @Post('tasks/:id/urge')
  @HttpCode(200)
  @ApiOperation({ summary: '催办 by hand (deputy or chief above the post; once an hour per task)' })
  urge(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: UrgeBody) {
    return this.escalations.urge(actor, id, body.note);
  }
}
