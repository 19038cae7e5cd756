import { Entity, Index, ManyToOne, PrimaryKeyProp, Rel } from '@mikro-orm/core';
import { ProductCategory } from './product-category.entity';
import { ProductOptionValue } from './product-option-value.entity';
import { ProductTag } from './product-tag.entity';
import { ProductVariant } from './product-variant.entity';
import { Product } from './product.entity';

/**
 * The product module's many-to-many pivots, declared as entities so that the reverse column (the
 * one the store filters on: tag_id, category_id) gets its own index.
 */
@Entity({ tableName: 'product_tags' })
@Index({ properties: ['tag'] })
export class ProductTagPivot {
  [PrimaryKeyProp]?: ['product', 'tag'];

  @ManyToOne(() => Product, { primary: true, fieldName: 'product_id', deleteRule: 'cascade' })
  product!: Rel<Product>;

  @ManyToOne(() => ProductTag, { primary: true, fieldName: 'product_tag_id', deleteRule: 'cascade' })
  tag!: Rel<ProductTag>;
}

@Entity({ tableName: 'product_category_product' })
@Index({ properties: ['category'] })
export class ProductCategoryPivot {
  [PrimaryKeyProp]?: ['product', 'category'];

  @ManyToOne(() => Product, { primary: true, fieldName: 'product_id', deleteRule: 'cascade' })
  product!: Rel<Product>;

  @ManyToOne(() => ProductCategory, { primary: true, fieldName: 'product_category_id', deleteRule: 'cascade' })
  category!: Rel<ProductCategory>;
}

@Entity({ tableName: 'product_variant_option' })
@Index({ properties: ['value'] })
export class ProductVariantOptionPivot {
  [PrimaryKeyProp]?: ['variant', 'value'];

  @ManyToOne(() => ProductVariant, { primary: true, fieldName: 'variant_id', deleteRule: 'cascade' })
  variant!: Rel<ProductVariant>;

  @ManyToOne(() => ProductOptionValue, { primary: true, fieldName: 'option_value_id', deleteRule: 'cascade' })
  value!: Rel<ProductOptionValue>;
}
