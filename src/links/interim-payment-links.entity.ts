import { Entity, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/**
 * INTERIM (COMPLETE helper, issue 5 phase 2): the cart ↔ payment collection link is owned by the
 * CHECKOUT-CART helper, whose branch was not on main when checkout needed it. Same table, columns
 * and indexes; when theirs is merged, delete this file and interim-payment-links.service.ts and
 * import their service instead. The `order_payment_collection` table this interim file also held is
 * now `src/links/order-links.entity.ts` (POST-PURCHASE); the interim migration still creates both
 * tables (it ran on existing databases), so neither owner's migration creates them again.
 */
@Entity({ tableName: 'cart_payment_collection' })
@Unique({ properties: ['payment_collection_id'] })
export class CartPaymentCollection {
  @PrimaryKey({ type: 'text' })
  cart_id!: string;

  @Property({ type: 'text' })
  payment_collection_id!: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  created_at?: Date;
}
