import { Injectable } from '@nestjs/common';
import { Context } from '../../framework/context/context';
import { EventBus } from '../../framework/events/event-bus.service';
import { runFlow } from '../../framework/flows/flow';
import { CartPaymentCollectionLinks } from '../../links/cart-links.service';
import { OrderPaymentCollectionLinks } from '../../links/order-links.service';
import { OrderCartLinks, OrderPromotionLinks } from '../../links/order-checkout-links.service';
import { SalesChannelStockLocationLinks } from '../../links/sales-channel-stock-location.service';
import { VariantInventoryLinks } from '../../links/variant-inventory-item.service';
import { CartService } from '../../modules/cart/cart.service';
import { CustomerService } from '../../modules/customer/customer.service';
import { FulfillmentService } from '../../modules/fulfillment/fulfillment.service';
import { InventoryService } from '../../modules/inventory/inventory.service';
import { OrderService } from '../../modules/order/order.service';
import type { OrderView, OrderViewExtras } from '../../modules/order/order.types';
import { PaymentService } from '../../modules/payment/payment.service';
import { ProductService } from '../../modules/product/product.service';
import { PromotionService } from '../../modules/promotion/promotion.service';
import type { StorefrontCaller } from './cart-flow.types';
import { completeCartFlow, CompletionError, isPaymentRefusal } from './complete-cart.flow';
import { CompleteCartHooks } from './complete-cart.hooks';
import { StoreCartView, StoreCartViews } from './store-cart-view';

/** What `POST /store/carts/:id/complete` answers (medusa-wire 16; reference §7.3 for the refusal). */
export type CompleteCartResponse =
  | { type: 'order'; order: OrderView }
  | { type: 'cart'; cart: Partial<StoreCartView>; error: CompletionError };

/** Runs cart completion and builds its response. */
@Injectable()
export class CompleteCartFlows {
  private readonly flow;

  constructor(
    private readonly carts: CartService,
    private readonly orders: OrderService,
    private readonly payments: PaymentService,
    promotions: PromotionService,
    inventory: InventoryService,
    fulfillment: FulfillmentService,
    customers: CustomerService,
    products: ProductService,
    variantInventory: VariantInventoryLinks,
    channelLocations: SalesChannelStockLocationLinks,
    orderCarts: OrderCartLinks,
    orderPromotions: OrderPromotionLinks,
    cartCollections: CartPaymentCollectionLinks,
    private readonly orderCollections: OrderPaymentCollectionLinks,
    events: EventBus,
    hooks: CompleteCartHooks,
    private readonly cartViews: StoreCartViews,
  ) {
    this.flow = completeCartFlow({
      carts,
      orders,
      payments,
      promotions,
      inventory,
      fulfillment,
      customers,
      products,
      variantInventory,
      channelLocations,
      orderCarts,
      orderPromotions,
      cartCollections,
      orderCollections,
      events,
      hooks,
    });
  }

  /**
   * Completes the cart: the order (placed now or by an earlier completion), or — when the payment
   * provider refused — the unchanged cart with the refusal, as Medusa answers (200 either way).
   */
  async complete(ctx: Context, cartId: string, caller: StorefrontCaller, cartFields: Parameters<StoreCartViews['build']>[2]): Promise<CompleteCartResponse> {
    let orderId: string;
    try {
      orderId = (await runFlow(ctx, this.flow, { cartId, caller })).order_id;
    } catch (error) {
      if (!isPaymentRefusal(error)) throw error;
      const cart = await this.cartViews.build(ctx, cartId, cartFields, caller);
      return { type: 'cart', cart, error: { message: error.message, name: 'Error', type: error.type } };
    }
    return { type: 'order', order: await this.orderDetail(ctx, orderId) };
  }

  /** The order's detail with its payment collections (their own fields, as wire 16 shows them). */
  async orderDetail(ctx: Context, orderId: string): Promise<OrderView> {
    const ids = (await this.orderCollections.collectionsOf(ctx, [orderId])).get(orderId) ?? [];
    const collections = await this.payments.listCollections(ctx, ids);
    const payment_collections = collections.map(({ payment_sessions: _sessions, payments: _payments, ...collection }) => collection);
    return this.orders.retrieve(ctx, orderId, { payment_collections } as OrderViewExtras);
  }
}
