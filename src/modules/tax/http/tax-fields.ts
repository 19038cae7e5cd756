import { ListQuerySpec, RetrieveQuerySpec } from '../../../framework/http/list-query';

const REGION_FIELDS = ['id', 'country_code', 'province_code', 'parent_id', 'provider_id', 'created_by', 'created_at', 'updated_at', 'deleted_at', 'metadata'];
const RATE_FIELDS = ['id', 'name', 'code', 'rate', 'tax_region_id', 'is_default', 'is_combinable', 'created_by', 'created_at', 'updated_at', 'deleted_at', 'metadata'];

/** Medusa's admin defaults (`packages/medusa/src/api/admin/tax-regions/query-config.ts`). */
export const TAX_REGION_RETRIEVE: RetrieveQuerySpec = {
  defaults: [...REGION_FIELDS, '*children', '*children.tax_rates', '*children.tax_rates.rules', '*parent', '*tax_rates', '*tax_rates.rules'],
  allowed: [...REGION_FIELDS, 'tax_rates', 'parent', 'children'],
};

export const TAX_REGION_LIST: ListQuerySpec = {
  ...TAX_REGION_RETRIEVE,
  defaultLimit: 20,
  maxLimit: 100,
  order: { allowed: ['country_code', 'province_code', 'created_at', 'updated_at'], default: 'created_at' },
  filters: {
    id: { type: 'string' },
    country_code: { type: 'string' },
    province_code: { type: 'string' },
    parent_id: { type: 'string' },
    provider_id: { type: 'string' },
    created_by: { type: 'string' },
    created_at: { type: 'date' },
    updated_at: { type: 'date' },
  },
  q: true,
};

export const TAX_RATE_RETRIEVE: RetrieveQuerySpec = {
  defaults: [...RATE_FIELDS, '*tax_region', '*rules'],
  allowed: [...RATE_FIELDS, 'tax_region', 'rules'],
};

export const TAX_RATE_LIST: ListQuerySpec = {
  ...TAX_RATE_RETRIEVE,
  defaultLimit: 20,
  maxLimit: 100,
  order: { allowed: ['name', 'code', 'rate', 'created_at', 'updated_at'], default: 'created_at' },
  filters: {
    id: { type: 'string' },
    tax_region_id: { type: 'string' },
    is_default: { type: 'boolean' },
    is_combinable: { type: 'boolean' },
    code: { type: 'string' },
    created_at: { type: 'date' },
    updated_at: { type: 'date' },
  },
  q: true,
};

export const TAX_PROVIDER_LIST: ListQuerySpec = {
  defaults: ['id', 'is_enabled'],
  allowed: ['id', 'is_enabled'],
  defaultLimit: 20,
  maxLimit: 100,
  order: { allowed: ['id'], default: 'id' },
  filters: { id: { type: 'string' }, is_enabled: { type: 'boolean' } },
};
