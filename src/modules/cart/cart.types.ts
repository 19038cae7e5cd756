import type { Metadata } from '../../framework/database/base.entity';

/** Money on the wire: a JSON number in major units (Medusa's `amount: 10.5`). */
export type WireNumber = number;

export interface CartAddressView {
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
}

export interface AdjustmentView {
  id: string;
  code: string | null;
  amount: WireNumber;
  description: string | null;
  promotion_id: string | null;
  provider_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface LineItemAdjustmentView extends AdjustmentView {
  item_id: string;
  is_tax_inclusive: boolean;
}

export interface ShippingMethodAdjustmentView extends AdjustmentView {
  shipping_method_id: string;
}

export interface TaxLineView {
  id: string;
  code: string;
  rate: WireNumber;
  description: string | null;
  tax_rate_id: string | null;
  provider_id: string | null;
  created_at: string;
  updated_at: string;
}

/** Totals of one line or shipping method (Medusa's names), as wire numbers. */
export interface LineTotalsView {
  subtotal: WireNumber;
  total: WireNumber;
  original_total: WireNumber;
  original_subtotal: WireNumber;
  discount_total: WireNumber;
  discount_subtotal: WireNumber;
  discount_tax_total: WireNumber;
  tax_total: WireNumber;
  original_tax_total: WireNumber;
}

export interface LineItemView extends LineTotalsView {
  id: string;
  cart_id: string;
  title: string;
  subtitle: string | null;
  thumbnail: string | null;
  quantity: number;
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
  is_discountable: boolean;
  is_giftcard: boolean;
  is_tax_inclusive: boolean;
  is_custom_price: boolean;
  compare_at_unit_price: WireNumber | null;
  unit_price: WireNumber;
  metadata: Metadata;
  created_at: string;
  updated_at: string;
  tax_lines: Array<TaxLineView & { item_id: string }>;
  adjustments: LineItemAdjustmentView[];
}

export interface ShippingMethodView extends LineTotalsView {
  id: string;
  cart_id: string;
  name: string;
  description: string | null;
  amount: WireNumber;
  is_tax_inclusive: boolean;
  shipping_option_id: string | null;
  data: Record<string, unknown> | null;
  metadata: Metadata;
  created_at: string;
  updated_at: string;
  tax_lines: Array<TaxLineView & { shipping_method_id: string }>;
  adjustments: ShippingMethodAdjustmentView[];
}

export interface CreditLineView {
  id: string;
  cart_id: string;
  reference: string | null;
  reference_id: string | null;
  amount: WireNumber;
  metadata: Metadata;
  created_at: string;
  updated_at: string;
}

/** Every cart-level total Medusa returns (medusa-wire 07/15), as wire numbers. */
export interface CartTotalsView {
  total: WireNumber;
  subtotal: WireNumber;
  tax_total: WireNumber;
  discount_total: WireNumber;
  discount_subtotal: WireNumber;
  discount_tax_total: WireNumber;
  original_total: WireNumber;
  original_tax_total: WireNumber;
  item_total: WireNumber;
  item_subtotal: WireNumber;
  item_tax_total: WireNumber;
  item_discount_total: WireNumber;
  original_item_total: WireNumber;
  original_item_subtotal: WireNumber;
  original_item_tax_total: WireNumber;
  shipping_total: WireNumber;
  shipping_subtotal: WireNumber;
  shipping_tax_total: WireNumber;
  shipping_discount_total: WireNumber;
  original_shipping_tax_total: WireNumber;
  original_shipping_subtotal: WireNumber;
  original_shipping_total: WireNumber;
  credit_line_subtotal: WireNumber;
  credit_line_tax_total: WireNumber;
  credit_line_total: WireNumber;
}

/** The cart with everything it owns and its totals: what flows read and the store view builds on. */
export interface CartView extends CartTotalsView {
  id: string;
  region_id: string | null;
  customer_id: string | null;
  sales_channel_id: string | null;
  email: string | null;
  currency_code: string;
  locale: string | null;
  metadata: Metadata;
  completed_at: string | null;
  created_at: string;
  updated_at: string;
  shipping_address_id: string | null;
  billing_address_id: string | null;
  shipping_address: CartAddressView | null;
  billing_address: CartAddressView | null;
  items: LineItemView[];
  shipping_methods: ShippingMethodView[];
  credit_lines: CreditLineView[];
}

export interface AddressInput {
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
  metadata?: Record<string, unknown> | null;
}

export interface CreateCartInput {
  region_id: string;
  currency_code: string;
  sales_channel_id: string | null;
  customer_id?: string | null;
  email?: string | null;
  locale?: string | null;
  metadata?: Record<string, unknown> | null;
  shipping_address?: AddressInput | null;
  billing_address?: AddressInput | null;
}

/** Fields left undefined are not changed; an address replaces the cart's (null removes it). */
export interface UpdateCartInput {
  region_id?: string;
  currency_code?: string;
  sales_channel_id?: string | null;
  customer_id?: string | null;
  email?: string | null;
  locale?: string | null;
  metadata?: Record<string, unknown> | null;
  shipping_address?: AddressInput | null;
  billing_address?: AddressInput | null;
  /** The customer change is a transfer of a guest cart (records `cart.customer_transferred`). */
  transferred?: boolean;
}

/** A line as the flows build it (money as exact decimal strings). */
export interface LineItemInput {
  title: string;
  subtitle?: string | null;
  thumbnail?: string | null;
  quantity: number;
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
  is_giftcard?: boolean;
  is_tax_inclusive?: boolean;
  is_custom_price?: boolean;
  compare_at_unit_price?: string | null;
  unit_price: string;
  metadata?: Record<string, unknown> | null;
}

export type LineItemUpdate = Partial<Pick<LineItemInput, 'quantity' | 'unit_price' | 'compare_at_unit_price' | 'is_tax_inclusive' | 'metadata'>>;

export interface AdjustmentInput {
  code?: string | null;
  amount: string;
  description?: string | null;
  promotion_id?: string | null;
  provider_id?: string | null;
  is_tax_inclusive?: boolean;
}

export interface LineItemAdjustmentInput extends AdjustmentInput {
  item_id: string;
}

export interface ShippingMethodAdjustmentInput extends Omit<AdjustmentInput, 'is_tax_inclusive'> {
  shipping_method_id: string;
}

export interface TaxLineInput {
  code: string;
  rate: number | string;
  description?: string | null;
  tax_rate_id?: string | null;
  provider_id?: string | null;
}

export interface LineItemTaxLineInput extends TaxLineInput {
  item_id: string;
}

export interface ShippingMethodTaxLineInput extends TaxLineInput {
  shipping_method_id: string;
}

export interface ShippingMethodInput {
  name: string;
  description?: string | null;
  amount: string;
  is_tax_inclusive?: boolean;
  shipping_option_id?: string | null;
  data?: Record<string, unknown> | null;
  metadata?: Record<string, unknown> | null;
}

/** A shipping method's refreshed price. */
export interface ShippingMethodUpdate {
  id: string;
  amount?: string;
  is_tax_inclusive?: boolean;
}

export interface CreditLineInput {
  reference?: string | null;
  reference_id?: string | null;
  amount: string;
  metadata?: Record<string, unknown> | null;
}

export const CartEvents = {
  CREATED: 'cart.created',
  UPDATED: 'cart.updated',
  REGION_UPDATED: 'cart.region_updated',
  CUSTOMER_UPDATED: 'cart.customer_updated',
  CUSTOMER_TRANSFERRED: 'cart.customer_transferred',
} as const;
