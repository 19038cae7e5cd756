import { Body, Controller, Delete, Get, Param, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Authenticate } from '../../../framework/auth/route-access.decorators';
import { Context } from '../../../framework/context/context';
import { Ctx } from '../../../framework/context/ctx.decorator';
import { SthenoError } from '../../../framework/errors/stheno-error';
import { deleteEnvelope, listEnvelope, projectFields } from '../../../framework/http/envelopes';
import { ListQuery, ListQuerySpec, RetrieveQuery, RetrieveQuerySpec } from '../../../framework/http/list-query';
import { ApiDeleteResponse, ApiListQuery, ApiListResponse, ApiRetrieveQuery, ApiSingleResponse, ListParams, RetrieveParams } from '../../../framework/http/route-docs';
import { Post } from '../../../framework/http/verbs';
import { ApiErrors } from '../../../framework/openapi/error-responses';
import { ApiAdminAuth } from '../../../framework/openapi/security';
import { UpdateUserDto, UserDto } from '../dto/user.dto';
import { UserService } from '../user.service';
import { AuthService } from '../../auth/auth.service';
import { runFlow } from '../../../framework/flows/flow';
import { deleteUserFlow } from '../../../flows/user/create-user-account.flow';

const FIELDS = ['id', 'email', 'first_name', 'last_name', 'avatar_url', 'metadata', 'created_at', 'updated_at', 'deleted_at'];
const RETRIEVE: RetrieveQuerySpec = { defaults: FIELDS, allowed: FIELDS };
const LIST: ListQuerySpec = {
  ...RETRIEVE,
  defaultLimit: 50,
  maxLimit: 200,
  order: { allowed: ['email', 'first_name', 'last_name', 'created_at', 'updated_at'], default: 'created_at' },
  filters: { id: { type: 'string' }, email: { type: 'string' }, first_name: { type: 'string' }, last_name: { type: 'string' }, created_at: { type: 'date' } },
  q: true,
};

/** Users are people: Medusa's users routes take a user's bearer token or session, not an API key. */
@ApiTags('Admin Users')
@ApiAdminAuth()
@Authenticate('user', ['session', 'bearer'])
@Controller('admin/users')
export class AdminUsersController {
  constructor(
    private readonly users: UserService,
    private readonly auth: AuthService,
  ) {}

  @Get()
  @ApiListQuery(LIST)
  @ApiListResponse('users', UserDto)
  @ApiErrors(400, 401)
  async list(@Ctx() ctx: Context, @ListParams(LIST) query: ListQuery) {
    const [users, count] = await this.users.list(ctx, query);
    return listEnvelope('users', users.map((u) => projectFields(u, query.fields)), { count, ...query });
  }

  @Get('me')
  @ApiRetrieveQuery(RETRIEVE)
  @ApiSingleResponse('user', UserDto)
  @ApiErrors(400, 401)
  async me(@Ctx() ctx: Context, @Req() request: Request, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    return { user: projectFields(await this.users.retrieve(ctx, request.auth!.actor_id), query.fields) };
  }

  @Get(':id')
  @ApiRetrieveQuery(RETRIEVE)
  @ApiSingleResponse('user', UserDto)
  @ApiErrors(400, 401, 404)
  async retrieve(@Ctx() ctx: Context, @Param('id') id: string, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    return { user: projectFields(await this.users.retrieve(ctx, id), query.fields) };
  }

  @Post(':id')
  @ApiSingleResponse('user', UserDto)
  @ApiErrors(400, 401, 404)
  async update(@Ctx() ctx: Context, @Param('id') id: string, @Body() body: UpdateUserDto) {
    return { user: await this.users.update(ctx, id, body) };
  }

  @Delete(':id')
  @ApiDeleteResponse('user')
  @ApiErrors(400, 401, 404)
  async delete(@Ctx() ctx: Context, @Req() request: Request, @Param('id') id: string) {
    if (request.auth!.actor_id === id) throw SthenoError.notAllowed('You cannot delete your own user');
    await runFlow(ctx, deleteUserFlow({ users: this.users, auth: this.auth }), id);
    return deleteEnvelope(id, 'user');
  }
}
