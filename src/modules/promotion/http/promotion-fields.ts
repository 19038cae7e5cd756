import { ListQuerySpec, RetrieveQuerySpec } from '../../../framework/http/list-query';

const PROMOTION_FIELDS = ['id', 'code', 'type', 'is_automatic', 'is_tax_inclusive', 'status', 'campaign_id', 'metadata', 'created_at', 'updated_at', 'deleted_at'];
const RULE_FIELDS = (prefix: string) => [`${prefix}.*`, `${prefix}.values.*`];

export const ADMIN_PROMOTION_RETRIEVE: RetrieveQuerySpec = {
  defaults: [
    ...PROMOTION_FIELDS,
    'application_method.*',
    ...RULE_FIELDS('application_method.target_rules'),
    ...RULE_FIELDS('application_method.buy_rules'),
    ...RULE_FIELDS('rules'),
    'campaign.*',
    'campaign.budget.*',
  ],
  allowed: [...PROMOTION_FIELDS, 'application_method', 'rules', 'campaign'],
};

/** `application_method[type]=fixed` (and target_type, allocation, currency_code) are read by the route. */
export const METHOD_FILTER_KEYS = ['type', 'target_type', 'allocation', 'currency_code'] as const;

export const ADMIN_PROMOTION_LIST: ListQuerySpec = {
  ...ADMIN_PROMOTION_RETRIEVE,
  defaultLimit: 50,
  maxLimit: 100,
  order: { allowed: ['code', 'type', 'status', 'created_at', 'updated_at'], default: 'created_at' },
  filters: {
    id: { type: 'string', operators: ['$eq', '$in', '$nin'] },
    code: { type: 'string', operators: ['$eq', '$in', '$ilike'] },
    campaign_id: { type: 'string', operators: ['$eq', '$in', '$ne'] },
    status: { type: 'string', operators: ['$eq', '$in', '$ne'] },
    type: { type: 'string', operators: ['$eq', '$in'] },
    is_automatic: { type: 'boolean' },
    created_at: { type: 'date' },
    updated_at: { type: 'date' },
  },
  q: true,
  extra: ['application_method', ...METHOD_FILTER_KEYS.map((k) => `application_method.${k}`)],
};

const CAMPAIGN_FIELDS = ['id', 'name', 'description', 'campaign_identifier', 'starts_at', 'ends_at', 'created_at', 'updated_at', 'deleted_at'];

export const ADMIN_CAMPAIGN_RETRIEVE: RetrieveQuerySpec = {
  defaults: [...CAMPAIGN_FIELDS, 'budget.*', 'promotions.*'],
  allowed: [...CAMPAIGN_FIELDS, 'budget', 'promotions'],
};

export const ADMIN_CAMPAIGN_LIST: ListQuerySpec = {
  ...ADMIN_CAMPAIGN_RETRIEVE,
  defaultLimit: 50,
  maxLimit: 100,
  order: { allowed: ['name', 'campaign_identifier', 'starts_at', 'ends_at', 'created_at', 'updated_at'], default: 'created_at' },
  filters: {
    id: { type: 'string', operators: ['$eq', '$in'] },
    campaign_identifier: { type: 'string', operators: ['$eq', '$in'] },
    name: { type: 'string' },
    created_at: { type: 'date' },
    updated_at: { type: 'date' },
  },
  q: true,
};
