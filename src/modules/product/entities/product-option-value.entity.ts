import { Entity, Index, ManyToOne, Property, Rel } from '@mikro-orm/core';
import { Metadata, SthenoEntity } from '../../../framework/database/base.entity';
import { ProductOption } from './product-option.entity';

/** One value of an option (S, M, L); values are unique within their option. */
@Entity({ tableName: 'product_option_value' })
@Index({
  name: 'product_option_value_option_value_unique',
  expression: 'create unique index "product_option_value_option_value_unique" on "product_option_value" ("option_id", "value") where "deleted_at" is null',
})
export class ProductOptionValue extends SthenoEntity {
  static override readonly idPrefix = 'optval';

  @Property({ type: 'text' })
  value!: string;

  @Property({ type: 'integer', nullable: true })
  rank: number | null = null;

  @Property({ type: 'jsonb', nullable: true })
  metadata: Metadata = null;

  @ManyToOne(() => ProductOption, { fieldName: 'option_id', deleteRule: 'cascade', index: 'product_option_value_option_id_index' })
  option!: Rel<ProductOption>;
}
