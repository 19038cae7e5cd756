import { Injectable } from '@nestjs/common';
import Decimal from 'decimal.js';
import { Context } from '../../framework/context/context';
import { SthenoError } from '../../framework/errors/stheno-error';
import { EventBus } from '../../framework/events/event-bus.service';
import { createFlow, runFlow } from '../../framework/flows/flow';
import { internalListQuery } from '../../framework/http/list-query';
import { OrderFulfillmentLinks, OrderPaymentCollectionLinks } from '../../links/order-links.service';
import { FulfillmentService } from '../../modules/fulfillment/fulfillment.service';
import type { FulfillmentView, LabelInput } from '../../modules/fulfillment/fulfillment.types';
import { InventoryService } from '../../modules/inventory/inventory.service';
import { OrderService } from '../../modules/order/order.service';
import type { OrderView } from '../../modules/order/order.types';
import { PaymentService } from '../../modules/payment/payment.service';
import type { PaymentCollectionView, PaymentView, RefundPaymentInput, WebhookOutcome, WebhookPayload } from '../../modules/payment/payment.types';
import { OrderDetails } from './order-details';
import { linesOf, OrderLineStock } from './order-line-stock';

export const OrderFlowEvents = {
  FULFILLMENT_CREATED: 'order.fulfillment_created',
  FULFILLMENT_CANCELED: 'order.fulfillment_canceled',
  SHIPMENT_CREATED: 'shipment.created',
  DELIVERY_CREATED: 'delivery.created',
} as const;

export interface CreateOrderFulfillmentInput {
  order_id: string;
  items: Array<{ id: string; quantity: number }>;
  location_id?: string;
  shipping_option_id?: string;
  no_notification?: boolean;
  labels?: LabelInput[];
  metadata?: Record<string, unknown>;
}

const sum = (values: Decimal.Value[]) => values.reduce<Decimal>((total, v) => total.plus(v), new Decimal(0));

/**
 * The operator's side of an order (Medusa's order, fulfillment, payment and return workflows): each
 * public method is one flow, one database transaction across the order, fulfillment, inventory and
 * payment modules, so a refusal anywhere leaves every row as it was. Answers are the order detail
 * view (`OrderDetails`), read inside the same transaction.
 */
@Injectable()
export class OrderFlows {
  constructor(
    private readonly orders: OrderService,
    private readonly payments: PaymentService,
    private readonly fulfillments: FulfillmentService,
    private readonly inventory: InventoryService,
    private readonly stock: OrderLineStock,
    private readonly collectionLinks: OrderPaymentCollectionLinks,
    private readonly fulfillmentLinks: OrderFulfillmentLinks,
    private readonly details: OrderDetails,
    private readonly events: EventBus,
  ) {}

  // ------------------------------------------------------------------------------- fulfillments

  private readonly createFulfillmentFlow = createFlow('create-order-fulfillment', async (_run, input: CreateOrderFulfillmentInput, tx) => {
    const order = await this.orders.retrieve(tx, input.order_id);
    if (order.status === 'canceled') throw SthenoError.notAllowed(`Order with id ${order.id} has been canceled.`);
    if (!input.items?.length) throw SthenoError.invalidData('At least one item is required');
    // quantities first: a conditional update per line refuses more than remains to be fulfilled
    await this.orders.registerFulfillment(tx, order.id, input.items.map((i) => ({ item_id: i.id, quantity: i.quantity })));
    const lines = linesOf(order, input.items.map((i) => i.id));
    const moves = await this.stock.moves(tx, input.items.map((i) => ({ line: lines.get(i.id)!, quantity: i.quantity })));
    const locationId = input.location_id ?? (await this.reservedLocation(tx, input.items.map((i) => i.id)));
    if (!locationId) throw SthenoError.invalidData('location_id is required: the items hold no reservation at a stock location');
    if (moves.length) await this.inventory.shipStock(tx, moves.map((m) => ({ ...m, location_id: locationId })));
    const firstItemOf = await this.stock.firstInventoryItems(tx, [...lines.values()]);
    const fulfillment = await this.fulfillments.createFulfillment(tx, {
      location_id: locationId,
      shipping_option_id: input.shipping_option_id ?? (await this.orderShippingOption(tx, order)),
      delivery_address: order.shipping_address ? addressOf(order.shipping_address) : null,
      items: input.items.map((i) => {
        const line = lines.get(i.id)!;
        return {
          title: line.title,
          sku: line.variant_sku,
          barcode: line.variant_barcode,
          quantity: i.quantity,
          line_item_id: line.id,
          inventory_item_id: firstItemOf.get(line.id) ?? null,
        };
      }),
      labels: input.labels,
      order: { id: order.id, display_id: order.display_id, email: order.email, currency_code: order.currency_code },
      metadata: input.metadata,
    });
    await this.fulfillmentLinks.linkOrderFulfillment(tx, order.id, fulfillment.id);
    this.events.record(tx, OrderFlowEvents.FULFILLMENT_CREATED, { order_id: order.id, fulfillment_id: fulfillment.id, no_notification: input.no_notification ?? false });
    return this.details.retrieve(tx, order.id);
  });

  /**
   * Cancels an unshipped fulfillment, as Medusa's cancelOrderFulfillmentWorkflow: the units go back
   * to the order (fulfilled_quantity down), the stock back onto the fulfillment's location, and the
   * line items' reservations are re-created there: the order still wants the units.
   */
  private readonly cancelFulfillmentFlow = createFlow('cancel-order-fulfillment', async (_run, input: { order_id: string; fulfillment_id: string; no_notification?: boolean }, tx) => {
    const fulfillment = await this.fulfillmentOf(tx, input.order_id, input.fulfillment_id);
    if (fulfillment.canceled_at) throw SthenoError.notAllowed(`Fulfillment with id ${fulfillment.id} has already been canceled`);
    await this.fulfillments.cancelFulfillment(tx, fulfillment.id);
    const items = fulfillment.items.filter((i) => i.line_item_id);
    await this.orders.revertFulfillment(tx, input.order_id, items.map((i) => ({ item_id: i.line_item_id!, quantity: i.quantity })));
    const order = await this.orders.retrieve(tx, input.order_id);
    const lines = linesOf(order, items.map((i) => i.line_item_id!));
    const moves = await this.stock.moves(tx, items.map((i) => ({ line: lines.get(i.line_item_id!)!, quantity: i.quantity })));
    if (moves.length) {
      await this.inventory.restock(tx, moves.map((m) => ({ inventory_item_id: m.inventory_item_id, location_id: fulfillment.location_id, quantity: m.quantity })));
      await this.inventory.reserve(
        tx,
        moves.map((m) => ({ inventory_item_id: m.inventory_item_id, location_id: fulfillment.location_id, quantity: m.quantity, line_item_id: m.line_item_id })),
      );
    }
    this.events.record(tx, OrderFlowEvents.FULFILLMENT_CANCELED, { order_id: input.order_id, fulfillment_id: fulfillment.id, no_notification: input.no_notification ?? false });
    return this.details.retrieve(tx, input.order_id);
  });

  /** Ships the whole fulfillment (its units become shipped on the order); `shipment.created`. */
  private readonly createShipmentFlow = createFlow(
    'create-order-shipment',
    async (_run, input: { order_id: string; fulfillment_id: string; items?: Array<{ id: string; quantity: number }>; labels?: LabelInput[]; no_notification?: boolean }, tx) => {
      const fulfillment = await this.fulfillmentOf(tx, input.order_id, input.fulfillment_id);
      this.assertItemsOfFulfillment(fulfillment, input.items);
      await this.orders.registerShipment(tx, input.order_id, this.unitsOf(fulfillment));
      await this.fulfillments.createShipment(tx, fulfillment.id, { labels: input.labels ?? [] });
      this.events.record(tx, OrderFlowEvents.SHIPMENT_CREATED, { id: fulfillment.id, no_notification: input.no_notification ?? false });
      return this.details.retrieve(tx, input.order_id);
    },
  );

  /** Marks the fulfillment delivered (shipped too when it was not); `delivery.created`. */
  private readonly markDeliveredFlow = createFlow('mark-order-fulfillment-delivered', async (_run, input: { order_id: string; fulfillment_id: string }, tx) => {
    const fulfillment = await this.fulfillmentOf(tx, input.order_id, input.fulfillment_id);
    const units = this.unitsOf(fulfillment);
    if (!fulfillment.shipped_at && !fulfillment.canceled_at) await this.orders.registerShipment(tx, input.order_id, units);
    await this.orders.registerDelivery(tx, input.order_id, units);
    await this.fulfillments.markDelivered(tx, fulfillment.id);
    this.events.record(tx, OrderFlowEvents.DELIVERY_CREATED, { id: fulfillment.id });
    return this.details.retrieve(tx, input.order_id);
  });

  createFulfillment(ctx: Context, input: CreateOrderFulfillmentInput): Promise<OrderView> {
    return runFlow(ctx, this.createFulfillmentFlow, input);
  }

  cancelFulfillment(ctx: Context, orderId: string, fulfillmentId: string, noNotification?: boolean): Promise<OrderView> {
    return runFlow(ctx, this.cancelFulfillmentFlow, { order_id: orderId, fulfillment_id: fulfillmentId, no_notification: noNotification });
  }

  createShipment(ctx: Context, input: { order_id: string; fulfillment_id: string; items?: Array<{ id: string; quantity: number }>; labels?: LabelInput[]; no_notification?: boolean }): Promise<OrderView> {
    return runFlow(ctx, this.createShipmentFlow, input);
  }

  markDelivered(ctx: Context, orderId: string, fulfillmentId: string): Promise<OrderView> {
    return runFlow(ctx, this.markDeliveredFlow, { order_id: orderId, fulfillment_id: fulfillmentId });
  }

  // ------------------------------------------------------------------------------- payments

  /**
   * Captures a payment; when it belongs to an order, the capture is recorded on the order in the same
   * transaction, and refused once the order is canceled (its captured part was refunded; the rest must not be taken).
   */
  private readonly captureFlow = createFlow('capture-payment', async (_run, input: { payment_id: string; amount?: Decimal.Value }, tx) => {
    const before = await this.payments.retrievePayment(tx, input.payment_id);
    const orderId = await this.collectionLinks.orderOfCollection(tx, before.payment_collection_id);
    if (orderId) await this.orders.lockNotCanceled(tx, orderId);
    const payment = await this.payments.capturePayment(tx, input.payment_id, input.amount);
    if (orderId) {
      const known = new Set(before.captures.map((c) => c.id));
      for (const capture of payment.captures.filter((c) => !known.has(c.id))) {
        await this.orders.recordTransaction(tx, { order_id: orderId, amount: capture.raw_amount.value, currency_code: payment.currency_code, reference: 'capture', reference_id: capture.id });
      }
    }
    return payment;
  });

  /** Refunds a payment; for an order's payment the refund is recorded on the order (negative) in the same transaction. */
  private readonly refundFlow = createFlow('refund-payment', async (_run, input: { payment_id: string; refund: RefundPaymentInput }, tx) => {
    const before = await this.payments.retrievePayment(tx, input.payment_id);
    const orderId = await this.collectionLinks.orderOfCollection(tx, before.payment_collection_id);
    const payment = await this.payments.refundPayment(tx, input.payment_id, input.refund);
    if (orderId) await this.recordNewRefunds(tx, orderId, before, payment);
    return payment;
  });

  /**
   * A payment collection for what the order still owes (Medusa's createOrderPaymentCollectionWorkflow):
   * `amount` defaults to the outstanding amount = pending_difference minus what live collections
   * already ask for and have not captured; refused when nothing is outstanding or `amount` exceeds it.
   */
  private readonly createCollectionFlow = createFlow('create-order-payment-collection', async (_run, input: { order_id: string; amount?: number }, tx) => {
    const order = await this.details.retrieve(tx, input.order_id);
    if (order.status === 'canceled') throw SthenoError.notAllowed(`Order with id ${order.id} has been canceled.`);
    const pending = new Decimal(rawOf(order.summary.raw_pending_difference) ?? String(order.summary.pending_difference));
    const asked = sum(
      (order.payment_collections as unknown as PaymentCollectionView[])
        .filter((c) => c.status !== 'canceled' && c.status !== 'completed')
        .map((c) => new Decimal(c.raw_amount.value).minus(c.raw_captured_amount.value)),
    );
    const outstanding = pending.minus(asked);
    if (outstanding.lte(0)) throw SthenoError.notAllowed(`Order ${order.id} has no outstanding amount to collect`);
    const amount = input.amount === undefined ? outstanding : new Decimal(input.amount);
    if (amount.lte(0)) throw SthenoError.invalidData('amount must be greater than 0');
    if (amount.gt(outstanding)) throw SthenoError.invalidData(`Cannot create a payment collection of ${amount.toFixed()}: the order's outstanding amount is ${outstanding.toFixed()}`);
    const collection = await this.payments.createCollection(tx, { currency_code: order.currency_code, amount: amount.toFixed() });
    await this.collectionLinks.linkOrderPaymentCollection(tx, order.id, collection.id);
    return collection;
  });

  /** Marks an order's collection paid (a system payment, authorized and captured) and records the capture on the order. */
  private readonly markPaidFlow = createFlow('mark-payment-collection-paid', async (_run, input: { collection_id: string; order_id: string }, tx) => {
    await this.payments.retrieveCollection(tx, input.collection_id);
    const owner = await this.collectionLinks.orderOfCollection(tx, input.collection_id);
    if (owner !== input.order_id) throw SthenoError.invalidData(`Payment collection ${input.collection_id} does not belong to order ${input.order_id}`);
    await this.orders.lockNotCanceled(tx, input.order_id);
    const before = new Set((await this.payments.retrieveCollection(tx, input.collection_id)).payments.flatMap((p) => p.captures.map((c) => c.id)));
    const collection = await this.payments.markCollectionPaid(tx, input.collection_id);
    for (const payment of collection.payments) {
      for (const capture of payment.captures.filter((c) => !before.has(c.id))) {
        await this.orders.recordTransaction(tx, { order_id: input.order_id, amount: capture.raw_amount.value, currency_code: payment.currency_code, reference: 'capture', reference_id: capture.id });
      }
    }
    return this.payments.retrieveCollection(tx, input.collection_id);
  });

  /**
   * Cancels an order (Medusa's cancelOrderWorkflow): refused while a fulfillment is not canceled;
   * payments not captured are canceled with their provider, captured amounts are refunded (and
   * recorded on the order), the lines' reservations are released, then the order is canceled.
   */
  private readonly cancelOrderFlow = createFlow('cancel-order', async (_run, input: { order_id: string }, tx) => {
    // the order row first (as capture and mark-as-paid do): a concurrent capture waits for the cancel, then is refused
    await this.orders.lockNotCanceled(tx, input.order_id);
    const order = await this.details.retrieve(tx, input.order_id);
    if (order.status === 'canceled') throw SthenoError.notAllowed(`Order with id ${order.id} has been canceled.`);
    if (order.status === 'completed' || order.status === 'archived') throw SthenoError.notAllowed(`Order with id ${order.id} is ${order.status} and cannot be canceled.`);
    const active = (order.fulfillments as unknown as FulfillmentView[]).some((f) => !f.canceled_at);
    if (active || order.items.some((i) => i.detail.fulfilled_quantity > 0)) throw SthenoError.notAllowed('All fulfillments must be canceled before canceling an order');
    for (const collection of order.payment_collections as unknown as PaymentCollectionView[]) {
      for (const payment of collection.payments) {
        if (payment.canceled_at) continue;
        const captured = sum(payment.captures.map((c) => c.raw_amount.value));
        const refunded = sum(payment.refunds.map((r) => r.raw_amount.value));
        if (captured.isZero()) {
          await this.payments.cancelPayment(tx, payment.id);
        } else if (captured.gt(refunded)) {
          const after = await this.payments.refundPayment(tx, payment.id, { amount: captured.minus(refunded).toFixed(), note: `Order ${order.id} canceled` });
          await this.recordNewRefunds(tx, order.id, payment, after);
        }
      }
    }
    await this.inventory.releaseReservations(tx, { line_item_id: order.items.map((i) => i.id) });
    await this.orders.cancel(tx, order.id, { has_active_fulfillments: false });
    return this.details.retrieve(tx, order.id);
  });

  /**
   * A provider's webhook (`POST /hooks/payment/:provider`): the payment module applies it, then any
   * capture or refund of the named payment not yet on its order is recorded there, so an order paid
   * through its provider shows paid_total, payment_status and pending_difference like one captured
   * by the operator. Recording is idempotent per capture/refund, so a redelivery also repairs an
   * order whose recording was interrupted.
   */
  async processPaymentWebhook(ctx: Context, providerId: string, payload: WebhookPayload): Promise<WebhookOutcome> {
    const outcome = await this.payments.processWebhook(ctx, providerId, payload);
    if (outcome.payment_id) await runFlow(ctx, this.recordPaymentOnOrderFlow, { payment_id: outcome.payment_id });
    return outcome;
  }

  private readonly recordPaymentOnOrderFlow = createFlow('record-payment-on-order', async (_run, input: { payment_id: string }, tx) => {
    const payment = await this.payments.retrievePayment(tx, input.payment_id);
    const orderId = await this.collectionLinks.orderOfCollection(tx, payment.payment_collection_id);
    if (!orderId) return;
    for (const capture of payment.captures) {
      await this.orders.recordTransaction(tx, { order_id: orderId, amount: capture.raw_amount.value, currency_code: payment.currency_code, reference: 'capture', reference_id: capture.id });
    }
    for (const refund of payment.refunds) {
      await this.orders.recordTransaction(tx, { order_id: orderId, amount: refund.raw_amount.value, currency_code: payment.currency_code, reference: 'refund', reference_id: refund.id });
    }
  });

  capturePayment(ctx: Context, paymentId: string, amount?: Decimal.Value): Promise<PaymentView> {
    return runFlow(ctx, this.captureFlow, { payment_id: paymentId, amount });
  }

  refundPayment(ctx: Context, paymentId: string, refund: RefundPaymentInput): Promise<PaymentView> {
    return runFlow(ctx, this.refundFlow, { payment_id: paymentId, refund });
  }

  createPaymentCollection(ctx: Context, orderId: string, amount?: number): Promise<PaymentCollectionView> {
    return runFlow(ctx, this.createCollectionFlow, { order_id: orderId, amount });
  }

  markPaymentCollectionPaid(ctx: Context, collectionId: string, orderId: string): Promise<PaymentCollectionView> {
    return runFlow(ctx, this.markPaidFlow, { collection_id: collectionId, order_id: orderId });
  }

  cancelOrder(ctx: Context, orderId: string): Promise<OrderView> {
    return runFlow(ctx, this.cancelOrderFlow, { order_id: orderId });
  }

  // ------------------------------------------------------------------------------- helpers

  /** Records on the order each refund `after` has that `before` had not (negative transactions). */
  private async recordNewRefunds(tx: Context, orderId: string, before: PaymentView, after: PaymentView): Promise<void> {
    const known = new Set(before.refunds.map((r) => r.id));
    for (const refund of after.refunds.filter((r) => !known.has(r.id))) {
      await this.orders.recordTransaction(tx, { order_id: orderId, amount: refund.raw_amount.value, currency_code: after.currency_code, reference: 'refund', reference_id: refund.id });
    }
  }

  /** The shipping option of the order's (first) shipping method, when it still exists (Medusa fulfils with it). */
  private async orderShippingOption(tx: Context, order: OrderView): Promise<string | null> {
    const optionId = order.shipping_methods.find((m) => m.shipping_option_id)?.shipping_option_id;
    if (!optionId) return null;
    const [option] = await this.fulfillments.listShippingOptionsByIds(tx, [optionId]);
    return option?.id ?? null;
  }

  /** The stock location the lines' reservations are held at (the first found), or null. */
  private async reservedLocation(tx: Context, lineIds: string[]): Promise<string | null> {
    const [reservations] = await this.inventory.listReservations(
      tx,
      internalListQuery({ line_item_id: { $in: lineIds } }, { limit: 1, order: [{ field: 'created_at', direction: 'ASC' }] }),
    );
    return reservations[0]?.location_id ?? null;
  }

  /** The fulfillment, when it belongs to the order; 404 otherwise (another order's fulfillment too). */
  private async fulfillmentOf(tx: Context, orderId: string, fulfillmentId: string): Promise<FulfillmentView> {
    await this.orders.assertExist(tx, orderId);
    if ((await this.fulfillmentLinks.orderOfFulfillment(tx, fulfillmentId)) !== orderId) {
      throw SthenoError.notFound(`Fulfillment with id: ${fulfillmentId} was not found`);
    }
    return this.fulfillments.retrieveFulfillment(tx, fulfillmentId);
  }

  private unitsOf(fulfillment: FulfillmentView): Array<{ item_id: string; quantity: number }> {
    return fulfillment.items.filter((i) => i.line_item_id).map((i) => ({ item_id: i.line_item_id!, quantity: i.quantity }));
  }

  /** A shipment's `items` must be lines of the fulfillment, at most its quantities (the whole fulfillment ships). */
  private assertItemsOfFulfillment(fulfillment: FulfillmentView, items?: Array<{ id: string; quantity: number }>): void {
    if (!items) return;
    const quantities = new Map(this.unitsOf(fulfillment).map((u) => [u.item_id, u.quantity]));
    for (const item of items) {
      const held = quantities.get(item.id);
      if (held === undefined) throw SthenoError.invalidData(`Item ${item.id} is not part of fulfillment ${fulfillment.id}`);
      if (item.quantity > held) throw SthenoError.invalidData(`Cannot ship more of item ${item.id} than fulfillment ${fulfillment.id} holds`);
    }
  }
}

function rawOf(value: unknown): string | null {
  return value && typeof value === 'object' && 'value' in value ? String((value as { value: unknown }).value) : null;
}

function addressOf(address: NonNullable<OrderView['shipping_address']>) {
  return {
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
