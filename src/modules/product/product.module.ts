import { Module } from '@nestjs/common';
import { ormFeature } from '../../framework/database/entity-registry';
import { LinksModule } from '../../links/links.module';
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
import { AdminCollectionsController } from './http/admin-collections.controller';
import { AdminProductCategoriesController } from './http/admin-product-categories.controller';
import { AdminProductTagsController } from './http/admin-product-tags.controller';
import { AdminProductTypesController } from './http/admin-product-types.controller';
import { StoreCollectionsController } from './http/store-collections.controller';
import { StoreProductCategoriesController } from './http/store-product-categories.controller';
import { StoreProductTagsController } from './http/store-product-tags.controller';
import { StoreProductTypesController } from './http/store-product-types.controller';
import { TaxonomyProducts } from './taxonomy/taxonomy-products';
import { ProductCategoryReader } from './taxonomy/product-category.reader';
import { ProductCategoryService } from './taxonomy/product-category.service';
import { ProductCollectionService } from './taxonomy/product-collection.service';
import { ProductTagService, ProductTypeService } from './taxonomy/product-value.service';
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
  // the links: a storefront sees a collection's or category's products only in its sales channels
  imports: [ormFeature(PRODUCT_ENTITIES), LinksModule],
  controllers: [
    AdminCollectionsController,
    StoreCollectionsController,
    AdminProductCategoriesController,
    StoreProductCategoriesController,
    AdminProductTagsController,
    StoreProductTagsController,
    AdminProductTypesController,
    StoreProductTypesController,
  ],
  providers: [
    ProductCollectionService,
    ProductCategoryService,
    ProductCategoryReader,
    TaxonomyProducts,
    ProductTagService,
    ProductTypeService,
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
