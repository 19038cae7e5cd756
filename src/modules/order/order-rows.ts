import type { EntityName, FilterQuery } from '@mikro-orm/core';
import { Context } from '../../framework/context/context';
import { Order, OrderAddress, OrderCreditLine, OrderSummary } from './entities/order.entity';
import { OrderItem, OrderLineItem, OrderLineItemAdjustment, OrderLineItemTaxLine } from './entities/line-item.entity';
import {
  OrderShipping,
  OrderShippingMethod,
  OrderShippingMethodAdjustment,
  OrderShippingMethodTaxLine,
} from './entities/shipping-method.entity';
import type { OrderRows } from './order-view';
import { readAll } from './parallel-reads';

/** Fresh rows, oldest first: quantities change through conditional updates the identity map cannot see. */
async function rowsOf<T extends { created_at: Date; id: string }>(ctx: Context, entity: EntityName<T>, where: FilterQuery<T>): Promise<T[]> {
  return ctx.em.find(entity, where, { orderBy: { created_at: 'ASC', id: 'ASC' } as never, refresh: true });
}

function groupBy<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

/**
 * Everything stored about `orders`, in at most eleven queries whatever their number (one per table,
 * each for the whole page), in the current version of each order.
 */
export async function loadOrderRows(ctx: Context, orders: Order[]): Promise<OrderRows[]> {
  if (!orders.length) return [];
  const orderIds = orders.map((o) => o.id);
  const addressIds = orders.flatMap((o) => [o.shipping_address_id, o.billing_address_id]).filter((id): id is string => !!id);

  const [summaries, details, shippings, creditLines, addresses] = await readAll(ctx, [
    () => rowsOf(ctx, OrderSummary, { order_id: { $in: orderIds } }),
    () => rowsOf(ctx, OrderItem, { order_id: { $in: orderIds } }),
    () => rowsOf(ctx, OrderShipping, { order_id: { $in: orderIds }, return_id: null, claim_id: null, exchange_id: null }),
    () => rowsOf(ctx, OrderCreditLine, { order_id: { $in: orderIds } }),
    () => addressIds.length ? rowsOf(ctx, OrderAddress, { id: { $in: addressIds } }) : Promise.resolve([] as never[]),
  ]);
  const lineIds = details.map((d) => d.item_id);
  const methodIds = shippings.map((s) => s.shipping_method_id);
  const [lines, lineAdjustments, lineTaxLines, methods, methodAdjustments, methodTaxLines] = await readAll(ctx, [
    () => lineIds.length ? rowsOf(ctx, OrderLineItem, { id: { $in: lineIds } }) : Promise.resolve([] as never[]),
    () => lineIds.length ? rowsOf(ctx, OrderLineItemAdjustment, { item_id: { $in: lineIds } }) : Promise.resolve([] as never[]),
    () => lineIds.length ? rowsOf(ctx, OrderLineItemTaxLine, { item_id: { $in: lineIds } }) : Promise.resolve([] as never[]),
    () => methodIds.length ? rowsOf(ctx, OrderShippingMethod, { id: { $in: methodIds } }) : Promise.resolve([] as never[]),
    () => methodIds.length ? rowsOf(ctx, OrderShippingMethodAdjustment, { shipping_method_id: { $in: methodIds } }) : Promise.resolve([] as never[]),
    () => methodIds.length ? rowsOf(ctx, OrderShippingMethodTaxLine, { shipping_method_id: { $in: methodIds } }) : Promise.resolve([] as never[]),
  ]);

  const versionOf = new Map(orders.map((o) => [o.id, o.version]));
  const summaryOf = new Map(summaries.filter((s) => s.version === versionOf.get(s.order_id)).map((s) => [s.order_id, s]));
  const detailsOf = groupBy(details.filter((d) => d.version === versionOf.get(d.order_id)), (d) => d.order_id);
  const shippingsOf = groupBy(shippings.filter((s) => s.version === versionOf.get(s.order_id)), (s) => s.order_id);
  const creditLinesOf = groupBy(creditLines, (c) => c.order_id);
  const addressOf = new Map(addresses.map((a) => [a.id, a]));
  const lineOf = new Map(lines.map((l) => [l.id, l]));
  const lineAdjustmentsOf = groupBy(lineAdjustments, (a) => a.item_id);
  const lineTaxLinesOf = groupBy(lineTaxLines, (t) => t.item_id);
  const methodOf = new Map(methods.map((m) => [m.id, m]));
  const methodAdjustmentsOf = groupBy(methodAdjustments, (a) => a.shipping_method_id);
  const methodTaxLinesOf = groupBy(methodTaxLines, (t) => t.shipping_method_id);

  return orders.map((order) => ({
    order,
    summary: summaryOf.get(order.id) ?? null,
    shipping_address: order.shipping_address_id ? (addressOf.get(order.shipping_address_id) ?? null) : null,
    billing_address: order.billing_address_id ? (addressOf.get(order.billing_address_id) ?? null) : null,
    lines: (detailsOf.get(order.id) ?? [])
      .filter((detail) => lineOf.has(detail.item_id))
      .map((detail) => ({
        line: lineOf.get(detail.item_id)!,
        detail,
        adjustments: lineAdjustmentsOf.get(detail.item_id) ?? [],
        tax_lines: lineTaxLinesOf.get(detail.item_id) ?? [],
      })),
    shipping: (shippingsOf.get(order.id) ?? [])
      .filter((detail) => methodOf.has(detail.shipping_method_id))
      .map((detail) => ({
        method: methodOf.get(detail.shipping_method_id)!,
        detail,
        adjustments: methodAdjustmentsOf.get(detail.shipping_method_id) ?? [],
        tax_lines: methodTaxLinesOf.get(detail.shipping_method_id) ?? [],
      })),
    credit_lines: creditLinesOf.get(order.id) ?? [],
  }));
}
