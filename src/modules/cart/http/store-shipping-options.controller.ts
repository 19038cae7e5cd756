import { Body, Controller, Get, Param } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiQuery, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { Context } from '../../../framework/context/context';
import { Ctx } from '../../../framework/context/ctx.decorator';
import { SthenoError } from '../../../framework/errors/stheno-error';
import { projectFields } from '../../../framework/http/envelopes';
import { RetrieveQuery } from '../../../framework/http/list-query';
import { ApiRetrieveQuery, ApiSingleResponse, RetrieveParams } from '../../../framework/http/route-docs';
import { Post } from '../../../framework/http/verbs';
import { ApiErrors } from '../../../framework/openapi/error-responses';
import { ApiStoreAuth } from '../../../framework/openapi/security';
import type { StorefrontCaller } from '../../../flows/cart/cart-flow.types';
import { CartFlows } from '../../../flows/cart/cart-flows.service';
import { calculateShippingOptionForCart, shippingOptionsForCart } from '../../../flows/cart/shipping-options';
import { CalculateShippingOptionDto, StoreShippingOptionDto } from '../dto/checkout.dto';
import { STORE_SHIPPING_OPTION_FIELDS as FIELDS } from './checkout-fields';
import { Caller } from './storefront-caller.decorator';

function isReturnOf(value: unknown): boolean {
  if (value === undefined) return false;
  if (value === 'true' || value === 'false') return value === 'true';
  throw SthenoError.invalidData("Invalid request: Expected boolean for field 'is_return'");
}

@ApiTags('Store Shipping Options')
@ApiStoreAuth()
@Controller('store/shipping-options')
export class StoreShippingOptionsController {
  constructor(private readonly flows: CartFlows) {}

  /** The shipping options a cart can use, with their prices for it. */
  @Get()
  @ApiRetrieveQuery(FIELDS)
  @ApiQuery({ name: 'cart_id', required: true, type: String })
  @ApiQuery({ name: 'is_return', required: false, type: Boolean })
  @ApiExtraModels(StoreShippingOptionDto)
  @ApiOkResponse({
    schema: {
      type: 'object',
      required: ['shipping_options'],
      properties: { shipping_options: { type: 'array', items: { $ref: getSchemaPath(StoreShippingOptionDto) } } },
    },
  })
  @ApiErrors(400, 404)
  async list(@Ctx() ctx: Context, @Caller() caller: StorefrontCaller, @RetrieveParams(FIELDS) query: RetrieveQuery) {
    const cartId = query.extra.cart_id;
    if (typeof cartId !== 'string' || !cartId.trim()) throw SthenoError.invalidData("Invalid request: Field 'cart_id' is required");
    const options = await shippingOptionsForCart(this.flows.services, ctx, cartId.trim(), caller, isReturnOf(query.extra.is_return));
    return { shipping_options: options.map((o) => projectFields(o, query.fields)) };
  }

  /** The option's price for the cart (a calculated option asks its fulfillment provider, with `data`). */
  @Post(':id/calculate')
  @ApiRetrieveQuery(FIELDS)
  @ApiSingleResponse('shipping_option', StoreShippingOptionDto)
  @ApiErrors(400, 404)
  async calculate(
    @Ctx() ctx: Context,
    @Caller() caller: StorefrontCaller,
    @Param('id') id: string,
    @Body() body: CalculateShippingOptionDto,
    @RetrieveParams(FIELDS) query: RetrieveQuery,
  ) {
    const option = await calculateShippingOptionForCart(this.flows.services, ctx, id, body.cart_id, body.data ?? {}, caller);
    return { shipping_option: projectFields(option, query.fields) };
  }
}
