import { wrap } from '@mikro-orm/core';
import type { ProductCategory } from './entities/product-category.entity';
import type { ProductCollection } from './entities/product-collection.entity';
import type { ProductImage } from './entities/product-image.entity';
import type { ProductOptionValue } from './entities/product-option-value.entity';
import type { ProductOption } from './entities/product-option.entity';
import type { ProductTag } from './entities/product-tag.entity';
import type { ProductType } from './entities/product-type.entity';
import type { ProductVariant } from './entities/product-variant.entity';
import type { Product } from './entities/product.entity';
import type {
  ProductCategoryView,
  ProductCollectionView,
  ProductImageView,
  ProductOptionValueView,
  ProductOptionView,
  ProductTagView,
  ProductVariantView,
  ProductView,
} from './product.types';

/** Entity → wire view mappers. Relations are mapped only when the caller loaded them. */

function timestamps(row: { created_at: Date; updated_at: Date; deleted_at: Date | null }) {
  return {
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
    deleted_at: row.deleted_at?.toISOString() ?? null,
  };
}

const idOf = (ref: { id: string }): string => ref.id;

export function toOptionView(option: ProductOption, withValues: boolean): ProductOptionView {
  const view: ProductOptionView = {
    id: option.id,
    title: option.title,
    is_exclusive: option.is_exclusive,
    metadata: option.metadata,
    product_id: idOf(option.product),
    ...timestamps(option),
  };
  if (withValues && option.values.isInitialized()) view.values = option.values.getItems().map((v) => toOptionValueView(v, false));
  return view;
}

export function toOptionValueView(value: ProductOptionValue, withOption: boolean): ProductOptionValueView {
  const view: ProductOptionValueView = {
    id: value.id,
    value: value.value,
    rank: value.rank,
    metadata: value.metadata,
    option_id: idOf(value.option),
    ...timestamps(value),
  };
  if (withOption && wrap(value.option).isInitialized()) {
    const { values: _values, ...option } = toOptionView(value.option, false);
    view.option = option;
  }
  return view;
}

export function toImageView(image: ProductImage): ProductImageView {
  return { id: image.id, url: image.url, rank: image.rank, metadata: image.metadata, product_id: idOf(image.product), ...timestamps(image) };
}

export function toTagView(tag: ProductTag | ProductType): ProductTagView {
  return { id: tag.id, value: tag.value, metadata: tag.metadata, ...timestamps(tag) };
}

export function toCollectionView(collection: ProductCollection): ProductCollectionView {
  return { id: collection.id, title: collection.title, handle: collection.handle, metadata: collection.metadata, ...timestamps(collection) };
}

export function toCategoryView(category: ProductCategory): ProductCategoryView {
  return {
    id: category.id,
    name: category.name,
    description: category.description,
    handle: category.handle,
    mpath: category.mpath,
    is_active: category.is_active,
    is_internal: category.is_internal,
    rank: category.rank,
    parent_category_id: category.parent_category_id,
    metadata: category.metadata,
    ...timestamps(category),
  };
}

export function toVariantView(variant: ProductVariant, withOptions: boolean): ProductVariantView {
  const view: ProductVariantView = {
    id: variant.id,
    title: variant.title,
    sku: variant.sku,
    barcode: variant.barcode,
    ean: variant.ean,
    upc: variant.upc,
    allow_backorder: variant.allow_backorder,
    manage_inventory: variant.manage_inventory,
    hs_code: variant.hs_code,
    origin_country: variant.origin_country,
    mid_code: variant.mid_code,
    material: variant.material,
    weight: variant.weight,
    length: variant.length,
    height: variant.height,
    width: variant.width,
    metadata: variant.metadata,
    variant_rank: variant.variant_rank,
    thumbnail: variant.thumbnail,
    product_id: idOf(variant.product),
    ...timestamps(variant),
  };
  if (withOptions && variant.options.isInitialized()) view.options = variant.options.getItems().map((v) => toOptionValueView(v, true));
  return view;
}

export interface ProductTypeAndCollection {
  types: Map<string, ProductType>;
  collections: Map<string, ProductCollection>;
}

/** `relations`: the product relations that were loaded and must appear in the view. */
export function toProductView(product: Product, relations: ReadonlySet<string>, lookups: ProductTypeAndCollection): ProductView {
  const view: ProductView = {
    id: product.id,
    title: product.title,
    subtitle: product.subtitle,
    status: product.status,
    external_id: product.external_id,
    description: product.description,
    handle: product.handle,
    is_giftcard: product.is_giftcard,
    discountable: product.discountable,
    thumbnail: product.thumbnail,
    collection_id: product.collection_id,
    type_id: product.type_id,
    weight: product.weight,
    length: product.length,
    height: product.height,
    width: product.width,
    hs_code: product.hs_code,
    origin_country: product.origin_country,
    mid_code: product.mid_code,
    material: product.material,
    metadata: product.metadata,
    ...timestamps(product),
  };
  if (relations.has('type')) {
    const type = product.type_id ? lookups.types.get(product.type_id) : undefined;
    view.type = type ? toTagView(type) : null;
  }
  if (relations.has('collection')) {
    const collection = product.collection_id ? lookups.collections.get(product.collection_id) : undefined;
    view.collection = collection ? toCollectionView(collection) : null;
  }
  if (relations.has('options')) view.options = product.options.getItems().map((o) => toOptionView(o, relations.has('options.values')));
  if (relations.has('tags')) view.tags = product.tags.getItems().map(toTagView);
  if (relations.has('images')) view.images = product.images.getItems().map(toImageView);
  if (relations.has('categories')) view.categories = product.categories.getItems().map(toCategoryView);
  if (relations.has('variants')) view.variants = product.variants.getItems().map((v) => toVariantView(v, relations.has('variants.options')));
  return view;
}
