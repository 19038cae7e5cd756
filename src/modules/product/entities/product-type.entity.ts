import { Entity, Index, Property } from '@mikro-orm/core';
import { Metadata, SthenoEntity } from '../../../framework/database/base.entity';

@Entity({ tableName: 'product_type' })
@Index({ name: 'product_type_value_unique', expression: 'create unique index "product_type_value_unique" on "product_type" ("value") where "deleted_at" is null' })
export class ProductType extends SthenoEntity {
  static override readonly idPrefix = 'ptyp';

  @Property({ type: 'text' })
  value!: string;

  @Property({ type: 'jsonb', nullable: true })
  metadata: Metadata = null;
}
