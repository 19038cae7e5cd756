import { createStep } from '../../framework/flows/flow';
import type { PriceInput } from '../../modules/pricing/pricing.service';
import { SthenoError } from '../../framework/errors/stheno-error';
import { internalListQuery } from '../../framework/http/list-query';
import type { ProductFlowServices, VariantInventoryItemRequest } from './product-flow.types';

/**
 * Steps shared by the product and variant flows: what a variant owns outside the product module
 * (its price set and its inventory item) is made with it and goes with it.
 */

export interface NewVariant {
  id: string;
  prices?: PriceInput[];
  inventory_items?: VariantInventoryItemRequest[];
}

/** A price set per variant that was given prices, created in one call and linked. */
export function createVariantPricesStep(services: ProductFlowServices) {
  return createStep('create-variant-price-sets', async (variants: NewVariant[], ctx) => {
    const priced = variants.filter((v) => v.prices !== undefined);
    if (!priced.length) return;
    const setIds = await services.pricing.createPriceSets(ctx, priced.map((v) => ({ prices: v.prices! })));
    await services.variantPrices.link(ctx, priced.map((v, i) => ({ variant_id: v.id, price_set_id: setIds[i] })));
  });
}

/**
 * Links new variants to the existing inventory items they were given (`inventory_items`, Medusa's
 * inventory kits: a bundle consumes `required_quantity` of each). Runs before the step that creates
 * an item per managed variant, which then leaves these variants alone.
 */
export function linkGivenInventoryItemsStep(services: ProductFlowServices) {
  return createStep('link-given-inventory-items', async (variants: NewVariant[], ctx) => {
    const rows = variants.flatMap((v) =>
      (v.inventory_items ?? []).map((item) => ({ variant_id: v.id, inventory_item_id: item.inventory_item_id, required_quantity: item.required_quantity ?? 1 })),
    );
    if (!rows.length) return;
    for (const variant of variants) {
      const ids = (variant.inventory_items ?? []).map((i) => i.inventory_item_id);
      if (new Set(ids).size !== ids.length) throw SthenoError.invalidData('A variant lists the same inventory item twice');
    }
    const wanted = [...new Set(rows.map((r) => r.inventory_item_id))];
    const [found] = await services.inventory.listItems(ctx, internalListQuery({ id: { $in: wanted } }, { limit: wanted.length }));
    const known = new Set(found.map((item) => item.id));
    const missing = wanted.find((id) => !known.has(id));
    if (missing) throw SthenoError.notFound(`Inventory item with id: ${missing} was not found`);
    await services.variantInventory.link(ctx, rows);
  });
}

/**
 * An inventory item (sku and title of the variant) for each variant that manages inventory and has
 * none linked yet, linked with required_quantity 1: new variants, and variants that start managing
 * inventory on update (otherwise they could never be stocked nor sold).
 */
export function createVariantInventoryStep(services: ProductFlowServices) {
  return createStep('create-variant-inventory-items', async (variantIds: string[], ctx) => {
    const managed = [...(await services.products.variantBasics(ctx, variantIds)).values()].filter((v) => v.manage_inventory);
    if (!managed.length) return;
    const linked = await services.variantInventory.itemsOf(ctx, managed.map((v) => v.id));
    const basics = managed.filter((v) => !(linked.get(v.id) ?? []).length);
    if (!basics.length) return;
    const items = await services.inventory.createItems(ctx, basics.map((v) => ({ sku: v.sku, title: v.title })));
    await services.variantInventory.link(ctx, basics.map((v, i) => ({ variant_id: v.id, inventory_item_id: items[i].id, required_quantity: 1 })));
  });
}

/** Base prices of a variant become `prices`; the price set is created when the variant has none. */
export function upsertVariantPricesStep(services: ProductFlowServices) {
  return createStep('upsert-variant-prices', async (input: { variantId: string; prices: PriceInput[] }, ctx) => {
    const setId = (await services.variantPrices.priceSetsOf(ctx, [input.variantId])).get(input.variantId);
    if (setId) {
      await services.pricing.upsertPrices(ctx, setId, input.prices);
      return;
    }
    const [created] = await services.pricing.createPriceSets(ctx, [{ prices: input.prices }]);
    await services.variantPrices.link(ctx, [{ variant_id: input.variantId, price_set_id: created }]);
  });
}

/**
 * After variants are (soft-)deleted: their price sets are deleted, and the inventory items no other
 * variant uses; every link of theirs is removed.
 */
export function releaseVariantsStep(services: ProductFlowServices) {
  return createStep('release-deleted-variants', async (variantIds: string[], ctx) => {
    if (!variantIds.length) return;
    const priceSets = [...(await services.variantPrices.priceSetsOf(ctx, variantIds)).values()];
    await services.variantPrices.unlinkVariants(ctx, variantIds);
    if (priceSets.length) await services.pricing.deletePriceSets(ctx, priceSets);

    const itemIds = [...new Set([...(await services.variantInventory.itemsOf(ctx, variantIds)).values()].flat().map((l) => l.inventory_item_id))];
    await services.variantInventory.unlinkVariants(ctx, variantIds);
    if (!itemIds.length) return;
    const stillUsed = await services.variantInventory.variantsOf(ctx, itemIds);
    const orphans = itemIds.filter((id) => !(stillUsed.get(id) ?? []).length);
    if (orphans.length) await services.inventory.deleteItems(ctx, orphans);
  });
}
