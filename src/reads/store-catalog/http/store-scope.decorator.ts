import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { StoreScope } from '../store-catalog.service';

/** Handler parameter: the sales channels of the request's publishable key (set by the route guard). */
export const Scope = createParamDecorator(
  (_data: unknown, execution: ExecutionContext): StoreScope => ({
    channels: execution.switchToHttp().getRequest<Request>().publishableKey?.sales_channel_ids ?? [],
  }),
);
