import { ListQuerySpec, RetrieveQuerySpec } from '../../../framework/http/list-query';

const CUSTOMER_FIELDS = ['id', 'email', 'company_name', 'first_name', 'last_name', 'phone', 'has_account', 'metadata', 'created_by', 'created_at', 'updated_at', 'deleted_at'];
const ADDRESS_FIELDS = [
  'id', 'address_name', 'is_default_shipping', 'is_default_billing', 'customer_id', 'company', 'first_name', 'last_name',
  'address_1', 'address_2', 'city', 'country_code', 'province', 'postal_code', 'phone', 'metadata', 'created_at', 'updated_at',
];
const GROUP_FIELDS = ['id', 'name', 'metadata', 'created_by', 'created_at', 'updated_at', 'deleted_at'];

const dateFilter = { type: 'date' } as const;
const text = { type: 'string' } as const;

/** Medusa's admin customer defaults (no relations); `addresses` and `groups` on request. */
export const ADMIN_CUSTOMER_RETRIEVE: RetrieveQuerySpec = { defaults: CUSTOMER_FIELDS, allowed: [...CUSTOMER_FIELDS, 'addresses', 'groups'] };
export const ADMIN_CUSTOMER_LIST: ListQuerySpec = {
  ...ADMIN_CUSTOMER_RETRIEVE,
  defaultLimit: 50,
  maxLimit: 200,
  order: { allowed: ['email', 'first_name', 'last_name', 'company_name', 'has_account', 'created_at', 'updated_at'], default: 'created_at' },
  filters: {
    id: text,
    email: text,
    company_name: text,
    first_name: text,
    last_name: text,
    has_account: { type: 'boolean' },
    created_by: text,
    /** Members of these groups (customer_group ids). */
    groups: { type: 'string', operators: ['$eq', '$in'] },
    created_at: dateFilter,
    updated_at: dateFilter,
  },
  q: true,
};

/** Medusa's store defaults: the shopper's own record with its address book, no `created_by`. */
export const STORE_CUSTOMER_RETRIEVE: RetrieveQuerySpec = {
  defaults: [...CUSTOMER_FIELDS.filter((f) => f !== 'created_by'), 'addresses.*'],
  allowed: [...CUSTOMER_FIELDS.filter((f) => f !== 'created_by'), 'addresses', 'groups'],
};

export const ADDRESS_RETRIEVE: RetrieveQuerySpec = { defaults: ADDRESS_FIELDS, allowed: ADDRESS_FIELDS };
export const ADDRESS_LIST: ListQuerySpec = {
  ...ADDRESS_RETRIEVE,
  defaultLimit: 50,
  maxLimit: 200,
  order: { allowed: ['address_name', 'city', 'country_code', 'postal_code', 'created_at', 'updated_at'], default: 'created_at' },
  filters: {
    id: text,
    address_name: text,
    company: text,
    city: text,
    country_code: text,
    province: text,
    postal_code: text,
    is_default_shipping: { type: 'boolean' },
    is_default_billing: { type: 'boolean' },
    created_at: dateFilter,
    updated_at: dateFilter,
  },
  q: true,
};

export const GROUP_RETRIEVE: RetrieveQuerySpec = { defaults: GROUP_FIELDS, allowed: [...GROUP_FIELDS, 'customers'] };
export const GROUP_LIST: ListQuerySpec = {
  ...GROUP_RETRIEVE,
  defaultLimit: 50,
  maxLimit: 200,
  order: { allowed: ['name', 'created_at', 'updated_at'], default: 'created_at' },
  filters: { id: text, name: text, created_by: text, created_at: dateFilter, updated_at: dateFilter },
  q: true,
};
