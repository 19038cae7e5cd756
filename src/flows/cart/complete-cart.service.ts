import { Injectable } from '@nestjs/common';
import { Context } from '../../framework/context/context';
import { EventBus } from '../../framework/events/event-bus.service';
import { runFlow } from '../../framework/flows/flow';
import { LockingService } from '../../framework/locking/locking.service';
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

/**
 * Completions of one cart queue on the lock `cart:<id>` for this long before answering 409: ten
 * concurrent completions of a cart each wait for the ones before (the later ones only find the order).
 */
const COMPLETION_LOCK_TIMEOUT_MS = 30_000;
/** A completion includes the payment provider's authorization; a crashed holder frees the cart after this. */
const COMPLETION_LOCK_EXPIRE_MS = 60_000;

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
    private readonly locking: LockingService,
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
      orderId = (await this.completeOnce(ctx, cartId, caller)).order_id;
    } catch (error) {
      if (!isPaymentRefusal(error)) throw error;
      const cart = await this.cartViews.build(ctx, cartId, cartFields, caller);
      return { type: 'cart', cart, error: { message: error.message, name: 'Error', type: error.type } };
    }
    return { type: 'order', order: await this.orderDetail(ctx, orderId) };
  }

  /**
   * Runs the flow holding the cart's lock (`modules.locking`), taken before the flow's transaction
   * opens: concurrent completions of one cart wait their turn outside the database instead of
   * holding connections while they queue on the cart row, and the later ones find the order. The
   * flow still locks the cart row (`FOR UPDATE`), so correctness never rests on this lock alone;
   * a caller already inside a transaction runs without it (on the embedded database the `postgres`
   * provider would need the one connection that transaction holds).
   */
  private completeOnce(ctx: Context, cartId: string, caller: StorefrontCaller) {
    const run = () => runFlow(ctx, this.flow, { cartId, caller });
    if (ctx.em.isInTransaction()) return run();
    return this.locking.execute(`cart:${cartId}`, run, { timeoutMs: COMPLETION_LOCK_TIMEOUT_MS, expireMs: COMPLETION_LOCK_EXPIRE_MS });
  }

  /** The order's detail with its payment collections (their own fields, as wire 16 shows them). */
  async orderDetail(ctx: Context, orderId: string): Promise<OrderView> {
    const ids = (await this.orderCollections.collectionsOf(ctx, [orderId])).get(orderId) ?? [];
    const collections = await this.payments.listCollections(ctx, ids);
    const payment_collections = collections.map(({ payment_sessions: _sessions, payments: _payments, ...collection }) => collection);
    return this.orders.retrieve(ctx, orderId, { payment_collections } as OrderViewExtras);
  }
}
