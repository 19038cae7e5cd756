import { ListQuerySpec, RetrieveQuerySpec } from '../../../framework/http/list-query';

const LOCATION_FIELDS = ['id', 'name', 'address_id', 'metadata', 'created_at', 'updated_at', 'deleted_at'];

/** `sales_channels`, `fulfillment_sets` and `fulfillment_providers` are read through their modules' facades, only when asked for. */
export const ADMIN_STOCK_LOCATION_RETRIEVE: RetrieveQuerySpec = {
  defaults: [...LOCATION_FIELDS, 'address.*'],
  allowed: [...LOCATION_FIELDS, 'address', 'sales_channels', 'fulfillment_sets', 'fulfillment_providers'],
};

export const ADMIN_STOCK_LOCATION_LIST: ListQuerySpec = {
  ...ADMIN_STOCK_LOCATION_RETRIEVE,
  defaultLimit: 20,
  maxLimit: 100,
  order: { allowed: ['name', 'created_at', 'updated_at'], default: 'created_at' },
  filters: {
    id: { type: 'string' },
    name: { type: 'string' },
    address_id: { type: 'string', column: 'address' },
    created_at: { type: 'date' },
    updated_at: { type: 'date' },
  },
  q: true,
};
