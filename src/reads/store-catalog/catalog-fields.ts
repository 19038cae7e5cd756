import { FilterSpec, ListQuerySpec, RetrieveQuerySpec } from '../../framework/http/list-query';

/**
 * Query specs of the store catalog routes (reference §2, §5.1). Defaults reproduce Medusa's wire
 * (medusa-wire 03–05): product scalars, variants with their option values and options, options with
 * values, images, tags, type and collection; the single product adds `categories.is_internal`
 * exactly as Medusa answers it. Prices and stock are opt-in (`+variants.calculated_price`,
 * `+variants.inventory_quantity`).
 */

export const PRODUCT_SCALARS = [
  'id', 'title', 'subtitle', 'description', 'handle', 'is_giftcard', 'discountable', 'thumbnail', 'collection_id',
  'type_id', 'weight', 'length', 'height', 'width', 'hs_code', 'origin_country', 'mid_code', 'material',
  'created_at', 'updated_at',
];
/** Selectable on request, not returned by default (Medusa's store defaults leave them out). */
const PRODUCT_EXTRA_SCALARS = ['status', 'external_id', 'metadata', 'deleted_at'];
export const PRODUCT_RELATIONS = ['variants', 'options', 'images', 'tags', 'type', 'collection', 'categories'];

export const VARIANT_SCALARS = [
  'id', 'title', 'sku', 'barcode', 'ean', 'upc', 'allow_backorder', 'manage_inventory', 'hs_code', 'origin_country',
  'mid_code', 'material', 'weight', 'length', 'height', 'width', 'metadata', 'variant_rank', 'thumbnail', 'product_id',
  'created_at', 'updated_at', 'deleted_at',
];

const PRODUCT_DEFAULTS = [
  ...PRODUCT_SCALARS,
  '*type', '*collection', '*options', '*options.values', '*tags', '*images',
  '*variants', '*variants.options', '*variants.options.option',
];

const PRODUCT_ALLOWED = [...PRODUCT_SCALARS, ...PRODUCT_EXTRA_SCALARS, ...PRODUCT_RELATIONS];

const dateFilter: FilterSpec = { type: 'date', operators: ['$eq', '$gt', '$gte', '$lt', '$lte'] };
const idFilter: FilterSpec = { type: 'string', operators: ['$eq', '$in'] };

/** Pricing context keys (reference §5.1), consumed by the route rather than filtered on. */
export const PRICING_CONTEXT_KEYS = ['region_id', 'country_code', 'province', 'cart_id'] as const;

export const PRODUCT_ORDER_FIELDS = ['created_at', 'updated_at', 'title', 'handle'];

export const STORE_PRODUCT_RETRIEVE: RetrieveQuerySpec = {
  defaults: [...PRODUCT_DEFAULTS, 'categories.is_internal'],
  allowed: PRODUCT_ALLOWED,
  extra: PRICING_CONTEXT_KEYS,
};

export const STORE_PRODUCT_LIST: ListQuerySpec = {
  defaults: PRODUCT_DEFAULTS,
  allowed: PRODUCT_ALLOWED,
  defaultLimit: 50,
  maxLimit: 100,
  // no default here: without an explicit order the read ranks search results, else created_at
  order: { allowed: PRODUCT_ORDER_FIELDS },
  filters: {
    id: idFilter,
    handle: idFilter,
    collection_id: idFilter,
    category_id: idFilter,
    tag_id: idFilter,
    type_id: idFilter,
    created_at: dateFilter,
    updated_at: dateFilter,
  },
  q: true,
  extra: [...PRICING_CONTEXT_KEYS, 'include_descendants_tree'],
};

const VARIANT_DEFAULTS = [...VARIANT_SCALARS, '*options', '*options.option'];
const VARIANT_ALLOWED = [...VARIANT_SCALARS, 'options', 'product', 'calculated_price', 'inventory_quantity'];

export const STORE_VARIANT_RETRIEVE: RetrieveQuerySpec = {
  defaults: VARIANT_DEFAULTS,
  allowed: VARIANT_ALLOWED,
  extra: PRICING_CONTEXT_KEYS,
};

export const STORE_VARIANT_LIST: ListQuerySpec = {
  defaults: VARIANT_DEFAULTS,
  allowed: VARIANT_ALLOWED,
  defaultLimit: 50,
  maxLimit: 100,
  order: { allowed: ['created_at', 'updated_at', 'title', 'sku', 'variant_rank'] },
  filters: {
    id: idFilter,
    sku: idFilter,
    product_id: idFilter,
    created_at: dateFilter,
    updated_at: dateFilter,
  },
  q: true,
  extra: PRICING_CONTEXT_KEYS,
};
