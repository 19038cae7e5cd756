import { Entity, Index, Property } from '@mikro-orm/core';
import { Metadata, SthenoEntity } from '../../../framework/database/base.entity';

/** Membership of a customer in a group. Removing a membership deletes its row (it carries no history). */
@Entity({ tableName: 'customer_group_customer' })
@Index({
  name: 'customer_group_customer_unique',
  expression:
    'create unique index "customer_group_customer_unique" on "customer_group_customer" ("customer_id", "customer_group_id") where "deleted_at" is null',
})
export class CustomerGroupCustomer extends SthenoEntity {
  static override readonly idPrefix = 'cusgc';

  @Property({ type: 'text' })
  customer_id!: string;

  @Index()
  @Property({ type: 'text' })
  customer_group_id!: string;

  @Property({ type: 'text', nullable: true })
  created_by: string | null = null;

  @Property({ type: 'jsonb', nullable: true })
  metadata: Metadata = null;
}
