import { RetrieveQuerySpec } from '../../../framework/http/list-query';

const TOTALS = [
  'total', 'subtotal', 'tax_total', 'discount_total', 'discount_subtotal', 'discount_tax_total', 'original_total', 'original_tax_total',
  'item_total', 'item_subtotal', 'item_tax_total', 'item_discount_total', 'original_item_total', 'original_item_subtotal',
  'original_item_tax_total', 'shipping_total', 'shipping_subtotal', 'shipping_tax_total', 'shipping_discount_total',
  'original_shipping_tax_total', 'original_shipping_subtotal', 'original_shipping_total', 'credit_line_subtotal',
  'credit_line_tax_total', 'credit_line_total',
];
const CART_FIELDS = [
  'id', 'currency_code', 'email', 'locale', 'region_id', 'created_at', 'updated_at', 'completed_at', ...TOTALS, 'metadata',
  'sales_channel_id', 'shipping_address_id', 'billing_address_id', 'customer_id',
];
/** What medusa-wire 08 shows of a line by default (per-line totals are selectable: `+items.total`). */
const ITEM_FIELDS = [
  'id', 'thumbnail', 'variant_id', 'product_id', 'is_giftcard', 'product_type_id', 'product_title', 'product_description',
  'product_subtitle', 'product_type', 'product_collection', 'product_handle', 'variant_sku', 'variant_barcode', 'variant_title',
  'requires_shipping', 'metadata', 'created_at', 'updated_at', 'title', 'quantity', 'unit_price', 'compare_at_unit_price',
  'is_tax_inclusive', 'tax_lines.*', 'adjustments.*', 'product.id', 'product.collection_id', 'product.type_id', 'product.categories.id',
  'product.tags.id',
];
const ADDRESS_FIELDS = ['id', 'first_name', 'last_name', 'company', 'address_1', 'address_2', 'city', 'postal_code', 'country_code', 'province', 'phone'];
const METHOD_FIELDS = ['id', 'amount', 'is_tax_inclusive', 'shipping_option_id', 'tax_lines.*', 'adjustments.*'];

/** The store cart's default fields (medusa-wire 07/08/09/15) and what a storefront may select. */
export const STORE_CART_RETRIEVE: RetrieveQuerySpec = {
  defaults: [
    ...CART_FIELDS,
    ...ITEM_FIELDS.map((f) => `items.${f}`),
    ...METHOD_FIELDS.map((f) => `shipping_methods.${f}`),
    ...ADDRESS_FIELDS.map((f) => `shipping_address.${f}`),
    ...ADDRESS_FIELDS.map((f) => `billing_address.${f}`),
    'credit_lines.*',
    'region.id', 'region.name', 'region.currency_code', 'region.automatic_taxes', 'region.countries.*',
    'customer.id', 'customer.email', 'customer.groups.id',
    'promotions.id', 'promotions.code', 'promotions.is_automatic', 'promotions.application_method.value',
    'promotions.application_method.type', 'promotions.application_method.currency_code',
    'payment_collection.*', 'payment_collection.payment_sessions.*',
  ],
  allowed: [
    ...CART_FIELDS, 'items', 'shipping_methods', 'shipping_address', 'billing_address', 'credit_lines', 'region', 'customer', 'promotions',
    'payment_collection',
  ],
};
