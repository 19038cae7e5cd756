import { Entity, Index, Property } from '@mikro-orm/core';
import { Metadata, SthenoEntity } from '../../../framework/database/base.entity';

/**
 * An address in a customer's address book. At most one default shipping and one default billing
 * address per customer: the partial unique indexes hold it even against a writer that forgets to
 * clear the previous default (the facade clears it under the customer's row lock).
 */
@Entity({ tableName: 'customer_address' })
@Index({
  name: 'customer_address_default_shipping_unique',
  expression:
    'create unique index "customer_address_default_shipping_unique" on "customer_address" ("customer_id") where "is_default_shipping" = true and "deleted_at" is null',
})
@Index({
  name: 'customer_address_default_billing_unique',
  expression:
    'create unique index "customer_address_default_billing_unique" on "customer_address" ("customer_id") where "is_default_billing" = true and "deleted_at" is null',
})
export class CustomerAddress extends SthenoEntity {
  static override readonly idPrefix = 'cuaddr';

  @Index()
  @Property({ type: 'text' })
  customer_id!: string;

  @Property({ type: 'text', nullable: true })
  address_name: string | null = null;

  @Property({ type: 'boolean', default: false })
  is_default_shipping: boolean = false;

  @Property({ type: 'boolean', default: false })
  is_default_billing: boolean = false;

  @Property({ type: 'text', nullable: true })
  company: string | null = null;

  @Property({ type: 'text', nullable: true })
  first_name: string | null = null;

  @Property({ type: 'text', nullable: true })
  last_name: string | null = null;

  @Property({ type: 'text', nullable: true })
  address_1: string | null = null;

  @Property({ type: 'text', nullable: true })
  address_2: string | null = null;

  @Property({ type: 'text', nullable: true })
  city: string | null = null;

  /** Lower-case ISO 3166-1 alpha-2, as everywhere else. */
  @Property({ type: 'text', nullable: true })
  country_code: string | null = null;

  @Property({ type: 'text', nullable: true })
  province: string | null = null;

  @Property({ type: 'text', nullable: true })
  postal_code: string | null = null;

  @Property({ type: 'text', nullable: true })
  phone: string | null = null;

  @Property({ type: 'jsonb', nullable: true })
  metadata: Metadata = null;
}
