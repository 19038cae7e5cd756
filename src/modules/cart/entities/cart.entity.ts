import { Entity, Index, Property } from '@mikro-orm/core';
import { Metadata, SthenoEntity } from '../../../framework/database/base.entity';

/**
 * A shopper's cart: the region and currency it is priced in, the sales channel it sells from, who
 * buys (email, customer) and where to (addresses). References to other modules are plain ids.
 */
@Entity({ tableName: 'cart' })
export class Cart extends SthenoEntity {
  static override readonly idPrefix = 'cart';

  @Index()
  @Property({ type: 'text', nullable: true })
  region_id: string | null = null;

  @Index()
  @Property({ type: 'text', nullable: true })
  customer_id: string | null = null;

  @Index()
  @Property({ type: 'text', nullable: true })
  sales_channel_id: string | null = null;

  @Property({ type: 'text', nullable: true })
  email: string | null = null;

  /** Lower-case ISO 4217 code, copied from the region. */
  @Property({ type: 'text' })
  currency_code!: string;

  @Property({ type: 'text', nullable: true })
  locale: string | null = null;

  @Property({ type: 'text', nullable: true })
  shipping_address_id: string | null = null;

  @Property({ type: 'text', nullable: true })
  billing_address_id: string | null = null;

  @Property({ type: 'jsonb', nullable: true })
  metadata: Metadata = null;

  @Property({ type: 'timestamptz', nullable: true })
  completed_at: Date | null = null;
}

/** A shipping or billing address of a cart (Medusa's `cart_address`). */
@Entity({ tableName: 'cart_address' })
export class CartAddress extends SthenoEntity {
  static override readonly idPrefix = 'caaddr';

  @Property({ type: 'text', nullable: true }) customer_id: string | null = null;
  @Property({ type: 'text', nullable: true }) company: string | null = null;
  @Property({ type: 'text', nullable: true }) first_name: string | null = null;
  @Property({ type: 'text', nullable: true }) last_name: string | null = null;
  @Property({ type: 'text', nullable: true }) address_1: string | null = null;
  @Property({ type: 'text', nullable: true }) address_2: string | null = null;
  @Property({ type: 'text', nullable: true }) city: string | null = null;
  @Property({ type: 'text', nullable: true }) country_code: string | null = null;
  @Property({ type: 'text', nullable: true }) province: string | null = null;
  @Property({ type: 'text', nullable: true }) postal_code: string | null = null;
  @Property({ type: 'text', nullable: true }) phone: string | null = null;
  @Property({ type: 'jsonb', nullable: true }) metadata: Metadata = null;
}
