import type { Metadata } from '../../framework/database/base.entity';

export type ProductStatusValue = 'draft' | 'proposed' | 'published' | 'rejected';

interface Timestamps {
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface ProductOptionValueView extends Timestamps {
  id: string;
  value: string;
  rank: number | null;
  metadata: Metadata;
  option_id: string;
  /** Only inside a variant's `options`: the option the value belongs to (without its values). */
  option?: Omit<ProductOptionView, 'values'>;
}

export interface ProductOptionView extends Timestamps {
  id: string;
  title: string;
  is_exclusive: boolean;
  metadata: Metadata;
  product_id: string;
  values?: ProductOptionValueView[];
}

export interface ProductImageView extends Timestamps {
  id: string;
  url: string;
  rank: number;
  metadata: Metadata;
  product_id: string;
}

export interface ProductTagView extends Timestamps {
  id: string;
  value: string;
  metadata: Metadata;
}

export type ProductTypeView = ProductTagView;

export interface ProductCollectionView extends Timestamps {
  id: string;
  title: string;
  handle: string;
  metadata: Metadata;
}

export interface ProductCategoryView extends Timestamps {
  id: string;
  name: string;
  description: string;
  handle: string;
  mpath: string;
  is_active: boolean;
  is_internal: boolean;
  rank: number;
  parent_category_id: string | null;
  metadata: Metadata;
}

export interface ProductVariantView extends Timestamps {
  id: string;
  title: string;
  sku: string | null;
  barcode: string | null;
  ean: string | null;
  upc: string | null;
  allow_backorder: boolean;
  manage_inventory: boolean;
  hs_code: string | null;
  origin_country: string | null;
  mid_code: string | null;
  material: string | null;
  weight: number | null;
  length: number | null;
  height: number | null;
  width: number | null;
  metadata: Metadata;
  variant_rank: number;
  thumbnail: string | null;
  product_id: string;
  /** Present when requested (one query for every variant of the page). */
  options?: ProductOptionValueView[];
  product?: ProductView;
}

/** The product as the API shows it; relations are present only when they were loaded. */
export interface ProductView extends Timestamps {
  id: string;
  title: string;
  subtitle: string | null;
  status: ProductStatusValue;
  external_id: string | null;
  description: string | null;
  handle: string;
  is_giftcard: boolean;
  discountable: boolean;
  thumbnail: string | null;
  collection_id: string | null;
  type_id: string | null;
  weight: number | null;
  length: number | null;
  height: number | null;
  width: number | null;
  hs_code: string | null;
  origin_country: string | null;
  mid_code: string | null;
  material: string | null;
  metadata: Metadata;
  type?: ProductTypeView | null;
  collection?: ProductCollectionView | null;
  options?: ProductOptionView[];
  tags?: ProductTagView[];
  images?: ProductImageView[];
  categories?: ProductCategoryView[];
  variants?: ProductVariantView[];
}

/** Relations of a product the product module can load (`variants.options`, `options.values` …). */
export type ProductRelation =
  | 'variants'
  | 'variants.options'
  | 'options'
  | 'options.values'
  | 'images'
  | 'tags'
  | 'type'
  | 'collection'
  | 'categories';

export const PRODUCT_RELATIONS: readonly ProductRelation[] = [
  'variants',
  'variants.options',
  'options',
  'options.values',
  'images',
  'tags',
  'type',
  'collection',
  'categories',
];

export interface ProductListFilters {
  id?: unknown;
  title?: unknown;
  handle?: unknown;
  status?: unknown;
  is_giftcard?: unknown;
  collection_id?: unknown;
  type_id?: unknown;
  created_at?: unknown;
  updated_at?: unknown;
  deleted_at?: unknown;
  /** Products with any of these tags / categories / sales channels. */
  tag_id?: string[];
  category_id?: string[];
  sales_channel_id?: string[];
}

export interface ProductListQuery {
  filters: ProductListFilters;
  q?: string;
  limit: number;
  offset: number;
  order: Array<{ field: string; direction: 'ASC' | 'DESC' }>;
  relations: readonly string[];
}

export interface VariantListQuery {
  filters: Record<string, unknown>;
  q?: string;
  limit: number;
  offset: number;
  order: Array<{ field: string; direction: 'ASC' | 'DESC' }>;
  relations: readonly string[];
}

export interface CreateVariantInput {
  title: string;
  sku?: string | null;
  barcode?: string | null;
  ean?: string | null;
  upc?: string | null;
  allow_backorder?: boolean;
  manage_inventory?: boolean;
  variant_rank?: number;
  hs_code?: string | null;
  mid_code?: string | null;
  origin_country?: string | null;
  material?: string | null;
  weight?: number | null;
  length?: number | null;
  height?: number | null;
  width?: number | null;
  thumbnail?: string | null;
  metadata?: Record<string, unknown> | null;
  /** Option title → value; must name every option of the product exactly once. */
  options?: Record<string, string>;
}

export type UpdateVariantInput = Partial<CreateVariantInput>;

export interface OptionInput {
  title: string;
  values: string[];
  metadata?: Record<string, unknown> | null;
}

/** An option in a product update: `id` (or else the title) names an existing option; otherwise it is created. */
export interface OptionUpsertInput {
  id?: string;
  title?: string;
  values?: string[];
  metadata?: Record<string, unknown> | null;
}

export interface ProductFieldsInput {
  title?: string;
  subtitle?: string | null;
  description?: string | null;
  handle?: string;
  status?: ProductStatusValue;
  is_giftcard?: boolean;
  discountable?: boolean;
  thumbnail?: string | null;
  images?: Array<{ url: string; metadata?: Record<string, unknown> | null }>;
  type_id?: string | null;
  collection_id?: string | null;
  categories?: Array<{ id: string }>;
  tags?: Array<{ id: string }>;
  weight?: number | null;
  length?: number | null;
  height?: number | null;
  width?: number | null;
  hs_code?: string | null;
  mid_code?: string | null;
  origin_country?: string | null;
  material?: string | null;
  external_id?: string | null;
  metadata?: Record<string, unknown> | null;
}

export interface CreateProductInput extends ProductFieldsInput {
  title: string;
  options?: OptionInput[];
  variants?: CreateVariantInput[];
}

/** Product fields to change; `images`, `tags`, `categories` replace the whole set when given. */
export type UpdateProductInput = ProductFieldsInput;

/** What a product write did, so that flows can link variants to prices and inventory. */
export interface CreatedProduct {
  id: string;
  variant_ids: string[];
}

export const ProductEvents = {
  CREATED: 'product.created',
  UPDATED: 'product.updated',
  DELETED: 'product.deleted',
  VARIANT_CREATED: 'product-variant.created',
  VARIANT_UPDATED: 'product-variant.updated',
  VARIANT_DELETED: 'product-variant.deleted',
  OPTION_CREATED: 'product-option.created',
  OPTION_UPDATED: 'product-option.updated',
  OPTION_DELETED: 'product-option.deleted',
} as const;

/**
 * What a cart needs of a variant in one read: the variant's own fields, its option values by option
 * title, and its product with the names a line item snapshots and the ids promotions match on.
 */
export interface VariantForCart {
  variant: Omit<ProductVariantView, 'options' | 'product'>;
  /** Option title → value (`{ Size: 'S' }`), Medusa's `variant_option_values`. */
  option_values: Record<string, string>;
  product: {
    id: string;
    title: string;
    subtitle: string | null;
    description: string | null;
    handle: string;
    status: ProductStatusValue;
    thumbnail: string | null;
    is_giftcard: boolean;
    discountable: boolean;
    collection_id: string | null;
    collection_title: string | null;
    type_id: string | null;
    type_value: string | null;
    category_ids: string[];
    tags: Array<{ id: string; value: string }>;
  };
}
