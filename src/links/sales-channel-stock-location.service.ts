import { Injectable } from '@nestjs/common';
import { Context } from '../framework/context/context';
import { linkedIds } from './linked-ids';
import { SalesChannelStockLocation } from './catalog-links.entity';

/** Reads and writes the sales channel ↔ stock location link: the locations whose stock a channel sells. */
@Injectable()
export class SalesChannelStockLocationLinks {
  async add(ctx: Context, salesChannelId: string, locationIds: string[]): Promise<void> {
    if (!locationIds.length) return;
    await ctx.em.execute(
      `insert into sales_channel_stock_location (sales_channel_id, stock_location_id)
       select ?, unnest(?::text[]) on conflict do nothing`,
      [salesChannelId, `{${[...new Set(locationIds)].map((id) => JSON.stringify(id)).join(',')}}`],
    );
  }

  async remove(ctx: Context, salesChannelId: string, locationIds: string[]): Promise<void> {
    if (!locationIds.length) return;
    await ctx.em.nativeDelete(SalesChannelStockLocation, { sales_channel_id: salesChannelId, stock_location_id: { $in: locationIds } });
  }

  /** Every link of the locations (locations being deleted). */
  async removeLocations(ctx: Context, locationIds: string[]): Promise<void> {
    if (!locationIds.length) return;
    await ctx.em.nativeDelete(SalesChannelStockLocation, { stock_location_id: { $in: locationIds } });
  }

  /** Every link of the channels (channels being deleted). */
  async removeChannels(ctx: Context, salesChannelIds: string[]): Promise<void> {
    if (!salesChannelIds.length) return;
    await ctx.em.nativeDelete(SalesChannelStockLocation, { sales_channel_id: { $in: salesChannelIds } });
  }

  /** The distinct locations of any of the channels, in one query. */
  async locationsOf(ctx: Context, salesChannelIds: string[]): Promise<string[]> {
    if (!salesChannelIds.length) return [];
    const linked = await linkedIds(ctx, SalesChannelStockLocation, 'sales_channel_id', 'stock_location_id', salesChannelIds);
    return [...new Set([...linked.values()].flat())];
  }

  /** Sales channel ids per location, in one query for any number of locations. */
  channelsOf(ctx: Context, locationIds: string[]): Promise<Map<string, string[]>> {
    return linkedIds(ctx, SalesChannelStockLocation, 'stock_location_id', 'sales_channel_id', locationIds);
  }
}
