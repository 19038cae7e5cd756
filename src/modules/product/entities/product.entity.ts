import { Collection, Entity, Enum, Index, ManyToMany, OneToMany, Property } from '@mikro-orm/core';
import { Metadata, SthenoEntity } from '../../../framework/database/base.entity';
import { ProductCategory } from './product-category.entity';
import { ProductImage } from './product-image.entity';
import { ProductOption } from './product-option.entity';
import { ProductTag } from './product-tag.entity';
import { ProductVariant } from './product-variant.entity';
import { ProductCategoryPivot, ProductTagPivot } from './pivots.entity';

export const PRODUCT_STATUSES = ['draft', 'proposed', 'published', 'rejected'] as const;
export type ProductStatus = (typeof PRODUCT_STATUSES)[number];

/**
 * A product. `collection_id` and `type_id` are plain indexed columns (the store read filters on
 * them with SQL); `search_vector` is maintained by database triggers (see the catalog migration)
 * from the title, subtitle, description, handle and the variants' SKUs, and is never loaded.
 */
@Entity({ tableName: 'product' })
@Index({ properties: ['status', 'created_at'] })
// the store's `order=title` (the other sort columns have theirs: created_at above, updated_at, handle)
@Index({ properties: ['status', 'title', 'id'] })
@Index({ name: 'product_handle_unique', expression: 'create unique index "product_handle_unique" on "product" ("handle") where "deleted_at" is null' })
@Index({ name: 'product_search_vector_gin', expression: 'create index "product_search_vector_gin" on "product" using gin ("search_vector")' })
@Index({ name: 'product_title_trgm', expression: 'create index "product_title_trgm" on "product" using gin (lower("title") gin_trgm_ops)' })
export class Product extends SthenoEntity {
  static override readonly idPrefix = 'prod';

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'text' })
  handle!: string;

  @Property({ type: 'text', nullable: true })
  subtitle: string | null = null;

  @Property({ type: 'text', nullable: true })
  description: string | null = null;

  @Property({ type: 'boolean', default: false })
  is_giftcard: boolean = false;

  @Enum({ items: [...PRODUCT_STATUSES], default: 'draft' })
  status: ProductStatus = 'draft';

  @Property({ type: 'text', nullable: true })
  thumbnail: string | null = null;

  @Property({ type: 'integer', nullable: true })
  weight: number | null = null;

  @Property({ type: 'integer', nullable: true })
  length: number | null = null;

  @Property({ type: 'integer', nullable: true })
  height: number | null = null;

  @Property({ type: 'integer', nullable: true })
  width: number | null = null;

  @Property({ type: 'text', nullable: true })
  origin_country: string | null = null;

  @Property({ type: 'text', nullable: true })
  hs_code: string | null = null;

  @Property({ type: 'text', nullable: true })
  mid_code: string | null = null;

  @Property({ type: 'text', nullable: true })
  material: string | null = null;

  @Index()
  @Property({ type: 'text', nullable: true })
  collection_id: string | null = null;

  @Index()
  @Property({ type: 'text', nullable: true })
  type_id: string | null = null;

  @Property({ type: 'boolean', default: true })
  discountable: boolean = true;

  @Property({ type: 'text', nullable: true })
  external_id: string | null = null;

  @Property({ type: 'jsonb', nullable: true })
  metadata: Metadata = null;

  @Index()
  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  declare updated_at: Date;

  /** Written only by triggers; never selected by the ORM. */
  @Property({ columnType: 'tsvector', type: 'unknown', nullable: true, lazy: true, hidden: true, persist: true })
  search_vector?: unknown;

  @OneToMany(() => ProductVariant, (variant) => variant.product, { orderBy: { variant_rank: 'ASC', created_at: 'ASC', id: 'ASC' } })
  variants = new Collection<ProductVariant>(this);

  @OneToMany(() => ProductOption, (option) => option.product, { orderBy: { created_at: 'ASC', id: 'ASC' } })
  options = new Collection<ProductOption>(this);

  @OneToMany(() => ProductImage, (image) => image.product, { orderBy: { rank: 'ASC', id: 'ASC' } })
  images = new Collection<ProductImage>(this);

  @ManyToMany({ entity: () => ProductTag, pivotEntity: () => ProductTagPivot })
  tags = new Collection<ProductTag>(this);

  @ManyToMany({ entity: () => ProductCategory, pivotEntity: () => ProductCategoryPivot })
  categories = new Collection<ProductCategory>(this);
}
