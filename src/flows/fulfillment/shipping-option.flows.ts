import { createFlow, createStep } from '../../framework/flows/flow';
import { SthenoError } from '../../framework/errors/stheno-error';
import { ShippingOptionPriceSetLinks } from '../../links/fulfillment-links.service';
import type { CreateShippingOptionInput, UpdateShippingOptionInput } from '../../modules/fulfillment/fulfillment.service';
import { FulfillmentService } from '../../modules/fulfillment/fulfillment.service';
import { PricingService } from '../../modules/pricing/pricing.service';
import { RegionService } from '../../modules/region/region.service';
import { ShippingOptionPriceInput, toPriceInputs } from './shipping-option-prices';

export interface ShippingOptionFlowServices {
  fulfillment: FulfillmentService;
  pricing: PricingService;
  regions: RegionService;
  priceLinks: ShippingOptionPriceSetLinks;
}

/** Creates a shipping option with its price set (flat options need at least one price) and links them. One transaction. */
export function createShippingOptionFlow(s: ShippingOptionFlowServices) {
  const create = createStep('create-shipping-option', async (input: CreateShippingOptionInput & { prices?: ShippingOptionPriceInput[] }, ctx) => {
    const { prices = [], ...option } = input;
    if (option.price_type === 'flat' && !prices.length) throw SthenoError.invalidData('Shipping options of price_type flat need prices');
    const priceInputs = await toPriceInputs(ctx, s.regions, prices);
    const id = await s.fulfillment.createShippingOption(ctx, option);
    const [priceSetId] = await s.pricing.createPriceSets(ctx, [{ prices: priceInputs }]);
    await s.priceLinks.link(ctx, [{ shipping_option_id: id, price_set_id: priceSetId }]);
    return id;
  });
  return createFlow('create-shipping-option', async (run, input: CreateShippingOptionInput & { prices?: ShippingOptionPriceInput[] }) => run(create, input));
}

/** Updates an option; `prices`, when given, becomes the option's whole price list (entries with an id update that price). */
export function updateShippingOptionFlow(s: ShippingOptionFlowServices) {
  const update = createStep('update-shipping-option', async (input: { id: string; changes: UpdateShippingOptionInput & { prices?: ShippingOptionPriceInput[] } }, ctx) => {
    const { prices, ...changes } = input.changes;
    await s.fulfillment.updateShippingOption(ctx, input.id, changes);
    if (prices === undefined) return;
    const priceInputs = await toPriceInputs(ctx, s.regions, prices);
    const priceSetId = (await s.priceLinks.priceSetsOf(ctx, [input.id])).get(input.id);
    if (priceSetId) {
      await s.pricing.upsertPrices(ctx, priceSetId, priceInputs);
    } else {
      if (priceInputs.some((p) => p.id)) throw SthenoError.notFound(`Shipping option with id: ${input.id} has no prices to update`);
      const [created] = await s.pricing.createPriceSets(ctx, [{ prices: priceInputs }]);
      await s.priceLinks.link(ctx, [{ shipping_option_id: input.id, price_set_id: created }]);
    }
  });
  return createFlow('update-shipping-option', async (run, input: { id: string; changes: UpdateShippingOptionInput & { prices?: ShippingOptionPriceInput[] } }) =>
    run(update, input),
  );
}

/** Removes the prices (price sets and links) of options that were deleted. */
export const deleteOptionPricesStep = (s: Pick<ShippingOptionFlowServices, 'pricing' | 'priceLinks'>) =>
  createStep('delete-shipping-option-prices', async (optionIds: string[], ctx) => {
    const priceSets = await s.priceLinks.priceSetsOf(ctx, optionIds);
    await s.pricing.deletePriceSets(ctx, [...priceSets.values()]);
    await s.priceLinks.unlinkOptions(ctx, optionIds);
  });

export function deleteShippingOptionFlow(s: Pick<ShippingOptionFlowServices, 'fulfillment' | 'pricing' | 'priceLinks'>) {
  const remove = createStep('delete-shipping-option', async (id: string, ctx) => s.fulfillment.deleteShippingOptions(ctx, [id]));
  const prices = deleteOptionPricesStep(s);
  return createFlow('delete-shipping-option', async (run, id: string) => {
    await run(remove, id);
    await run(prices, [id]);
  });
}
