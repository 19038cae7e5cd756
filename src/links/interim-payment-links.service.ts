import { Injectable, Module } from '@nestjs/common';
import { Context } from '../framework/context/context';
import { ormFeature } from '../framework/database/entity-registry';
import { CartPaymentCollection } from './interim-payment-links.entity';

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

/** INTERIM: registers the cart table and service until the owner's LinksModule entry lands. */
@Module({
  imports: [ormFeature([CartPaymentCollection])],
  providers: [CartPaymentCollectionLinks],
  exports: [CartPaymentCollectionLinks],
})
export class InterimPaymentLinksModule {}
