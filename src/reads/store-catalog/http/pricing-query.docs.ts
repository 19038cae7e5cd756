import { applyDecorators } from '@nestjs/common';
import { ApiHeader, ApiQuery, ApiResponse } from '@nestjs/swagger';

/** Documents the store pricing context parameters (reference §5.1). */
export function ApiPricingQuery(): MethodDecorator {
  return applyDecorators(
    ApiQuery({ name: 'region_id', required: false, type: String, description: "Prices in this region's currency (adds `calculated_price` to the default variant fields)" }),
    ApiQuery({ name: 'country_code', required: false, type: String, description: 'ISO 3166-1 alpha-2; without region_id, the region selling to this country' }),
    ApiQuery({ name: 'province', required: false, type: String, description: 'Province, for price rules that test it' }),
    ApiQuery({ name: 'cart_id', required: false, type: String, description: "Price in this cart's region and currency (and its shipping address's country and province); 404 when unknown" }),
  );
}

/** Documents the conditional GET of cached store reads: `If-None-Match` with the ETag answers 304. */
export function ApiNotModified(): MethodDecorator {
  return applyDecorators(
    ApiHeader({ name: 'If-None-Match', required: false, description: 'The ETag of a previous response: 304 when it is still current' }),
    ApiResponse({ status: 304, description: 'Not modified: the response with this ETag is still current' }),
  );
}
