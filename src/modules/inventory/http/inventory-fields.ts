import { ListQuerySpec, RetrieveQuerySpec } from '../../../framework/http/list-query';
import { LOCATION_LEVELS_FILTER } from '../inventory.service';

const ITEM_FIELDS = [
  'id', 'sku', 'title', 'description', 'thumbnail', 'origin_country', 'hs_code', 'requires_shipping', 'mid_code', 'material',
  'weight', 'length', 'height', 'width', 'metadata', 'reserved_quantity', 'stocked_quantity', 'created_at', 'updated_at', 'deleted_at',
];
const LEVEL_FIELDS = [
  'id', 'inventory_item_id', 'location_id', 'stocked_quantity', 'reserved_quantity', 'incoming_quantity', 'available_quantity',
  'metadata', 'created_at', 'updated_at', 'deleted_at',
];
const RESERVATION_FIELDS = [
  'id', 'inventory_item_id', 'location_id', 'quantity', 'line_item_id', 'description', 'allow_backorder', 'external_id', 'created_by',
  'metadata', 'created_at', 'updated_at', 'deleted_at',
];

/** Medusa's defaults: the item with its totals and every level (`*location_levels`). */
export const INVENTORY_ITEM_RETRIEVE: RetrieveQuerySpec = {
  defaults: [...ITEM_FIELDS, 'location_levels.*'],
  allowed: [...ITEM_FIELDS, 'location_levels'],
};

export const INVENTORY_ITEM_LIST: ListQuerySpec = {
  ...INVENTORY_ITEM_RETRIEVE,
  defaultLimit: 20,
  maxLimit: 100,
  order: { allowed: ['sku', 'title', 'created_at', 'updated_at'], default: 'created_at' },
  filters: {
    id: { type: 'string' },
    sku: { type: 'string' },
    requires_shipping: { type: 'boolean' },
    [LOCATION_LEVELS_FILTER]: { type: 'string', operators: ['$eq', '$in', '$nin'] },
    created_at: { type: 'date' },
    updated_at: { type: 'date' },
  },
  q: true,
  // `location_levels[location_id]=…` (the nested form qs gives) is read by the facade
  extra: ['location_levels'],
};

export const LOCATION_LEVEL_RETRIEVE: RetrieveQuerySpec = { defaults: LEVEL_FIELDS, allowed: LEVEL_FIELDS };

export const LOCATION_LEVEL_LIST: ListQuerySpec = {
  ...LOCATION_LEVEL_RETRIEVE,
  defaultLimit: 50,
  maxLimit: 100,
  order: { allowed: ['location_id', 'stocked_quantity', 'reserved_quantity', 'incoming_quantity', 'created_at', 'updated_at'], default: 'created_at' },
  filters: {
    location_id: { type: 'string' },
    created_at: { type: 'date' },
    updated_at: { type: 'date' },
  },
};

export const RESERVATION_RETRIEVE: RetrieveQuerySpec = {
  defaults: RESERVATION_FIELDS,
  allowed: [...RESERVATION_FIELDS, 'inventory_item'],
};

export const RESERVATION_LIST: ListQuerySpec = {
  ...RESERVATION_RETRIEVE,
  defaultLimit: 20,
  maxLimit: 100,
  order: { allowed: ['quantity', 'created_at', 'updated_at'], default: 'created_at' },
  filters: {
    id: { type: 'string' },
    inventory_item_id: { type: 'string', column: 'inventory_item' },
    location_id: { type: 'string' },
    line_item_id: { type: 'string' },
    quantity: { type: 'number' },
    created_at: { type: 'date' },
    updated_at: { type: 'date' },
  },
  q: true,
};
