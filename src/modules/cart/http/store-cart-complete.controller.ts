import { Controller, Param } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { Context } from '../../../framework/context/context';
import { Ctx } from '../../../framework/context/ctx.decorator';
import { Idempotent } from '../../../framework/http/idempotency/idempotency.interceptor';
import { resolveFields } from '../../../framework/http/list-query';
import { Post } from '../../../framework/http/verbs';
import { ApiErrors } from '../../../framework/openapi/error-responses';
import { ApiStoreAuth } from '../../../framework/openapi/security';
import type { StorefrontCaller } from '../../../flows/cart/cart-flow.types';
import { CompleteCartFlows } from '../../../flows/cart/complete-cart.service';
import { StoreCartDto } from '../dto/store-cart.dto';
import { STORE_CART_RETRIEVE } from './store-cart-fields';
import { Caller } from './storefront-caller.decorator';

const CART_DEFAULT_FIELDS = resolveFields(undefined, STORE_CART_RETRIEVE);

@ApiTags('Store Carts')
@ApiStoreAuth()
@ApiExtraModels(StoreCartDto)
@Controller('store/carts')
export class StoreCartCompleteController {
  constructor(private readonly checkout: CompleteCartFlows) {}

  @Post(':id/complete')
  @Idempotent()
  @ApiOperation({
    summary: 'Complete a cart: place its order',
    description:
      'One transaction: validates the cart, places the order, reserves its stock, spends promotion budgets and authorizes ' +
      'the payment. A completed cart answers its order again. A refused payment answers 200 with the unchanged cart and the error.',
  })
  @ApiOkResponse({
    description: '`{type: "order", order}`, or `{type: "cart", cart, error}` when the payment provider refused the authorization',
    schema: {
      oneOf: [
        {
          type: 'object',
          required: ['type', 'order'],
          properties: { type: { type: 'string', enum: ['order'] }, order: { $ref: '#/components/schemas/OrderDto' } },
        },
        {
          type: 'object',
          required: ['type', 'cart', 'error'],
          properties: {
            type: { type: 'string', enum: ['cart'] },
            cart: { $ref: getSchemaPath(StoreCartDto) },
            error: {
              type: 'object',
              required: ['message', 'name', 'type'],
              properties: { message: { type: 'string' }, name: { type: 'string' }, type: { type: 'string' } },
            },
          },
        },
      ],
    },
  })
  @ApiErrors(400, 404, 409)
  async complete(@Ctx() ctx: Context, @Caller() caller: StorefrontCaller, @Param('id') id: string) {
    return this.checkout.complete(ctx, id, caller, CART_DEFAULT_FIELDS);
  }
}
