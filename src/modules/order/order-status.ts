import Decimal from 'decimal.js';
import type {
  FulfillmentForStatus,
  FulfillmentStatus,
  ItemForStatus,
  PaymentCollectionForStatus,
  PaymentStatus,
} from './order.types';

/**
 * Medusa's order `payment_status`, derived from the order's payment collections.
 *
 * Each collection scores: 1 for its own status; for captures, 1 when it captured its whole amount
 * and ½ when only part; the same for refunds. Then, first match wins:
 * any collection requiring action → requires_action; any refund → refunded when the refund score
 * equals the capture score, else partially_refunded; any capture → captured when every
 * non-canceled collection is fully captured, else partially_captured; authorizations likewise
 * (authorized / partially_authorized); every collection canceled → canceled; any awaiting →
 * awaiting; otherwise (or no collections) not_paid.
 */
export function paymentStatusOf(collections: readonly PaymentCollectionForStatus[]): PaymentStatus {
  const score = new Map<string, number>();
  const add = (key: string, points: number) => score.set(key, (score.get(key) ?? 0) + points);
  const of = (key: string) => score.get(key) ?? 0;

  for (const collection of collections) {
    const amount = new Decimal(collection.amount);
    const captured = new Decimal(collection.captured_amount ?? 0);
    const refunded = new Decimal(collection.refunded_amount ?? 0);
    if (captured.gt(0)) add('captured', captured.eq(amount) ? 1 : 0.5);
    if (refunded.gt(0)) add('refunded', refunded.eq(amount) ? 1 : 0.5);
    add(collection.status, 1);
  }
  const live = collections.length - of('canceled');

  if (of('requires_action') > 0) return 'requires_action';
  if (of('refunded') > 0) return of('refunded') === of('captured') ? 'refunded' : 'partially_refunded';
  if (of('captured') > 0) return of('captured') === live ? 'captured' : 'partially_captured';
  if (of('authorized') > 0) return of('authorized') === live ? 'authorized' : 'partially_authorized';
  if (collections.length > 0 && of('canceled') === collections.length) return 'canceled';
  if (of('awaiting') > 0) return 'awaiting';
  return 'not_paid';
}

type FulfillmentStage = 'fulfilled' | 'shipped' | 'delivered' | 'canceled';

/** A fulfillment's furthest stage: canceled, delivered, shipped, or (created, packed) fulfilled. */
function stageOf(fulfillment: FulfillmentForStatus): FulfillmentStage {
  if (fulfillment.canceled_at) return 'canceled';
  if (fulfillment.delivered_at) return 'delivered';
  if (fulfillment.shipped_at) return 'shipped';
  return 'fulfilled';
}

/**
 * Medusa's order `fulfillment_status`, from the order's lines and its fulfillments.
 *
 * Fulfillments are counted by their furthest stage. The most advanced stage any live fulfillment
 * reached names the status; it is the full status (`delivered`) when every live fulfillment
 * reached it and no line that needs shipping has units left to fulfil, otherwise the partial one
 * (`partially_delivered`). With no live fulfillment: `canceled` when there were fulfillments and all
 * are canceled, else `not_fulfilled`.
 */
export function fulfillmentStatusOf(
  items: readonly ItemForStatus[],
  fulfillments: readonly FulfillmentForStatus[],
): FulfillmentStatus {
  const count: Record<FulfillmentStage, number> = { fulfilled: 0, shipped: 0, delivered: 0, canceled: 0 };
  for (const fulfillment of fulfillments) count[stageOf(fulfillment)] += 1;
  const live = fulfillments.length - count.canceled;
  const unitsLeft = items.some(
    (item) => item.requires_shipping && new Decimal(item.detail.fulfilled_quantity).lt(item.quantity),
  );

  // a fulfillment that got further also passed through the earlier stages
  const shippedOrFurther = count.delivered + count.shipped;
  if (count.delivered > 0) return count.delivered === live && !unitsLeft ? 'delivered' : 'partially_delivered';
  if (count.shipped > 0) return shippedOrFurther === live && !unitsLeft ? 'shipped' : 'partially_shipped';
  if (count.fulfilled > 0) return unitsLeft ? 'partially_fulfilled' : 'fulfilled';
  if (fulfillments.length > 0 && count.canceled === fulfillments.length) return 'canceled';
  return 'not_fulfilled';
}
