import { Injectable, Optional } from '@nestjs/common';
import { Context } from '../../framework/context/context';
import { SthenoError } from '../../framework/errors/stheno-error';
import { CartService } from '../../modules/cart/cart.service';
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
 * its id, and the location attributes price rules may test. `cart_id` prices in the cart's region and
 * currency, with its shipping address's country and province (Medusa's `setPricingContext`); it
 * takes precedence over `region_id` and `country_code`.
 */
@Injectable()
export class PricingContextResolver {
  constructor(
    private readonly regions: RegionService,
    // absent when the configuration file switches the cart module off
    @Optional() private readonly carts?: CartService,
  ) {}

  /**
   * Null when the request carries no region context; throws on an unknown region or country.
   * `customerGroupIds`: the signed-in customer's groups, which price lists with a
   * `customer_group_id` rule match (any one of them).
   */
  async resolve(ctx: Context, params: PricingParams, customerGroupIds: readonly string[] = []): Promise<PricingContext | null> {
    const cartId = optionalString(params, 'cart_id');
    if (cartId) {
      if (!this.carts) throw SthenoError.invalidData('cart_id cannot be used: the cart module is switched off');
      const cart = await this.carts.pricingContextOf(ctx, cartId);
      if (!cart) throw SthenoError.notFound(`Cart id not found: ${cartId}`);
      const context: PricingContext = { currency_code: cart.currency_code };
      if (cart.region_id) context.region_id = cart.region_id;
      if (cart.country_code) context.country_code = cart.country_code;
      if (cart.province) context.province = cart.province;
      if (customerGroupIds.length) context.customer_group_id = [...customerGroupIds];
      return context;
    }
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
