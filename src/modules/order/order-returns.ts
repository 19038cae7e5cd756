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
import { BeginReturnInput, CreateReturnInput, OrderEvents, RawAmount, ReturnItemInput, ReturnItemView, ReturnView } from './order.types';

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
    receiving_quantity: toWireNumber(new Decimal(item.receiving_quantity ?? 0)),
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
   * Requests the return of fulfilled units in one go (the store's return, the facade's
   * createReturn): begin, add the items, request. refund_amount defaults to what the units are worth.
   */
  async create(tx: Context, order: Order, input: CreateReturnInput): Promise<ReturnView> {
    if (!input.items?.length) throw SthenoError.invalidData('At least one item is required');
    const ret = await this.begin(tx, order, input);
    await this.addItems(tx, order, ret.id, input.items);
    return this.request(tx, order, ret.id, input.refund_amount);
  }

  /** An empty return in status `open`: nothing on the order moves until it is requested. */
  async begin(tx: Context, order: Order, input: BeginReturnInput): Promise<ReturnView> {
    const ret = tx.em.create(Return, {
      order_id: order.id,
      order_version: order.version,
      status: 'open',
      refund_amount: null,
      location_id: input.location_id ?? null,
      no_notification: input.no_notification ?? false,
      created_by: input.created_by ?? null,
      metadata: input.metadata ?? null,
    });
    await tx.em.flush();
    return this.retrieve(tx, ret.id);
  }

  /**
   * Adds items to an open return (the same line twice adds up). Per line, what this return asks
   * for may not exceed fulfilled − (requested + received + dismissed) on the order.
   */
  async addItems(tx: Context, order: Order, returnId: string, items: ReturnItemInput[]): Promise<ReturnView> {
    const ret = await this.load(tx, returnId, true);
    if (ret.order_id !== order.id) throw SthenoError.notFound(`Return with id: ${returnId} was not found`);
    if (ret.status !== 'open') throw SthenoError.notAllowed(`Return ${returnId} has status ${ret.status}: items can only be added before it is requested.`);
    if (!items?.length) throw SthenoError.invalidData('At least one item is required');
    const quantities = this.quantitiesOf(items);
    await this.assertReasons(tx, items.map((i) => i.reason_id).filter((id): id is string => !!id));
    const existing = await tx.em.find(ReturnItem, { return_id: ret.id }, { refresh: true });
    const byLine = new Map(existing.map((ri) => [ri.item_id, ri]));
    const lines = await this.lineQuantities(tx, order, [...quantities.keys()]);
    for (const [itemId, q] of quantities) {
      const line = lines.get(itemId)!;
      const already = new Decimal(byLine.get(itemId)?.quantity ?? 0);
      if (already.plus(q).gt(line.returnable)) throw SthenoError.invalidData(`Cannot request to return more items than what was fulfilled for item ${itemId}.`);
    }
    for (const item of items) {
      const q = decimalInput(item.quantity, 'quantity', { positive: true });
      const row = byLine.get(item.id);
      if (row) {
        row.quantity = new Decimal(row.quantity).plus(q).toFixed();
        if (item.reason_id !== undefined) row.reason_id = item.reason_id;
        if (item.note !== undefined) row.note = item.note;
        continue;
      }
      byLine.set(
        item.id,
        tx.em.create(ReturnItem, {
          return_id: ret.id,
          item_id: item.id,
          quantity: q,
          reason_id: item.reason_id ?? null,
          note: item.note ?? null,
          received_quantity: '0',
          receiving_quantity: '0',
          metadata: null,
        }),
      );
    }
    ret.updated_at = new Date();
    await tx.em.flush();
    return this.retrieve(tx, ret.id);
  }

  /**
   * Confirms an open return: the order's lines move its units to return_requested (one conditional
   * UPDATE per line, so two returns can never ask for the same units), `order.return_requested`.
   */
  async request(tx: Context, order: Order, returnId: string, refundAmount?: string | number | null): Promise<ReturnView> {
    const ret = await this.load(tx, returnId, true);
    if (ret.order_id !== order.id) throw SthenoError.notFound(`Return with id: ${returnId} was not found`);
    if (ret.status !== 'open') throw SthenoError.notAllowed(`Return ${returnId} has status ${ret.status} and cannot be requested.`);
    const items = await tx.em.find(ReturnItem, { return_id: ret.id }, { refresh: true, orderBy: { item_id: 'ASC' } });
    if (!items.length) throw SthenoError.invalidData(`Return ${returnId} has no items to request.`);
    for (const item of items) {
      const q = new Decimal(item.quantity).toFixed();
      const updated = await tx.em.execute<Array<{ id: string }>>(
        `update order_item set return_requested_quantity = return_requested_quantity + ?, updated_at = now()
          where order_id = ? and item_id = ? and version = ? and deleted_at is null
            and fulfilled_quantity - return_requested_quantity - return_received_quantity - return_dismissed_quantity >= ?
          returning id`,
        [q, order.id, item.item_id, order.version, q],
      );
      if (!updated.length) throw SthenoError.invalidData(`Cannot request to return more items than what was fulfilled for item ${item.item_id}.`);
    }
    const [rows] = await loadOrderRows(tx, [order.id]);
    const lineOf = new Map(toOrderView(rows).items.map((line) => [line.id, line]));
    const perUnit = (itemId: string) => new Decimal((lineOf.get(itemId)!.raw_refundable_total_per_unit as RawAmount).value);
    const refund =
      refundAmount === undefined || refundAmount === null
        ? items.reduce((sum, item) => sum.plus(new Decimal(item.quantity).times(perUnit(item.item_id))), new Decimal(0))
        : new Decimal(decimalInput(refundAmount, 'refund_amount', { nonNegative: true }));
    const now = new Date();
    ret.status = 'requested';
    ret.refund_amount = refund.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed();
    ret.requested_at = now;
    ret.updated_at = now;
    this.events.record(tx, OrderEvents.RETURN_REQUESTED, { order_id: order.id, return_id: ret.id });
    await tx.em.flush();
    return this.retrieve(tx, ret.id);
  }

  /**
   * Counts units in without confirming (receive-items): per return line at most requested −
   * received − already being received. Nothing moves on the order until `confirmReceipt`.
   */
  async stageReceipt(tx: Context, returnId: string, items: Array<{ id: string; quantity: string | number }>): Promise<ReturnView> {
    const ret = await this.load(tx, returnId, true);
    this.assertOpen(ret);
    if (ret.status === 'open') throw SthenoError.notAllowed(`Return ${returnId} has not been requested yet.`);
    if (!items?.length) throw SthenoError.invalidData('At least one item is required');
    const returnItems = await tx.em.find(ReturnItem, { return_id: ret.id }, { refresh: true });
    const byLine = new Map(returnItems.map((ri) => [ri.item_id, ri]));
    for (const [i, item] of items.entries()) {
      const q = new Decimal(decimalInput(item.quantity, `items[${i}].quantity`, { positive: true }));
      const returnItem = byLine.get(item.id);
      if (!returnItem) throw SthenoError.invalidData(`Item ${item.id} is not part of return ${returnId}`);
      const left = new Decimal(returnItem.quantity).minus(returnItem.received_quantity).minus(returnItem.receiving_quantity);
      if (q.gt(left)) throw SthenoError.invalidData(`Cannot receive more items than what was requested for item ${item.id}.`);
      returnItem.receiving_quantity = new Decimal(returnItem.receiving_quantity).plus(q).toFixed();
    }
    ret.updated_at = new Date();
    await tx.em.flush();
    return this.retrieve(tx, ret.id);
  }

  /**
   * Confirms the staged receipt: applies every line's receiving quantity (see `receive`). Answers
   * the units applied, read under the return's lock: the caller restocks exactly those.
   */
  async confirmReceipt(tx: Context, returnId: string): Promise<{ return: ReturnView; received: Array<{ id: string; quantity: string }> }> {
    const ret = await this.load(tx, returnId, true);
    this.assertOpen(ret);
    const returnItems = await tx.em.find(ReturnItem, { return_id: ret.id }, { refresh: true, orderBy: { item_id: 'ASC' } });
    const staged = returnItems.filter((ri) => new Decimal(ri.receiving_quantity).gt(0));
    if (!staged.length) throw SthenoError.invalidData(`Return ${returnId} has no received items to confirm.`);
    const items = staged.map((ri) => ({ id: ri.item_id, quantity: new Decimal(ri.receiving_quantity).toFixed() }));
    for (const ri of staged) ri.receiving_quantity = '0';
    await tx.em.flush();
    return { return: await this.receive(tx, returnId, items), received: items };
  }

  /** Drops a staged, unconfirmed receipt (DELETE receive). */
  async cancelReceipt(tx: Context, returnId: string): Promise<ReturnView> {
    const ret = await this.load(tx, returnId, true);
    this.assertOpen(ret);
    await tx.em.execute(`update return_item set receiving_quantity = 0, updated_at = now() where return_id = ? and receiving_quantity > 0`, [ret.id]);
    return this.retrieve(tx, ret.id);
  }

  private quantitiesOf(items: ReturnItemInput[]): Map<string, Decimal> {
    const quantities = new Map<string, Decimal>();
    items.forEach((item, i) => {
      const q = new Decimal(decimalInput(item.quantity, `items[${i}].quantity`, { positive: true }));
      quantities.set(item.id, (quantities.get(item.id) ?? new Decimal(0)).plus(q));
    });
    return quantities;
  }

  /** What can still be returned per line (fulfilled − requested − received − dismissed); invalid_data for lines not on the order. */
  private async lineQuantities(tx: Context, order: Order, itemIds: string[]): Promise<Map<string, { returnable: Decimal }>> {
    const rows = await tx.em.execute<Array<{ item_id: string; returnable: string }>>(
      `select item_id, (fulfilled_quantity - return_requested_quantity - return_received_quantity - return_dismissed_quantity)::text as returnable
         from order_item where order_id = ? and version = ? and deleted_at is null and item_id in (${itemIds.map(() => '?').join(', ')})`,
      [order.id, order.version, ...itemIds],
    );
    const found = new Map(rows.map((r) => [r.item_id, { returnable: new Decimal(r.returnable) }]));
    const unknown = itemIds.filter((id) => !found.has(id));
    if (unknown.length) throw SthenoError.invalidData(`Items ${unknown.join(', ')} do not belong to order ${order.id}`);
    return found;
  }

  /**
   * Receives returned units (`items[].id` = the order line id). Per return line: at most requested −
   * received so far. The order lines move those units from return_requested to return_received;
   * the return becomes received when every line is in, partially_received otherwise.
   */
  async receive(tx: Context, returnId: string, items: Array<{ id: string; quantity: string | number }>): Promise<ReturnView> {
    const ret = await this.load(tx, returnId, true);
    this.assertOpen(ret);
    if (ret.status === 'open') throw SthenoError.notAllowed(`Return ${returnId} has not been requested yet.`);
    if (!items?.length) throw SthenoError.invalidData('At least one item is required');
    const returnItems = await tx.em.find(ReturnItem, { return_id: ret.id }, { refresh: true, orderBy: { id: 'ASC' } });
    const byLine = new Map(returnItems.map((ri) => [ri.item_id, ri]));
    for (const [i, item] of items.entries()) {
      const q = new Decimal(decimalInput(item.quantity, `items[${i}].quantity`, { positive: true }));
      const returnItem = byLine.get(item.id);
      if (!returnItem) throw SthenoError.invalidData(`Item ${item.id} is not part of return ${returnId}`);
      const left = new Decimal(returnItem.quantity).minus(returnItem.received_quantity).minus(returnItem.receiving_quantity);
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
    if (ret.status !== 'requested' && ret.status !== 'open') throw SthenoError.notAllowed(`Cannot cancel return ${returnId}: items have already been received.`);
    const returnItems = await tx.em.find(ReturnItem, { return_id: ret.id }, { refresh: true, orderBy: { item_id: 'ASC' } });
    // an open return never moved the order's counters
    for (const ri of ret.status === 'open' ? [] : returnItems) {
      await tx.em.execute(
        `update order_item set return_requested_quantity = greatest(return_requested_quantity - ?, 0), updated_at = now()
          where order_id = ? and item_id = ? and version = ? and deleted_at is null`,
        [ri.quantity, ret.order_id, ri.item_id, ret.order_version],
      );
    }
    const now = new Date();
    ret.status = 'canceled';
    ret.canceled_at = now;
    for (const ri of returnItems) ri.receiving_quantity = '0';
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
