import { ListQuerySpec, RetrieveQuerySpec } from '../../../framework/http/list-query';

const PRICE_LIST_FIELDS = ['id', 'title', 'description', 'rules', 'starts_at', 'ends_at', 'status', 'type', 'created_at', 'updated_at', 'deleted_at'];
const PRICE_FIELDS = ['id', 'currency_code', 'amount', 'min_quantity', 'max_quantity', 'variant_id', 'price_set_id', 'rules', 'created_at', 'updated_at', 'deleted_at'];
const dates = { type: 'date' } as const;

export const ADMIN_PRICE_LIST_RETRIEVE: RetrieveQuerySpec = { defaults: [...PRICE_LIST_FIELDS, 'prices.*'], allowed: [...PRICE_LIST_FIELDS, 'prices'] };

export const ADMIN_PRICE_LIST_LIST: ListQuerySpec = {
  ...ADMIN_PRICE_LIST_RETRIEVE,
  defaultLimit: 50,
  maxLimit: 100,
  order: { allowed: ['title', 'status', 'created_at', 'updated_at', 'starts_at', 'ends_at'], default: 'created_at' },
  filters: {
    id: { type: 'string' },
    status: { type: 'string', operators: ['$eq', '$ne', '$in', '$nin'] },
    type: { type: 'string', operators: ['$eq', '$ne', '$in', '$nin'] },
    starts_at: dates,
    ends_at: dates,
    created_at: dates,
    updated_at: dates,
  },
  q: true,
};

/** `GET /admin/price-lists/:id/prices`: pages of the list's prices, oldest first. */
export const ADMIN_PRICE_LIST_PRICES: ListQuerySpec = {
  defaults: PRICE_FIELDS,
  allowed: PRICE_FIELDS,
  defaultLimit: 50,
  maxLimit: 1000,
  order: { allowed: ['created_at'], default: 'created_at' },
  filters: {},
};

const PREFERENCE_FIELDS = ['id', 'attribute', 'value', 'is_tax_inclusive', 'created_at', 'updated_at', 'deleted_at'];

export const ADMIN_PRICE_PREFERENCE_RETRIEVE: RetrieveQuerySpec = { defaults: PREFERENCE_FIELDS, allowed: PREFERENCE_FIELDS };

export const ADMIN_PRICE_PREFERENCE_LIST: ListQuerySpec = {
  ...ADMIN_PRICE_PREFERENCE_RETRIEVE,
  defaultLimit: 50,
  maxLimit: 100,
  order: { allowed: ['attribute', 'value', 'created_at', 'updated_at'], default: 'created_at' },
  filters: {
    id: { type: 'string' },
    attribute: { type: 'string', operators: ['$eq', '$ne', '$in', '$nin'] },
    value: { type: 'string' },
  },
};
