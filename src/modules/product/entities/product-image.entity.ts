import { Entity, ManyToOne, Property, Rel } from '@mikro-orm/core';
import { Metadata, SthenoEntity } from '../../../framework/database/base.entity';
import { Product } from './product.entity';

/** An image of a product, ordered by `rank`. */
@Entity({ tableName: 'image' })
export class ProductImage extends SthenoEntity {
  static override readonly idPrefix = 'img';

  @Property({ type: 'text' })
  url!: string;

  @Property({ type: 'integer', default: 0 })
  rank: number = 0;

  @Property({ type: 'jsonb', nullable: true })
  metadata: Metadata = null;

  @ManyToOne(() => Product, { fieldName: 'product_id', deleteRule: 'cascade', index: 'image_product_id_index' })
  product!: Rel<Product>;
}
