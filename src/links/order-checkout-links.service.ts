import { Injectable } from '@nestjs/common';
import { Context } from '../framework/context/context';
import { SthenoError } from '../framework/errors/stheno-error';
import { linkedIds } from './linked-ids';
import { OrderCart, OrderPromotion } from './order-checkout-links.entity';

/** Reads and writes the order ↔ cart link (one order per cart). */
@Injectable()
export class OrderCartLinks {
  /** Links the order to its cart; a cart that already has an order is a 409 (the unique index decides). */
  async link(ctx: Context, orderId: string, cartId: string): Promise<void> {
    const inserted = await ctx.em.execute<Array<{ order_id: string }>>(
      'insert into order_cart (order_id, cart_id) values (?, ?) on conflict do nothing returning order_id',
      [orderId, cartId],
    );
    if (!inserted.length) throw SthenoError.conflict(`Cart ${cartId} already has an order`);
  }

  /** The order placed from the cart, or null. */
  async orderOfCart(ctx: Context, cartId: string): Promise<string | null> {
    const [row] = await ctx.em.execute<Array<{ order_id: string }>>('select order_id from order_cart where cart_id = ?', [cartId]);
    return row?.order_id ?? null;
  }

  /** The cart each order was placed from (orders without a cart are absent). */
  async cartsOf(ctx: Context, orderIds: string[]): Promise<Map<string, string>> {
    const byOrder = await linkedIds(ctx, OrderCart, 'order_id', 'cart_id', orderIds);
    return new Map([...byOrder].flatMap(([order, carts]) => (carts.length ? [[order, carts[0]] as [string, string]] : [])));
  }
}

/** Reads and writes the order ↔ promotion link. */
@Injectable()
export class OrderPromotionLinks {
  /** Links the order to each promotion (one statement; repeating a pair changes nothing). */
  async link(ctx: Context, orderId: string, promotionIds: string[]): Promise<void> {
    const ids = [...new Set(promotionIds)];
    if (!ids.length) return;
    await ctx.em.execute(
      `insert into order_promotion (order_id, promotion_id) values ${ids.map(() => '(?, ?)').join(', ')} on conflict do nothing`,
      ids.flatMap((id) => [orderId, id]),
      'run',
    );
  }

  /** Promotion ids per order, oldest link first, one query. */
  promotionsOf(ctx: Context, orderIds: string[]): Promise<Map<string, string[]>> {
    return linkedIds(ctx, OrderPromotion, 'order_id', 'promotion_id', orderIds);
  }
}
