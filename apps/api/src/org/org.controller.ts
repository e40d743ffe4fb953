import { Body, Controller, Get, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsUUID, ValidateIf } from 'class-validator';
import type { Actor } from '#libs/auth';
import { BureauLeaderService, type BureauLeaderView } from '#libs/escalation';
import { OrgService, type PostDetail, type PostSummary, type UnitSummary } from '#libs/org';
import { CurrentActor } from '../auth/current-actor.decorator.js';

export class BureauLeaderBody {
  @ApiProperty({ nullable: true, description: 'The person (分管局领导); null clears it' })
  @ValidateIf((_, v) => v !== null)
  @IsUUID()
  personId!: string | null;
}

@ApiTags('org')
@ApiBearerAuth()
@Controller()
export class OrgController {
  constructor(
    private readonly org: OrgService,
    private readonly bureauLeader: BureauLeaderService,
  ) {}

  @Get('units')
  @ApiOperation({ summary: '内设机构 the caller may see (admin: all; others: the units of their posts)' })
  listUnits(@CurrentActor() actor: Actor): Promise<UnitSummary[]> {
    return this.org.listUnitsFor(actor);
  }

  @Get('units/:id/posts')
  @ApiOperation({ summary: 'Posts of a unit in duty-list order (404 for a unit the caller may not see)' })
  listPosts(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<PostSummary[]> {
    return this.org.listPostsOfUnitFor(actor, id);
  }

  @Get('posts/:id')
  @ApiOperation({ summary: 'A post with its current holders, work items, 职能 and typed 责任 (own posts; deputy and chief: their unit)' })
  getPost(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<PostDetail> {
    return this.org.getPostFor(actor, id);
  }

  @Get('org/bureau-leader')
  @ApiOperation({ summary: '分管局领导: who is told when a level finds nobody above (a chief’s own overdue task); the e-mail address only to admins' })
  getBureauLeader(@CurrentActor() actor: Actor): Promise<BureauLeaderView> {
    return this.bureauLeader.get(actor);
  }

  @Put('org/bureau-leader')
  @ApiOperation({
    summary: 'Admin: set (or clear with null) the bureau leader',
    description: 'From then on, a sweep level whose recipients resolve to nobody above also sends that level’s message to this person. Recorded in the `org:<id>` history stream.',
  })
  setBureauLeader(@CurrentActor() actor: Actor, @Body() body: BureauLeaderBody): Promise<BureauLeaderView> {
    return this.bureauLeader.set(actor, body.personId);
  }
}
