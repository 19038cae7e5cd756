import Decimal from 'decimal.js';
import { SthenoError } from '../../framework/errors/stheno-error';
import { EventBus } from '../../framework/events/event-bus.service';
import { createFlow, createStep, StepResult } from '../../framework/flows/flow';
import { OrderCartLinks, OrderPromotionLinks } from '../../links/order-checkout-links.service';
import { CartPaymentCollectionLinks } from '../../links/cart-links.service';
import { OrderPaymentCollectionLinks } from '../../links/order-links.service';
import { SalesChannelStockLocationLinks } from '../../links/sales-channel-stock-location.service';
import { VariantInventoryLinks } from '../../links/variant-inventory-item.service';
import { CartService } from '../../modules/cart/cart.service';
import type { CartAddressView, CartView } from '../../modules/cart/cart.types';
import { CustomerService } from '../../modules/customer/customer.service';
import { FulfillmentService } from '../../modules/fulfillment/fulfillment.service';
import { InventoryService } from '../../modules/inventory/inventory.service';
import type { ReserveAnywhereInput } from '../../modules/inventory/inventory.types';
import { OrderService } from '../../modules/order/order.service';
import type { CreateOrderInput, OrderAddressInput, PlacedOrder } from '../../modules/order/order.types';
import { PaymentService } from '../../modules/payment/payment.service';
import type { PaymentSessionView, PaymentView } from '../../modules/payment/payment.types';
import { ProductService } from '../../modules/product/product.service';
import { PromotionService } from '../../modules/promotion/promotion.service';
import type { PromotionUsage } from '../../modules/promotion/promotion.types';
import { OrderEvents } from '../../modules/order/order.types';
import type { StorefrontCaller } from './cart-flow.types';
import { assertCallerMayUse } from './cart.flows';
import { CompleteCartHooks } from './complete-cart.hooks';

export interface CompleteCartServices {
  carts: CartService;
  orders: OrderService;
  payments: PaymentService;
  promotions: PromotionService;
  inventory: InventoryService;
  fulfillment: FulfillmentService;
  customers: CustomerService;
  products: ProductService;
  variantInventory: VariantInventoryLinks;
  channelLocations: SalesChannelStockLocationLinks;
  orderCarts: OrderCartLinks;
  orderPromotions: OrderPromotionLinks;
  cartCollections: CartPaymentCollectionLinks;
  orderCollections: OrderPaymentCollectionLinks;
  events: EventBus;
  hooks: CompleteCartHooks;
}

export interface CompleteCartInput {
  cartId: string;
  caller: StorefrontCaller;
}

/** The order placed from the cart (now, or by an earlier completion of the same cart). */
export interface CompleteCartOutput {
  order_id: string;
  /** False when the cart was completed before: nothing was written by this run. */
  placed: boolean;
}

/** Sessions a checkout may authorize (Medusa's processable statuses, plus a refused one being retried). */
const PROCESSABLE_SESSIONS = new Set(['pending', 'requires_more', 'error', 'authorized']);

export const COMPLETE_CART_MESSAGES = {
  noItems: 'Cannot complete a cart without items',
  noEmail: 'Cannot complete a cart without an email',
  noShippingMethod: 'No shipping method selected but the cart contains items that require shipping.',
  noCollection: 'Payment collection has not been initiated for cart',
  noSession: 'Payment sessions are required to complete cart',
  amountMismatch: (session: string, total: string) => `The payment session amount (${session}) does not match the cart total (${total})`,
  currencyMismatch: 'The payment session currency does not match the cart currency',
};

/** What validation found that the later steps use. */
interface ValidatedCart {
  cart: CartView;
  collectionId: string;
  session: PaymentSessionView;
  usages: PromotionUsage[];
  locationIds: string[];
}

function addressInput(address: CartAddressView | null): OrderAddressInput | null {
  if (!address) return null;
  return {
    customer_id: address.customer_id,
    company: address.company,
    first_name: address.first_name,
    last_name: address.last_name,
    address_1: address.address_1,
    address_2: address.address_2,
    city: address.city,
    country_code: address.country_code,
    province: address.province,
    postal_code: address.postal_code,
    phone: address.phone,
    metadata: address.metadata,
  };
}

const money = (value: number | null): string | null => (value === null ? null : new Decimal(value).toFixed());

/** The order snapshot of the cart: every line field, tax line, adjustment, method and address. */
export function orderSnapshot(cart: CartView, customerId: string): CreateOrderInput {
  const taxLine = (t: { code: string; rate: number; description: string | null; tax_rate_id: string | null; provider_id: string | null }) => ({
    code: t.code,
    rate: t.rate,
    description: t.description,
    tax_rate_id: t.tax_rate_id,
    provider_id: t.provider_id,
  });
  const adjustment = (a: { code: string | null; amount: number; description: string | null; promotion_id: string | null; provider_id: string | null }) => ({
    code: a.code,
    amount: money(a.amount)!,
    description: a.description,
    promotion_id: a.promotion_id,
    provider_id: a.provider_id,
  });
  return {
    region_id: cart.region_id,
    customer_id: customerId,
    sales_channel_id: cart.sales_channel_id,
    email: cart.email,
    currency_code: cart.currency_code,
    locale: cart.locale,
    metadata: cart.metadata,
    shipping_address: addressInput(cart.shipping_address),
    billing_address: addressInput(cart.billing_address),
    items: cart.items.map((item) => ({
      title: item.title,
      subtitle: item.subtitle,
      thumbnail: item.thumbnail,
      variant_id: item.variant_id,
      product_id: item.product_id,
      product_title: item.product_title,
      product_description: item.product_description,
      product_subtitle: item.product_subtitle,
      product_type: item.product_type,
      product_type_id: item.product_type_id,
      product_collection: item.product_collection,
      product_handle: item.product_handle,
      variant_sku: item.variant_sku,
      variant_barcode: item.variant_barcode,
      variant_title: item.variant_title,
      variant_option_values: item.variant_option_values,
      requires_shipping: item.requires_shipping,
      is_discountable: item.is_discountable,
      is_tax_inclusive: item.is_tax_inclusive,
      is_giftcard: item.is_giftcard,
      is_custom_price: item.is_custom_price,
      compare_at_unit_price: money(item.compare_at_unit_price),
      unit_price: money(item.unit_price)!,
      quantity: item.quantity,
      metadata: item.metadata,
      tax_lines: item.tax_lines.map(taxLine),
      adjustments: item.adjustments.map(adjustment),
    })),
    shipping_methods: cart.shipping_methods.map((method) => ({
      name: method.name,
      description: method.description,
      amount: money(method.amount)!,
      is_tax_inclusive: method.is_tax_inclusive,
      shipping_option_id: method.shipping_option_id,
      data: method.data,
      metadata: method.metadata,
      tax_lines: method.tax_lines.map(taxLine),
      adjustments: method.adjustments.map(adjustment),
    })),
    credit_lines: cart.credit_lines.map((line) => ({
      amount: money(line.amount)!,
      reference: line.reference,
      reference_id: line.reference_id,
      metadata: line.metadata,
    })),
  };
}

/** One usage per promotion the cart's adjustments (lines and shipping) came from, with the discount it granted. */
export function promotionUsages(cart: CartView): PromotionUsage[] {
  const byPromotion = new Map<string, PromotionUsage>();
  const adjustments = [...cart.items.flatMap((i) => i.adjustments), ...cart.shipping_methods.flatMap((m) => m.adjustments)];
  for (const adjustment of adjustments) {
    if (!adjustment.promotion_id) continue;
    const usage = byPromotion.get(adjustment.promotion_id) ?? {
      promotion_id: adjustment.promotion_id,
      amount: '0',
      code: adjustment.code ?? '',
      customer_id: cart.customer_id,
    };
    usage.amount = new Decimal(usage.amount).plus(adjustment.amount).toFixed();
    byPromotion.set(adjustment.promotion_id, usage);
  }
  return [...byPromotion.values()];
}

/**
 * Completes a cart in ONE database transaction (Medusa's completeCartWorkflow, reference §7.3):
 *
 * 1. lock the cart row (`FOR UPDATE`); a cart completed already answers its order, so concurrent
 *    completions of one cart queue on the lock and all answer the same order;
 * 2. validate: items, email, shipping for items that need it (options still valid for the cart),
 *    a payment session for the cart's total, promotions still active;
 * 3. place the order (every snapshot field) and 4. reserve stock against the order's lines — one
 *    conditional update per inventory level, never below available unless the variant backorders;
 * 5. link order ↔ cart / promotions / payment collection, mark the cart completed, spend the
 *    promotion budgets, record `order.placed` in the outbox;
 * 6. authorize the payment LAST, compensated by cancelling the authorization: anything that fails
 *    after it (the `orderCreated` hook, the commit) rolls the transaction back and then cancels.
 *
 * A refused authorization throws payment_authorization_error after which nothing is persisted: no
 * order, no reservation, no usage, the cart still open. The order is created before stock is
 * reserved (both in the same transaction) because reservations belong to the order's lines.
 */
export function completeCartFlow(s: CompleteCartServices) {
  const lock = createStep('lock-cart', async (input: CompleteCartInput, ctx): Promise<{ cart: CartView } | { existingOrderId: string }> => {
    const cart = await s.carts.lockForCompletion(ctx, input.cartId);
    assertCallerMayUse(cart, input.caller);
    if (cart.completed_at) {
      const orderId = await s.orderCarts.orderOfCart(ctx, cart.id);
      if (!orderId) throw SthenoError.invalidData(`Cart ${cart.id} is already completed.`);
      return { existingOrderId: orderId };
    }
    return { cart };
  });

  const validate = createStep('validate-cart', async (cart: CartView, ctx): Promise<ValidatedCart> => {
    if (!cart.items.length) throw SthenoError.invalidData(COMPLETE_CART_MESSAGES.noItems);
    if (!cart.email) throw SthenoError.invalidData(COMPLETE_CART_MESSAGES.noEmail);
    const locationIds = cart.sales_channel_id ? await s.channelLocations.locationsOf(ctx, [cart.sales_channel_id]) : [];

    // shipping: every item that needs it is covered by a method whose option still suits the cart
    if (cart.items.some((i) => i.requires_shipping) && !cart.shipping_methods.length) {
      throw SthenoError.invalidData(COMPLETE_CART_MESSAGES.noShippingMethod);
    }
    const optionIds = cart.shipping_methods.map((m) => m.shipping_option_id).filter((id): id is string => !!id);
    if (optionIds.length) {
      const address = cart.shipping_address?.country_code
        ? {
            country_code: cart.shipping_address.country_code,
            province_code: cart.shipping_address.province,
            city: cart.shipping_address.city,
            postal_code: cart.shipping_address.postal_code,
          }
        : null;
      await s.fulfillment.validateShippingOptions(ctx, optionIds, {
        address,
        location_ids: locationIds,
        is_return: false,
        enabled_in_store: true,
        currency_code: cart.currency_code,
        region_id: cart.region_id!,
        cart_context: cart as unknown as Record<string, unknown>,
      });
    }

    // payment: a session of the cart's collection for exactly the cart's total
    const collectionId = await s.cartCollections.collectionOf(ctx, cart.id);
    if (!collectionId) throw SthenoError.invalidData(COMPLETE_CART_MESSAGES.noCollection);
    const collection = await s.payments.retrieveCollection(ctx, collectionId);
    const session = [...collection.payment_sessions]
      .filter((x) => !x.deleted_at && PROCESSABLE_SESSIONS.has(x.status))
      .sort((a, b) => b.created_at.localeCompare(a.created_at))[0];
    if (!session) throw SthenoError.invalidData(COMPLETE_CART_MESSAGES.noSession);
    if (session.currency_code !== cart.currency_code) throw SthenoError.invalidData(COMPLETE_CART_MESSAGES.currencyMismatch);
    const total = new Decimal(cart.total);
    const amount = new Decimal(session.raw_amount.value);
    if (!amount.eq(total)) throw SthenoError.invalidData(COMPLETE_CART_MESSAGES.amountMismatch(amount.toFixed(), total.toFixed()));

    // promotions: every promotion the adjustments came from is still active (and in its campaign's dates)
    const usages = promotionUsages(cart);
    if (usages.length) {
      const found = new Map((await s.promotions.listByIds(ctx, usages.map((u) => u.promotion_id))).map((p) => [p.id, p]));
      const now = Date.now();
      for (const usage of usages) {
        const promotion = found.get(usage.promotion_id);
        const campaign = promotion?.campaign;
        const inDates =
          !campaign || ((!campaign.starts_at || Date.parse(campaign.starts_at) <= now) && (!campaign.ends_at || Date.parse(campaign.ends_at) >= now));
        if (!promotion || promotion.status !== 'active' || !inDates) {
          throw SthenoError.invalidData(`The promotion code ${promotion?.code ?? usage.code} is invalid`);
        }
      }
    }
    return { cart, collectionId, session, usages, locationIds };
  });

  const placeOrder = createStep('create-order', async (v: ValidatedCart, ctx): Promise<PlacedOrder> => {
    const customerId = v.cart.customer_id ?? (await s.customers.guestIdFor(ctx, v.cart.email!));
    return s.orders.createFromSnapshot(ctx, orderSnapshot(v.cart, customerId));
  });

  const reserve = createStep('reserve-inventory', async (input: { v: ValidatedCart; order: PlacedOrder }, ctx): Promise<void> => {
    const { cart, locationIds } = input.v;
    const variantIds = [...new Set(cart.items.map((i) => i.variant_id).filter((id): id is string => !!id))];
    if (!variantIds.length) return;
    const variants = await s.products.variantsForCart(ctx, variantIds);
    const missing = variantIds.filter((id) => !variants.has(id));
    if (missing.length) throw SthenoError.invalidData(`Variants with IDs ${missing.join(', ')} do not exist`);
    const managed = variantIds.filter((id) => variants.get(id)!.variant.manage_inventory);
    if (!managed.length) return;
    const items = await s.variantInventory.itemsOf(ctx, managed);
    const reservations: ReserveAnywhereInput[] = [];
    cart.items.forEach((line, index) => {
      const variant = line.variant_id ? variants.get(line.variant_id)?.variant : undefined;
      if (!variant?.manage_inventory) return;
      for (const item of items.get(variant.id) ?? []) {
        reservations.push({
          inventory_item_id: item.inventory_item_id,
          quantity: line.quantity * item.required_quantity,
          location_ids: locationIds,
          allow_backorder: variant.allow_backorder,
          line_item_id: input.order.item_ids[index],
        });
      }
    });
    await s.inventory.reserveAnywhere(ctx, reservations);
  });

  const finish = createStep('complete-cart', async (input: { v: ValidatedCart; order: PlacedOrder }, ctx): Promise<void> => {
    const { cart, collectionId, usages } = input.v;
    const orderId = input.order.id;
    await s.orderCarts.link(ctx, orderId, cart.id);
    await s.orderPromotions.link(ctx, orderId, usages.map((u) => u.promotion_id));
    await s.orderCollections.linkOrderPaymentCollection(ctx, orderId, collectionId);
    // order.placed is written by the completion's own statement (no insert of its own)
    const placed = s.events.outboxRows(ctx, [{ name: OrderEvents.PLACED, data: { id: orderId } }]);
    if (!(await s.carts.markCompleted(ctx, cart.id, placed))) throw SthenoError.conflict(`Cart ${cart.id} is already completed`);
    await s.promotions.registerUsage(ctx, usages);
    await ctx.em.flush();
  });

  /** Authorizes the session; compensated by cancelling the authorization it made (not one made before). */
  const authorize = createStep(
    'authorize-payment-session',
    async ({ session, collectionId }: { session: PaymentSessionView; collectionId: string }, ctx): Promise<StepResult<PaymentView, PaymentView | null>> => {
      const payment = await s.payments.authorizeSession(ctx, session.id, undefined, collectionId);
      const madeHere = session.status !== 'authorized';
      return new StepResult(payment, madeHere ? payment : null);
    },
    async (payment, ctx) => {
      if (payment) await s.payments.cancelPayment(ctx, payment);
    },
  );

  const orderCreated = createStep('order-created-hook', async (input: { order_id: string; cart_id: string }, ctx): Promise<void> => {
    await s.hooks.runOrderCreated(input, ctx);
  });

  return createFlow('complete-cart', async (run, input: CompleteCartInput): Promise<CompleteCartOutput> => {
    const locked = await run(lock, input);
    if ('existingOrderId' in locked) return { order_id: locked.existingOrderId, placed: false };
    const validated = await run(validate, locked.cart);
    const order = await run(placeOrder, validated);
    await run(reserve, { v: validated, order });
    await run(finish, { v: validated, order });
    await run(authorize, { session: validated.session, collectionId: validated.collectionId });
    await run(orderCreated, { order_id: order.id, cart_id: locked.cart.id });
    return { order_id: order.id, placed: true };
  });
}

/** The wire error of a refused authorization (Medusa's `{message, name, type}`). */
export interface CompletionError {
  message: string;
  name: string;
  type: string;
}

export function isPaymentRefusal(error: unknown): error is SthenoError {
  return SthenoError.isSthenoError(error) && error.type === 'payment_authorization_error';
}
