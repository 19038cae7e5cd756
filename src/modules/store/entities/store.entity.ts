import { Entity, Property } from '@mikro-orm/core';
import { Metadata, SthenoEntity } from '../../../framework/database/base.entity';

/**
 * The shop's own settings. The defaults are ids of other modules' records (sales channel, region,
 * stock location): plain columns, never ORM relations.
 */
@Entity({ tableName: 'store' })
export class Store extends SthenoEntity {
  static override readonly idPrefix = 'store';

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text', nullable: true })
  default_sales_channel_id: string | null = null;

  @Property({ type: 'text', nullable: true })
  default_region_id: string | null = null;

  @Property({ type: 'text', nullable: true })
  default_location_id: string | null = null;

  @Property({ type: 'jsonb', nullable: true })
  metadata: Metadata = null;
}
