import { ListQuerySpec, RetrieveQuerySpec } from '../../../framework/http/list-query';

const PAYMENT_FIELDS = [
  'id', 'amount', 'raw_amount', 'currency_code', 'provider_id', 'data', 'metadata', 'captured_at', 'canceled_at',
  'payment_collection_id', 'payment_session_id', 'created_at', 'updated_at', 'deleted_at',
];

export const ADMIN_PAYMENT_RETRIEVE: RetrieveQuerySpec = {
  defaults: [...PAYMENT_FIELDS, 'payment_session.id', 'captures.*', 'refunds.*', 'refunds.refund_reason.*'],
  allowed: [...PAYMENT_FIELDS, 'payment_session', 'captures', 'refunds'],
};

export const ADMIN_PAYMENT_LIST: ListQuerySpec = {
  ...ADMIN_PAYMENT_RETRIEVE,
  defaultLimit: 20,
  maxLimit: 100,
  order: { allowed: ['created_at', 'updated_at', 'amount', 'captured_at'], default: '-created_at' },
  filters: {
    id: { type: 'string' },
    payment_session_id: { type: 'string' },
    payment_collection_id: { type: 'string' },
    provider_id: { type: 'string' },
    currency_code: { type: 'string' },
    created_at: { type: 'date' },
    updated_at: { type: 'date' },
  },
};

export const PAYMENT_PROVIDER_LIST: ListQuerySpec = {
  defaults: ['id', 'is_enabled'],
  allowed: ['id', 'is_enabled'],
  defaultLimit: 20,
  maxLimit: 100,
  order: { allowed: ['id'], default: 'id' },
  filters: { id: { type: 'string' }, is_enabled: { type: 'boolean' } },
};

/** The store route consumes `region_id` itself (required). */
export const STORE_PAYMENT_PROVIDER_LIST: ListQuerySpec = { ...PAYMENT_PROVIDER_LIST, filters: {}, extra: ['region_id'] };

const REFUND_REASON_FIELDS = ['id', 'label', 'code', 'description', 'metadata', 'created_at', 'updated_at', 'deleted_at'];

export const ADMIN_REFUND_REASON_RETRIEVE: RetrieveQuerySpec = { defaults: REFUND_REASON_FIELDS, allowed: REFUND_REASON_FIELDS };

export const ADMIN_REFUND_REASON_LIST: ListQuerySpec = {
  ...ADMIN_REFUND_REASON_RETRIEVE,
  defaultLimit: 20,
  maxLimit: 100,
  order: { allowed: ['label', 'code', 'created_at', 'updated_at'], default: 'created_at' },
  filters: {
    id: { type: 'string' },
    label: { type: 'string' },
    code: { type: 'string' },
    created_at: { type: 'date' },
    updated_at: { type: 'date' },
  },
  q: true,
};

const COLLECTION_FIELDS = [
  'id', 'currency_code', 'amount', 'authorized_amount', 'captured_amount', 'refunded_amount', 'raw_amount',
  'raw_authorized_amount', 'raw_captured_amount', 'raw_refunded_amount', 'status', 'completed_at', 'metadata',
  'created_at', 'updated_at', 'deleted_at',
];

export const ADMIN_PAYMENT_COLLECTION_RETRIEVE: RetrieveQuerySpec = {
  defaults: [...COLLECTION_FIELDS, 'payment_sessions.*', 'payments.*', 'payments.payment_session.id', 'payments.captures.*', 'payments.refunds.*'],
  allowed: [...COLLECTION_FIELDS, 'payment_sessions', 'payments'],
};
