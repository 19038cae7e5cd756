import { Entity, Index, ManyToOne, Property, Rel } from '@mikro-orm/core';
import { Metadata, SthenoEntity } from '../../../framework/database/base.entity';
import { FulfillmentSet } from './fulfillment-set.entity';

/** An area a fulfillment set serves, described by its geo zones; shipping options belong to one. */
@Entity({ tableName: 'service_zone' })
@Index({
  name: 'service_zone_name_unique',
  expression: 'create unique index "service_zone_name_unique" on "service_zone" ("name") where "deleted_at" is null',
})
export class ServiceZone extends SthenoEntity {
  static override readonly idPrefix = 'serzo';

  @Property({ type: 'text' })
  name!: string;

  @ManyToOne(() => FulfillmentSet, { fieldName: 'fulfillment_set_id', deleteRule: 'cascade', index: 'service_zone_fulfillment_set_id_index' })
  fulfillment_set!: Rel<FulfillmentSet>;

  @Property({ type: 'jsonb', nullable: true })
  metadata: Metadata = null;
}
