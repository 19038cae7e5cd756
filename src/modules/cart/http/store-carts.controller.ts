import { Body, Controller, Delete, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Context } from '../../../framework/context/context';
import { Ctx } from '../../../framework/context/ctx.decorator';
import { deleteEnvelope } from '../../../framework/http/envelopes';
import { RetrieveQuery } from '../../../framework/http/list-query';
import { ApiRetrieveQuery, ApiSingleResponse, RetrieveParams } from '../../../framework/http/route-docs';
import { Post } from '../../../framework/http/verbs';
import { ApiErrors } from '../../../framework/openapi/error-responses';
import { ApiStoreAuth } from '../../../framework/openapi/security';
import type { StorefrontCaller } from '../../../flows/cart/cart-flow.types';
import { CartFlows } from '../../../flows/cart/cart-flows.service';
import { StoreCartViews } from '../../../flows/cart/store-cart-view';
import { Authenticate } from '../../../framework/auth/route-access.decorators';
import { AddShippingMethodDto, PromoCodesDto } from '../dto/checkout.dto';
import { AddLineItemDto, CreateCartDto, StoreCartDto, UpdateCartDto, UpdateLineItemDto } from '../dto/store-cart.dto';
import { STORE_CART_RETRIEVE as RETRIEVE } from './store-cart-fields';
import { Caller } from './storefront-caller.decorator';
import type { CartView } from '../cart.types';

@ApiTags('Store Carts')
@ApiStoreAuth()
@Controller('store/carts')
export class StoreCartsController {
  constructor(
    private readonly flows: CartFlows,
    private readonly views: StoreCartViews,
  ) {}

  @Post()
  @ApiRetrieveQuery(RETRIEVE)
  @ApiSingleResponse('cart', StoreCartDto)
  @ApiErrors(400)
  async create(@Ctx() ctx: Context, @Caller() caller: StorefrontCaller, @Body() body: CreateCartDto, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    return this.respond(ctx, await this.flows.createCart(ctx, body, caller), query, caller);
  }

  @Get(':id')
  @ApiRetrieveQuery(RETRIEVE)
  @ApiSingleResponse('cart', StoreCartDto)
  @ApiErrors(400, 404)
  async retrieve(@Ctx() ctx: Context, @Caller() caller: StorefrontCaller, @Param('id') id: string, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    return this.respond(ctx, id, query, caller);
  }

  @Post(':id')
  @ApiRetrieveQuery(RETRIEVE)
  @ApiSingleResponse('cart', StoreCartDto)
  @ApiErrors(400, 404)
  async update(@Ctx() ctx: Context, @Caller() caller: StorefrontCaller, @Param('id') id: string, @Body() body: UpdateCartDto, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    return this.respond(ctx, await this.flows.updateCart(ctx, id, body, caller), query, caller);
  }

  @Post(':id/line-items')
  @ApiRetrieveQuery(RETRIEVE)
  @ApiSingleResponse('cart', StoreCartDto)
  @ApiErrors(400, 404)
  async addLineItem(@Ctx() ctx: Context, @Caller() caller: StorefrontCaller, @Param('id') id: string, @Body() body: AddLineItemDto, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    const { cart, catalog } = await this.flows.addLineItems(ctx, id, [body], caller);
    return { cart: await this.views.build(ctx, cart, query.fields, caller, { catalog }) };
  }

  @Post(':id/line-items/:line_id')
  @ApiRetrieveQuery(RETRIEVE)
  @ApiSingleResponse('cart', StoreCartDto)
  @ApiErrors(400, 404)
  async updateLineItem(
    @Ctx() ctx: Context,
    @Caller() caller: StorefrontCaller,
    @Param('id') id: string,
    @Param('line_id') lineId: string,
    @Body() body: UpdateLineItemDto,
    @RetrieveParams(RETRIEVE) query: RetrieveQuery,
  ) {
    return this.respond(ctx, await this.flows.updateLineItem(ctx, id, lineId, body, caller), query, caller);
  }

  @Delete(':id/line-items/:line_id')
  @ApiRetrieveQuery(RETRIEVE)
  @ApiOkResponse({
    description: '`{id, object: "line-item", deleted: true, parent: <cart>}`',
    schema: {
      type: 'object',
      required: ['id', 'object', 'deleted', 'parent'],
      properties: {
        id: { type: 'string' },
        object: { type: 'string', enum: ['line-item'] },
        deleted: { type: 'boolean', enum: [true] },
        parent: { $ref: '#/components/schemas/StoreCartDto' },
      },
    },
  })
  @ApiErrors(400, 404)
  async deleteLineItem(@Ctx() ctx: Context, @Caller() caller: StorefrontCaller, @Param('id') id: string, @Param('line_id') lineId: string, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    const cart = await this.flows.deleteLineItem(ctx, id, lineId, caller);
    return deleteEnvelope(lineId, 'line-item', await this.views.build(ctx, cart, query.fields, caller));
  }

  /** Applies promotion codes (each must be an active promotion: 400 otherwise, nothing changed). */
  @Post(':id/promotions')
  @ApiRetrieveQuery(RETRIEVE)
  @ApiSingleResponse('cart', StoreCartDto)
  @ApiErrors(400, 404)
  async addPromotions(@Ctx() ctx: Context, @Caller() caller: StorefrontCaller, @Param('id') id: string, @Body() body: PromoCodesDto, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    return this.respond(ctx, await this.flows.addPromotions(ctx, id, body.promo_codes, caller), query, caller);
  }

  /** Removes promotion codes from the cart (codes it does not have are ignored). */
  @Delete(':id/promotions')
  @ApiRetrieveQuery(RETRIEVE)
  @ApiSingleResponse('cart', StoreCartDto)
  @ApiErrors(400, 404)
  async removePromotions(@Ctx() ctx: Context, @Caller() caller: StorefrontCaller, @Param('id') id: string, @Body() body: PromoCodesDto, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    return this.respond(ctx, await this.flows.removePromotions(ctx, id, body.promo_codes, caller), query, caller);
  }

  /** Sets the shipping method of an option's shipping profile (the option must be available for the cart). */
  @Post(':id/shipping-methods')
  @ApiRetrieveQuery(RETRIEVE)
  @ApiSingleResponse('cart', StoreCartDto)
  @ApiErrors(400, 404)
  async addShippingMethod(@Ctx() ctx: Context, @Caller() caller: StorefrontCaller, @Param('id') id: string, @Body() body: AddShippingMethodDto, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    return this.respond(ctx, await this.flows.addShippingMethod(ctx, id, body, caller), query, caller);
  }

  /** Computes the cart's tax lines now (also when the region's automatic_taxes is off). */
  @Post(':id/taxes')
  @ApiRetrieveQuery(RETRIEVE)
  @ApiSingleResponse('cart', StoreCartDto)
  @ApiErrors(400, 404)
  async calculateTaxes(@Ctx() ctx: Context, @Caller() caller: StorefrontCaller, @Param('id') id: string, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    return this.respond(ctx, await this.flows.calculateTaxes(ctx, id, caller), query, caller);
  }

  /** Makes a guest cart the signed-in customer's (a cart of another customer is not found). */
  @Post(':id/customer')
  @Authenticate('customer', ['session', 'bearer'])
  @ApiRetrieveQuery(RETRIEVE)
  @ApiSingleResponse('cart', StoreCartDto)
  @ApiErrors(400, 401, 404)
  async transfer(@Ctx() ctx: Context, @Caller() caller: StorefrontCaller, @Param('id') id: string, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    return this.respond(ctx, await this.flows.transferCart(ctx, id, caller), query, caller);
  }

  /** `cart`: an id to read, or the cart a flow answered (read already, in its transaction). */
  private async respond(ctx: Context, cart: string | CartView, query: RetrieveQuery, caller: StorefrontCaller) {
    return { cart: await this.views.build(ctx, cart, query.fields, caller) };
  }
}
