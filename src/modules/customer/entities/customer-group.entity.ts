import { Entity, Index, Property } from '@mikro-orm/core';
import { Metadata, SthenoEntity } from '../../../framework/database/base.entity';

/** A named set of customers (price lists and promotions target them); names are unique among live groups. */
@Entity({ tableName: 'customer_group' })
@Index({
  name: 'customer_group_name_unique',
  expression: 'create unique index "customer_group_name_unique" on "customer_group" ("name") where "deleted_at" is null',
})
export class CustomerGroup extends SthenoEntity {
  static override readonly idPrefix = 'cusgroup';

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'jsonb', nullable: true })
  metadata: Metadata = null;

  @Property({ type: 'text', nullable: true })
  created_by: string | null = null;
}
