import { Injectable, Module } from '@nestjs/common';
import { Context } from '../framework/context/context';
import { ormFeature } from '../framework/database/entity-registry';
import { SthenoError } from '../framework/errors/stheno-error';
import { OrderPaymentCollection } from './interim-payment-links.entity';
import { linkedIds } from './linked-ids';

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

/** INTERIM: registers the table and service until the owner's LinksModule entry lands. */
@Module({
  imports: [ormFeature([OrderPaymentCollection])],
  providers: [OrderPaymentCollectionLinks],
  exports: [OrderPaymentCollectionLinks],
})
export class InterimPaymentLinksModule {}
