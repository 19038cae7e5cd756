import { createFlow, createStep } from '../../framework/flows/flow';
import { LocationFulfillmentProviderLinks, LocationFulfillmentSetLinks, ShippingOptionPriceSetLinks } from '../../links/fulfillment-links.service';
import { FulfillmentService } from '../../modules/fulfillment/fulfillment.service';
import { PricingService } from '../../modules/pricing/pricing.service';
import { StockLocationService } from '../../modules/stock-location/stock-location.service';
import { deleteOptionPricesStep } from './shipping-option.flows';

export interface FulfillmentSetFlowServices {
  fulfillment: FulfillmentService;
  pricing: PricingService;
  priceLinks: ShippingOptionPriceSetLinks;
  setLinks: LocationFulfillmentSetLinks;
}

/** Deletes fulfillment sets with their zones and options, the options' prices and the sets' location links. */
export function deleteFulfillmentSetsFlow(s: FulfillmentSetFlowServices) {
  const remove = createStep('delete-fulfillment-sets', async (ids: string[], ctx) => s.fulfillment.deleteFulfillmentSets(ctx, ids));
  const unlink = createStep('unlink-fulfillment-sets', async (ids: string[], ctx) => s.setLinks.unlinkSets(ctx, ids));
  const prices = deleteOptionPricesStep(s);
  return createFlow('delete-fulfillment-sets', async (run, ids: string[]) => {
    const optionIds = await run(remove, ids);
    await run(prices, optionIds);
    await run(unlink, ids);
  });
}

/** Deletes a service zone with its geo zones and options, and the options' prices. */
export function deleteServiceZoneFlow(s: Omit<FulfillmentSetFlowServices, 'setLinks'>) {
  const remove = createStep('delete-service-zone', async (input: { setId: string; zoneId: string }, ctx) =>
    s.fulfillment.deleteServiceZone(ctx, input.setId, input.zoneId),
  );
  const prices = deleteOptionPricesStep(s);
  return createFlow('delete-service-zone', async (run, input: { setId: string; zoneId: string }) => {
    const optionIds = await run(remove, input);
    await run(prices, optionIds);
  });
}

export interface LocationFulfillmentServices {
  locations: StockLocationService;
  fulfillment: FulfillmentService;
  setLinks: LocationFulfillmentSetLinks;
  providerLinks: LocationFulfillmentProviderLinks;
}

/** Creates a fulfillment set for a stock location and links them (Medusa's createLocationFulfillmentSetWorkflow). */
export function createLocationFulfillmentSetFlow(s: Omit<LocationFulfillmentServices, 'providerLinks'>) {
  const create = createStep('create-location-fulfillment-set', async (input: { locationId: string; name: string; type: string }, ctx) => {
    await s.locations.assertExist(ctx, [input.locationId]);
    const set = await s.fulfillment.createFulfillmentSet(ctx, { name: input.name, type: input.type });
    await s.setLinks.link(ctx, input.locationId, [set.id]);
    return set.id;
  });
  return createFlow('create-location-fulfillment-set', async (run, input: { locationId: string; name: string; type: string }) => run(create, input));
}

/** Adds and removes the providers a location ships with; every id is checked before anything is written. */
export function updateLocationFulfillmentProvidersFlow(s: Omit<LocationFulfillmentServices, 'setLinks'>) {
  const update = createStep('update-location-fulfillment-providers', async (input: { locationId: string; add?: string[]; remove?: string[] }, ctx) => {
    await s.locations.assertExist(ctx, [input.locationId]);
    await s.fulfillment.assertProvidersExist(ctx, [...(input.add ?? []), ...(input.remove ?? [])]);
    await s.providerLinks.add(ctx, input.locationId, input.add ?? []);
    await s.providerLinks.remove(ctx, input.locationId, input.remove ?? []);
  });
  return createFlow('update-location-fulfillment-providers', async (run, input: { locationId: string; add?: string[]; remove?: string[] }) => run(update, input));
}
