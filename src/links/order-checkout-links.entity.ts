import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/**
 * The cart an order was placed from (order ↔ cart, owned by neither module). One order per cart and
 * one cart per order, enforced by the database: even a checkout that slipped past the cart's row
 * lock could not give a cart a second order.
 */
@Entity({ tableName: 'order_cart' })
@Unique({ properties: ['cart_id'] })
export class OrderCart {
  @PrimaryKey({ type: 'text' })
  order_id!: string;

  @Property({ type: 'text' })
  cart_id!: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  created_at?: Date;
}

/** The promotions an order used (its cart's adjustments), for reports and for reverting budgets. */
@Entity({ tableName: 'order_promotion' })
@Index({ properties: ['promotion_id'] })
export class OrderPromotion {
  @PrimaryKey({ type: 'text' })
  order_id!: string;

  @PrimaryKey({ type: 'text' })
  promotion_id!: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  created_at?: Date;
}
