import { SthenoError } from '../../framework/errors/stheno-error';
import { createFlow, createStep, runFlow } from '../../framework/flows/flow';
import type { CreatedProduct } from '../../modules/product/product.types';
import type { BatchOutcome, BatchRequest, CreateProductRequest, CreateVariantRequest, ProductFlowServices, UpdateProductRequest, UpsertVariantRequest } from './product-flow.types';
import { createVariantInventoryStep, createVariantPricesStep, linkGivenInventoryItemsStep, NewVariant, releaseVariantsStep } from './variant-extras.steps';
import { createVariantsFlow, deleteVariantsFlow, updateVariantFlow } from './variant.flows';

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
      inputs.map(({ sales_channels: _channels, variants, ...product }) => ({
        ...product,
        variants: variants?.map(({ prices: _prices, inventory_items: _items, ...v }) => v),
      })),
    ),
  );
  const linkChannels = createStep('link-products-to-sales-channels', async (input: { inputs: CreateProductRequest[]; created: CreatedProduct[] }, ctx) =>
    services.productChannels.add(
      ctx,
      input.inputs.flatMap((product, i) => (product.sales_channels ?? []).map((c) => ({ product_id: input.created[i].id, sales_channel_id: c.id }))),
    ),
  );
  const createPrices = createVariantPricesStep(services);
  const linkGivenItems = linkGivenInventoryItemsStep(services);
  const createInventory = createVariantInventoryStep(services);

  return createFlow('create-products', async (run, inputs: CreateProductRequest[]) => {
    await run(checkChannels, channelIdsOf(inputs));
    const created = await run(createProducts, inputs);
    await run(linkChannels, { inputs, created });
    const variants: NewVariant[] = inputs.flatMap((product, i) =>
      (product.variants ?? []).map((variant, j) => ({ id: created[i].variant_ids[j], prices: variant.prices, inventory_items: variant.inventory_items })),
    );
    await run(createPrices, variants);
    await run(linkGivenItems, variants);
    await run(createInventory, variants.map((v) => v.id));
    return created.map((p) => p.id);
  });
}

/**
 * Updates a product; `sales_channels`, `options` and `variants`, when given, become exactly its
 * channels, options and variants (Medusa's update body). Variants go through the variant flows, so
 * new ones get their price set and inventory item, and removed ones release theirs.
 */
export function updateProductFlow(services: ProductFlowServices) {
  const update = createStep('update-product', async (input: { id: string; data: UpdateProductRequest }, ctx) => {
    const { sales_channels, options: _options, variants: _variants, ...data } = input.data;
    if (sales_channels !== undefined) await services.salesChannels.assertExist(ctx, channelIdsOf([input.data]));
    await services.products.update(ctx, input.id, data);
    if (sales_channels !== undefined) await services.productChannels.replace(ctx, input.id, channelIdsOf([input.data]));
  });
  const replaceOptions = createStep('replace-product-options', async (input: { id: string; options: NonNullable<UpdateProductRequest['options']> }, ctx) =>
    services.products.replaceOptions(ctx, input.id, input.options),
  );
  const planVariants = createStep('plan-product-variants', async (input: { id: string; variants: UpsertVariantRequest[] }, ctx) => {
    const current = (await services.products.variantIdsOf(ctx, [input.id])).get(input.id) ?? [];
    const named = input.variants.flatMap((v) => (v.id === undefined ? [] : [v.id]));
    const unknown = named.find((id) => !current.includes(id));
    if (unknown !== undefined) throw SthenoError.notFound(`Variant with id: ${unknown} was not found`);
    if (new Set(named).size !== named.length) throw SthenoError.invalidData('A variant of the product is named twice');
    const creates = input.variants.filter((v) => v.id === undefined);
    const untitled = creates.find((v) => !v.title);
    if (untitled) throw SthenoError.invalidData('A new variant needs a title');
    return { remove: current.filter((id) => !named.includes(id)), creates: creates as CreateVariantRequest[] };
  });
  const createVariants = createVariantsFlow(services);
  const updateVariant = updateVariantFlow(services);
  const deleteVariants = deleteVariantsFlow(services);
  return createFlow('update-product', async (run, input: { id: string; data: UpdateProductRequest }, ctx) => {
    await run(update, input);
    const { options, variants } = input.data;
    if (options !== undefined) await run(replaceOptions, { id: input.id, options });
    if (variants === undefined) return;
    // Removals first: they free the SKUs and option combinations the other entries may take.
    const plan = await run(planVariants, { id: input.id, variants });
    if (plan.remove.length) await runFlow(ctx, deleteVariants, { productId: input.id, variantIds: plan.remove });
    for (const { id, ...data } of variants) if (id !== undefined) await runFlow(ctx, updateVariant, { productId: input.id, variantId: id, data });
    if (plan.creates.length) await runFlow(ctx, createVariants, { productId: input.id, variants: plan.creates });
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
