import { Module } from '@nestjs/common';
import { ormFeature } from '../../framework/database/entity-registry';
import { ProductCategoryPivot, ProductTagPivot, ProductVariantOptionPivot } from './entities/pivots.entity';
import { ProductCategory } from './entities/product-category.entity';
import { ProductCollection } from './entities/product-collection.entity';
import { ProductImage } from './entities/product-image.entity';
import { ProductOptionValue } from './entities/product-option-value.entity';
import { ProductOption } from './entities/product-option.entity';
import { ProductTag } from './entities/product-tag.entity';
import { ProductType } from './entities/product-type.entity';
import { ProductVariant } from './entities/product-variant.entity';
import { Product } from './entities/product.entity';
import { ProductReader } from './product-reader';
import { ProductWriter } from './product-writer';
import { ProductService } from './product.service';
import { VariantWriter } from './variant-writer';

export const PRODUCT_ENTITIES = [
  Product,
  ProductVariant,
  ProductOption,
  ProductOptionValue,
  ProductImage,
  ProductTag,
  ProductType,
  ProductCollection,
  ProductCategory,
  ProductTagPivot,
  ProductCategoryPivot,
  ProductVariantOptionPivot,
];

/** Products, variants, options, images and the catalog taxonomy (collections, categories, tags, types). */
@Module({
  imports: [ormFeature(PRODUCT_ENTITIES)],
  controllers: [],
  providers: [
    ProductService,
    ProductReader,
    ProductWriter,
    VariantWriter,
  ],
  exports: [
    ProductService,
  ],
})
export class ProductModule {}
