import { Injectable, Module } from '@nestjs/common';
import { Context } from '../framework/context/context';
import { ormFeature } from '../framework/database/entity-registry';
import { SthenoError } from '../framework/errors/stheno-error';
import { CartPaymentCollection, OrderPaymentCollection } from './interim-payment-links.entity';
import { linkedIds } from './linked-ids';

/** INTERIM (see interim-payment-links.entity.ts): the cart's payment collection. */
@Injectable()
export class CartPaymentCollectionLinks {
  async collectionOf(ctx: Context, cartId: string): Promise<string | null> {
    const [row] = await ctx.em.execute<Array<{ payment_collection_id: string }>>(
      'select payment_collection_id from cart_payment_collection where cart_id = ?',
      [cartId],
    );
    return row?.payment_collection_id ?? null;
  }

  /** Links the collection to the cart; false when the cart already has one (nothing written). */
  async link(ctx: Context, cartId: string, collectionId: string): Promise<boolean> {
    const inserted = await ctx.em.execute<Array<{ cart_id: string }>>(
      'insert into cart_payment_collection (cart_id, payment_collection_id) values (?, ?) on conflict do nothing returning cart_id',
      [cartId, collectionId],
    );
    return inserted.length === 1;
  }
}

/** INTERIM (see interim-payment-links.entity.ts): an order's payment collections. */
@Injectable()
export class OrderPaymentCollectionLinks {
  async linkOrderPaymentCollection(ctx: Context, orderId: string, collectionId: string): Promise<void> {
    const inserted = await ctx.em.execute<Array<{ order_id: string }>>(
      'insert into order_payment_collection (order_id, payment_collection_id) values (?, ?) on conflict do nothing returning order_id',
      [orderId, collectionId],
    );
    if (inserted.length) return;
    const [existing] = await ctx.em.execute<Array<{ order_id: string }>>(
      'select order_id from order_payment_collection where payment_collection_id = ?',
      [collectionId],
    );
    if (existing && existing.order_id !== orderId) throw SthenoError.conflict(`${collectionId} is already linked to ${existing.order_id}`);
  }

  collectionsOf(ctx: Context, orderIds: string[]): Promise<Map<string, string[]>> {
    return linkedIds(ctx, OrderPaymentCollection, 'order_id', 'payment_collection_id', orderIds);
  }
}

/** INTERIM: registers the two tables and services until the owners' LinksModule entries land. */
@Module({
  imports: [ormFeature([CartPaymentCollection, OrderPaymentCollection])],
  providers: [CartPaymentCollectionLinks, OrderPaymentCollectionLinks],
  exports: [CartPaymentCollectionLinks, OrderPaymentCollectionLinks],
})
export class InterimPaymentLinksModule {}
