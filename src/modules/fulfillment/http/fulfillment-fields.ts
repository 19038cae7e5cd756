import { ListQuerySpec, RetrieveQuerySpec } from '../../../framework/http/list-query';

const STAMPS = ['created_at', 'updated_at', 'deleted_at'];

const OPTION_FIELDS = ['id', 'name', 'price_type', 'service_zone_id', 'shipping_profile_id', 'provider_id', 'shipping_option_type_id', 'data', 'metadata', ...STAMPS];

/** Medusa's admin defaults for shipping options. */
export const ADMIN_SHIPPING_OPTION_RETRIEVE: RetrieveQuerySpec = {
  defaults: [...OPTION_FIELDS, 'rules.*', 'prices.*', 'prices.price_rules.*', 'service_zone.*', 'shipping_profile.*', 'provider.*', 'type.*'],
  allowed: [...OPTION_FIELDS, 'rules', 'prices', 'service_zone', 'shipping_profile', 'provider', 'type'],
};

export const ADMIN_SHIPPING_OPTION_LIST: ListQuerySpec = {
  ...ADMIN_SHIPPING_OPTION_RETRIEVE,
  defaultLimit: 20,
  maxLimit: 100,
  order: { allowed: ['name', 'created_at', 'updated_at'], default: 'created_at' },
  filters: {
    id: { type: 'string' },
    name: { type: 'string' },
    service_zone_id: { type: 'string', column: 'service_zone' },
    shipping_profile_id: { type: 'string', column: 'shipping_profile' },
    provider_id: { type: 'string', column: 'provider' },
    price_type: { type: 'string' },
    created_at: { type: 'date' },
    updated_at: { type: 'date' },
  },
  extra: ['stock_location_id', 'is_return', 'admin_only'],
  q: true,
};

const PROFILE_FIELDS = ['id', 'name', 'type', 'metadata', ...STAMPS];

export const ADMIN_SHIPPING_PROFILE_RETRIEVE: RetrieveQuerySpec = { defaults: PROFILE_FIELDS, allowed: PROFILE_FIELDS };

export const ADMIN_SHIPPING_PROFILE_LIST: ListQuerySpec = {
  ...ADMIN_SHIPPING_PROFILE_RETRIEVE,
  defaultLimit: 20,
  maxLimit: 100,
  order: { allowed: ['name', 'type', 'created_at', 'updated_at'], default: 'created_at' },
  filters: { id: { type: 'string' }, name: { type: 'string' }, type: { type: 'string' }, created_at: { type: 'date' }, updated_at: { type: 'date' } },
  q: true,
};

export const ADMIN_FULFILLMENT_PROVIDER_LIST: ListQuerySpec = {
  defaults: ['id', 'is_enabled'],
  allowed: ['id', 'is_enabled'],
  defaultLimit: 20,
  maxLimit: 100,
  order: { allowed: ['id'], default: 'id' },
  filters: { id: { type: 'string' }, is_enabled: { type: 'boolean' } },
  extra: ['stock_location_id'],
  q: true,
};

const SET_FIELDS = ['id', 'name', 'type', 'metadata', ...STAMPS];
const ZONE_FIELDS = ['id', 'name', 'fulfillment_set_id', 'metadata', ...STAMPS];

export const ADMIN_FULFILLMENT_SET_RETRIEVE: RetrieveQuerySpec = {
  defaults: [...SET_FIELDS, 'service_zones.*', 'service_zones.geo_zones.*'],
  allowed: [...SET_FIELDS, 'service_zones'],
};

export const ADMIN_SERVICE_ZONE_RETRIEVE: RetrieveQuerySpec = {
  defaults: [...ZONE_FIELDS, 'geo_zones.*'],
  allowed: [...ZONE_FIELDS, 'geo_zones'],
};

const FULFILLMENT_FIELDS = [
  'id', 'location_id', 'packed_at', 'shipped_at', 'delivered_at', 'canceled_at', 'data', 'provider_id', 'shipping_option_id', 'metadata', ...STAMPS,
];

export const ADMIN_FULFILLMENT_RETRIEVE: RetrieveQuerySpec = {
  defaults: [...FULFILLMENT_FIELDS, 'items.*', 'labels.*', 'delivery_address.*'],
  allowed: [...FULFILLMENT_FIELDS, 'items', 'labels', 'delivery_address'],
};
