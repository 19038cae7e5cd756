import { Entity, Index, Property } from '@mikro-orm/core';
import { Metadata, SthenoEntity } from '../../../framework/database/base.entity';

/** A way a stock location fulfils orders ('shipping', 'pickup' …); holds the service zones it serves. */
@Entity({ tableName: 'fulfillment_set' })
@Index({
  name: 'fulfillment_set_name_unique',
  expression: 'create unique index "fulfillment_set_name_unique" on "fulfillment_set" ("name") where "deleted_at" is null',
})
export class FulfillmentSet extends SthenoEntity {
  static override readonly idPrefix = 'fuset';

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text' })
  type!: string;

  @Property({ type: 'jsonb', nullable: true })
  metadata: Metadata = null;
}
