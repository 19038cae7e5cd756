import { createFlow, createStep, runFlow } from '../../framework/flows/flow';
import { LocationFulfillmentProviderLinks, LocationFulfillmentSetLinks, ShippingOptionPriceSetLinks } from '../../links/fulfillment-links.service';
import { SalesChannelStockLocationLinks } from '../../links/sales-channel-stock-location.service';
import { FulfillmentService } from '../../modules/fulfillment/fulfillment.service';
import { InventoryService } from '../../modules/inventory/inventory.service';
import { PricingService } from '../../modules/pricing/pricing.service';
import { StockLocationService } from '../../modules/stock-location/stock-location.service';
import { deleteFulfillmentSetsFlow } from '../../flows/fulfillment/fulfillment-set.flows';

export interface StockLocationDeletionServices {
  locations: StockLocationService;
  inventory: InventoryService;
  channelLinks: SalesChannelStockLocationLinks;
  fulfillment: FulfillmentService;
  pricing: PricingService;
  priceLinks: ShippingOptionPriceSetLinks;
  setLinks: LocationFulfillmentSetLinks;
  providerLinks: LocationFulfillmentProviderLinks;
}

/**
 * Removes a stock location with what refers to it in other modules: its inventory levels (refused
 * while stock is reserved there), its sales-channel links, its fulfillment sets (with their zones,
 * shipping options and the options' prices) and its provider links. One transaction: a refusal
 * leaves all of it as it was.
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
  const fulfillmentSetsOf = createStep('fulfillment-sets-of-location', async (locationId: string, ctx) => {
    return (await services.setLinks.setsOf(ctx, [locationId])).get(locationId) ?? [];
  });
  const unlinkProviders = createStep('unlink-fulfillment-providers-of-location', async (locationId: string, ctx) => {
    await services.providerLinks.unlinkLocations(ctx, [locationId]);
  });
  return createFlow('delete-stock-location', async (run, locationId: string, ctx) => {
    await run(deleteLocation, locationId);
    await run(deleteLevels, locationId);
    await run(unlinkChannels, locationId);
    const setIds = await run(fulfillmentSetsOf, locationId);
    if (setIds.length) await runFlow(ctx, deleteFulfillmentSetsFlow(services), setIds);
    await run(unlinkProviders, locationId);
  });
}
