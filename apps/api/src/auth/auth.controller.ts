import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthService, type Actor, type MeView, type TokenPair } from '#libs/auth';
import { AppConfig } from '#libs/core';
import { clientInfo } from './authenticated-request.js';
import { CurrentActor } from './current-actor.decorator.js';
import { LoginDto, RefreshDto, TokenPairDto } from './dto/login.dto.js';
import { MeDto } from './dto/me.dto.js';
import { Public } from './public.decorator.js';
import { clearedRefreshCookie, cookieIsSecure, readRefreshCookie, refreshCookie, setRefreshCookie } from './refresh-cookie.js';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly config: AppConfig,
  ) {}

  @Public()
  @Post('auth/login')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Log in: an access token, and a refresh token as an HttpOnly cookie or, when asked, in the answer (401 wrong credentials, 429 too many failures)',
  })
  @ApiOkResponse({ type: TokenPairDto })
  async login(@Body() body: LoginDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<Partial<TokenPair>> {
    const { refreshTokenDelivery, ...credentials } = body;
    const pair = await this.auth.login(credentials, clientInfo(request));
    return refreshTokenDelivery === 'body' ? pair : this.inCookie(pair, request, reply);
  }

  @Public()
  @Post('auth/refresh')
  @HttpCode(200)
  @ApiOperation({ summary: 'Renew: new tokens for a refresh token (from the body, else the cookie), which stops working; the new one goes back the same way' })
  @ApiOkResponse({ type: TokenPairDto })
  async refresh(@Body() body: RefreshDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<Partial<TokenPair>> {
    if (body.refreshToken !== undefined) return this.auth.refresh(body.refreshToken);
    // A failed renewal leaves the cookie alone: another tab may just have replaced it with a good one.
    return this.inCookie(await this.auth.refresh(readRefreshCookie(request)), request, reply);
  }

  @Post('auth/logout')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'End this session: its access and refresh tokens stop working at once, and the refresh cookie is cleared' })
  async logout(@CurrentActor() actor: Actor, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.auth.logout(actor);
    setRefreshCookie(reply, clearedRefreshCookie(cookieIsSecure(request, this.config.publicUrl)));
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The caller: person, posts held today, roles from those posts, AB posts covered' })
  @ApiOkResponse({ type: MeDto })
  me(@CurrentActor() actor: Actor): Promise<MeView> {
    return this.auth.describe(actor);
  }

  /** The refresh token leaves as a cookie and never in a body a script could read. */
  private inCookie(pair: TokenPair, request: FastifyRequest, reply: FastifyReply): Partial<TokenPair> {
    const { refreshToken, ...rest } = pair;
    setRefreshCookie(reply, refreshCookie(refreshToken, pair.refreshExpiresIn, cookieIsSecure(request, this.config.publicUrl)));
    return rest;
  }
}
