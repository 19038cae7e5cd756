import { Body, Controller, Delete, Get, Param, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Authenticate } from '../../../framework/auth/route-access.decorators';
import { Context } from '../../../framework/context/context';
import { Ctx } from '../../../framework/context/ctx.decorator';
import { SthenoError } from '../../../framework/errors/stheno-error';
import { runFlow } from '../../../framework/flows/flow';
import { deleteEnvelope, listEnvelope, projectFields } from '../../../framework/http/envelopes';
import { ListQuery, RetrieveQuery } from '../../../framework/http/list-query';
import { ApiDeleteResponse, ApiListQuery, ApiListResponse, ApiRetrieveQuery, ApiSingleResponse, ListParams, RetrieveParams } from '../../../framework/http/route-docs';
import { Post } from '../../../framework/http/verbs';
import { ApiErrors } from '../../../framework/openapi/error-responses';
import { SECURITY } from '../../../framework/openapi/openapi';
import { ApiStoreAuth } from '../../../framework/openapi/security';
import { createCustomerAccountFlow } from '../../../flows/customer/customer-account.flow';
import { AuthService } from '../../auth/auth.service';
import { CustomerService, relationsOf } from '../customer.service';
import { CustomerAddressDto, CustomerAddressInputDto, CustomerAddressResponseDto, CustomerDto, StoreCreateCustomerDto, StoreUpdateCustomerDto } from '../dto/customer.dto';
import { ADDRESS_LIST, ADDRESS_RETRIEVE, STORE_CUSTOMER_RETRIEVE as RETRIEVE } from './customer-fields';

/** The signed-in customer's id (the route requires a customer, so the guard has set it). */
const me = (ctx: Context): string => ctx.actor!.id;

/**
 * The shopper's own record and address book. Every `/me` route is scoped to the signed-in customer:
 * another customer's address is answered 404, exactly like an address that does not exist.
 */
@ApiTags('Store Customers')
@ApiStoreAuth()
@ApiBearerAuth(SECURITY.bearer)
@ApiCookieAuth(SECURITY.cookie)
@Controller('store/customers')
export class StoreCustomersController {
  constructor(
    private readonly customers: CustomerService,
    private readonly auth: AuthService,
  ) {}

  /**
   * Sign-up, second half: with the token of `POST /auth/customer/emailpass/register` (an identity
   * with no customer yet), creates the shopper's customer and links the identity to it.
   */
  @Post()
  @Authenticate('customer', ['session', 'bearer'], { allowUnregistered: true })
  @ApiRetrieveQuery(RETRIEVE)
  @ApiSingleResponse('customer', CustomerDto)
  @ApiErrors(400, 401, 422)
  async create(@Ctx() ctx: Context, @Req() request: Request, @Body() body: StoreCreateCustomerDto, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    if (request.auth!.actor_id) throw SthenoError.invalidData('Request already authenticated as a customer.');
    const flow = createCustomerAccountFlow({ customers: this.customers, auth: this.auth });
    const customer = await runFlow(ctx, flow, { authIdentityId: request.auth!.auth_identity_id, customer: body });
    return this.customer(ctx, customer.id, query);
  }

  @Get('me')
  @Authenticate('customer', ['session', 'bearer'])
  @ApiRetrieveQuery(RETRIEVE)
  @ApiSingleResponse('customer', CustomerDto)
  @ApiErrors(400, 401)
  async retrieve(@Ctx() ctx: Context, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    return this.customer(ctx, me(ctx), query);
  }

  @Post('me')
  @Authenticate('customer', ['session', 'bearer'])
  @ApiRetrieveQuery(RETRIEVE)
  @ApiSingleResponse('customer', CustomerDto)
  @ApiErrors(400, 401)
  async update(@Ctx() ctx: Context, @Body() body: StoreUpdateCustomerDto, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    await this.customers.update(ctx, me(ctx), body);
    return this.customer(ctx, me(ctx), query);
  }

  @Get('me/addresses')
  @Authenticate('customer', ['session', 'bearer'])
  @ApiListQuery(ADDRESS_LIST)
  @ApiListResponse('addresses', CustomerAddressDto)
  @ApiErrors(400, 401)
  async listAddresses(@Ctx() ctx: Context, @ListParams(ADDRESS_LIST) query: ListQuery) {
    const [addresses, count] = await this.customers.listAddresses(ctx, me(ctx), query);
    return listEnvelope('addresses', addresses.map((a) => projectFields(a, query.fields)), { count, ...query });
  }

  /** Medusa answers with the customer (and its address book), not the address. */
  @Post('me/addresses')
  @Authenticate('customer', ['session', 'bearer'])
  @ApiRetrieveQuery(RETRIEVE)
  @ApiSingleResponse('customer', CustomerDto)
  @ApiErrors(400, 401)
  async createAddress(@Ctx() ctx: Context, @Body() body: CustomerAddressInputDto, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    await this.customers.createAddress(ctx, me(ctx), body);
    return this.customer(ctx, me(ctx), query);
  }

  @Get('me/addresses/:address_id')
  @Authenticate('customer', ['session', 'bearer'])
  @ApiRetrieveQuery(ADDRESS_RETRIEVE)
  @ApiSingleResponse('address', CustomerAddressResponseDto)
  @ApiErrors(400, 401, 404)
  async retrieveAddress(@Ctx() ctx: Context, @Param('address_id') addressId: string, @RetrieveParams(ADDRESS_RETRIEVE) query: RetrieveQuery) {
    return { address: projectFields(await this.customers.retrieveAddress(ctx, me(ctx), addressId), query.fields) };
  }

  @Post('me/addresses/:address_id')
  @Authenticate('customer', ['session', 'bearer'])
  @ApiRetrieveQuery(RETRIEVE)
  @ApiSingleResponse('customer', CustomerDto)
  @ApiErrors(400, 401, 404)
  async updateAddress(@Ctx() ctx: Context, @Param('address_id') addressId: string, @Body() body: CustomerAddressInputDto, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    await this.customers.updateAddress(ctx, me(ctx), addressId, body);
    return this.customer(ctx, me(ctx), query);
  }

  @Delete('me/addresses/:address_id')
  @Authenticate('customer', ['session', 'bearer'])
  @ApiRetrieveQuery(RETRIEVE)
  @ApiDeleteResponse('address')
  @ApiErrors(400, 401, 404)
  async deleteAddress(@Ctx() ctx: Context, @Param('address_id') addressId: string, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    await this.customers.deleteAddress(ctx, me(ctx), addressId);
    return deleteEnvelope(addressId, 'address', (await this.customer(ctx, me(ctx), query)).customer);
  }

  private async customer(ctx: Context, id: string, query: RetrieveQuery) {
    return { customer: projectFields(await this.customers.retrieve(ctx, id, relationsOf(query.fields.relations)), query.fields) };
  }
}
