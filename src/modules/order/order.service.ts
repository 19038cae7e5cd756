import { Injectable } from '@nestjs/common';
import { LockMode } from '@mikro-orm/core';
import type { FilterQuery, FindOptions } from '@mikro-orm/core';
import { Context, inTransaction } from '../../framework/context/context';
import { containsPattern } from '../../framework/database/find-page';
import { SthenoError } from '../../framework/errors/stheno-error';
import { EventBus } from '../../framework/events/event-bus.service';
import { ListQuery, toMikroOrmOrderBy } from '../../framework/http/list-query';
import { Order, OrderAddress, OrderSummary, OrderTransaction } from './entities/order.entity';
import { OrderQuantities } from './order-quantities';
import { OrderReturns } from './order-returns';
import { loadOrderRows } from './order-rows';
import { decimalInput, insertOrderSnapshot } from './order-snapshot';
import { summaryWithTransactions } from './order-summary';
import { toOrderView } from './order-view';
import {
  BeginReturnInput,
  CancelOrderInput,
  CreateOrderInput,
  CreateReturnInput,
  ItemQuantityInput,
  OrderAddressInput,
  OrderEvents,
  OrderLineItemView,
  OrderView,
  OrderViewExtras,
  PlacedOrder,
  RecordTransactionInput,
  ReturnItemInput,
  ReturnView,
  UpdateOrderInput,
} from './order.types';

/** Extras (payment collections, fulfillments) per order id, supplied by a cross-module read. */
export type OrderExtrasLookup = (orderIds: string[]) => Promise<Map<string, OrderViewExtras>>;

/**
 * The order module's facade: orders placed from a checkout snapshot, their reads, status changes,
 * money position (transactions, summary), fulfilment quantities and returns.
 */
@Injectable()
export class OrderService {
  constructor(
    private readonly events: EventBus,
    private readonly quantities: OrderQuantities,
    private readonly returns: OrderReturns,
  ) {}

  /**
   * Places an order from the checkout's snapshot in the caller's transaction (or its own). Records
   * no event: the checkout flow records `order.placed` once everything else succeeded.
   */
  async createFromSnapshot(ctx: Context, input: CreateOrderInput): Promise<PlacedOrder> {
    return inTransaction(ctx, (tx) => insertOrderSnapshot(tx, input));
  }

  async retrieve(ctx: Context, id: string, extras?: OrderViewExtras): Promise<OrderView> {
    const [rows] = await loadOrderRows(ctx, [id]);
    if (!rows) throw SthenoError.notFound(`Order with id: ${id} was not found`);
    return toOrderView(rows, extras);
  }

  /** A page of (non-draft) orders; `q` matches the email (substring) or the display id (exact). */
  async list(ctx: Context, query: ListQuery, extrasOf?: OrderExtrasLookup): Promise<[OrderView[], number]> {
    const where: Record<string, unknown> = { ...query.filters, is_draft_order: false };
    if (query.q) {
      const or: Array<Record<string, unknown>> = [{ email: { $ilike: containsPattern(query.q) } }];
      if (/^\d{1,9}$/.test(query.q)) or.push({ display_id: Number(query.q) });
      where.$or = or;
    }
    const options = { limit: query.limit, offset: query.offset, orderBy: toMikroOrmOrderBy(query.order) } as FindOptions<Order>;
    const [orders, count] = await ctx.em.findAndCount(Order, where as FilterQuery<Order>, options as never);
    const rows = await loadOrderRows(ctx, orders.map((o) => o.id));
    const extras = extrasOf && orders.length ? await extrasOf(orders.map((o) => o.id)) : new Map<string, OrderViewExtras>();
    return [rows.map((r) => toOrderView(r, extras.get(r.order.id))), count];
  }

  /** The customer's own orders only, whatever the query's filters say. */
  async listForCustomer(ctx: Context, customerId: string, query: ListQuery, extrasOf?: OrderExtrasLookup): Promise<[OrderView[], number]> {
    return this.list(ctx, { ...query, filters: { ...query.filters, customer_id: customerId } }, extrasOf);
  }

  /** The order's lines with their quantities (`order_item` rows with their `item`). */
  async listLineItems(ctx: Context, orderId: string): Promise<Array<Record<string, unknown>>> {
    const view = await this.retrieve(ctx, orderId);
    return view.items.map((item: OrderLineItemView) => {
      const { detail, ...line } = item;
      return { ...detail, item: line };
    });
  }

  /** Email, addresses (edited in place; a missing one is created) and metadata. Refused on canceled orders. */
  async update(ctx: Context, id: string, input: UpdateOrderInput): Promise<OrderView> {
    return inTransaction(ctx, async (tx) => {
      const order = await this.load(tx, id, true);
      this.assertNotCanceled(order);
      if (input.email !== undefined) order.email = input.email;
      if (input.metadata !== undefined) order.metadata = input.metadata;
      if (input.shipping_address) order.shipping_address_id = await this.saveAddress(tx, order.shipping_address_id, input.shipping_address);
      if (input.billing_address) order.billing_address_id = await this.saveAddress(tx, order.billing_address_id, input.billing_address);
      order.updated_at = new Date();
      this.events.record(tx, OrderEvents.UPDATED, { id });
      await tx.em.flush();
      return this.retrieve(tx, id);
    });
  }

  /**
   * Cancels the order (state only; releasing stock and payments is the cancel flow's work). Refused
   * for canceled and completed orders, and while the order has fulfillments not canceled: units
   * recorded as fulfilled here, or `has_active_fulfillments` from the fulfillment module.
   */
  async cancel(ctx: Context, id: string, input: CancelOrderInput = {}): Promise<OrderView> {
    return inTransaction(ctx, async (tx) => {
      const order = await this.load(tx, id, true);
      this.assertNotCanceled(order);
      if (order.status === 'completed') throw SthenoError.notAllowed(`Order with id ${id} is completed and cannot be canceled.`);
      if (order.status === 'archived') throw SthenoError.notAllowed(`Order with id ${id} is archived and cannot be canceled.`);
      const [{ fulfilled }] = await tx.em.execute<Array<{ fulfilled: string }>>(
        `select count(*) as fulfilled from order_item where order_id = ? and version = ? and fulfilled_quantity > 0 and deleted_at is null`,
        [id, order.version],
      );
      if (input.has_active_fulfillments || Number(fulfilled) > 0) {
        throw SthenoError.notAllowed('All fulfillments must be canceled before canceling an order');
      }
      const now = new Date();
      order.status = 'canceled';
      order.canceled_at = now;
      order.updated_at = now;
      this.events.record(tx, OrderEvents.CANCELED, { id });
      await tx.em.flush();
      return this.retrieve(tx, id);
    });
  }

  /** Marks the order completed; refused for canceled, archived, draft or already completed orders. */
  async complete(ctx: Context, id: string): Promise<OrderView> {
    return inTransaction(ctx, async (tx) => {
      const order = await this.load(tx, id, true);
      this.assertNotCanceled(order);
      if (order.status !== 'pending' && order.status !== 'requires_action') {
        throw SthenoError.notAllowed(`Cannot complete order ${id} with status ${order.status}`);
      }
      order.status = 'completed';
      order.updated_at = new Date();
      this.events.record(tx, OrderEvents.COMPLETED, { id });
      await tx.em.flush();
      return this.retrieve(tx, id);
    });
  }

  /** Archives a completed, canceled or draft order, as Medusa; anything else is refused. */
  async archive(ctx: Context, id: string): Promise<OrderView> {
    return inTransaction(ctx, async (tx) => {
      const order = await this.load(tx, id, true);
      if (!['completed', 'canceled', 'draft'].includes(order.status)) {
        throw SthenoError.notAllowed(`Cannot archive order ${id} with status ${order.status}`);
      }
      order.status = 'archived';
      order.updated_at = new Date();
      this.events.record(tx, OrderEvents.ARCHIVED, { id });
      await tx.em.flush();
      return this.retrieve(tx, id);
    });
  }

  /**
   * Records money that moved (a capture or a refund, `amount` positive either way) and updates the
   * summary (paid_total, refunded_total, transaction_total, pending_difference). The summary row is
   * locked, so concurrent transactions on one order are summed one after the other. Idempotent per
   * (reference, reference_id): a capture or refund already recorded is not recorded twice.
   */
  async recordTransaction(ctx: Context, input: RecordTransactionInput): Promise<OrderView> {
    return inTransaction(ctx, async (tx) => {
      const order = await this.load(tx, input.order_id);
      const amount = decimalInput(input.amount, 'amount', { positive: true });
      if (input.currency_code.toLowerCase() !== order.currency_code) {
        throw SthenoError.invalidData(`Transaction currency ${input.currency_code} does not match the order's currency ${order.currency_code}`);
      }
      if (input.reference !== 'capture' && input.reference !== 'refund') {
        throw SthenoError.invalidData(`Transaction reference must be capture or refund, got ${String(input.reference)}`);
      }
      const summary = await tx.em.findOne(
        OrderSummary,
        { order_id: order.id, version: order.version },
        { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
      );
      if (!summary) throw SthenoError.unexpectedState(`Order ${order.id} has no summary`);
      // one transaction per capture or refund: recording the same one again changes nothing
      if (input.reference_id && (await tx.em.count(OrderTransaction, { order_id: order.id, reference: input.reference, reference_id: input.reference_id }))) {
        return this.retrieve(tx, order.id);
      }
      tx.em.create(OrderTransaction, {
        order_id: order.id,
        version: order.version,
        amount: input.reference === 'refund' ? `-${amount}` : amount,
        currency_code: order.currency_code,
        reference: input.reference,
        reference_id: input.reference_id,
      });
      await tx.em.flush();
      const transactions = await tx.em.find(OrderTransaction, { order_id: order.id }, { fields: ['amount'], refresh: true });
      summary.totals = summaryWithTransactions(summary.totals, transactions.map((t) => t.amount));
      await tx.em.flush();
      return this.retrieve(tx, order.id);
    });
  }

  /** Units put into a fulfillment; refuses more than ordered minus already fulfilled (400). */
  async registerFulfillment(ctx: Context, orderId: string, items: ItemQuantityInput[]): Promise<void> {
    await inTransaction(ctx, async (tx) => {
      this.assertNotCanceled(await this.load(tx, orderId, true));
      await this.quantities.fulfill(tx, orderId, items);
    });
  }

  /** Units shipped; refuses more than fulfilled minus already shipped. */
  async registerShipment(ctx: Context, orderId: string, items: ItemQuantityInput[]): Promise<void> {
    await inTransaction(ctx, async (tx) => {
      this.assertNotCanceled(await this.load(tx, orderId, true));
      await this.quantities.ship(tx, orderId, items);
    });
  }

  /** Units delivered; refuses more than fulfilled minus already delivered. */
  async registerDelivery(ctx: Context, orderId: string, items: ItemQuantityInput[]): Promise<void> {
    await inTransaction(ctx, async (tx) => {
      this.assertNotCanceled(await this.load(tx, orderId, true));
      await this.quantities.deliver(tx, orderId, items);
    });
  }

  /** A canceled fulfillment gives its units back; refuses units already shipped. */
  async revertFulfillment(ctx: Context, orderId: string, items: ItemQuantityInput[]): Promise<void> {
    await inTransaction(ctx, async (tx) => {
      await this.load(tx, orderId, true);
      await this.quantities.unfulfill(tx, orderId, items);
    });
  }

  async createReturn(ctx: Context, input: CreateReturnInput): Promise<ReturnView> {
    return inTransaction(ctx, async (tx) => {
      const order = await this.load(tx, input.order_id, true);
      this.assertNotCanceled(order);
      return this.returns.create(tx, order, input);
    });
  }

  /** An empty return in status `open` (the operator's `POST /admin/returns`); the order's counters move when it is requested. */
  async beginReturn(ctx: Context, input: BeginReturnInput): Promise<ReturnView> {
    return inTransaction(ctx, async (tx) => {
      const order = await this.load(tx, input.order_id, true);
      this.assertNotCanceled(order);
      return this.returns.begin(tx, order, input);
    });
  }

  /** Adds items to an open return; refuses more than the order can still return per line (400). */
  async addReturnItems(ctx: Context, returnId: string, items: ReturnItemInput[]): Promise<ReturnView> {
    return inTransaction(ctx, async (tx) => {
      const order = await this.load(tx, (await this.returns.retrieve(tx, returnId)).order_id, true);
      this.assertNotCanceled(order);
      return this.returns.addItems(tx, order, returnId, items);
    });
  }

  /** Confirms an open return: its units become return_requested on the order; `order.return_requested`. */
  async requestReturn(ctx: Context, returnId: string, refundAmount?: string | number | null): Promise<ReturnView> {
    return inTransaction(ctx, async (tx) => {
      const order = await this.load(tx, (await this.returns.retrieve(tx, returnId)).order_id, true);
      this.assertNotCanceled(order);
      return this.returns.request(tx, order, returnId, refundAmount);
    });
  }

  /** Counts returned units in without confirming (receive-items); nothing moves on the order yet. */
  async stageReturnReceipt(ctx: Context, returnId: string, items: Array<{ id: string; quantity: string | number }>): Promise<ReturnView> {
    return inTransaction(ctx, (tx) => this.returns.stageReceipt(tx, returnId, items));
  }

  /** Applies the staged receipt (receive/confirm): see `receiveReturn`. Answers the return and the units received (order line id, quantity). */
  async confirmReturnReceipt(ctx: Context, returnId: string): Promise<{ return: ReturnView; received: Array<{ id: string; quantity: string }> }> {
    return inTransaction(ctx, (tx) => this.returns.confirmReceipt(tx, returnId));
  }

  /** Drops a staged receipt (DELETE receive). */
  async cancelReturnReceipt(ctx: Context, returnId: string): Promise<ReturnView> {
    return inTransaction(ctx, (tx) => this.returns.cancelReceipt(tx, returnId));
  }

  async receiveReturn(ctx: Context, returnId: string, items: Array<{ id: string; quantity: string | number }>): Promise<ReturnView> {
    return inTransaction(ctx, (tx) => this.returns.receive(tx, returnId, items));
  }

  async cancelReturn(ctx: Context, returnId: string): Promise<ReturnView> {
    return inTransaction(ctx, (tx) => this.returns.cancel(tx, returnId));
  }

  async retrieveReturn(ctx: Context, returnId: string): Promise<ReturnView> {
    return this.returns.retrieve(ctx, returnId);
  }

  async listReturns(ctx: Context, query: ListQuery): Promise<[ReturnView[], number]> {
    return this.returns.list(ctx, query);
  }

  /**
   * Locks the order row in the caller's transaction and refuses a canceled order (not_allowed):
   * money flows (capture, mark as paid, cancel) take this lock first, so a capture can never land
   * on an order that a concurrent cancel has just refunded and canceled.
   */
  async lockNotCanceled(tx: Context, id: string): Promise<void> {
    this.assertNotCanceled(await this.load(tx, id, true));
  }

  /** Throws not_found when no order has this id. */
  async assertExist(ctx: Context, id: string): Promise<void> {
    await this.load(ctx, id);
  }

  private assertNotCanceled(order: Order): void {
    if (order.status === 'canceled') throw SthenoError.notAllowed(`Order with id ${order.id} has been canceled.`);
  }

  /** `forUpdate`: lock the order row, so status changes and quantity updates of one order take turns. */
  private async load(ctx: Context, id: string, forUpdate = false): Promise<Order> {
    const order = await ctx.em.findOne(Order, { id }, forUpdate ? { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true } : { refresh: true });
    if (!order) throw SthenoError.notFound(`Order with id: ${id} was not found`);
    return order;
  }

  private async saveAddress(tx: Context, addressId: string | null, input: OrderAddressInput): Promise<string> {
    const fields = { ...input, ...(input.country_code ? { country_code: input.country_code.toLowerCase() } : {}) };
    const existing = addressId ? await tx.em.findOne(OrderAddress, { id: addressId }) : null;
    if (existing) {
      if (fields.country_code !== undefined && existing.country_code && fields.country_code !== existing.country_code) {
        throw SthenoError.invalidData('Country code cannot be changed');
      }
      tx.em.assign(existing, fields);
      return existing.id;
    }
    return tx.em.create(OrderAddress, fields as OrderAddress).id;
  }
}
