import { Injectable } from '@nestjs/common';
import { Context } from '../framework/context/context';
import { preparedQuery } from '../framework/database/prepared';
import { CartPromotion } from './cart-links.entity';
import { linkedIds, textArray } from './linked-ids';

/** Reads and writes the cart ↔ payment collection link (at most one collection per cart). */
@Injectable()
export class CartPaymentCollectionLinks {
  /** The cart's payment collection id, or null. */
  async collectionOf(ctx: Context, cartId: string): Promise<string | null> {
    const [row] = await preparedQuery<{ payment_collection_id: string }>(
      ctx,
      'stheno_collection_of_cart',
      'select payment_collection_id from cart_payment_collection where cart_id = ? limit 1',
      [cartId],
    );
    return row?.payment_collection_id ?? null;
  }

  /** The cart a payment collection pays for, or null (a collection of an order, an unknown id). */
  async cartOf(ctx: Context, collectionId: string): Promise<string | null> {
    const [row] = await preparedQuery<{ cart_id: string }>(
      ctx,
      'stheno_cart_of_collection',
      'select cart_id from cart_payment_collection where payment_collection_id = ? limit 1',
      [collectionId],
    );
    return row?.cart_id ?? null;
  }

  /** Links the collection to the cart; false when the cart already has one (nothing written). */
  async link(ctx: Context, cartId: string, collectionId: string): Promise<boolean> {
    const result = await ctx.em.execute(
      'insert into cart_payment_collection (cart_id, payment_collection_id) values (?, ?) on conflict do nothing',
      [cartId, collectionId],
      'run',
    );
    return Number((result as { affectedRows?: number }).affectedRows ?? 0) === 1;
  }
}

/** Reads and writes the cart ↔ promotion link: the codes a shopper applied to the cart. */
@Injectable()
export class CartPromotionLinks {
  /** Promotion ids applied to the cart, oldest first. */
  async promotionsOf(ctx: Context, cartId: string): Promise<string[]> {
    return (await linkedIds(ctx, CartPromotion, 'cart_id', 'promotion_id', [cartId])).get(cartId) ?? [];
  }

  /** Makes `promotionIds` exactly the cart's promotions (two statements; kept links keep their age). */
  async replace(ctx: Context, cartId: string, promotionIds: string[]): Promise<void> {
    const wanted = [...new Set(promotionIds)];
    await ctx.em.nativeDelete(CartPromotion, { cart_id: cartId, promotion_id: { $nin: wanted } });
    if (!wanted.length) return;
    await ctx.em.execute(
      `insert into cart_promotion (cart_id, promotion_id)
       select ?, p from unnest(?::text[]) with ordinality as t(p, n) order by n on conflict do nothing`,
      [cartId, textArray(wanted)],
    );
  }
}
