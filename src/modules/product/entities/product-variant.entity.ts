import { Collection, Entity, Index, ManyToMany, ManyToOne, Property, Rel } from '@mikro-orm/core';
import { Metadata, SthenoEntity } from '../../../framework/database/base.entity';
import { ProductOptionValue } from './product-option-value.entity';
import { Product } from './product.entity';
import { ProductVariantOptionPivot } from './pivots.entity';

/** A purchasable variant of a product: one combination of its option values. */
@Entity({ tableName: 'product_variant' })
// the sort columns of /store/product-variants (sku has its unique index), with the id tie-breaker:
// without them a page sorts every visible variant
@Index({ properties: ['created_at', 'id'] })
@Index({ properties: ['updated_at', 'id'] })
@Index({ properties: ['title', 'id'] })
@Index({ properties: ['variant_rank', 'id'] })
@Index({ name: 'product_variant_sku_unique', expression: 'create unique index "product_variant_sku_unique" on "product_variant" ("sku") where "deleted_at" is null' })
@Index({ name: 'product_variant_barcode_unique', expression: 'create unique index "product_variant_barcode_unique" on "product_variant" ("barcode") where "deleted_at" is null' })
@Index({ name: 'product_variant_ean_unique', expression: 'create unique index "product_variant_ean_unique" on "product_variant" ("ean") where "deleted_at" is null' })
@Index({ name: 'product_variant_upc_unique', expression: 'create unique index "product_variant_upc_unique" on "product_variant" ("upc") where "deleted_at" is null' })
@Index({ name: 'product_variant_sku_trgm', expression: 'create index "product_variant_sku_trgm" on "product_variant" using gin (lower("sku") gin_trgm_ops)' })
export class ProductVariant extends SthenoEntity {
  static override readonly idPrefix = 'variant';

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'text', nullable: true })
  sku: string | null = null;

  @Property({ type: 'text', nullable: true })
  barcode: string | null = null;

  @Property({ type: 'text', nullable: true })
  ean: string | null = null;

  @Property({ type: 'text', nullable: true })
  upc: string | null = null;

  @Property({ type: 'boolean', default: false })
  allow_backorder: boolean = false;

  @Property({ type: 'boolean', default: true })
  manage_inventory: boolean = true;

  @Property({ type: 'text', nullable: true })
  hs_code: string | null = null;

  @Property({ type: 'text', nullable: true })
  origin_country: string | null = null;

  @Property({ type: 'text', nullable: true })
  mid_code: string | null = null;

  @Property({ type: 'text', nullable: true })
  material: string | null = null;

  @Property({ type: 'integer', nullable: true })
  weight: number | null = null;

  @Property({ type: 'integer', nullable: true })
  length: number | null = null;

  @Property({ type: 'integer', nullable: true })
  height: number | null = null;

  @Property({ type: 'integer', nullable: true })
  width: number | null = null;

  @Property({ type: 'jsonb', nullable: true })
  metadata: Metadata = null;

  @Property({ type: 'integer', default: 0 })
  variant_rank: number = 0;

  @Property({ type: 'text', nullable: true })
  thumbnail: string | null = null;

  @ManyToOne(() => Product, { fieldName: 'product_id', deleteRule: 'cascade', index: 'product_variant_product_id_index' })
  product!: Rel<Product>;

  @ManyToMany({ entity: () => ProductOptionValue, pivotEntity: () => ProductVariantOptionPivot })
  options = new Collection<ProductOptionValue>(this);
}
