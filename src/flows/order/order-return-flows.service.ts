import { Injectable } from '@nestjs/common';
import { Context } from '../../framework/context/context';
import { SthenoError } from '../../framework/errors/stheno-error';
import { createFlow, runFlow } from '../../framework/flows/flow';
import type { FulfillmentView } from '../../modules/fulfillment/fulfillment.types';
import { InventoryService } from '../../modules/inventory/inventory.service';
import { OrderService } from '../../modules/order/order.service';
import type { OrderView, ReturnItemInput, ReturnView } from '../../modules/order/order.types';
import { OrderDetails } from './order-details';
import { linesOf, OrderLineStock } from './order-line-stock';
import { previewWithReturn } from './order-preview';

export interface ReturnResult {
  order_preview: OrderView;
  return: ReturnView;
}

/**
 * Returns, step by step as Medusa's admin drives them (begin, add items, request, receive, confirm)
 * and in one go for the store. Each step answers the return with the order as it will be
 * (`order_preview`); confirming a receipt puts the units back in stock in the same transaction.
 */
@Injectable()
export class OrderReturnFlows {
  constructor(
    private readonly orders: OrderService,
    private readonly inventory: InventoryService,
    private readonly details: OrderDetails,
    private readonly stock: OrderLineStock,
  ) {}

  private readonly returnStepFlow = createFlow(
    'return-step',
    async (_run, input: { step: (tx: Context) => Promise<ReturnView> }, tx): Promise<ReturnResult> => {
      const ret = await input.step(tx);
      return { return: ret, order_preview: previewWithReturn(await this.details.retrieve(tx, ret.order_id), ret) };
    },
  );

  /**
   * Receives the staged units (receive/confirm): the order's counters move, `order.return_received`,
   * and the units go back into stock at the return's location (else the location of the order's
   * first live fulfillment); variants without managed inventory move no stock.
   */
  private readonly confirmReceiveFlow = createFlow('confirm-return-receive', async (_run, input: { return_id: string }, tx): Promise<ReturnResult> => {
    // the units to restock come from the confirmation itself (read under the return's lock), not
    // from a read before it: a receive-items racing the confirm cannot make stock and order disagree
    const confirmed = await this.orders.confirmReturnReceipt(tx, input.return_id);
    const ret = confirmed.return;
    const received = confirmed.received.map((r) => ({ id: r.id, quantity: Number(r.quantity) }));
    const order = await this.details.retrieve(tx, ret.order_id);
    const lines = linesOf(order, received.map((r) => r.id));
    const moves = await this.stock.moves(tx, received.map((r) => ({ line: lines.get(r.id)!, quantity: r.quantity })));
    if (moves.length) {
      const locationId = ret.location_id ?? (order.fulfillments as unknown as FulfillmentView[]).find((f) => !f.canceled_at)?.location_id;
      if (!locationId) throw SthenoError.invalidData(`Return ${ret.id} has no location_id to receive the items at`);
      await this.inventory.restock(tx, moves.map((m) => ({ inventory_item_id: m.inventory_item_id, location_id: locationId, quantity: m.quantity })));
    }
    return { return: ret, order_preview: await this.details.retrieve(tx, ret.order_id) };
  });

  beginReturn(ctx: Context, input: { order_id: string; location_id?: string; no_notification?: boolean; metadata?: Record<string, unknown> }): Promise<ReturnResult> {
    return runFlow(ctx, this.returnStepFlow, { step: (tx) => this.orders.beginReturn(tx, { ...input, created_by: ctx.actor?.id ?? null }) });
  }

  addReturnItems(ctx: Context, returnId: string, items: ReturnItemInput[]): Promise<ReturnResult> {
    return runFlow(ctx, this.returnStepFlow, { step: (tx) => this.orders.addReturnItems(tx, returnId, items) });
  }

  requestReturn(ctx: Context, returnId: string): Promise<ReturnResult> {
    return runFlow(ctx, this.returnStepFlow, { step: (tx) => this.orders.requestReturn(tx, returnId) });
  }

  /** DELETE request: drops a return that was begun and not yet requested. */
  async cancelReturnRequest(ctx: Context, returnId: string): Promise<void> {
    const ret = await this.orders.retrieveReturn(ctx, returnId);
    if (ret.status !== 'open') throw SthenoError.notAllowed(`Return ${returnId} has status ${ret.status}: only a return not yet requested can be dropped`);
    await this.orders.cancelReturn(ctx, returnId);
  }

  /** Begins receiving: the return must be requested (or partly received). */
  beginReceive(ctx: Context, returnId: string): Promise<ReturnResult> {
    return runFlow(ctx, this.returnStepFlow, {
      step: async (tx) => {
        const ret = await this.orders.retrieveReturn(tx, returnId);
        if (ret.status !== 'requested' && ret.status !== 'partially_received') {
          throw SthenoError.notAllowed(`Cannot receive return ${returnId} with status ${ret.status}`);
        }
        return ret;
      },
    });
  }

  receiveItems(ctx: Context, returnId: string, items: Array<{ id: string; quantity: number }>): Promise<ReturnResult> {
    return runFlow(ctx, this.returnStepFlow, { step: (tx) => this.orders.stageReturnReceipt(tx, returnId, items) });
  }

  cancelReceive(ctx: Context, returnId: string): Promise<ReturnResult> {
    return runFlow(ctx, this.returnStepFlow, { step: (tx) => this.orders.cancelReturnReceipt(tx, returnId) });
  }

  confirmReceive(ctx: Context, returnId: string): Promise<ReturnResult> {
    return runFlow(ctx, this.confirmReceiveFlow, { return_id: returnId });
  }

  cancelReturn(ctx: Context, returnId: string): Promise<ReturnView> {
    return this.orders.cancelReturn(ctx, returnId);
  }

  /** The store's return (Medusa's createAndCompleteReturnOrderWorkflow): created and requested at once. */
  createAndRequestReturn(ctx: Context, input: { order_id: string; items: ReturnItemInput[]; location_id?: string; no_notification?: boolean }): Promise<ReturnView> {
    return this.orders.createReturn(ctx, input);
  }
}
