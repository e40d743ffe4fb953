import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsArray, IsOptional, IsUUID } from 'class-validator';
import type { Actor } from '#libs/auth';
import { PolicyAdminService } from '#libs/escalation';
import { CurrentActor } from '../auth/current-actor.decorator.js';

export class PolicyQuery {
  @ApiPropertyOptional({ description: 'Show the ladder in force for this unit' }) @IsOptional() @IsUUID() unitId?: string;
  @ApiPropertyOptional({ description: 'Show the ladder in force for this work item' }) @IsOptional() @IsUUID() workItemId?: string;
}

export class LadderBody {
  @ApiProperty({
    description: 'Rungs: { level 0–3, trigger: { kind: WORKDAY_START_BEFORE_DUE | AT_DUE | OVERDUE_WORKDAYS, n? 1–60 }, recipient: ASSIGNEE | DEPUTY | CHIEF }',
    example: [
      { level: 0, trigger: { kind: 'WORKDAY_START_BEFORE_DUE', n: 1 }, recipient: 'ASSIGNEE' },
      { level: 1, trigger: { kind: 'AT_DUE' }, recipient: 'ASSIGNEE' },
      { level: 2, trigger: { kind: 'OVERDUE_WORKDAYS', n: 1 }, recipient: 'DEPUTY' },
      { level: 3, trigger: { kind: 'OVERDUE_WORKDAYS', n: 3 }, recipient: 'CHIEF' },
    ],
  })
  // The rungs are checked by the ladder rules (ladderProblem), which name the faulty level in Chinese.
  @IsArray()
  ladder!: unknown[];
}

const CHANGE_NOTE =
  ' Admin only. Open tasks in the scope get their next escalation time recomputed from the ladder now in force (count in `recomputedTasks`); the change is recorded in the `escalation-policy:<org>` history stream.';

@ApiTags('escalation')
@ApiBearerAuth()
@Controller('escalation-policies')
export class EscalationPolicyController {
  constructor(private readonly policies: PolicyAdminService) {}

  @Get()
  @ApiOperation({
    summary: 'Escalation ladders: the built-in default, the stored ones, and the one in force for a unit / work item',
    description: 'Admin sees every stored ladder; a unit chief sees the organisation default and the overrides of their unit.',
  })
  read(@CurrentActor() actor: Actor, @Query() q: PolicyQuery) {
    return this.policies.read(actor, q);
  }

  @Put('organisation')
  @ApiOperation({ summary: "Set the organisation's ladder", description: `400 ESCALATION_POLICY_INVALID names the faulty rung.${CHANGE_NOTE}` })
  setOrganisation(@CurrentActor() actor: Actor, @Body() body: LadderBody) {
    return this.policies.set(actor, { kind: 'ORGANISATION' }, body.ladder);
  }

  @Delete('organisation')
  @ApiOperation({ summary: "Remove the organisation's ladder (the built-in default applies)", description: CHANGE_NOTE })
  removeOrganisation(@CurrentActor() actor: Actor) {
    return this.policies.remove(actor, { kind: 'ORGANISATION' });
  }

  @Put('units/:unitId')
  @ApiOperation({ summary: "Set a unit's override", description: CHANGE_NOTE })
  setUnit(@CurrentActor() actor: Actor, @Param('unitId', ParseUUIDPipe) unitId: string, @Body() body: LadderBody) {
    return this.policies.set(actor, { kind: 'UNIT', unitId }, body.ladder);
  }

  @Delete('units/:unitId')
  @ApiOperation({ summary: "Remove a unit's override (the organisation's ladder applies)", description: CHANGE_NOTE })
  removeUnit(@CurrentActor() actor: Actor, @Param('unitId', ParseUUIDPipe) unitId: string) {
    return this.policies.remove(actor, { kind: 'UNIT', unitId });
  }

  @Put('work-items/:workItemId')
  @ApiOperation({ summary: "Set a work item's override", description: CHANGE_NOTE })
  setWorkItem(@CurrentActor() actor: Actor, @Param('workItemId', ParseUUIDPipe) workItemId: string, @Body() body: LadderBody) {
    return this.policies.set(actor, { kind: 'WORK_ITEM', workItemId }, body.ladder);
  }

  @Delete('work-items/:workItemId')
  @ApiOperation({ summary: "Remove a work item's override (the unit's or organisation's ladder applies)", description: CHANGE_NOTE })
  removeWorkItem(@CurrentActor() actor: Actor, @Param('workItemId', ParseUUIDPipe) workItemId: string) {
    return this.policies.remove(actor, { kind: 'WORK_ITEM', workItemId });
  }
}
