import { Injectable } from '@nestjs/common';
import { internalListQuery } from '../../framework/http/list-query';
import { Context, inTransaction } from '../../framework/context/context';
import { SthenoError } from '../../framework/errors/stheno-error';
import { runFlow } from '../../framework/flows/flow';
import { ProductSalesChannelLinks } from '../../links/product-sales-channel.service';
import { VariantInventoryLinks } from '../../links/variant-inventory-item.service';
import { VariantPriceSetLinks } from '../../links/variant-price-set.service';
import { InventoryService } from '../../modules/inventory/inventory.service';
import { PricingService } from '../../modules/pricing/pricing.service';
import { ProductService } from '../../modules/product/product.service';
import { SalesChannelService } from '../../modules/sales-channel/sales-channel.service';
import { batchProductsFlow, createProductsFlow, deleteProductsFlow, updateProductFlow } from './product.flows';
import type {
  BatchOutcome,
  BatchRequest,
  CreateProductRequest,
  CreateVariantRequest,
  InventoryLinkBatchRequest,
  ProductFlowServices,
  UpdateProductRequest,
  UpdateVariantRequest,
} from './product-flow.types';
import { batchVariantsFlow, createVariantsFlow, deleteVariantsFlow, updateVariantFlow } from './variant.flows';

/** Runs the product flows with the facades they need (one place to inject them). */
@Injectable()
export class ProductFlows {
  private readonly flows;

  constructor(
    private readonly products: ProductService,
    pricing: PricingService,
    private readonly inventory: InventoryService,
    salesChannels: SalesChannelService,
    variantPrices: VariantPriceSetLinks,
    private readonly variantInventory: VariantInventoryLinks,
    productChannels: ProductSalesChannelLinks,
  ) {
    const services: ProductFlowServices = { products, pricing, inventory, salesChannels, variantPrices, variantInventory, productChannels };
    this.flows = {
      createProducts: createProductsFlow(services),
      updateProduct: updateProductFlow(services),
      deleteProducts: deleteProductsFlow(services),
      batchProducts: batchProductsFlow(services),
      createVariants: createVariantsFlow(services),
      updateVariant: updateVariantFlow(services),
      deleteVariants: deleteVariantsFlow(services),
      batchVariants: batchVariantsFlow(services),
    };
  }

  /** The ids of the created products, in input order. */
  createProducts(ctx: Context, inputs: CreateProductRequest[]): Promise<string[]> {
    return runFlow(ctx, this.flows.createProducts, inputs);
  }

  updateProduct(ctx: Context, id: string, data: UpdateProductRequest): Promise<void> {
    return runFlow(ctx, this.flows.updateProduct, { id, data });
  }

  deleteProducts(ctx: Context, ids: string[]): Promise<void> {
    return runFlow(ctx, this.flows.deleteProducts, ids);
  }

  batchProducts(ctx: Context, batch: BatchRequest<CreateProductRequest, UpdateProductRequest>): Promise<BatchOutcome> {
    return runFlow(ctx, this.flows.batchProducts, batch);
  }

  createVariants(ctx: Context, productId: string, variants: CreateVariantRequest[]): Promise<string[]> {
    return runFlow(ctx, this.flows.createVariants, { productId, variants });
  }

  updateVariant(ctx: Context, productId: string, variantId: string, data: UpdateVariantRequest): Promise<void> {
    return runFlow(ctx, this.flows.updateVariant, { productId, variantId, data });
  }

  deleteVariants(ctx: Context, productId: string, variantIds: string[]): Promise<void> {
    return runFlow(ctx, this.flows.deleteVariants, { productId, variantIds });
  }

  batchVariants(ctx: Context, productId: string, batch: BatchRequest<CreateVariantRequest, UpdateVariantRequest>): Promise<BatchOutcome> {
    return runFlow(ctx, this.flows.batchVariants, { productId, batch });
  }

  /** Links an existing inventory item to a variant of the product (or changes its required quantity). */
  async linkInventoryItem(ctx: Context, productId: string, variantId: string, itemId: string, requiredQuantity: number): Promise<void> {
    await inTransaction(ctx, async (tx) => {
      await this.products.assertVariantOf(tx, productId, variantId);
      await this.inventory.retrieveItem(tx, itemId);
      await this.variantInventory.link(tx, [{ variant_id: variantId, inventory_item_id: itemId, required_quantity: requiredQuantity }]);
    });
  }

  /** Changes the required quantity of an existing link; not_found when the item is not linked. */
  async updateInventoryLink(ctx: Context, productId: string, variantId: string, itemId: string, requiredQuantity: number): Promise<void> {
    await inTransaction(ctx, async (tx) => {
      await this.assertLinked(tx, productId, variantId, itemId);
      await this.variantInventory.link(tx, [{ variant_id: variantId, inventory_item_id: itemId, required_quantity: requiredQuantity }]);
    });
  }

  async unlinkInventoryItem(ctx: Context, productId: string, variantId: string, itemId: string): Promise<void> {
    await inTransaction(ctx, async (tx) => {
      await this.assertLinked(tx, productId, variantId, itemId);
      await this.variantInventory.unlink(tx, [{ variant_id: variantId, inventory_item_id: itemId }]);
    });
  }

  /**
   * Links, relinks and unlinks inventory items of the product's variants in one transaction: every
   * variant must be the product's, every item must exist, an update or delete must name an existing
   * link, and a pair may appear once in the whole batch.
   */
  async batchInventoryLinks(ctx: Context, productId: string, batch: InventoryLinkBatchRequest): Promise<Required<InventoryLinkBatchRequest>> {
    const { create = [], update = [], delete: remove = [] } = batch;
    const all = [...create, ...update, ...remove];
    const pairs = all.map((l) => `${l.variant_id}\u0000${l.inventory_item_id}`);
    const twice = all.find((_, i) => pairs.indexOf(pairs[i]) !== i);
    if (twice) throw SthenoError.invalidData(`Variant ${twice.variant_id} and inventory item ${twice.inventory_item_id} appear more than once in the batch`);
    await inTransaction(ctx, async (tx) => {
      await this.products.assertExist(tx, [productId]);
      const variants = new Set((await this.products.variantIdsOf(tx, [productId])).get(productId));
      const stranger = all.find((l) => !variants.has(l.variant_id));
      if (stranger) throw SthenoError.notFound(`Variant with id: ${stranger.variant_id} was not found`);
      await this.assertItemsExist(tx, [...new Set(all.map((l) => l.inventory_item_id))]);
      const linked = await this.variantInventory.itemsOf(tx, [...new Set(all.map((l) => l.variant_id))]);
      const unlinked = [...update, ...remove].find((l) => !(linked.get(l.variant_id) ?? []).some((x) => x.inventory_item_id === l.inventory_item_id));
      if (unlinked) throw SthenoError.notFound(`Inventory item with id: ${unlinked.inventory_item_id} is not linked to variant ${unlinked.variant_id}`);
      await this.variantInventory.link(tx, [...create, ...update]);
      await this.variantInventory.unlink(tx, remove);
    });
    return { create, update, delete: remove };
  }

  private async assertItemsExist(tx: Context, ids: string[]): Promise<void> {
    if (!ids.length) return;
    const [items] = await this.inventory.listItems(tx, internalListQuery({ id: { $in: ids } }, { limit: ids.length }));
    const found = new Set(items.map((i) => i.id));
    const missing = ids.find((id) => !found.has(id));
    if (missing) throw SthenoError.notFound(`Inventory item with id: ${missing} was not found`);
  }

  private async assertLinked(tx: Context, productId: string, variantId: string, itemId: string): Promise<void> {
    await this.products.assertVariantOf(tx, productId, variantId);
    const linked = (await this.variantInventory.itemsOf(tx, [variantId])).get(variantId) ?? [];
    if (!linked.some((l) => l.inventory_item_id === itemId)) {
      throw SthenoError.notFound(`Inventory item with id: ${itemId} is not linked to variant ${variantId}`);
    }
  }
}
