import { Entity, Index, Property } from '@mikro-orm/core';
import { Metadata, SthenoEntity } from '../../../framework/database/base.entity';

/**
 * A shopper. `has_account` marks the customer a registered identity signs in as; guests (created by
 * an admin or a guest checkout) have none. As Medusa's `IDX_customer_email_has_account_unique`: one
 * live customer per (email, has_account), so an email has at most one account and one guest record.
 */
@Entity({ tableName: 'customer' })
@Index({
  name: 'customer_email_has_account_unique',
  expression: 'create unique index "customer_email_has_account_unique" on "customer" ("email", "has_account") where "deleted_at" is null',
})
/** `q` (ILIKE over email, names and company) uses this instead of scanning every customer. */
@Index({
  name: 'customer_search_trgm',
  expression:
    'create index "customer_search_trgm" on "customer" using gin ("email" gin_trgm_ops, "first_name" gin_trgm_ops, "last_name" gin_trgm_ops, "company_name" gin_trgm_ops)',
})
export class Customer extends SthenoEntity {
  static override readonly idPrefix = 'cus';

  /** Stored trimmed and lower-case: emails compare case-insensitively (as auth identities do). */
  @Property({ type: 'text', nullable: true })
  email: string | null = null;

  @Property({ type: 'text', nullable: true })
  company_name: string | null = null;

  @Property({ type: 'text', nullable: true })
  first_name: string | null = null;

  @Property({ type: 'text', nullable: true })
  last_name: string | null = null;

  @Property({ type: 'text', nullable: true })
  phone: string | null = null;

  @Property({ type: 'boolean', default: false })
  has_account: boolean = false;

  @Property({ type: 'jsonb', nullable: true })
  metadata: Metadata = null;

  /** The id of the user who created it (admin), null for self-registration and guests. */
  @Property({ type: 'text', nullable: true })
  created_by: string | null = null;
}
