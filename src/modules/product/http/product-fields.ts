import { ListQuerySpec, RetrieveQuerySpec } from '../../../framework/http/list-query';

const PRODUCT_SCALARS = [
  'id', 'title', 'subtitle', 'status', 'external_id', 'description', 'handle', 'is_giftcard', 'discountable', 'thumbnail',
  'collection_id', 'type_id', 'weight', 'length', 'height', 'width', 'hs_code', 'origin_country', 'mid_code', 'material',
  'created_at', 'updated_at', 'deleted_at', 'metadata',
];
const VARIANT_SCALARS = [
  'id', 'title', 'sku', 'barcode', 'ean', 'upc', 'allow_backorder', 'manage_inventory', 'hs_code', 'origin_country', 'mid_code',
  'material', 'weight', 'length', 'height', 'width', 'metadata', 'variant_rank', 'thumbnail', 'product_id', 'created_at',
  'updated_at', 'deleted_at',
];
const OPTION_SCALARS = ['id', 'title', 'is_exclusive', 'metadata', 'product_id', 'created_at', 'updated_at', 'deleted_at'];

/** Allowing a relation allows everything under it (`variants.prices.amount`). */
const PRODUCT_RELATIONS = ['variants', 'options', 'images', 'tags', 'type', 'collection', 'categories', 'sales_channels'];

/** Medusa's admin defaults: the product with its taxonomy, options, images, variants (options, prices) and channels. */
export const ADMIN_PRODUCT_RETRIEVE: RetrieveQuerySpec = {
  defaults: [
    ...PRODUCT_SCALARS,
    '*type', '*collection', '*options', '*options.values', '*tags', '*images',
    '*variants', '*variants.prices', 'variants.options.*', 'variants.options.option.*', '*sales_channels',
  ],
  allowed: [...PRODUCT_SCALARS, ...PRODUCT_RELATIONS],
};

export const ADMIN_PRODUCT_LIST: ListQuerySpec = {
  ...ADMIN_PRODUCT_RETRIEVE,
  defaultLimit: 50,
  maxLimit: 200,
  order: { allowed: ['title', 'handle', 'status', 'created_at', 'updated_at'], default: 'created_at' },
  filters: {
    id: { type: 'string' },
    title: { type: 'string' },
    handle: { type: 'string' },
    status: { type: 'string', operators: ['$eq', '$in', '$nin', '$ne'] },
    is_giftcard: { type: 'boolean' },
    collection_id: { type: 'string', operators: ['$eq', '$in'] },
    type_id: { type: 'string', operators: ['$eq', '$in'] },
    tag_id: { type: 'string', operators: ['$eq', '$in'] },
    category_id: { type: 'string', operators: ['$eq', '$in'] },
    sales_channel_id: { type: 'string', operators: ['$eq', '$in'] },
    created_at: { type: 'date' },
    updated_at: { type: 'date' },
    deleted_at: { type: 'date' },
  },
  q: true,
};

const VARIANT_RELATIONS = ['options', 'prices', 'inventory_items', 'product'];

export const ADMIN_VARIANT_RETRIEVE: RetrieveQuerySpec = {
  defaults: [...VARIANT_SCALARS, '*prices', 'options.*', 'options.option.*'],
  allowed: [...VARIANT_SCALARS, ...VARIANT_RELATIONS],
};

const VARIANT_FILTERS = {
  id: { type: 'string' },
  sku: { type: 'string' },
  title: { type: 'string' },
  manage_inventory: { type: 'boolean' },
  allow_backorder: { type: 'boolean' },
  created_at: { type: 'date' },
  updated_at: { type: 'date' },
} as const;

/** `GET /admin/products/:id/variants`. */
export const ADMIN_PRODUCT_VARIANT_LIST: ListQuerySpec = {
  ...ADMIN_VARIANT_RETRIEVE,
  defaultLimit: 50,
  maxLimit: 200,
  order: { allowed: ['title', 'sku', 'variant_rank', 'created_at', 'updated_at'], default: 'variant_rank' },
  filters: VARIANT_FILTERS,
  q: true,
};

/** `GET /admin/product-variants`: across products, filterable by product. */
export const ADMIN_VARIANT_LIST: ListQuerySpec = {
  ...ADMIN_VARIANT_RETRIEVE,
  defaults: [...VARIANT_SCALARS, 'options.*', 'options.option.*'],
  defaultLimit: 50,
  maxLimit: 200,
  order: { allowed: ['title', 'sku', 'variant_rank', 'created_at', 'updated_at'], default: 'created_at' },
  filters: { ...VARIANT_FILTERS, product_id: { type: 'string', column: 'product', operators: ['$eq', '$in'] } },
  q: true,
};

export const ADMIN_OPTION_RETRIEVE: RetrieveQuerySpec = {
  defaults: [...OPTION_SCALARS, '*values'],
  allowed: [...OPTION_SCALARS, 'values'],
};

export const ADMIN_OPTION_LIST: ListQuerySpec = {
  ...ADMIN_OPTION_RETRIEVE,
  defaultLimit: 50,
  maxLimit: 200,
  order: { allowed: ['title', 'created_at'], default: 'created_at' },
  filters: { id: { type: 'string' }, title: { type: 'string' } },
};
