import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { StorefrontCaller } from '../../../flows/cart/cart-flow.types';

/** Handler parameter: the publishable key's sales channels and the signed-in customer, if any. */
export const Caller = createParamDecorator((_data: unknown, execution: ExecutionContext): StorefrontCaller => {
  const request = execution.switchToHttp().getRequest<Request>();
  const auth = request.auth;
  return {
    sales_channel_ids: request.publishableKey?.sales_channel_ids ?? [],
    customer_id: auth && auth.actor_type === 'customer' && auth.actor_id ? auth.actor_id : null,
  };
});
