import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { OrgService, type PostDetail, type PostSummary, type UnitSummary } from '#libs/org';

@ApiTags('org')
@Controller()
export class OrgController {
  constructor(private readonly org: OrgService) {}

  @Get('units')
  @ApiOperation({ summary: '内设机构 with their organisation and number of posts' })
  listUnits(): Promise<UnitSummary[]> {
    return this.org.listUnits();
  }

  @Get('units/:id/posts')
  @ApiOperation({ summary: 'Posts of a unit in duty-list order' })
  listPosts(@Param('id', ParseUUIDPipe) id: string): Promise<PostSummary[]> {
    return this.org.listPostsOfUnit(id);
  }

  @Get('posts/:id')
  @ApiOperation({ summary: 'A post with its current holders, work items, 职能 and typed 责任' })
  getPost(@Param('id', ParseUUIDPipe) id: string): Promise<PostDetail> {
    return this.org.getPost(id);
  }
}
