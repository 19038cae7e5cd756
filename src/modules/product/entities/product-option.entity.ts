import { Collection, Entity, Index, ManyToOne, OneToMany, Property, Rel } from '@mikro-orm/core';
import { Metadata, SthenoEntity } from '../../../framework/database/base.entity';
import { ProductOptionValue } from './product-option-value.entity';
import { Product } from './product.entity';

/** An option of a product (Size, Color); titles are unique within the product. */
@Entity({ tableName: 'product_option' })
@Index({
  name: 'product_option_product_title_unique',
  expression: 'create unique index "product_option_product_title_unique" on "product_option" ("product_id", "title") where "deleted_at" is null',
})
export class ProductOption extends SthenoEntity {
  static override readonly idPrefix = 'opt';

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'boolean', default: true })
  is_exclusive: boolean = true;

  @Property({ type: 'jsonb', nullable: true })
  metadata: Metadata = null;

  @ManyToOne(() => Product, { fieldName: 'product_id', deleteRule: 'cascade', index: 'product_option_product_id_index' })
  product!: Rel<Product>;

  @OneToMany(() => ProductOptionValue, (value) => value.option, { orderBy: { rank: 'ASC', created_at: 'ASC', id: 'ASC' } })
  values = new Collection<ProductOptionValue>(this);
}
