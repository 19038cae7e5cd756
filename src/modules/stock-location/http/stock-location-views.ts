import { Injectable } from '@nestjs/common';
import { Context } from '../../../framework/context/context';
import { ListQuery, ResolvedFields, internalListQuery } from '../../../framework/http/list-query';
import { SalesChannelStockLocationLinks } from '../../../links/sales-channel-stock-location.service';
import { SalesChannelService } from '../../sales-channel/sales-channel.service';
import { StockLocationService } from '../stock-location.service';
import { StockLocationSalesChannelView, StockLocationView } from '../stock-location.types';

/**
 * Stock locations as the admin routes answer them: with `sales_channels` when the fields ask for
 * them, read for the whole page in two queries (links, then channels through their facade).
 */
@Injectable()
export class StockLocationViews {
  constructor(
    private readonly locations: StockLocationService,
    private readonly salesChannels: SalesChannelService,
    private readonly channelLinks: SalesChannelStockLocationLinks,
  ) {}

  async list(ctx: Context, query: ListQuery): Promise<[StockLocationView[], number]> {
    const [locations, count] = await this.locations.list(ctx, query);
    return [await this.withSalesChannels(ctx, locations, query.fields), count];
  }

  async retrieve(ctx: Context, id: string, fields: ResolvedFields): Promise<StockLocationView> {
    const [location] = await this.withSalesChannels(ctx, [await this.locations.retrieve(ctx, id)], fields);
    return location;
  }

  private async withSalesChannels(ctx: Context, locations: StockLocationView[], fields: ResolvedFields): Promise<StockLocationView[]> {
    if (!fields.relations.includes('sales_channels') || !locations.length) return locations;
    const linked = await this.channelLinks.channelsOf(ctx, locations.map((l) => l.id));
    const channelIds = [...new Set([...linked.values()].flat())];
    const channels = new Map<string, StockLocationSalesChannelView>();
    if (channelIds.length) {
      const [rows] = await this.salesChannels.list(
        ctx,
        internalListQuery({ id: { $in: channelIds } }, { limit: channelIds.length, order: [{ field: 'id', direction: 'ASC' }] }),
      );
      for (const channel of rows) channels.set(channel.id, channel);
    }
    return locations.map((location) => ({
      ...location,
      sales_channels: (linked.get(location.id) ?? []).flatMap((id) => (channels.has(id) ? [channels.get(id)!] : [])),
    }));
  }
}
