import type { ProductSalesChannelLinks } from '../../links/product-sales-channel.service';
import type { VariantInventoryLinks } from '../../links/variant-inventory-item.service';
import type { VariantPriceSetLinks } from '../../links/variant-price-set.service';
import type { InventoryService } from '../../modules/inventory/inventory.service';
import type { PriceInput, PricingService } from '../../modules/pricing/pricing.service';
import type { ProductService } from '../../modules/product/product.service';
import type { CreateProductInput, CreateVariantInput, OptionUpsertInput, UpdateProductInput, UpdateVariantInput } from '../../modules/product/product.types';
import type { SalesChannelService } from '../../modules/sales-channel/sales-channel.service';

/** The facades and links the product flows combine. */
export interface ProductFlowServices {
  products: ProductService;
  pricing: PricingService;
  inventory: InventoryService;
  salesChannels: SalesChannelService;
  variantPrices: VariantPriceSetLinks;
  variantInventory: VariantInventoryLinks;
  productChannels: ProductSalesChannelLinks;
}

/** An existing inventory item a variant consumes (Medusa's inventory kits). */
export interface VariantInventoryItemRequest {
  inventory_item_id: string;
  required_quantity?: number;
}

/**
 * A variant as the admin API creates it: the product module's fields plus its prices and, for a
 * kit, the existing inventory items it consumes (otherwise one is created when it manages inventory).
 */
export interface CreateVariantRequest extends CreateVariantInput {
  prices?: PriceInput[];
  inventory_items?: VariantInventoryItemRequest[];
}

export interface UpdateVariantRequest extends UpdateVariantInput {
  /** The variant's base prices become exactly these (created, updated by id, the others deleted). */
  prices?: PriceInput[];
}

export interface CreateProductRequest extends Omit<CreateProductInput, 'variants'> {
  variants?: CreateVariantRequest[];
  sales_channels?: Array<{ id: string }>;
}

/** A variant in a product update: with `id` it updates that variant, without it creates one. */
export interface UpsertVariantRequest extends UpdateVariantRequest {
  id?: string;
}

export interface UpdateProductRequest extends UpdateProductInput {
  /** Replaces the product's sales channels. */
  sales_channels?: Array<{ id: string }>;
  /** The product's options become exactly these (see ProductService.replaceOptions). */
  options?: OptionUpsertInput[];
  /** The product's variants become exactly these: updated by id, created without, the others deleted. */
  variants?: UpsertVariantRequest[];
}

export interface BatchRequest<C, U> {
  create?: C[];
  update?: Array<U & { id: string }>;
  delete?: string[];
}

export interface BatchOutcome {
  created: string[];
  updated: string[];
  deleted: string[];
}

/** A variant ↔ inventory item link in `POST /admin/products/:id/variants/inventory-items/batch`. */
export interface VariantInventoryLinkRequest {
  variant_id: string;
  inventory_item_id: string;
  required_quantity: number;
}

export interface InventoryLinkBatchRequest {
  create?: VariantInventoryLinkRequest[];
  update?: VariantInventoryLinkRequest[];
  delete?: Array<Omit<VariantInventoryLinkRequest, 'required_quantity'>>;
}
