import { Controller, Delete, Get, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import type { FastifyReply } from 'fastify';
import type { Actor } from '#libs/auth';
import { CalendarFeedService, type FeedTokenView, type NewFeedToken } from '#libs/reports';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { Public } from '../auth/public.decorator.js';
import { FeedTokenDto, NewFeedTokenDto } from './calendar-feed.responses.js';

export class FeedQuery {
  // Checked by the service, so a bad token gets the feed's own error codes.
  @ApiPropertyOptional({ description: 'the token returned by POST /api/calendar/feed-tokens' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  token?: string;
}

/**
 * The personal deadline feed (ICS) and its links. Separate from the working-day calendar
 * (CalendarController): this is the person's tasks, that is the bureau's holidays.
 */
@ApiTags('calendar-feed')
@Controller('calendar')
export class CalendarFeedController {
  constructor(private readonly feeds: CalendarFeedService) {}

  @Post('feed-tokens')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'New subscription link to my deadlines; the token and URL are shown only this once' })
  @ApiCreatedResponse({ type: NewFeedTokenDto })
  createToken(@CurrentActor() actor: Actor): Promise<NewFeedToken> {
    return this.feeds.createToken(actor);
  }

  @Get('feed-tokens')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'My subscription links (without their tokens)' })
  @ApiOkResponse({ type: [FeedTokenDto] })
  listTokens(@CurrentActor() actor: Actor): Promise<FeedTokenView[]> {
    return this.feeds.listTokens(actor);
  }

  @Delete('feed-tokens/:id')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Revoke a subscription link (its owner or an administrator)' })
  @ApiOkResponse({ type: FeedTokenDto })
  revokeToken(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<FeedTokenView> {
    return this.feeds.revokeToken(actor, id);
  }

  // Calendar apps cannot log in: the token in the link is the credential.
  @Public()
  @Get('feed.ics')
  @ApiProduces('text/calendar')
  @ApiOkResponse({ description: 'text/calendar; charset=utf-8 (RFC 5545)', schema: { type: 'string' } })
  @ApiOperation({ summary: 'My open tasks as an iCalendar feed (one all-day event per deadline); 404 FEED_TOKEN_UNKNOWN, 401 FEED_TOKEN_REVOKED' })
  async feed(@Query() q: FeedQuery, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const ics = await this.feeds.feed(q.token);
    // Set only on success: errors keep the API's JSON error shape.
    void reply.header('Content-Type', 'text/calendar; charset=utf-8');
    void reply.header('Content-Disposition', 'inline; filename="duty-tracker.ics"');
    void reply.header('Cache-Control', 'private, no-store');
    return ics;
  }
}
