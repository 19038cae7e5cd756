import { Injectable } from '@nestjs/common';
import { LockMode } from '@mikro-orm/core';
import type { FilterQuery, FindOptions } from '@mikro-orm/core';
import Decimal from 'decimal.js';
import { rawAmount, toWireNumber } from '../../commerce/totals';
import { Context } from '../../framework/context/context';
import { SthenoError } from '../../framework/errors/stheno-error';
import { EventBus } from '../../framework/events/event-bus.service';
import { ListQuery, toMikroOrmOrderBy } from '../../framework/http/list-query';
import type { Order } from './entities/order.entity';
import { Return, ReturnItem, ReturnReason } from './entities/return.entity';
import { loadOrderRows } from './order-rows';
import { decimalInput } from './order-snapshot';
import { toOrderView } from './order-view';
import { CreateReturnInput, OrderEvents, RawAmount, ReturnItemView, ReturnView } from './order.types';

function iso(date: Date | null): string | null {
  return date ? date.toISOString() : null;
}

function toReturnItemView(item: ReturnItem): ReturnItemView {
  return {
    id: item.id,
    return_id: item.return_id,
    item_id: item.item_id,
    quantity: toWireNumber(new Decimal(item.quantity)),
    raw_quantity: rawAmount(item.quantity),
    received_quantity: toWireNumber(new Decimal(item.received_quantity)),
    raw_received_quantity: rawAmount(item.received_quantity),
    reason_id: item.reason_id,
    note: item.note,
    metadata: item.metadata,
    created_at: item.created_at.toISOString(),
    updated_at: item.updated_at.toISOString(),
    deleted_at: iso(item.deleted_at),
  };
}

function toReturnView(ret: Return, items: ReturnItem[]): ReturnView {
  return {
    id: ret.id,
    order_id: ret.order_id,
    order_version: ret.order_version,
    display_id: ret.display_id!,
    status: ret.status,
    refund_amount: ret.refund_amount === null ? null : toWireNumber(new Decimal(ret.refund_amount)),
    raw_refund_amount: ret.refund_amount === null ? null : rawAmount(ret.refund_amount),
    location_id: ret.location_id,
    no_notification: ret.no_notification,
    created_by: ret.created_by,
    metadata: ret.metadata,
    requested_at: iso(ret.requested_at),
    received_at: iso(ret.received_at),
    canceled_at: iso(ret.canceled_at),
    created_at: ret.created_at.toISOString(),
    updated_at: ret.updated_at.toISOString(),
    deleted_at: iso(ret.deleted_at),
    items: items.map(toReturnItemView),
  };
}

/**
 * Returns of an order (internal to the module; the facade opens the transaction and locks the
 * order). The order's return counters move with conditional UPDATEs, as fulfilment counters do.
 */
@Injectable()
export class OrderReturns {
  constructor(private readonly events: EventBus) {}

  async list(ctx: Context, query: ListQuery): Promise<[ReturnView[], number]> {
    const options = { limit: query.limit, offset: query.offset, orderBy: toMikroOrmOrderBy(query.order) } as FindOptions<Return>;
    const [rows, count] = await ctx.em.findAndCount(Return, { ...query.filters } as FilterQuery<Return>, options as never);
    return [await this.views(ctx, rows), count];
  }

  async retrieve(ctx: Context, id: string): Promise<ReturnView> {
    const [view] = await this.views(ctx, [await this.load(ctx, id)]);
    return view;
  }

  /**
   * Requests the return of fulfilled units. Per line: at most fulfilled − (requested + received +
   * dismissed) so far. refund_amount defaults to what the units are worth (the line's refundable
   * total per unit × quantity).
   */
  async create(tx: Context, order: Order, input: CreateReturnInput): Promise<ReturnView> {
    if (!input.items?.length) throw SthenoError.invalidData('At least one item is required');
    const quantities = new Map<string, Decimal>();
    input.items.forEach((item, i) => {
      const q = new Decimal(decimalInput(item.quantity, `items[${i}].quantity`, { positive: true }));
      quantities.set(item.id, (quantities.get(item.id) ?? new Decimal(0)).plus(q));
    });
    await this.assertReasons(tx, input.items.map((i) => i.reason_id).filter((id): id is string => !!id));

    const [rows] = await loadOrderRows(tx, [order]);
    const view = toOrderView(rows);
    const lineOf = new Map(view.items.map((item) => [item.id, item]));
    const unknown = [...quantities.keys()].filter((id) => !lineOf.has(id));
    if (unknown.length) throw SthenoError.invalidData(`Items ${unknown.join(', ')} do not belong to order ${order.id}`);

    for (const itemId of [...quantities.keys()].sort()) {
      const q = quantities.get(itemId)!.toFixed();
      const updated = await tx.em.execute<Array<{ id: string }>>(
        `update order_item set return_requested_quantity = return_requested_quantity + ?, updated_at = now()
          where order_id = ? and item_id = ? and version = ? and deleted_at is null
            and fulfilled_quantity - return_requested_quantity - return_received_quantity - return_dismissed_quantity >= ?
          returning id`,
        [q, order.id, itemId, order.version, q],
      );
      if (!updated.length) throw SthenoError.invalidData(`Cannot request to return more items than what was fulfilled for item ${itemId}.`);
    }

    const perUnit = (itemId: string) => new Decimal((lineOf.get(itemId)!.raw_refundable_total_per_unit as RawAmount).value);
    const refund =
      input.refund_amount === undefined || input.refund_amount === null
        ? [...quantities].reduce((sum, [itemId, q]) => sum.plus(q.times(perUnit(itemId))), new Decimal(0))
        : new Decimal(decimalInput(input.refund_amount, 'refund_amount', { nonNegative: true }));
    const now = new Date();
    const ret = tx.em.create(Return, {
      order_id: order.id,
      order_version: order.version,
      status: 'requested',
      refund_amount: refund.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(),
      location_id: input.location_id ?? null,
      no_notification: input.no_notification ?? false,
      created_by: input.created_by ?? null,
      metadata: input.metadata ?? null,
      requested_at: now,
    });
    for (const item of input.items) {
      tx.em.create(ReturnItem, {
        return_id: ret.id,
        item_id: item.id,
        quantity: decimalInput(item.quantity, 'quantity', { positive: true }),
        reason_id: item.reason_id ?? null,
        note: item.note ?? null,
        received_quantity: '0',
        metadata: null,
      });
    }
    this.events.record(tx, OrderEvents.RETURN_REQUESTED, { order_id: order.id, return_id: ret.id });
    await tx.em.flush();
    return this.retrieve(tx, ret.id);
  }

  /**
   * Receives returned units (`items[].id` = the order line id). Per return line: at most requested −
   * received so far. The order lines move those units from return_requested to return_received;
   * the return becomes received when every line is in, partially_received otherwise.
   */
  async receive(tx: Context, returnId: string, items: Array<{ id: string; quantity: string | number }>): Promise<ReturnView> {
    const ret = await this.load(tx, returnId, true);
    this.assertOpen(ret);
    if (!items?.length) throw SthenoError.invalidData('At least one item is required');
    const returnItems = await tx.em.find(ReturnItem, { return_id: ret.id }, { refresh: true, orderBy: { id: 'ASC' } });
    const byLine = new Map(returnItems.map((ri) => [ri.item_id, ri]));
    for (const [i, item] of items.entries()) {
      const q = new Decimal(decimalInput(item.quantity, `items[${i}].quantity`, { positive: true }));
      const returnItem = byLine.get(item.id);
      if (!returnItem) throw SthenoError.invalidData(`Item ${item.id} is not part of return ${returnId}`);
      const left = new Decimal(returnItem.quantity).minus(returnItem.received_quantity);
      if (q.gt(left)) throw SthenoError.invalidData(`Cannot receive more items than what was requested for item ${item.id}.`);
      returnItem.received_quantity = new Decimal(returnItem.received_quantity).plus(q).toFixed();
      const updated = await tx.em.execute<Array<{ id: string }>>(
        `update order_item set return_requested_quantity = return_requested_quantity - ?, return_received_quantity = return_received_quantity + ?, updated_at = now()
          where order_id = ? and item_id = ? and version = ? and deleted_at is null and return_requested_quantity >= ?
          returning id`,
        [q.toFixed(), q.toFixed(), ret.order_id, item.id, ret.order_version, q.toFixed()],
      );
      if (!updated.length) throw SthenoError.invalidData(`Cannot receive more items than what was requested for item ${item.id}.`);
    }
    const complete = returnItems.every((ri) => new Decimal(ri.received_quantity).gte(ri.quantity));
    ret.status = complete ? 'received' : 'partially_received';
    if (complete) ret.received_at = new Date();
    this.events.record(tx, OrderEvents.RETURN_RECEIVED, { order_id: ret.order_id, return_id: ret.id });
    await tx.em.flush();
    return this.retrieve(tx, ret.id);
  }

  /** Cancels a return nothing was received for yet; its requested units go back to the order. */
  async cancel(tx: Context, returnId: string): Promise<ReturnView> {
    const ret = await this.load(tx, returnId, true);
    this.assertOpen(ret);
    if (ret.status !== 'requested') throw SthenoError.notAllowed(`Cannot cancel return ${returnId}: items have already been received.`);
    const returnItems = await tx.em.find(ReturnItem, { return_id: ret.id }, { refresh: true, orderBy: { item_id: 'ASC' } });
    for (const ri of returnItems) {
      await tx.em.execute(
        `update order_item set return_requested_quantity = greatest(return_requested_quantity - ?, 0), updated_at = now()
          where order_id = ? and item_id = ? and version = ? and deleted_at is null`,
        [ri.quantity, ret.order_id, ri.item_id, ret.order_version],
      );
    }
    const now = new Date();
    ret.status = 'canceled';
    ret.canceled_at = now;
    await tx.em.flush();
    return this.retrieve(tx, ret.id);
  }

  private assertOpen(ret: Return): void {
    if (ret.status === 'canceled') throw SthenoError.notAllowed(`Return ${ret.id} has been canceled.`);
    if (ret.status === 'received') throw SthenoError.notAllowed(`Return ${ret.id} has already been received.`);
  }

  private async assertReasons(tx: Context, ids: string[]): Promise<void> {
    const unique = [...new Set(ids)];
    if (!unique.length) return;
    const found = await tx.em.find(ReturnReason, { id: { $in: unique } }, { fields: ['id'] });
    const known = new Set(found.map((r) => r.id));
    const missing = unique.filter((id) => !known.has(id));
    if (missing.length) throw SthenoError.invalidData(`Return reasons with ids ${missing.join(', ')} do not exist`);
  }

  private async load(ctx: Context, id: string, forUpdate = false): Promise<Return> {
    const ret = await ctx.em.findOne(Return, { id }, forUpdate ? { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true } : { refresh: true });
    if (!ret) throw SthenoError.notFound(`Return with id: ${id} was not found`);
    return ret;
  }

  private async views(ctx: Context, rows: Return[]): Promise<ReturnView[]> {
    if (!rows.length) return [];
    const items = await ctx.em.find(ReturnItem, { return_id: { $in: rows.map((r) => r.id) } }, { orderBy: { created_at: 'ASC', id: 'ASC' }, refresh: true });
    return rows.map((r) => toReturnView(r, items.filter((i) => i.return_id === r.id)));
  }
}
