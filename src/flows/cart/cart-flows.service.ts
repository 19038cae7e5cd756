import { Injectable } from '@nestjs/common';
import { Context } from '../../framework/context/context';
import { runFlow } from '../../framework/flows/flow';
import { ProductSalesChannelLinks } from '../../links/product-sales-channel.service';
import { SalesChannelStockLocationLinks } from '../../links/sales-channel-stock-location.service';
import { VariantInventoryLinks } from '../../links/variant-inventory-item.service';
import { VariantPriceSetLinks } from '../../links/variant-price-set.service';
import { CartService } from '../../modules/cart/cart.service';
import { InventoryService } from '../../modules/inventory/inventory.service';
import { PricingService } from '../../modules/pricing/pricing.service';
import { ProductService } from '../../modules/product/product.service';
import { RegionService } from '../../modules/region/region.service';
import { StoreService } from '../../modules/store/store.service';
import type { CreateCartRequest, LineRequest, StorefrontCaller, UpdateCartRequest, UpdateLineRequest } from './cart-flow.types';
import { addLineItemsFlow, createCartFlow, deleteLineItemFlow, updateCartFlow, updateLineItemFlow } from './cart.flows';

/** Runs the storefront cart flows with the facades they need (one place to inject them). */
@Injectable()
export class CartFlows {
  private readonly flows;

  constructor(
    carts: CartService,
    regions: RegionService,
    stores: StoreService,
    products: ProductService,
    pricing: PricingService,
    inventory: InventoryService,
    variantPrices: VariantPriceSetLinks,
    variantInventory: VariantInventoryLinks,
    productChannels: ProductSalesChannelLinks,
    channelLocations: SalesChannelStockLocationLinks,
  ) {
    const services = { carts, regions, stores, products, pricing, inventory, variantPrices, variantInventory, productChannels, channelLocations };
    this.flows = {
      create: createCartFlow(services),
      update: updateCartFlow(services),
      addLines: addLineItemsFlow(services),
      updateLine: updateLineItemFlow(services),
      deleteLine: deleteLineItemFlow(services),
    };
  }

  /** The new cart's id. */
  createCart(ctx: Context, request: CreateCartRequest, caller: StorefrontCaller): Promise<string> {
    return runFlow(ctx, this.flows.create, { request, caller });
  }

  updateCart(ctx: Context, cartId: string, data: UpdateCartRequest, caller: StorefrontCaller): Promise<void> {
    return runFlow(ctx, this.flows.update, { cartId, data, caller });
  }

  addLineItems(ctx: Context, cartId: string, items: LineRequest[], caller: StorefrontCaller): Promise<void> {
    return runFlow(ctx, this.flows.addLines, { cartId, items, caller });
  }

  updateLineItem(ctx: Context, cartId: string, lineId: string, data: UpdateLineRequest, caller: StorefrontCaller): Promise<void> {
    return runFlow(ctx, this.flows.updateLine, { cartId, lineId, data, caller });
  }

  deleteLineItem(ctx: Context, cartId: string, lineId: string, caller: StorefrontCaller): Promise<void> {
    return runFlow(ctx, this.flows.deleteLine, { cartId, lineId, caller });
  }
}
