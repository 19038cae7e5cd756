import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/**
 * INTERIM (COMPLETE helper, issue 5 phase 2): the cart ↔ payment collection and order ↔ payment
 * collection links are owned by the CHECKOUT-CART and POST-PURCHASE helpers, whose branches were not
 * on main when checkout needed them. These are the same tables with the same columns and indexes;
 * when theirs are merged, delete this file, interim-payment-links.service.ts and the migration
 * `*_complete_interim_links.ts`, and import their services instead (same class and method names).
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
