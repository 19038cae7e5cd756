import { ListQuerySpec, RetrieveQuerySpec } from '../../../framework/http/list-query';

/** Query specs of the taxonomy routes (collections, categories, tags, types), admin and store. */

const DATES = { created_at: { type: 'date' }, updated_at: { type: 'date' } } as const;

// collections
const COLLECTION_FIELDS = ['id', 'title', 'handle', 'metadata', 'created_at', 'updated_at', 'deleted_at'];
const COLLECTION_LIST = {
  defaultLimit: 10,
  maxLimit: 100,
  order: { allowed: ['title', 'handle', 'created_at', 'updated_at'], default: 'created_at' },
  filters: { id: { type: 'string' }, handle: { type: 'string' }, title: { type: 'string' }, ...DATES },
  q: true,
} as const satisfies Omit<ListQuerySpec, 'defaults' | 'allowed'>;

/** Admins may select the collection's products (`fields=*products`). */
export const ADMIN_COLLECTION_RETRIEVE: RetrieveQuerySpec = { defaults: COLLECTION_FIELDS, allowed: [...COLLECTION_FIELDS, 'products'] };
export const ADMIN_COLLECTION_LIST: ListQuerySpec = { ...ADMIN_COLLECTION_RETRIEVE, ...COLLECTION_LIST };
/** Storefronts may select products too (the Next.js starter does): only the ones /store/products shows them. */
export const STORE_COLLECTION_RETRIEVE: RetrieveQuerySpec = { defaults: COLLECTION_FIELDS, allowed: [...COLLECTION_FIELDS, 'products'] };
export const STORE_COLLECTION_LIST: ListQuerySpec = { ...STORE_COLLECTION_RETRIEVE, ...COLLECTION_LIST };

// categories
export const CATEGORY_TREE_PARAMS = ['include_ancestors_tree', 'include_descendants_tree'] as const;
const CATEGORY_FIELDS = [
  'id', 'name', 'description', 'handle', 'mpath', 'is_active', 'is_internal', 'rank', 'parent_category_id',
  'metadata', 'created_at', 'updated_at', 'deleted_at',
];
/** `products`: the category's own products (not its descendants'); a storefront sees only those /store/products shows it. */
const CATEGORY_ALLOWED = [...CATEGORY_FIELDS, 'parent_category', 'category_children', 'products'];
const CATEGORY_RELATIONS = ['*parent_category', '*category_children'];
const STORE_HIDDEN_DEFAULTS = new Set(['mpath', 'is_active', 'is_internal', 'deleted_at']);
const CATEGORY_FILTERS = {
  id: { type: 'string' },
  handle: { type: 'string' },
  name: { type: 'string' },
  parent_category_id: { type: 'string' },
  ...DATES,
} as const;
const CATEGORY_LIST = {
  defaultLimit: 50,
  maxLimit: 1000,
  order: { allowed: ['name', 'rank', 'handle', 'created_at', 'updated_at'], default: 'rank' },
  q: true,
} as const;

export const ADMIN_CATEGORY_RETRIEVE: RetrieveQuerySpec = {
  defaults: [...CATEGORY_FIELDS, ...CATEGORY_RELATIONS],
  allowed: CATEGORY_ALLOWED,
  extra: CATEGORY_TREE_PARAMS,
};
export const ADMIN_CATEGORY_LIST: ListQuerySpec = {
  ...ADMIN_CATEGORY_RETRIEVE,
  ...CATEGORY_LIST,
  filters: { ...CATEGORY_FILTERS, is_active: { type: 'boolean' }, is_internal: { type: 'boolean' } },
};
/** Storefronts get Medusa's store defaults, without the admin-only columns (still selectable). */
export const STORE_CATEGORY_RETRIEVE: RetrieveQuerySpec = {
  defaults: [...CATEGORY_FIELDS.filter((f) => !STORE_HIDDEN_DEFAULTS.has(f)), ...CATEGORY_RELATIONS],
  allowed: CATEGORY_ALLOWED,
  extra: CATEGORY_TREE_PARAMS,
};
export const STORE_CATEGORY_LIST: ListQuerySpec = { ...STORE_CATEGORY_RETRIEVE, ...CATEGORY_LIST, filters: CATEGORY_FILTERS };

// tags and types
const VALUE_FIELDS = ['id', 'value', 'metadata', 'created_at', 'updated_at', 'deleted_at'];
export const VALUE_RETRIEVE: RetrieveQuerySpec = { defaults: VALUE_FIELDS, allowed: VALUE_FIELDS };
export const VALUE_LIST: ListQuerySpec = {
  ...VALUE_RETRIEVE,
  defaultLimit: 20,
  maxLimit: 100,
  order: { allowed: ['value', 'created_at', 'updated_at'], default: 'created_at' },
  filters: { id: { type: 'string' }, value: { type: 'string' }, ...DATES },
  q: true,
};
