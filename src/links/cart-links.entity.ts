import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/**
 * The payment collection that pays for a cart (cart ↔ payment module, owned by neither). One per
 * cart and one cart per collection, enforced by the database: two concurrent "create the payment
 * collection" requests cannot leave a cart with two collections.
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

/** The promotion codes applied to a cart (automatic promotions are not linked: they apply by themselves). */
@Entity({ tableName: 'cart_promotion' })
@Index({ properties: ['promotion_id'] })
export class CartPromotion {
  @PrimaryKey({ type: 'text' })
  cart_id!: string;

  @PrimaryKey({ type: 'text' })
  promotion_id!: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  created_at?: Date;
}
