import type { Metadata } from '../../framework/database/base.entity';

/** Medusa's `{value, precision}` twin of a money or quantity field. */
export interface RawAmount {
  value: string;
  precision: number;
}

export type * from './order-return.types';

// ---------------------------------------------------------------- creation (the checkout's snapshot)

export interface OrderAddressInput {
  customer_id?: string | null;
  company?: string | null;
  first_name?: string | null;
  last_name?: string | null;
  address_1?: string | null;
  address_2?: string | null;
  city?: string | null;
  country_code?: string | null;
  province?: string | null;
  postal_code?: string | null;
  phone?: string | null;
  metadata?: Metadata;
}

export interface OrderTaxLineInput {
  code: string;
  /** Percent (25 = 25 %), as a string or number. */
  rate: string | number;
  description?: string | null;
  tax_rate_id?: string | null;
  provider_id?: string | null;
}

export interface OrderAdjustmentInput {
  code?: string | null;
  /** Discount on the whole line, in the line's tax basis. */
  amount: string;
  description?: string | null;
  promotion_id?: string | null;
  provider_id?: string | null;
}

export interface OrderLineItemInput {
  title: string;
  subtitle?: string | null;
  thumbnail?: string | null;
  variant_id?: string | null;
  product_id?: string | null;
  product_title?: string | null;
  product_description?: string | null;
  product_subtitle?: string | null;
  product_type?: string | null;
  product_type_id?: string | null;
  product_collection?: string | null;
  product_handle?: string | null;
  variant_sku?: string | null;
  variant_barcode?: string | null;
  variant_title?: string | null;
  variant_option_values?: Record<string, unknown> | null;
  requires_shipping?: boolean;
  is_discountable?: boolean;
  is_tax_inclusive?: boolean;
  is_giftcard?: boolean;
  is_custom_price?: boolean;
  compare_at_unit_price?: string | null;
  unit_price: string;
  quantity: string | number;
  metadata?: Metadata;
  tax_lines?: OrderTaxLineInput[];
  adjustments?: OrderAdjustmentInput[];
}

export interface OrderShippingMethodInput {
  name: string;
  description?: string | null;
  amount: string;
  is_tax_inclusive?: boolean;
  is_custom_amount?: boolean;
  shipping_option_id?: string | null;
  data?: Record<string, unknown> | null;
  metadata?: Metadata;
  tax_lines?: OrderTaxLineInput[];
  adjustments?: OrderAdjustmentInput[];
}

export interface OrderCreditLineInput {
  amount: string;
  reference?: string | null;
  reference_id?: string | null;
  metadata?: Metadata;
}

/** What checkout hands the order module: the cart as it was when it was paid for. Money as strings. */
export interface CreateOrderInput {
  region_id: string | null;
  customer_id: string | null;
  sales_channel_id: string | null;
  email: string | null;
  currency_code: string;
  locale?: string | null;
  metadata?: Metadata;
  no_notification?: boolean;
  status?: 'pending' | 'draft' | 'requires_action';
  shipping_address: OrderAddressInput | null;
  billing_address: OrderAddressInput | null;
  items: OrderLineItemInput[];
  shipping_methods: OrderShippingMethodInput[];
  credit_lines?: OrderCreditLineInput[];
}

/** What placing an order answers: its id, display id, and its line item ids in the order of `items`. */
export interface PlacedOrder {
  id: string;
  display_id: number;
  /** `items[i]` became the line `item_ids[i]` (checkout reserves stock against the order's lines). */
  item_ids: string[];
}

// ---------------------------------------------------------------- views (Medusa's wire, 16/21/22)

export interface OrderAddressView {
  id: string;
  customer_id: string | null;
  company: string | null;
  first_name: string | null;
  last_name: string | null;
  address_1: string | null;
  address_2: string | null;
  city: string | null;
  country_code: string | null;
  province: string | null;
  postal_code: string | null;
  phone: string | null;
  metadata: Metadata;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface OrderTaxLineView {
  id: string;
  code: string;
  rate: number;
  description: string | null;
  tax_rate_id: string | null;
  provider_id: string | null;
  item_id?: string;
  shipping_method_id?: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface OrderAdjustmentView {
  id: string;
  code: string | null;
  amount: number;
  raw_amount: RawAmount;
  description: string | null;
  promotion_id: string | null;
  provider_id: string | null;
  item_id?: string;
  shipping_method_id?: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

/** Quantities of a line in the current order version (`order_item`), with their raw twins. */
export interface OrderItemDetailView {
  id: string;
  version: number;
  metadata: Metadata;
  order_id: string;
  item_id: string;
  unit_price: number | null;
  compare_at_unit_price: number | null;
  raw_unit_price: RawAmount | null;
  raw_compare_at_unit_price: RawAmount | null;
  quantity: number;
  fulfilled_quantity: number;
  delivered_quantity: number;
  shipped_quantity: number;
  return_requested_quantity: number;
  return_received_quantity: number;
  return_dismissed_quantity: number;
  written_off_quantity: number;
  raw_quantity: RawAmount;
  raw_fulfilled_quantity: RawAmount;
  raw_delivered_quantity: RawAmount;
  raw_shipped_quantity: RawAmount;
  raw_return_requested_quantity: RawAmount;
  raw_return_received_quantity: RawAmount;
  raw_return_dismissed_quantity: RawAmount;
  raw_written_off_quantity: RawAmount;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

/** A line item with its snapshot, detail and every per-line total (numbers plus `raw_*`). */
export type OrderLineItemView = {
  id: string;
  title: string;
  subtitle: string | null;
  thumbnail: string | null;
  variant_id: string | null;
  product_id: string | null;
  product_title: string | null;
  product_description: string | null;
  product_subtitle: string | null;
  product_type: string | null;
  product_type_id: string | null;
  product_collection: string | null;
  product_handle: string | null;
  variant_sku: string | null;
  variant_barcode: string | null;
  variant_title: string | null;
  variant_option_values: Record<string, unknown> | null;
  requires_shipping: boolean;
  is_giftcard: boolean;
  is_discountable: boolean;
  is_tax_inclusive: boolean;
  is_custom_price: boolean;
  metadata: Metadata;
  line_item_metadata: Metadata;
  unit_price: number;
  raw_unit_price: RawAmount;
  compare_at_unit_price: number | null;
  raw_compare_at_unit_price: RawAmount | null;
  quantity: number;
  raw_quantity: RawAmount;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  tax_lines: OrderTaxLineView[];
  adjustments: OrderAdjustmentView[];
  detail: OrderItemDetailView;
} & Record<string, unknown>;

export interface OrderShippingDetailView {
  id: string;
  version: number;
  order_id: string;
  return_id: string | null;
  exchange_id: string | null;
  claim_id: string | null;
  shipping_method_id: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export type OrderShippingMethodView = {
  id: string;
  order_id: string;
  name: string;
  description: string | null;
  amount: number;
  raw_amount: RawAmount;
  is_tax_inclusive: boolean;
  is_custom_amount: boolean;
  shipping_option_id: string | null;
  data: Record<string, unknown> | null;
  metadata: Metadata;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  tax_lines: OrderTaxLineView[];
  adjustments: OrderAdjustmentView[];
  detail: OrderShippingDetailView;
} & Record<string, unknown>;

export interface OrderCreditLineView {
  id: string;
  order_id: string;
  reference: string | null;
  reference_id: string | null;
  amount: number;
  raw_amount: RawAmount;
  metadata: Metadata;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

/** `paid_total`, `refunded_total`, … each with its `raw_*` twin. */
export type OrderSummaryView = Record<string, number | RawAmount>;

/** What other modules contribute to an order's detail (phase 2 fills these; statuses derive from them). */
export interface OrderViewExtras {
  payment_collections?: PaymentCollectionForStatus[] & Array<Record<string, unknown>>;
  fulfillments?: FulfillmentForStatus[] & Array<Record<string, unknown>>;
}

export type OrderView = {
  id: string;
  display_id: number;
  custom_display_id: string | null;
  version: number;
  status: string;
  region_id: string | null;
  customer_id: string | null;
  sales_channel_id: string | null;
  email: string | null;
  currency_code: string;
  locale: string | null;
  no_notification: boolean;
  is_draft_order: boolean;
  metadata: Metadata;
  canceled_at: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  summary: OrderSummaryView;
  items: OrderLineItemView[];
  shipping_methods: OrderShippingMethodView[];
  shipping_address: OrderAddressView | null;
  billing_address: OrderAddressView | null;
  credit_lines: OrderCreditLineView[];
  payment_collections: Array<Record<string, unknown>>;
  fulfillments: Array<Record<string, unknown>>;
  payment_status: PaymentStatus;
  fulfillment_status: FulfillmentStatus;
} & Record<string, unknown>;

// ---------------------------------------------------------------- statuses

export type PaymentStatus =
  | 'not_paid'
  | 'awaiting'
  | 'authorized'
  | 'partially_authorized'
  | 'captured'
  | 'partially_captured'
  | 'partially_refunded'
  | 'refunded'
  | 'canceled'
  | 'requires_action';

export type FulfillmentStatus =
  | 'not_fulfilled'
  | 'partially_fulfilled'
  | 'fulfilled'
  | 'partially_shipped'
  | 'shipped'
  | 'partially_delivered'
  | 'delivered'
  | 'canceled';

/** What `paymentStatusOf` needs of a payment collection (the payment module's view has these). */
export interface PaymentCollectionForStatus {
  status: string;
  amount: number | string;
  captured_amount?: number | string | null;
  refunded_amount?: number | string | null;
}

/** What `fulfillmentStatusOf` needs of a fulfillment. */
export interface FulfillmentForStatus {
  packed_at?: string | Date | null;
  shipped_at?: string | Date | null;
  delivered_at?: string | Date | null;
  canceled_at?: string | Date | null;
}

/** What `fulfillmentStatusOf` needs of an order line. */
export interface ItemForStatus {
  requires_shipping: boolean;
  quantity: number | string;
  detail: { fulfilled_quantity: number | string };
}

// ---------------------------------------------------------------- updates, quantities, returns

export interface UpdateOrderInput {
  email?: string;
  shipping_address?: OrderAddressInput;
  billing_address?: OrderAddressInput;
  metadata?: Metadata;
}

export interface CancelOrderInput {
  /**
   * Set by the cancel flow from the fulfillment module: whether the order still has fulfillments
   * that are not canceled. The order's own fulfilled quantities are checked regardless.
   */
  has_active_fulfillments?: boolean;
}

export interface RecordTransactionInput {
  order_id: string;
  /** Positive; a refund is stored negative. */
  amount: string | number;
  currency_code: string;
  reference: 'capture' | 'refund';
  reference_id: string | null;
}

export interface ItemQuantityInput {
  item_id: string;
  quantity: string | number;
}

export const OrderEvents = {
  PLACED: 'order.placed',
  UPDATED: 'order.updated',
  CANCELED: 'order.canceled',
  COMPLETED: 'order.completed',
  ARCHIVED: 'order.archived',
  RETURN_REQUESTED: 'order.return_requested',
  RETURN_RECEIVED: 'order.return_received',
} as const;
