import { Injectable } from '@nestjs/common';
import { Context } from '../../../framework/context/context';
import { ListQuery, ResolvedFields, internalListQuery } from '../../../framework/http/list-query';
import { LocationFulfillmentProviderLinks } from '../../../links/fulfillment-links.service';
import { SalesChannelStockLocationLinks } from '../../../links/sales-channel-stock-location.service';
import { FulfillmentService } from '../../fulfillment/fulfillment.service';
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
    private readonly fulfillment: FulfillmentService,
    private readonly providerLinks: LocationFulfillmentProviderLinks,
  ) {}

  async list(ctx: Context, query: ListQuery): Promise<[StockLocationView[], number]> {
    const [locations, count] = await this.locations.list(ctx, query);
    return [await this.withFulfillment(ctx, await this.withSalesChannels(ctx, locations, query.fields), query.fields), count];
  }

  async retrieve(ctx: Context, id: string, fields: ResolvedFields): Promise<StockLocationView> {
    const [location] = await this.withFulfillment(ctx, await this.withSalesChannels(ctx, [await this.locations.retrieve(ctx, id)], fields), fields);
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

  /**
   * `fulfillment_sets` (with service zones and geo zones, and `service_zones.shipping_options` when
   * asked) and `fulfillment_providers`, for the whole page at once through the fulfillment facade.
   */
  private async withFulfillment(ctx: Context, locations: StockLocationView[], fields: ResolvedFields): Promise<StockLocationView[]> {
    if (!locations.length) return locations;
    const ids = locations.map((l) => l.id);
    const wantsSets = fields.relations.includes('fulfillment_sets');
    const wantsProviders = fields.relations.includes('fulfillment_providers');
    const withOptions = fields.relations.includes('fulfillment_sets.service_zones.shipping_options');
    const sets = wantsSets ? await this.fulfillment.fulfillmentSetsOfLocations(ctx, ids, withOptions) : null;
    const providers = wantsProviders ? await this.providerLinks.providersOf(ctx, ids) : null;
    const providerViews = providers ? new Map((await this.fulfillment.listProvidersByIds(ctx, [...new Set([...providers.values()].flat())])).map((p) => [p.id, p])) : null;
    return locations.map((location) => ({
      ...location,
      ...(sets ? { fulfillment_sets: sets.get(location.id) ?? [] } : {}),
      ...(providers ? { fulfillment_providers: (providers.get(location.id) ?? []).flatMap((id) => (providerViews!.has(id) ? [providerViews!.get(id)!] : [])) } : {}),
    }));
  }
}
