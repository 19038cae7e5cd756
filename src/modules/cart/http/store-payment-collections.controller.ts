import { Body, Controller, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Context } from '../../../framework/context/context';
import { Ctx } from '../../../framework/context/ctx.decorator';
import { projectFields } from '../../../framework/http/envelopes';
import { RetrieveQuery } from '../../../framework/http/list-query';
import { ApiRetrieveQuery, ApiSingleResponse, RetrieveParams } from '../../../framework/http/route-docs';
import { Post } from '../../../framework/http/verbs';
import { Idempotent } from '../../../framework/http/idempotency/idempotency.interceptor';
import { ApiErrors } from '../../../framework/openapi/error-responses';
import { ApiStoreAuth } from '../../../framework/openapi/security';
import type { StorefrontCaller } from '../../../flows/cart/cart-flow.types';
import { CartFlows } from '../../../flows/cart/cart-flows.service';
import { CreatePaymentCollectionDto, CreatePaymentSessionDto, StorePaymentCollectionDto } from '../dto/checkout.dto';
import { STORE_PAYMENT_COLLECTION_FIELDS as FIELDS } from './checkout-fields';
import { Caller } from './storefront-caller.decorator';

@ApiTags('Store Payment Collections')
@ApiStoreAuth()
@Controller('store/payment-collections')
export class StorePaymentCollectionsController {
  constructor(private readonly flows: CartFlows) {}

  /** The cart's payment collection: created for its total the first time, the same one afterwards. */
  @Post()
  @Idempotent()
  @ApiRetrieveQuery(FIELDS)
  @ApiSingleResponse('payment_collection', StorePaymentCollectionDto)
  @ApiErrors(400, 404)
  async create(@Ctx() ctx: Context, @Caller() caller: StorefrontCaller, @Body() body: CreatePaymentCollectionDto, @RetrieveParams(FIELDS) query: RetrieveQuery) {
    const id = await this.flows.createPaymentCollection(ctx, body.cart_id, caller);
    return this.respond(ctx, id, query);
  }

  /** Starts a payment session with a provider enabled in the cart's region (replacing the open ones). */
  @Post(':id/payment-sessions')
  @Idempotent()
  @ApiRetrieveQuery(FIELDS)
  @ApiSingleResponse('payment_collection', StorePaymentCollectionDto)
  @ApiErrors(400, 404)
  async createSession(
    @Ctx() ctx: Context,
    @Caller() caller: StorefrontCaller,
    @Param('id') id: string,
    @Body() body: CreatePaymentSessionDto,
    @RetrieveParams(FIELDS) query: RetrieveQuery,
  ) {
    await this.flows.createPaymentSession(ctx, id, body, caller);
    return this.respond(ctx, id, query);
  }

  private async respond(ctx: Context, id: string, query: RetrieveQuery) {
    const collection = await this.flows.services.payments.retrieveCollection(ctx, id);
    return { payment_collection: projectFields(collection, query.fields) };
  }
}
