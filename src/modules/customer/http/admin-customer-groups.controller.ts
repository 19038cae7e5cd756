import { Body, Controller, Delete, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Context } from '../../../framework/context/context';
import { Ctx } from '../../../framework/context/ctx.decorator';
import { deleteEnvelope, listEnvelope, projectFields } from '../../../framework/http/envelopes';
import { ListQuery, RetrieveQuery } from '../../../framework/http/list-query';
import { ApiDeleteResponse, ApiListQuery, ApiListResponse, ApiRetrieveQuery, ApiSingleResponse, ListParams, RetrieveParams } from '../../../framework/http/route-docs';
import { Post } from '../../../framework/http/verbs';
import { ApiErrors } from '../../../framework/openapi/error-responses';
import { ApiAdminAuth } from '../../../framework/openapi/security';
import { CustomerGroups } from '../customer-groups.service';
import { actorUser } from '../customer.service';
import { CreateCustomerGroupDto, CustomerGroupDto, LinkIdsDto, UpdateCustomerGroupDto } from '../dto/customer.dto';
import { GROUP_LIST as LIST, GROUP_RETRIEVE as RETRIEVE } from './customer-fields';

@ApiTags('Admin Customer Groups')
@ApiAdminAuth()
@Controller('admin/customer-groups')
export class AdminCustomerGroupsController {
  constructor(private readonly groups: CustomerGroups) {}

  @Get()
  @ApiListQuery(LIST)
  @ApiListResponse('customer_groups', CustomerGroupDto)
  @ApiErrors(400, 401)
  async list(@Ctx() ctx: Context, @ListParams(LIST) query: ListQuery) {
    const [groups, count] = await this.groups.list(ctx, query);
    return listEnvelope('customer_groups', groups.map((g) => projectFields(g, query.fields)), { count, ...query });
  }

  @Post()
  @ApiRetrieveQuery(RETRIEVE)
  @ApiSingleResponse('customer_group', CustomerGroupDto)
  @ApiErrors(400, 401, 422)
  async create(@Ctx() ctx: Context, @Body() body: CreateCustomerGroupDto, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    const group = await this.groups.create(ctx, { ...body, created_by: actorUser(ctx) });
    return this.group(ctx, group.id, query);
  }

  @Get(':id')
  @ApiRetrieveQuery(RETRIEVE)
  @ApiSingleResponse('customer_group', CustomerGroupDto)
  @ApiErrors(400, 401, 404)
  async retrieve(@Ctx() ctx: Context, @Param('id') id: string, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    return this.group(ctx, id, query);
  }

  @Post(':id')
  @ApiRetrieveQuery(RETRIEVE)
  @ApiSingleResponse('customer_group', CustomerGroupDto)
  @ApiErrors(400, 401, 404, 422)
  async update(@Ctx() ctx: Context, @Param('id') id: string, @Body() body: UpdateCustomerGroupDto, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    await this.groups.update(ctx, id, body);
    return this.group(ctx, id, query);
  }

  @Delete(':id')
  @ApiDeleteResponse('customer_group')
  @ApiErrors(401, 404)
  async delete(@Ctx() ctx: Context, @Param('id') id: string) {
    await this.groups.delete(ctx, id);
    return deleteEnvelope(id, 'customer_group');
  }

  /** Adds and removes members; every id is checked before anything changes. */
  @Post(':id/customers')
  @ApiRetrieveQuery(RETRIEVE)
  @ApiSingleResponse('customer_group', CustomerGroupDto)
  @ApiErrors(400, 401, 404)
  async changeCustomers(@Ctx() ctx: Context, @Param('id') id: string, @Body() body: LinkIdsDto, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    await this.groups.changeCustomers(ctx, id, body);
    return this.group(ctx, id, query);
  }

  private async group(ctx: Context, id: string, query: RetrieveQuery) {
    return { customer_group: projectFields(await this.groups.retrieve(ctx, id, query.fields.relations.includes('customers')), query.fields) };
  }
}
