import { createFlow, createStep, runFlow } from '../../framework/flows/flow';
import type { BatchOutcome, BatchRequest, CreateVariantRequest, ProductFlowServices, UpdateVariantRequest } from './product-flow.types';
import { createVariantInventoryStep, linkGivenInventoryItemsStep, createVariantPricesStep, releaseVariantsStep, upsertVariantPricesStep } from './variant-extras.steps';

/** Adds variants to a product, each with its price set and (when it manages inventory) its inventory item. */
export function createVariantsFlow(services: ProductFlowServices) {
  const create = createStep('create-variants', async (input: { productId: string; variants: CreateVariantRequest[] }, ctx) =>
    services.products.createVariants(ctx, input.productId, input.variants.map(({ prices: _prices, inventory_items: _items, ...v }) => v)),
  );
  const createPrices = createVariantPricesStep(services);
  const linkGivenItems = linkGivenInventoryItemsStep(services);
  const createInventory = createVariantInventoryStep(services);
  return createFlow('create-variants', async (run, input: { productId: string; variants: CreateVariantRequest[] }) => {
    const ids = await run(create, input);
    await run(createPrices, ids.map((id, i) => ({ id, prices: input.variants[i].prices })));
    await run(linkGivenItems, ids.map((id, i) => ({ id, inventory_items: input.variants[i].inventory_items })));
    await run(createInventory, ids);
    return ids;
  });
}

/** Updates a variant; `prices`, when given, become exactly its base prices. */
export function updateVariantFlow(services: ProductFlowServices) {
  const update = createStep('update-variant', async (input: { productId: string; variantId: string; data: UpdateVariantRequest }, ctx) => {
    const { prices: _prices, ...data } = input.data;
    await services.products.updateVariant(ctx, input.productId, input.variantId, data);
  });
  const upsertPrices = upsertVariantPricesStep(services);
  const createInventory = createVariantInventoryStep(services);
  return createFlow('update-variant', async (run, input: { productId: string; variantId: string; data: UpdateVariantRequest }) => {
    await run(update, input);
    if (input.data.prices !== undefined) await run(upsertPrices, { variantId: input.variantId, prices: input.data.prices });
    if (input.data.manage_inventory === true) await run(createInventory, [input.variantId]);
  });
}

/** Soft-deletes variants of a product; their price sets and unshared inventory items go with them. */
export function deleteVariantsFlow(services: ProductFlowServices) {
  const remove = createStep('delete-variants', async (input: { productId: string; variantIds: string[] }, ctx) =>
    services.products.deleteVariants(ctx, input.productId, input.variantIds),
  );
  const release = releaseVariantsStep(services);
  return createFlow('delete-variants', async (run, input: { productId: string; variantIds: string[] }) => {
    await run(release, await run(remove, input));
  });
}

/** `{create, update, delete}` of one product's variants in one transaction. */
export function batchVariantsFlow(services: ProductFlowServices) {
  const create = createVariantsFlow(services);
  const update = updateVariantFlow(services);
  const remove = deleteVariantsFlow(services);
  return createFlow(
    'batch-variants',
    async (_run, input: { productId: string; batch: BatchRequest<CreateVariantRequest, UpdateVariantRequest> }, ctx): Promise<BatchOutcome> => {
      const { productId, batch } = input;
      const created = batch.create?.length ? await runFlow(ctx, create, { productId, variants: batch.create }) : [];
      for (const { id, ...data } of batch.update ?? []) await runFlow(ctx, update, { productId, variantId: id, data });
      if (batch.delete?.length) await runFlow(ctx, remove, { productId, variantIds: batch.delete });
      return { created, updated: (batch.update ?? []).map((u) => u.id), deleted: batch.delete ?? [] };
    },
  );
}
