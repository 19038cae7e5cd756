import type { ProductAudience } from './taxonomy-products';
import type { Metadata } from '../../../framework/database/base.entity';

/** A product as a collection shows it (`fields=products.*`): the product's own columns, no relations. */
export interface CollectionProductView {
  id: string;
  title: string;
  subtitle: string | null;
  handle: string;
  description: string | null;
  status: string;
  thumbnail: string | null;
  is_giftcard: boolean;
  discountable: boolean;
  collection_id: string | null;
  type_id: string | null;
  metadata: Metadata;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface CollectionView {
  id: string;
  title: string;
  handle: string;
  metadata: Metadata;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  /** Present only when the caller selected products. */
  products?: CollectionProductView[];
}

/**
 * A category node. On the node asked for, `parent_category` and `category_children` are always
 * set; on the nodes inside them they are set only when the tree was asked for
 * (`include_ancestors_tree` fills `parent_category` up to the root, `include_descendants_tree`
 * fills `category_children` down to the leaves).
 */
export interface CategoryView {
  id: string;
  name: string;
  description: string;
  handle: string;
  mpath: string;
  is_active: boolean;
  is_internal: boolean;
  rank: number;
  parent_category_id: string | null;
  parent_category?: CategoryView | null;
  category_children?: CategoryView[];
  /** The category's own products, when selected. */
  products?: CollectionProductView[];
  metadata: Metadata;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

/** Tags and types: a labelled value. */
export interface TaxonomyValueView {
  id: string;
  value: string;
  metadata: Metadata;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface CreateCollectionInput {
  title: string;
  handle?: string;
  metadata?: Record<string, unknown> | null;
}
export type UpdateCollectionInput = Partial<CreateCollectionInput>;

export interface CreateCategoryInput {
  name: string;
  description?: string;
  handle?: string;
  is_active?: boolean;
  is_internal?: boolean;
  /** null or absent: a root category. */
  parent_category_id?: string | null;
  /** Position among the siblings (0 first); absent or past the end: last. */
  rank?: number;
  metadata?: Record<string, unknown> | null;
}
/** `parent_category_id` moves the node (null: to the roots); `rank` moves it among its (new) siblings. */
export type UpdateCategoryInput = Partial<CreateCategoryInput>;

export interface CreateValueInput {
  value: string;
  metadata?: Record<string, unknown> | null;
}
export type UpdateValueInput = Partial<CreateValueInput>;

/** Product ids to attach to and detach from a collection or category. */
export interface ProductLinkInput {
  add?: string[];
  remove?: string[];
}

/** Who reads categories: the store sees only active, public categories whose ancestors are too. */
export type CategoryAudience = 'admin' | 'store';

export interface CategoryTreeOptions {
  audience: CategoryAudience;
  /** Fill `parent_category` recursively up to the root. */
  ancestors: boolean;
  /** Fill `category_children` recursively down to the leaves. */
  descendants: boolean;
  /** Whether the response needs the direct parent / children at all. */
  withParent: boolean;
  withChildren: boolean;
  /** The products of the listed categories (not of their relatives), for whom; null: none. */
  products: ProductAudience | null;
}

export const CollectionEvents = {
  CREATED: 'product-collection.created',
  UPDATED: 'product-collection.updated',
  DELETED: 'product-collection.deleted',
} as const;

export const CategoryEvents = {
  CREATED: 'product-category.created',
  UPDATED: 'product-category.updated',
  DELETED: 'product-category.deleted',
} as const;

export const TagEvents = {
  CREATED: 'product-tag.created',
  UPDATED: 'product-tag.updated',
  DELETED: 'product-tag.deleted',
} as const;

export const TypeEvents = {
  CREATED: 'product-type.created',
  UPDATED: 'product-type.updated',
  DELETED: 'product-type.deleted',
} as const;
