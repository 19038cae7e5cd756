import Decimal from 'decimal.js';
import type { OrderView, RawAmount, ReturnView } from '../../modules/order/order.types';

const raw = (value: Decimal): RawAmount => ({ value: value.toFixed(), precision: 20 });

/**
 * The order as it will be once the return's pending step is confirmed (Medusa's `order_preview`):
 * an open return's items counted as return_requested, a staged receipt's units moved from
 * return_requested to return_received. A requested return without a staged receipt is already in
 * the order's counters: the preview is the order itself. Pure; the input is not changed.
 */
export function previewWithReturn(order: OrderView, ret: ReturnView): OrderView {
  if (ret.status === 'canceled') return order;
  const requested = new Map<string, Decimal>();
  const receiving = new Map<string, Decimal>();
  for (const item of ret.items) {
    if (ret.status === 'open') requested.set(item.item_id, (requested.get(item.item_id) ?? new Decimal(0)).plus(item.quantity));
    if (item.receiving_quantity > 0) receiving.set(item.item_id, (receiving.get(item.item_id) ?? new Decimal(0)).plus(item.receiving_quantity));
  }
  if (!requested.size && !receiving.size) return order;
  return {
    ...order,
    items: order.items.map((item) => {
      const add = requested.get(item.id) ?? new Decimal(0);
      const moved = receiving.get(item.id) ?? new Decimal(0);
      if (add.isZero() && moved.isZero()) return item;
      const returnRequested = new Decimal(item.detail.return_requested_quantity).plus(add).minus(moved);
      const returnReceived = new Decimal(item.detail.return_received_quantity).plus(moved);
      return {
        ...item,
        detail: {
          ...item.detail,
          return_requested_quantity: returnRequested.toNumber(),
          raw_return_requested_quantity: raw(returnRequested),
          return_received_quantity: returnReceived.toNumber(),
          raw_return_received_quantity: raw(returnReceived),
        },
      };
    }),
  };
}
