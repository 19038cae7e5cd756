import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * INTERIM (COMPLETE helper, issue 5 phase 2): the order ↔ payment collection link is owned by the
 * POST-PURCHASE helper, whose branch was not on main when checkout needed it. Same table, columns
 * and indexes; when theirs is merged, delete this file, interim-payment-links.service.ts and the
 * order part of the migration `*_complete_interim_links.ts`, and import their service instead.
 * (The cart ↔ payment collection link is now CHECKOUT-CART's: src/links/cart-links.*; its table is
 * still created by that interim migration.)
 */
@Entity({ tableName: 'order_payment_collection' })
@Index({
  name: 'order_payment_collection_collection_unique',
  expression: 'create unique index "order_payment_collection_collection_unique" on "order_payment_collection" ("payment_collection_id")',
})
export class OrderPaymentCollection {
  @PrimaryKey({ type: 'text' })
  order_id!: string;

  @PrimaryKey({ type: 'text' })
  payment_collection_id!: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  created_at?: Date;
}
