import { Injectable } from '@nestjs/common';
import { Context } from '../framework/context/context';
import { preparedByIds } from '../framework/database/prepared';
import { SthenoError } from '../framework/errors/stheno-error';
import { LocationFulfillmentProvider, LocationFulfillmentSet, ShippingOptionPriceSet } from './fulfillment-links.entity';
import { linkedIds, textArray } from './linked-ids';

/** Stock location ↔ fulfillment set: which location a set ships from. */
@Injectable()
export class LocationFulfillmentSetLinks {
  async link(ctx: Context, locationId: string, fulfillmentSetIds: string[]): Promise<void> {
    if (!fulfillmentSetIds.length) return;
    await ctx.em.execute(
      `insert into location_fulfillment_set (stock_location_id, fulfillment_set_id) select ?, unnest(?::text[]) on conflict do nothing`,
      [locationId, textArray([...new Set(fulfillmentSetIds)])],
    );
  }

  /** Fulfillment set ids per location, in one query. */
  setsOf(ctx: Context, locationIds: string[]): Promise<Map<string, string[]>> {
    return linkedIds(ctx, LocationFulfillmentSet, 'stock_location_id', 'fulfillment_set_id', locationIds);
  }

  async unlinkSets(ctx: Context, fulfillmentSetIds: string[]): Promise<void> {
    if (!fulfillmentSetIds.length) return;
    await ctx.em.nativeDelete(LocationFulfillmentSet, { fulfillment_set_id: { $in: fulfillmentSetIds } });
  }

  async unlinkLocations(ctx: Context, locationIds: string[]): Promise<void> {
    if (!locationIds.length) return;
    await ctx.em.nativeDelete(LocationFulfillmentSet, { stock_location_id: { $in: locationIds } });
  }
}

/** Stock location ↔ fulfillment provider: the providers a location ships with. */
@Injectable()
export class LocationFulfillmentProviderLinks {
  async add(ctx: Context, locationId: string, providerIds: string[]): Promise<void> {
    if (!providerIds.length) return;
    await ctx.em.execute(
      `insert into location_fulfillment_provider (stock_location_id, fulfillment_provider_id) select ?, unnest(?::text[]) on conflict do nothing`,
      [locationId, textArray([...new Set(providerIds)])],
    );
  }

  async remove(ctx: Context, locationId: string, providerIds: string[]): Promise<void> {
    if (!providerIds.length) return;
    await ctx.em.nativeDelete(LocationFulfillmentProvider, { stock_location_id: locationId, fulfillment_provider_id: { $in: providerIds } });
  }

  async unlinkLocations(ctx: Context, locationIds: string[]): Promise<void> {
    if (!locationIds.length) return;
    await ctx.em.nativeDelete(LocationFulfillmentProvider, { stock_location_id: { $in: locationIds } });
  }

  /** Provider ids per location, in one query. */
  providersOf(ctx: Context, locationIds: string[]): Promise<Map<string, string[]>> {
    return linkedIds(ctx, LocationFulfillmentProvider, 'stock_location_id', 'fulfillment_provider_id', locationIds);
  }
}

/** Shipping option ↔ price set (one each). */
@Injectable()
export class ShippingOptionPriceSetLinks {
  async link(ctx: Context, rows: Array<{ shipping_option_id: string; price_set_id: string }>): Promise<void> {
    if (!rows.length) return;
    const inserted = await ctx.em.execute<Array<{ shipping_option_id: string }>>(
      `insert into shipping_option_price_set (shipping_option_id, price_set_id)
       select v.shipping_option_id, v.price_set_id from jsonb_to_recordset(?::jsonb) as v(shipping_option_id text, price_set_id text)
       on conflict do nothing returning shipping_option_id`,
      [JSON.stringify(rows)],
    );
    if (inserted.length !== rows.length) throw SthenoError.invalidData('A shipping option or price set is already linked');
  }

  /** shipping_option_id → price_set_id, one query. */
  async priceSetsOf(ctx: Context, optionIds: string[]): Promise<Map<string, string>> {
    if (!optionIds.length) return new Map();
    // prepared: every shipping-option listing reads it
    const rows = await preparedByIds<{ shipping_option_id: string; price_set_id: string }>(
      ctx,
      'stheno_option_price_sets',
      'select shipping_option_id, price_set_id from shipping_option_price_set where shipping_option_id {ids}',
      optionIds,
    );
    return new Map(rows.map((r) => [r.shipping_option_id, r.price_set_id]));
  }

  async unlinkOptions(ctx: Context, optionIds: string[]): Promise<void> {
    if (!optionIds.length) return;
    await ctx.em.nativeDelete(ShippingOptionPriceSet, { shipping_option_id: { $in: optionIds } });
  }
}
