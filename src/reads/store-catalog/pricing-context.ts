import { Injectable } from '@nestjs/common';
import { Context } from '../../framework/context/context';
import { SthenoError } from '../../framework/errors/stheno-error';
import { PricingContext } from '../../modules/pricing/pricing.types';
import { RegionService } from '../../modules/region/region.service';

/** The store's pricing parameters (reference §5.1), as the route received them. */
export interface PricingParams {
  region_id?: unknown;
  country_code?: unknown;
  province?: unknown;
  cart_id?: unknown;
}

export const MISSING_PRICING_CONTEXT = 'Missing required pricing context to calculate prices - currency_code or region_id';

function optionalString(params: PricingParams, key: keyof PricingParams): string | undefined {
  const value = params[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.trim() === '') throw SthenoError.invalidData(`${key} must be a single non-empty string`);
  return value.trim();
}

/**
 * Turns region_id / country_code / province into the calculator's context: the region's currency,
 * its id, and the location attributes price rules may test. `cart_id` is refused until carts exist
 * (silently ignoring it would price a cart's products wrongly).
 */
@Injectable()
export class PricingContextResolver {
  constructor(private readonly regions: RegionService) {}

  /**
   * Null when the request carries no region context; throws on an unknown region or country.
   * `customerGroupIds`: the signed-in customer's groups, which price lists with a
   * `customer_group_id` rule match (any one of them).
   */
  async resolve(ctx: Context, params: PricingParams, customerGroupIds: readonly string[] = []): Promise<PricingContext | null> {
    if (params.cart_id !== undefined) throw SthenoError.invalidData('cart_id is not supported yet');
    const regionId = optionalString(params, 'region_id');
    const countryCode = optionalString(params, 'country_code')?.toLowerCase();
    const province = optionalString(params, 'province');
    if (!regionId && !countryCode) return null;
    const region = await this.regions.pricingRegion(ctx, { region_id: regionId, country_code: countryCode });
    if (!region) {
      throw regionId
        ? SthenoError.notFound(`Region with id: ${regionId} was not found`)
        : SthenoError.invalidData(`No region sells to the country code: ${countryCode}`);
    }
    const context: PricingContext = { currency_code: region.currency_code, region_id: region.id };
    if (countryCode) context.country_code = countryCode;
    if (province) context.province = province;
    if (customerGroupIds.length) context.customer_group_id = [...customerGroupIds];
    return context;
  }
}
