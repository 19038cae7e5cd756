import { Entity, Index, Property } from '@mikro-orm/core';
import { Metadata, SthenoEntity } from '../../../framework/database/base.entity';

/** A group of products shipped the same way ('default', 'gift_card' …); options serve one profile. */
@Entity({ tableName: 'shipping_profile' })
@Index({
  name: 'shipping_profile_name_unique',
  expression: 'create unique index "shipping_profile_name_unique" on "shipping_profile" ("name") where "deleted_at" is null',
})
export class ShippingProfile extends SthenoEntity {
  static override readonly idPrefix = 'sp';

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text' })
  type!: string;

  @Property({ type: 'jsonb', nullable: true })
  metadata: Metadata = null;
}
