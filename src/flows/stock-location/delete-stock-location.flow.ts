import { createFlow, createStep } from '../../framework/flows/flow';
import { SalesChannelStockLocationLinks } from '../../links/sales-channel-stock-location.service';
import { InventoryService } from '../../modules/inventory/inventory.service';
import { StockLocationService } from '../../modules/stock-location/stock-location.service';

export interface StockLocationDeletionServices {
  locations: StockLocationService;
  inventory: InventoryService;
  channelLinks: SalesChannelStockLocationLinks;
}

/**
 * Removes a stock location with what refers to it in other modules: its inventory levels (refused
 * while stock is reserved there) and its sales-channel links. One transaction: a refusal leaves
 * the location, its levels and its links as they were.
 */
export function deleteStockLocationFlow(services: StockLocationDeletionServices) {
  const deleteLocation = createStep('delete-stock-location', async (locationId: string, ctx) => {
    await services.locations.delete(ctx, locationId);
  });
  const deleteLevels = createStep('delete-inventory-levels-at-location', async (locationId: string, ctx) => {
    await services.inventory.deleteLevelsAtLocations(ctx, [locationId]);
  });
  const unlinkChannels = createStep('unlink-sales-channels-of-location', async (locationId: string, ctx) => {
    await services.channelLinks.removeLocations(ctx, [locationId]);
  });
  return createFlow('delete-stock-location', async (run, locationId: string) => {
    await run(deleteLocation, locationId);
    await run(deleteLevels, locationId);
    await run(unlinkChannels, locationId);
  });
}
