import { ListQuerySpec, RetrieveQuerySpec } from '../../../framework/http/list-query';

const ORDER_SCALARS = [
  'id', 'display_id', 'custom_display_id', 'status', 'version', 'summary', 'region_id', 'customer_id', 'sales_channel_id',
  'email', 'currency_code', 'locale', 'no_notification', 'is_draft_order', 'metadata', 'canceled_at', 'created_at', 'updated_at',
  'deleted_at', 'payment_status', 'fulfillment_status',
];
const ORDER_TOTALS = [
  'total', 'subtotal', 'tax_total', 'discount_total', 'discount_subtotal', 'discount_tax_total', 'original_total',
  'original_subtotal', 'original_tax_total', 'item_total', 'item_subtotal', 'item_tax_total', 'original_item_total',
  'original_item_subtotal', 'original_item_tax_total', 'shipping_total', 'shipping_subtotal', 'shipping_tax_total',
  'original_shipping_tax_total', 'original_shipping_subtotal', 'original_shipping_total', 'credit_line_total',
  'credit_line_subtotal', 'credit_line_tax_total',
];
const RELATIONS = ['items', 'shipping_methods', 'shipping_address', 'billing_address', 'credit_lines', 'payment_collections', 'fulfillments'];
const ALLOWED = [...ORDER_SCALARS, ...ORDER_TOTALS, ...RELATIONS];

const ITEMS = ['items.*', 'items.detail.*', 'items.tax_lines.*', 'items.adjustments.*'];
const FULL_DETAIL = [
  ...ORDER_SCALARS,
  ...ORDER_TOTALS,
  ...ITEMS,
  'shipping_methods.*',
  'shipping_methods.detail.*',
  'shipping_methods.tax_lines.*',
  'shipping_methods.adjustments.*',
  'shipping_address.*',
  'billing_address.*',
  'credit_lines.*',
  'payment_collections.*',
  'fulfillments.*',
];

/** Medusa's admin list defaults, as wire 21 shows them. */
const ADMIN_LIST_DEFAULTS = [
  'id', 'display_id', 'custom_display_id', 'status', 'version', 'summary', 'total', 'metadata', 'locale', 'created_at',
  'updated_at', ...ITEMS, 'payment_status', 'fulfillment_status',
];

function listSpec(defaults: string[]): ListQuerySpec {
  return {
    defaults,
    allowed: ALLOWED,
    defaultLimit: 15,
    maxLimit: 100,
    order: { allowed: ['created_at', 'updated_at', 'display_id', 'status', 'email'], default: '-created_at' },
    filters: {
      id: { type: 'string' },
      status: { type: 'string' },
      customer_id: { type: 'string' },
      sales_channel_id: { type: 'string' },
      region_id: { type: 'string' },
      email: { type: 'string' },
      display_id: { type: 'number' },
      created_at: { type: 'date' },
      updated_at: { type: 'date' },
    },
    q: true,
  };
}

export const ADMIN_ORDER_RETRIEVE: RetrieveQuerySpec = { defaults: FULL_DETAIL, allowed: ALLOWED };
export const ADMIN_ORDER_LIST = listSpec(ADMIN_LIST_DEFAULTS);
export const STORE_ORDER_RETRIEVE: RetrieveQuerySpec = { defaults: FULL_DETAIL, allowed: ALLOWED };
export const STORE_ORDER_LIST = { ...listSpec(FULL_DETAIL), defaultLimit: 50 };

const RETURN_FIELDS = [
  'id', 'order_id', 'order_version', 'display_id', 'status', 'refund_amount', 'raw_refund_amount', 'location_id', 'no_notification',
  'created_by', 'metadata', 'requested_at', 'received_at', 'canceled_at', 'created_at', 'updated_at', 'deleted_at',
];
export const ADMIN_RETURN_RETRIEVE: RetrieveQuerySpec = { defaults: [...RETURN_FIELDS, 'items.*'], allowed: [...RETURN_FIELDS, 'items'] };
export const ADMIN_RETURN_LIST: ListQuerySpec = {
  ...ADMIN_RETURN_RETRIEVE,
  defaultLimit: 20,
  maxLimit: 100,
  order: { allowed: ['created_at', 'updated_at', 'display_id', 'status'], default: '-created_at' },
  filters: {
    id: { type: 'string' },
    order_id: { type: 'string' },
    status: { type: 'string' },
    created_at: { type: 'date' },
    updated_at: { type: 'date' },
  },
};

const REASON_FIELDS = ['id', 'value', 'label', 'description', 'parent_return_reason_id', 'metadata', 'created_at', 'updated_at', 'deleted_at'];
export const RETURN_REASON_RETRIEVE: RetrieveQuerySpec = {
  defaults: [...REASON_FIELDS, 'parent_return_reason.*', 'return_reason_children.*'],
  allowed: [...REASON_FIELDS, 'parent_return_reason', 'return_reason_children'],
};
export const RETURN_REASON_LIST: ListQuerySpec = {
  ...RETURN_REASON_RETRIEVE,
  defaultLimit: 20,
  maxLimit: 100,
  order: { allowed: ['value', 'label', 'created_at', 'updated_at'], default: 'created_at' },
  filters: {
    id: { type: 'string' },
    value: { type: 'string' },
    label: { type: 'string' },
    parent_return_reason_id: { type: 'string' },
    created_at: { type: 'date' },
    updated_at: { type: 'date' },
  },
  q: true,
};
