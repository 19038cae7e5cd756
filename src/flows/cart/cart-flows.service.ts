import { Injectable } from '@nestjs/common';
import { Context } from '../../framework/context/context';
import { runFlow } from '../../framework/flows/flow';
import { CartPaymentCollectionLinks, CartPromotionLinks } from '../../links/cart-links.service';
import { ProductSalesChannelLinks } from '../../links/product-sales-channel.service';
import { SalesChannelStockLocationLinks } from '../../links/sales-channel-stock-location.service';
import { VariantInventoryLinks } from '../../links/variant-inventory-item.service';
import { VariantPriceSetLinks } from '../../links/variant-price-set.service';
import { CartService } from '../../modules/cart/cart.service';
import { CustomerService } from '../../modules/customer/customer.service';
import { FulfillmentService } from '../../modules/fulfillment/fulfillment.service';
import { InventoryService } from '../../modules/inventory/inventory.service';
import { PaymentService } from '../../modules/payment/payment.service';
import { PricingService } from '../../modules/pricing/pricing.service';
import { ProductService } from '../../modules/product/product.service';
import { PromotionService } from '../../modules/promotion/promotion.service';
import { RegionService } from '../../modules/region/region.service';
import { StoreService } from '../../modules/store/store.service';
import { TaxService } from '../../modules/tax/tax.service';
import type { CartView } from '../../modules/cart/cart.types';
import type { VariantForCart } from '../../modules/product/product.types';
import type {
  AddShippingMethodRequest,
  CartFlowServices,
  CreateCartRequest,
  CreatePaymentSessionRequest,
  LineRequest,
  StorefrontCaller,
  UpdateCartRequest,
  UpdateLineRequest,
} from './cart-flow.types';
import { addLineItemsFlow, createCartFlow, deleteLineItemFlow, updateCartFlow, updateLineItemFlow } from './cart.flows';
import {
  addPromotionsFlow,
  addShippingMethodFlow,
  calculateTaxesFlow,
  createPaymentCollectionFlow,
  createPaymentSessionFlow,
  removePromotionsFlow,
  transferCartFlow,
} from './checkout-cart.flows';

/** Runs the storefront cart flows with the facades they need (one place to inject them). */
@Injectable()
export class CartFlows {
  private readonly flows;
  /** The facades and links the flows use (the store read routes share them). */
  readonly services: CartFlowServices;

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
    tax: TaxService,
    promotions: PromotionService,
    fulfillment: FulfillmentService,
    payments: PaymentService,
    customers: CustomerService,
    cartPromotions: CartPromotionLinks,
    cartCollections: CartPaymentCollectionLinks,
  ) {
    const services: CartFlowServices = {
      carts,
      regions,
      stores,
      products,
      pricing,
      inventory,
      variantPrices,
      variantInventory,
      productChannels,
      channelLocations,
      tax,
      promotions,
      fulfillment,
      payments,
      customers,
      cartPromotions,
      cartCollections,
    };
    this.services = services;
    this.flows = {
      create: createCartFlow(services),
      update: updateCartFlow(services),
      addLines: addLineItemsFlow(services),
      updateLine: updateLineItemFlow(services),
      deleteLine: deleteLineItemFlow(services),
      addPromotions: addPromotionsFlow(services),
      removePromotions: removePromotionsFlow(services),
      addShippingMethod: addShippingMethodFlow(services),
      taxes: calculateTaxesFlow(services),
      transfer: transferCartFlow(services),
      paymentCollection: createPaymentCollectionFlow(services),
      paymentSession: createPaymentSessionFlow(services),
    };
  }

  /** The new cart's id. */
  createCart(ctx: Context, request: CreateCartRequest, caller: StorefrontCaller): Promise<string> {
    return runFlow(ctx, this.flows.create, { request, caller });
  }

  updateCart(ctx: Context, cartId: string, data: UpdateCartRequest, caller: StorefrontCaller): Promise<CartView> {
    return runFlow(ctx, this.flows.update, { cartId, data, caller });
  }

  /** The cart as changed, and the variants of its lines as read for the change (the response needs them). */
  addLineItems(ctx: Context, cartId: string, items: LineRequest[], caller: StorefrontCaller): Promise<{ cart: CartView; catalog: Map<string, VariantForCart> }> {
    return runFlow(ctx, this.flows.addLines, { cartId, items, caller });
  }

  updateLineItem(ctx: Context, cartId: string, lineId: string, data: UpdateLineRequest, caller: StorefrontCaller): Promise<CartView> {
    return runFlow(ctx, this.flows.updateLine, { cartId, lineId, data, caller });
  }

  deleteLineItem(ctx: Context, cartId: string, lineId: string, caller: StorefrontCaller): Promise<CartView> {
    return runFlow(ctx, this.flows.deleteLine, { cartId, lineId, caller });
  }

  addPromotions(ctx: Context, cartId: string, codes: string[], caller: StorefrontCaller): Promise<CartView> {
    return runFlow(ctx, this.flows.addPromotions, { cartId, codes, caller });
  }

  removePromotions(ctx: Context, cartId: string, codes: string[], caller: StorefrontCaller): Promise<CartView> {
    return runFlow(ctx, this.flows.removePromotions, { cartId, codes, caller });
  }

  addShippingMethod(ctx: Context, cartId: string, request: AddShippingMethodRequest, caller: StorefrontCaller): Promise<CartView> {
    return runFlow(ctx, this.flows.addShippingMethod, { cartId, request, caller });
  }

  calculateTaxes(ctx: Context, cartId: string, caller: StorefrontCaller): Promise<CartView> {
    return runFlow(ctx, this.flows.taxes, { cartId, caller });
  }

  transferCart(ctx: Context, cartId: string, caller: StorefrontCaller): Promise<CartView> {
    return runFlow(ctx, this.flows.transfer, { cartId, caller });
  }

  /** The cart's payment collection id (created the first time). */
  createPaymentCollection(ctx: Context, cartId: string, caller: StorefrontCaller): Promise<string> {
    return runFlow(ctx, this.flows.paymentCollection, { cartId, caller });
  }

  createPaymentSession(ctx: Context, collectionId: string, request: CreatePaymentSessionRequest, caller: StorefrontCaller): Promise<void> {
    return runFlow(ctx, this.flows.paymentSession, { collectionId, request, caller });
  }
}
