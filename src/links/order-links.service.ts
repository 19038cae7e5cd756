import { Injectable } from '@nestjs/common';
import type { EntityName } from '@mikro-orm/core';
import { Context } from '../framework/context/context';
import { SthenoError } from '../framework/errors/stheno-error';
import { linkedIds } from './linked-ids';
import { OrderFulfillment, OrderPaymentCollection, ReturnFulfillment } from './order-links.entity';

/** The owner of each of `ids` through a link table (`to` → `from`), one query; ids without an owner are absent. */
async function ownersOf<T extends object>(ctx: Context, entity: EntityName<T>, from: keyof T & string, to: keyof T & string, ids: string[]): Promise<Map<string, string>> {
  const byTarget = await linkedIds(ctx, entity, to, from, [...new Set(ids)]);
  return new Map([...byTarget].flatMap(([id, owners]) => (owners.length ? [[id, owners[0]] as [string, string]] : [])));
}

/** Inserts a link row; the linked id is unique across owners: a second owner is a 409. */
async function insertLink(ctx: Context, table: string, ownerColumn: string, targetColumn: string, ownerId: string, targetId: string): Promise<void> {
  const inserted = await ctx.em.execute<Array<{ owner: string }>>(
    `insert into "${table}" ("${ownerColumn}", "${targetColumn}") values (?, ?)
       on conflict do nothing returning "${ownerColumn}" as owner`,
    [ownerId, targetId],
  );
  if (inserted.length) return;
  const [existing] = await ctx.em.execute<Array<{ owner: string }>>(`select "${ownerColumn}" as owner from "${table}" where "${targetColumn}" = ?`, [targetId]);
  if (existing && existing.owner !== ownerId) throw SthenoError.conflict(`${targetId} is already linked to ${existing.owner}`);
}

/** Reads and writes the order ↔ payment collection link (a collection belongs to at most one order). */
@Injectable()
export class OrderPaymentCollectionLinks {
  /** Links the collection to the order (again: nothing changes); a collection of another order → 409. */
  linkOrderPaymentCollection(ctx: Context, orderId: string, collectionId: string): Promise<void> {
    return insertLink(ctx, 'order_payment_collection', 'order_id', 'payment_collection_id', orderId, collectionId);
  }

  /** Collection ids per order, oldest first, in one query for any number of orders. */
  collectionsOf(ctx: Context, orderIds: string[]): Promise<Map<string, string[]>> {
    return linkedIds(ctx, OrderPaymentCollection, 'order_id', 'payment_collection_id', orderIds);
  }

  /** The order a collection belongs to, or null (a cart's collection before checkout). */
  async orderOfCollection(ctx: Context, collectionId: string): Promise<string | null> {
    return (await this.ordersOfCollections(ctx, [collectionId])).get(collectionId) ?? null;
  }

  ordersOfCollections(ctx: Context, collectionIds: string[]): Promise<Map<string, string>> {
    return ownersOf(ctx, OrderPaymentCollection, 'order_id', 'payment_collection_id', collectionIds);
  }
}

/** Reads and writes the order ↔ fulfillment link (a fulfillment belongs to one order). */
@Injectable()
export class OrderFulfillmentLinks {
  linkOrderFulfillment(ctx: Context, orderId: string, fulfillmentId: string): Promise<void> {
    return insertLink(ctx, 'order_fulfillment', 'order_id', 'fulfillment_id', orderId, fulfillmentId);
  }

  /** Fulfillment ids per order, oldest first, in one query. */
  fulfillmentsOf(ctx: Context, orderIds: string[]): Promise<Map<string, string[]>> {
    return linkedIds(ctx, OrderFulfillment, 'order_id', 'fulfillment_id', orderIds);
  }

  async orderOfFulfillment(ctx: Context, fulfillmentId: string): Promise<string | null> {
    return (await ownersOf(ctx, OrderFulfillment, 'order_id', 'fulfillment_id', [fulfillmentId])).get(fulfillmentId) ?? null;
  }
}

/** Reads and writes the return ↔ fulfillment link (the inbound shipment of a return). */
@Injectable()
export class ReturnFulfillmentLinks {
  linkReturnFulfillment(ctx: Context, returnId: string, fulfillmentId: string): Promise<void> {
    return insertLink(ctx, 'return_fulfillment', 'return_id', 'fulfillment_id', returnId, fulfillmentId);
  }

  fulfillmentsOf(ctx: Context, returnIds: string[]): Promise<Map<string, string[]>> {
    return linkedIds(ctx, ReturnFulfillment, 'return_id', 'fulfillment_id', returnIds);
  }

  async returnOfFulfillment(ctx: Context, fulfillmentId: string): Promise<string | null> {
    return (await ownersOf(ctx, ReturnFulfillment, 'return_id', 'fulfillment_id', [fulfillmentId])).get(fulfillmentId) ?? null;
  }
}
