import { ListQuerySpec, RetrieveQuerySpec } from '../../../framework/http/list-query';

const REGION_FIELDS = ['id', 'name', 'currency_code', 'automatic_taxes', 'metadata', 'created_at', 'updated_at', 'deleted_at'];
/** Allowing the relation allows each of its fields (`countries.iso_2`). */
const ALLOWED = [...REGION_FIELDS, 'countries'];

function listSpec(retrieve: RetrieveQuerySpec): ListQuerySpec {
  return {
    ...retrieve,
    defaultLimit: 50,
    maxLimit: 100,
    order: { allowed: ['name', 'currency_code', 'created_at', 'updated_at'], default: 'created_at' },
    filters: {
      id: { type: 'string' },
      name: { type: 'string' },
      currency_code: { type: 'string' },
      created_at: { type: 'date' },
      updated_at: { type: 'date' },
    },
    q: true,
  };
}

/** Admins may also select the region's payment providers (`fields=*payment_providers`). */
export const ADMIN_REGION_RETRIEVE: RetrieveQuerySpec = { defaults: [...REGION_FIELDS, 'countries.*'], allowed: [...ALLOWED, 'payment_providers'] };
export const ADMIN_REGION_LIST = listSpec(ADMIN_REGION_RETRIEVE);

/** Storefronts get Medusa's store defaults, which leave out automatic_taxes (still selectable). */
export const STORE_REGION_RETRIEVE: RetrieveQuerySpec = {
  defaults: [...REGION_FIELDS.filter((f) => f !== 'automatic_taxes'), 'countries.*'],
  allowed: ALLOWED,
};
export const STORE_REGION_LIST = listSpec(STORE_REGION_RETRIEVE);
