import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { ProductAudience } from '../taxonomy/taxonomy-products';

/** Handler parameter on /store routes: the storefront asking (its publishable key's sales channels, set by the route guard). */
export const StorefrontAudience = createParamDecorator(
  (_data: unknown, execution: ExecutionContext): ProductAudience => ({
    kind: 'store',
    channels: execution.switchToHttp().getRequest<Request>().publishableKey?.sales_channel_ids ?? [],
  }),
);
