import { Body, Controller, Delete, Headers, HttpCode, Inject, Param, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AuthContext } from '../../../framework/auth/auth-context';
import { SessionCookie, sessionCookieOf } from '../../../framework/auth/cookies';
import { Authenticate } from '../../../framework/auth/route-access.decorators';
import { AuthThrottlerGuard } from '../../../framework/auth/throttling';
import { APP_CONFIG, AppConfig } from '../../../framework/config/app-config';
import { Context } from '../../../framework/context/context';
import { Ctx } from '../../../framework/context/ctx.decorator';
import { SthenoError } from '../../../framework/errors/stheno-error';
import { Post } from '../../../framework/http/verbs';
import { ApiErrors } from '../../../framework/openapi/error-responses';
import { SECURITY } from '../../../framework/openapi/openapi';
import { AuthService } from '../auth.service';
import { AUTH_ACTORS, AuthActor, EMAILPASS } from '../auth.types';
import { EmailPassDto, ResetPasswordDto, SessionResponseDto, SuccessResponseDto, TokenResponseDto, UpdateProviderDto } from '../dto/auth.dto';

/** The actor and provider of `/auth/:actor/:provider…`: `user` or `customer`, with `emailpass`. */
function actorOf(actor: string, provider: string): AuthActor {
  if (!(AUTH_ACTORS as string[]).includes(actor) || provider !== EMAILPASS) {
    throw new SthenoError('unauthorized', `The actor type ${actor} is not allowed to use the auth provider ${provider}`);
  }
  return actor as AuthActor;
}

const actorParams = [
  ApiParam({ name: 'actor', enum: AUTH_ACTORS }),
  ApiParam({ name: 'provider', enum: [EMAILPASS] }),
];
const applyAll = (...decorators: MethodDecorator[]): MethodDecorator => (target, key, descriptor) => {
  for (const decorator of decorators) decorator(target, key, descriptor);
};

@ApiTags('Auth')
@Controller('auth')
export class AuthController {
  private readonly cookie: SessionCookie;

  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.cookie = sessionCookieOf(config);
  }

  // declared before `:actor/:provider`, which would otherwise match `token/refresh`
  @Post('token/refresh')
  @Authenticate('*', ['bearer'], { allowUnregistered: true })
  @ApiBearerAuth(SECURITY.bearer)
  @ApiOperation({ summary: 'A new token for the same identity, with an actor created since login' })
  @ApiOkResponse({ type: TokenResponseDto })
  @ApiErrors(401)
  async refresh(@Ctx() ctx: Context, @Req() request: Request) {
    return { token: await this.auth.refresh(ctx, request.auth!) };
  }

  @Post('session')
  @Authenticate('*', ['bearer'])
  @ApiBearerAuth(SECURITY.bearer)
  @ApiOperation({ summary: 'Exchange a bearer token for a cookie session (SESSION_NAME, default connect.sid)' })
  @ApiOkResponse({ type: SessionResponseDto })
  @ApiErrors(401)
  async createSession(@Ctx() ctx: Context, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    const auth = request.auth as AuthContext;
    const session = await this.auth.createSession(ctx, auth);
    this.cookie.write(response, session.id, session.expires_at);
    const { issued_at: _issuedAt, ...claims } = auth;
    return { user: claims };
  }

  @Delete('session')
  @Authenticate('*', ['session'])
  @ApiCookieAuth(SECURITY.cookie)
  @ApiOperation({ summary: 'End the cookie session' })
  @ApiOkResponse({ type: SuccessResponseDto })
  @ApiErrors(401)
  async deleteSession(@Ctx() ctx: Context, @Headers('cookie') cookies: string | undefined, @Res({ passthrough: true }) response: Response) {
    const sessionId = this.cookie.read(cookies);
    if (sessionId) await this.auth.deleteSession(ctx, sessionId);
    this.cookie.clear(response);
    return { success: true };
  }

  @Post(':actor/:provider')
  @UseGuards(AuthThrottlerGuard)
  @applyAll(...actorParams)
  @ApiOperation({ summary: 'Log in: `{token}` (Invalid email or password → 401)' })
  @ApiOkResponse({ type: TokenResponseDto })
  @ApiErrors(400, 401, 429)
  async login(@Ctx() ctx: Context, @Param('actor') actor: string, @Param('provider') provider: string, @Body() body: EmailPassDto) {
    const context = await this.auth.authenticate(ctx, actorOf(actor, provider), body.email, body.password);
    return { token: this.auth.issueToken(context) };
  }

  @Post(':actor/:provider/register')
  @UseGuards(AuthThrottlerGuard)
  @applyAll(...actorParams)
  @ApiOperation({ summary: 'Register an identity: `{token}` with an empty actor_id, to create the user or customer with' })
  @ApiOkResponse({ type: TokenResponseDto })
  @ApiErrors(400, 401, 429)
  async register(@Ctx() ctx: Context, @Param('actor') actor: string, @Param('provider') provider: string, @Body() body: EmailPassDto) {
    const context = await this.auth.register(ctx, actorOf(actor, provider), body.email, body.password);
    return { token: this.auth.issueToken(context) };
  }

  // above @Post: decorators apply bottom-up, so this one is applied last and wins over Post's 200
  @HttpCode(201)
  @Post(':actor/:provider/reset-password')
  @UseGuards(AuthThrottlerGuard)
  @applyAll(...actorParams)
  @ApiOperation({ summary: 'Request a password reset; always 201, whether or not the identity exists' })
  @ApiCreatedResponse({ description: 'Accepted; if the identity exists, auth.password_reset is emitted with a single-use token' })
  @ApiErrors(400, 401, 429)
  async resetPassword(@Ctx() ctx: Context, @Param('actor') actor: string, @Param('provider') provider: string, @Body() body: ResetPasswordDto) {
    await this.auth.requestPasswordReset(ctx, actorOf(actor, provider), body.identifier);
  }

  @Post(':actor/:provider/update')
  @applyAll(...actorParams)
  @ApiQuery({ name: 'token', required: false, description: 'The reset token (or send it as a Bearer token)' })
  @ApiOperation({ summary: 'Set a new password with a reset token (single use)' })
  @ApiOkResponse({ type: SuccessResponseDto })
  @ApiErrors(400, 401)
  async update(
    @Ctx() ctx: Context,
    @Param('actor') actor: string,
    @Param('provider') provider: string,
    @Query('token') queryToken: string | undefined,
    @Headers('authorization') authorization: string | undefined,
    @Body() body: UpdateProviderDto,
  ) {
    const token = queryToken ?? /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    if (!token) throw new SthenoError('unauthorized', 'Invalid or expired password reset token');
    await this.auth.updatePassword(ctx, actorOf(actor, provider), token, body);
    return { success: true };
  }
}
