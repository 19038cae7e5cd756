import { Body, Controller, Delete, Get, Param, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Authenticate } from '../../../framework/auth/route-access.decorators';
import { Context } from '../../../framework/context/context';
import { Ctx } from '../../../framework/context/ctx.decorator';
import { SthenoError } from '../../../framework/errors/stheno-error';
import { runFlow } from '../../../framework/flows/flow';
import { deleteEnvelope, listEnvelope, projectFields } from '../../../framework/http/envelopes';
import { ListQuery, ListQuerySpec, RetrieveQuery, RetrieveQuerySpec } from '../../../framework/http/list-query';
import { ApiDeleteResponse, ApiListQuery, ApiListResponse, ApiRetrieveQuery, ApiSingleResponse, ListParams, RetrieveParams } from '../../../framework/http/route-docs';
import { Post } from '../../../framework/http/verbs';
import { ApiErrors } from '../../../framework/openapi/error-responses';
import { SECURITY } from '../../../framework/openapi/openapi';
import { ApiAdminAuth } from '../../../framework/openapi/security';
import { acceptInviteFlow } from '../../../flows/user/create-user-account.flow';
import { AuthService } from '../../auth/auth.service';
import { AcceptInviteDto, CreateInviteDto, InviteDto, UserDto } from '../dto/user.dto';
import { UserService } from '../user.service';

const FIELDS = ['id', 'email', 'accepted', 'token', 'expires_at', 'metadata', 'created_at', 'updated_at'];
const RETRIEVE: RetrieveQuerySpec = { defaults: FIELDS, allowed: FIELDS };
const LIST: ListQuerySpec = {
  ...RETRIEVE,
  defaultLimit: 50,
  maxLimit: 200,
  order: { allowed: ['email', 'created_at', 'expires_at'], default: 'created_at' },
  filters: { id: { type: 'string' }, email: { type: 'string' }, accepted: { type: 'boolean' }, created_at: { type: 'date' } },
  q: true,
};

@ApiTags('Admin Invites')
@Controller('admin/invites')
export class AdminInvitesController {
  constructor(
    private readonly users: UserService,
    private readonly auth: AuthService,
  ) {}

  /**
   * The invitee's side: registered with `POST /auth/user/emailpass/register`, it sends that
   * registration token (no user yet) and the invite token; gets its user.
   */
  @Post('accept')
  @Authenticate('user', ['bearer', 'session'], { allowUnregistered: true })
  @ApiBearerAuth(SECURITY.bearer)
  @ApiQuery({ name: 'token', required: true, description: 'The invite token' })
  @ApiSingleResponse('user', UserDto)
  @ApiErrors(400, 401)
  async accept(@Ctx() ctx: Context, @Req() request: Request, @Query('token') token: string | undefined, @Body() body: AcceptInviteDto) {
    if (request.auth!.actor_id) throw SthenoError.invalidData('The user is already authenticated and cannot accept an invite');
    if (!token) throw new SthenoError('unauthorized', 'Invalid invite token');
    const flow = acceptInviteFlow({ users: this.users, auth: this.auth });
    const { first_name, last_name } = body;
    return { user: await runFlow(ctx, flow, { authIdentityId: request.auth!.auth_identity_id, token, first_name, last_name }) };
  }

  @Get()
  @ApiAdminAuth()
  @ApiListQuery(LIST)
  @ApiListResponse('invites', InviteDto)
  @ApiErrors(400, 401)
  async list(@Ctx() ctx: Context, @ListParams(LIST) query: ListQuery) {
    const [invites, count] = await this.users.listInvites(ctx, query);
    return listEnvelope('invites', invites.map((i) => projectFields(i, query.fields)), { count, ...query });
  }

  @Post()
  @ApiAdminAuth()
  @ApiSingleResponse('invite', InviteDto)
  @ApiErrors(400, 401, 422)
  async create(@Ctx() ctx: Context, @Body() body: CreateInviteDto) {
    return { invite: await this.users.createInvite(ctx, body) };
  }

  @Get(':id')
  @ApiAdminAuth()
  @ApiRetrieveQuery(RETRIEVE)
  @ApiSingleResponse('invite', InviteDto)
  @ApiErrors(400, 401, 404)
  async retrieve(@Ctx() ctx: Context, @Param('id') id: string, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    return { invite: projectFields(await this.users.retrieveInvite(ctx, id), query.fields) };
  }

  @Delete(':id')
  @ApiAdminAuth()
  @ApiDeleteResponse('invite')
  @ApiErrors(401, 404)
  async delete(@Ctx() ctx: Context, @Param('id') id: string) {
    await this.users.deleteInvite(ctx, id);
    return deleteEnvelope(id, 'invite');
  }

  @Post(':id/resend')
  @ApiAdminAuth()
  @ApiSingleResponse('invite', InviteDto)
  @ApiErrors(400, 401, 404)
  async resend(@Ctx() ctx: Context, @Param('id') id: string) {
    return { invite: await this.users.resendInvite(ctx, id) };
  }
}
