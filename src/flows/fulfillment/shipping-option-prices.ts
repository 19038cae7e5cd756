import { Context } from '../../framework/context/context';
import { SthenoError } from '../../framework/errors/stheno-error';
import type { PriceInput } from '../../modules/pricing/pricing.service';
import { RegionService } from '../../modules/region/region.service';

/** A shipping option price as the admin API takes it: per currency, or per region (priced in the region's currency), as Medusa. */
export interface ShippingOptionPriceInput {
  id?: string;
  currency_code?: string;
  region_id?: string;
  amount: number;
}

/** Region prices become prices in the region's currency with a `region_id` rule. */
export async function toPriceInputs(ctx: Context, regions: RegionService, prices: ShippingOptionPriceInput[]): Promise<PriceInput[]> {
  const result: PriceInput[] = [];
  for (const price of prices) {
    if (price.region_id !== undefined && price.currency_code !== undefined) {
      throw SthenoError.invalidData('A shipping option price has either a currency_code or a region_id, not both');
    }
    if (price.region_id !== undefined) {
      const region = await regions.pricingRegion(ctx, { region_id: price.region_id });
      if (!region) throw SthenoError.notFound(`Region with id: ${price.region_id} was not found`);
      result.push({ id: price.id, currency_code: region.currency_code, amount: price.amount, rules: { region_id: region.id } });
    } else if (price.currency_code !== undefined) {
      result.push({ id: price.id, currency_code: price.currency_code.toLowerCase(), amount: price.amount });
    } else {
      throw SthenoError.invalidData('A shipping option price needs a currency_code or a region_id');
    }
  }
  return result;
}
