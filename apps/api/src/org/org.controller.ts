import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '#libs/auth';
import { OrgService, type PostDetail, type PostSummary, type UnitSummary } from '#libs/org';
import { CurrentActor } from '../auth/current-actor.decorator.js';

@ApiTags('org')
@ApiBearerAuth()
@Controller()
export class OrgController {
  constructor(private readonly org: OrgService) {}

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
}
