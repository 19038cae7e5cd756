import { Entity, Index, Property } from '@mikro-orm/core';
import { Metadata, SthenoEntity } from '../../../framework/database/base.entity';

@Entity({ tableName: 'product_tag' })
@Index({ name: 'product_tag_value_unique', expression: 'create unique index "product_tag_value_unique" on "product_tag" ("value") where "deleted_at" is null' })
export class ProductTag extends SthenoEntity {
  static override readonly idPrefix = 'ptag';

  @Property({ type: 'text' })
  value!: string;

  @Property({ type: 'jsonb', nullable: true })
  metadata: Metadata = null;
}
