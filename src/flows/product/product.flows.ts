import { createFlow, createStep, runFlow } from '../../framework/flows/flow';
import type { CreatedProduct } from '../../modules/product/product.types';
import type { BatchOutcome, BatchRequest, CreateProductRequest, ProductFlowServices, UpdateProductRequest } from './product-flow.types';
import { createVariantInventoryStep, createVariantPricesStep, NewVariant, releaseVariantsStep } from './variant-extras.steps';

const channelIdsOf = (inputs: Array<{ sales_channels?: Array<{ id: string }> }>): string[] =>
  [...new Set(inputs.flatMap((i) => (i.sales_channels ?? []).map((c) => c.id)))];

/**
 * Creates products with their options and variants, links them to their sales channels, and
 * gives each variant its price set and (when it manages inventory) its inventory item — all in
 * one transaction: a failure anywhere leaves nothing behind.
 */
export function createProductsFlow(services: ProductFlowServices) {
  const checkChannels = createStep('check-sales-channels', async (ids: string[], ctx) => services.salesChannels.assertExist(ctx, ids));
  const createProducts = createStep('create-products', async (inputs: CreateProductRequest[], ctx) =>
    services.products.create(
      ctx,
      inputs.map(({ sales_channels: _channels, variants, ...product }) => ({ ...product, variants: variants?.map(({ prices: _prices, ...v }) => v) })),
    ),
  );
  const linkChannels = createStep('link-products-to-sales-channels', async (input: { inputs: CreateProductRequest[]; created: CreatedProduct[] }, ctx) =>
    services.productChannels.add(
      ctx,
      input.inputs.flatMap((product, i) => (product.sales_channels ?? []).map((c) => ({ product_id: input.created[i].id, sales_channel_id: c.id }))),
    ),
  );
  const createPrices = createVariantPricesStep(services);
  const createInventory = createVariantInventoryStep(services);

  return createFlow('create-products', async (run, inputs: CreateProductRequest[]) => {
    await run(checkChannels, channelIdsOf(inputs));
    const created = await run(createProducts, inputs);
    await run(linkChannels, { inputs, created });
    const variants: NewVariant[] = inputs.flatMap((product, i) =>
      (product.variants ?? []).map((variant, j) => ({ id: created[i].variant_ids[j], prices: variant.prices })),
    );
    await run(createPrices, variants);
    await run(createInventory, variants.map((v) => v.id));
    return created.map((p) => p.id);
  });
}

/** Updates a product; `sales_channels`, when given, become exactly its channels. */
export function updateProductFlow(services: ProductFlowServices) {
  const update = createStep('update-product', async (input: { id: string; data: UpdateProductRequest }, ctx) => {
    const { sales_channels, ...data } = input.data;
    if (sales_channels !== undefined) await services.salesChannels.assertExist(ctx, channelIdsOf([input.data]));
    await services.products.update(ctx, input.id, data);
    if (sales_channels !== undefined) await services.productChannels.replace(ctx, input.id, channelIdsOf([input.data]));
  });
  return createFlow('update-product', async (run, input: { id: string; data: UpdateProductRequest }) => {
    await run(update, input);
  });
}

/** Soft-deletes products and their variants; price sets and inventory items go, links are removed. */
export function deleteProductsFlow(services: ProductFlowServices) {
  const remove = createStep('delete-products', async (ids: string[], ctx) => [...(await services.products.delete(ctx, ids)).values()].flat());
  const unlinkChannels = createStep('unlink-products-from-sales-channels', async (ids: string[], ctx) => services.productChannels.removeProducts(ctx, ids));
  const release = releaseVariantsStep(services);
  return createFlow('delete-products', async (run, ids: string[]) => {
    const variantIds = await run(remove, ids);
    await run(unlinkChannels, ids);
    await run(release, variantIds);
  });
}

/** `{create, update, delete}` of products in one transaction. */
export function batchProductsFlow(services: ProductFlowServices) {
  const create = createProductsFlow(services);
  const update = updateProductFlow(services);
  const remove = deleteProductsFlow(services);
  return createFlow('batch-products', async (_run, input: BatchRequest<CreateProductRequest, UpdateProductRequest>, ctx): Promise<BatchOutcome> => {
    const created = input.create?.length ? await runFlow(ctx, create, input.create) : [];
    for (const { id, ...data } of input.update ?? []) await runFlow(ctx, update, { id, data });
    if (input.delete?.length) await runFlow(ctx, remove, input.delete);
    return { created, updated: (input.update ?? []).map((u) => u.id), deleted: input.delete ?? [] };
  });
}
