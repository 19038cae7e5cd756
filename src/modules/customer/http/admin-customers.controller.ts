import { Body, Controller, Delete, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Context } from '../../../framework/context/context';
import { Ctx } from '../../../framework/context/ctx.decorator';
import { runFlow } from '../../../framework/flows/flow';
import { deleteEnvelope, listEnvelope, projectFields } from '../../../framework/http/envelopes';
import { ListQuery, RetrieveQuery } from '../../../framework/http/list-query';
import { ApiDeleteResponse, ApiListQuery, ApiListResponse, ApiRetrieveQuery, ApiSingleResponse, ListParams, RetrieveParams } from '../../../framework/http/route-docs';
import { Post } from '../../../framework/http/verbs';
import { ApiErrors } from '../../../framework/openapi/error-responses';
import { ApiAdminAuth } from '../../../framework/openapi/security';
import { deleteCustomerFlow } from '../../../flows/customer/customer-account.flow';
import { AuthService } from '../../auth/auth.service';
import { actorUser, CustomerService, relationsOf } from '../customer.service';
import { CustomerAddressDto, CustomerAddressInputDto, CustomerAddressResponseDto, CustomerDto, CreateCustomerDto, LinkIdsDto, UpdateCustomerDto } from '../dto/customer.dto';
import { ADDRESS_LIST, ADDRESS_RETRIEVE, ADMIN_CUSTOMER_LIST as LIST, ADMIN_CUSTOMER_RETRIEVE as RETRIEVE } from './customer-fields';

@ApiTags('Admin Customers')
@ApiAdminAuth()
@Controller('admin/customers')
export class AdminCustomersController {
  constructor(
    private readonly customers: CustomerService,
    private readonly auth: AuthService,
  ) {}

  @Get()
  @ApiListQuery(LIST)
  @ApiListResponse('customers', CustomerDto)
  @ApiErrors(400, 401)
  async list(@Ctx() ctx: Context, @ListParams(LIST) query: ListQuery) {
    const [customers, count] = await this.customers.list(ctx, query);
    return listEnvelope('customers', customers.map((c) => projectFields(c, query.fields)), { count, ...query });
  }

  @Post()
  @ApiRetrieveQuery(RETRIEVE)
  @ApiSingleResponse('customer', CustomerDto)
  @ApiErrors(400, 401, 422)
  async create(@Ctx() ctx: Context, @Body() body: CreateCustomerDto, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    const created = await this.customers.create(ctx, { ...body, created_by: actorUser(ctx) });
    return this.customer(ctx, created.id, query);
  }

  @Get(':id')
  @ApiRetrieveQuery(RETRIEVE)
  @ApiSingleResponse('customer', CustomerDto)
  @ApiErrors(400, 401, 404)
  async retrieve(@Ctx() ctx: Context, @Param('id') id: string, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    return this.customer(ctx, id, query);
  }

  @Post(':id')
  @ApiRetrieveQuery(RETRIEVE)
  @ApiSingleResponse('customer', CustomerDto)
  @ApiErrors(400, 401, 404, 422)
  async update(@Ctx() ctx: Context, @Param('id') id: string, @Body() body: UpdateCustomerDto, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    await this.customers.update(ctx, id, body);
    return this.customer(ctx, id, query);
  }

  @Delete(':id')
  @ApiDeleteResponse('customer')
  @ApiErrors(401, 404)
  async delete(@Ctx() ctx: Context, @Param('id') id: string) {
    await runFlow(ctx, deleteCustomerFlow({ customers: this.customers, auth: this.auth }), id);
    return deleteEnvelope(id, 'customer');
  }

  @Post(':id/customer-groups')
  @ApiRetrieveQuery(RETRIEVE)
  @ApiSingleResponse('customer', CustomerDto)
  @ApiErrors(400, 401, 404)
  async changeGroups(@Ctx() ctx: Context, @Param('id') id: string, @Body() body: LinkIdsDto, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    await this.customers.changeGroups(ctx, id, body);
    return this.customer(ctx, id, query);
  }

  @Get(':id/addresses')
  @ApiListQuery(ADDRESS_LIST)
  @ApiListResponse('addresses', CustomerAddressDto)
  @ApiErrors(400, 401, 404)
  async listAddresses(@Ctx() ctx: Context, @Param('id') id: string, @ListParams(ADDRESS_LIST) query: ListQuery) {
    const [addresses, count] = await this.customers.listAddresses(ctx, id, query);
    return listEnvelope('addresses', addresses.map((a) => projectFields(a, query.fields)), { count, ...query });
  }

  /** Medusa answers with the customer, not the address. */
  @Post(':id/addresses')
  @ApiRetrieveQuery(RETRIEVE)
  @ApiSingleResponse('customer', CustomerDto)
  @ApiErrors(400, 401, 404)
  async createAddress(@Ctx() ctx: Context, @Param('id') id: string, @Body() body: CustomerAddressInputDto, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    await this.customers.createAddress(ctx, id, body);
    return this.customer(ctx, id, query);
  }

  @Get(':id/addresses/:address_id')
  @ApiRetrieveQuery(ADDRESS_RETRIEVE)
  @ApiSingleResponse('address', CustomerAddressResponseDto)
  @ApiErrors(400, 401, 404)
  async retrieveAddress(@Ctx() ctx: Context, @Param('id') id: string, @Param('address_id') addressId: string, @RetrieveParams(ADDRESS_RETRIEVE) query: RetrieveQuery) {
    return { address: projectFields(await this.customers.retrieveAddress(ctx, id, addressId), query.fields) };
  }

  @Post(':id/addresses/:address_id')
  @ApiRetrieveQuery(RETRIEVE)
  @ApiSingleResponse('customer', CustomerDto)
  @ApiErrors(400, 401, 404)
  async updateAddress(
    @Ctx() ctx: Context,
    @Param('id') id: string,
    @Param('address_id') addressId: string,
    @Body() body: CustomerAddressInputDto,
    @RetrieveParams(RETRIEVE) query: RetrieveQuery,
  ) {
    await this.customers.updateAddress(ctx, id, addressId, body);
    return this.customer(ctx, id, query);
  }

  @Delete(':id/addresses/:address_id')
  @ApiRetrieveQuery(RETRIEVE)
  @ApiDeleteResponse('customer_address')
  @ApiErrors(400, 401, 404)
  async deleteAddress(@Ctx() ctx: Context, @Param('id') id: string, @Param('address_id') addressId: string, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    await this.customers.deleteAddress(ctx, id, addressId);
    return deleteEnvelope(addressId, 'customer_address', (await this.customer(ctx, id, query)).customer);
  }

  private async customer(ctx: Context, id: string, query: RetrieveQuery) {
    return { customer: projectFields(await this.customers.retrieve(ctx, id, relationsOf(query.fields.relations)), query.fields) };
  }
}
