import { createFlow, createStep } from '../../framework/flows/flow';
import { SalesChannelStockLocationLinks } from '../../links/sales-channel-stock-location.service';
import { SalesChannelService } from '../../modules/sales-channel/sales-channel.service';
import { StockLocationService } from '../../modules/stock-location/stock-location.service';

export interface LocationChannelServices {
  locations: StockLocationService;
  salesChannels: SalesChannelService;
  channelLinks: SalesChannelStockLocationLinks;
}

export interface LocationChannelChanges {
  locationId: string;
  add?: string[];
  remove?: string[];
}

/** Adds and removes the sales channels a location serves; every id is checked before anything is written. */
export function linkSalesChannelsToStockLocationFlow(services: LocationChannelServices) {
  const validate = createStep('validate-location-and-channels', async (input: LocationChannelChanges, ctx) => {
    await services.locations.assertExist(ctx, [input.locationId]);
    await services.salesChannels.assertExist(ctx, [...new Set([...(input.add ?? []), ...(input.remove ?? [])])]);
  });
  const link = createStep('link-channels-to-location', async (input: LocationChannelChanges, ctx) => {
    for (const channelId of new Set(input.add ?? [])) await services.channelLinks.add(ctx, channelId, [input.locationId]);
    for (const channelId of new Set(input.remove ?? [])) await services.channelLinks.remove(ctx, channelId, [input.locationId]);
  });
  return createFlow('link-sales-channels-to-stock-location', async (run, input: LocationChannelChanges) => {
    await run(validate, input);
    await run(link, input);
  });
}
