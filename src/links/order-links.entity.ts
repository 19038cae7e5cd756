import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/** Links of an order (and its returns) to the payment and fulfillment modules, owned by neither (ARCHITECTURE §4.2). */

/** The payment collections of an order (the checkout's, then any the operator adds); a collection belongs to one order. */
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

/** The fulfillments of an order; a fulfillment belongs to one order. */
@Entity({ tableName: 'order_fulfillment' })
@Index({
  name: 'order_fulfillment_fulfillment_unique',
  expression: 'create unique index "order_fulfillment_fulfillment_unique" on "order_fulfillment" ("fulfillment_id")',
})
export class OrderFulfillment {
  @PrimaryKey({ type: 'text' })
  order_id!: string;

  @PrimaryKey({ type: 'text' })
  fulfillment_id!: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  created_at?: Date;
}

/** The (inbound) fulfillments of a return; a fulfillment belongs to one return. */
@Entity({ tableName: 'return_fulfillment' })
@Index({
  name: 'return_fulfillment_fulfillment_unique',
  expression: 'create unique index "return_fulfillment_fulfillment_unique" on "return_fulfillment" ("fulfillment_id")',
})
export class ReturnFulfillment {
  @PrimaryKey({ type: 'text' })
  return_id!: string;

  @PrimaryKey({ type: 'text' })
  fulfillment_id!: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  created_at?: Date;
}
