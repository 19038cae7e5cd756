import Decimal from 'decimal.js';
import { computeTotals, ORDER_TOTAL_FIELDS, rawAmount, toWireNumber } from '../../commerce/totals';
import type { LineTotals } from '../../commerce/totals';
import type { OrderAddress, Order, OrderCreditLine, OrderSummary } from './entities/order.entity';
import type { OrderItem, OrderLineItem, OrderLineItemAdjustment, OrderLineItemTaxLine } from './entities/line-item.entity';
import type {
  OrderShipping,
  OrderShippingMethod,
  OrderShippingMethodAdjustment,
  OrderShippingMethodTaxLine,
} from './entities/shipping-method.entity';
import { fulfillmentStatusOf, paymentStatusOf } from './order-status';
import type {
  OrderAddressView,
  OrderAdjustmentView,
  OrderCreditLineView,
  OrderItemDetailView,
  OrderLineItemView,
  OrderShippingMethodView,
  OrderSummaryView,
  OrderTaxLineView,
  OrderView,
  OrderViewExtras,
  RawAmount,
} from './order.types';

/** Everything the order module stores about one order, loaded in a bounded number of queries. */
export interface OrderRows {
  order: Order;
  summary: OrderSummary | null;
  shipping_address: OrderAddress | null;
  billing_address: OrderAddress | null;
  lines: Array<{ line: OrderLineItem; detail: OrderItem; adjustments: OrderLineItemAdjustment[]; tax_lines: OrderLineItemTaxLine[] }>;
  shipping: Array<{
    method: OrderShippingMethod;
    detail: OrderShipping;
    adjustments: OrderShippingMethodAdjustment[];
    tax_lines: OrderShippingMethodTaxLine[];
  }>;
  credit_lines: OrderCreditLine[];
}

const MINOR_UNIT_DECIMALS = 2;

/** A computed money total on the wire: rounded half away from zero to the minor unit (cents). */
export function moneyNumber(value: Decimal.Value): number {
  return toWireNumber(new Decimal(value).toDecimalPlaces(MINOR_UNIT_DECIMALS, Decimal.ROUND_HALF_UP));
}

/** A stored amount or quantity on the wire: as stored, every decimal kept. */
function storedNumber(value: Decimal.Value): number {
  return toWireNumber(new Decimal(value));
}

function storedNumberOrNull(value: Decimal.Value | null): number | null {
  return value === null ? null : storedNumber(value);
}

function rawOrNull(value: Decimal.Value | null): RawAmount | null {
  return value === null ? null : rawAmount(value);
}

function iso(date: Date | null | undefined): string | null {
  return date ? date.toISOString() : null;
}

function timestamps(row: { created_at: Date; updated_at: Date; deleted_at: Date | null }) {
  return { created_at: row.created_at.toISOString(), updated_at: row.updated_at.toISOString(), deleted_at: iso(row.deleted_at) };
}

export function toAddressView(address: OrderAddress): OrderAddressView {
  return {
    id: address.id,
    customer_id: address.customer_id,
    company: address.company,
    first_name: address.first_name,
    last_name: address.last_name,
    address_1: address.address_1,
    address_2: address.address_2,
    city: address.city,
    country_code: address.country_code,
    province: address.province,
    postal_code: address.postal_code,
    phone: address.phone,
    metadata: address.metadata,
    ...timestamps(address),
  };
}

function toTaxLineView(line: OrderLineItemTaxLine | OrderShippingMethodTaxLine): OrderTaxLineView {
  const owner = 'item_id' in line ? { item_id: line.item_id } : { shipping_method_id: line.shipping_method_id };
  return {
    id: line.id,
    code: line.code,
    rate: storedNumber(line.rate),
    description: line.description,
    tax_rate_id: line.tax_rate_id,
    provider_id: line.provider_id,
    ...owner,
    ...timestamps(line),
  };
}

function toAdjustmentView(adjustment: OrderLineItemAdjustment | OrderShippingMethodAdjustment): OrderAdjustmentView {
  const owner = 'item_id' in adjustment ? { item_id: adjustment.item_id } : { shipping_method_id: adjustment.shipping_method_id };
  return {
    id: adjustment.id,
    code: adjustment.code,
    amount: storedNumber(adjustment.amount),
    raw_amount: rawAmount(adjustment.amount),
    description: adjustment.description,
    promotion_id: adjustment.promotion_id,
    provider_id: adjustment.provider_id,
    ...owner,
    ...timestamps(adjustment),
  };
}

/** `order_item`'s quantity columns (the order-rows read also casts them to text). */
export const DETAIL_QUANTITIES = [
  'quantity',
  'fulfilled_quantity',
  'delivered_quantity',
  'shipped_quantity',
  'return_requested_quantity',
  'return_received_quantity',
  'return_dismissed_quantity',
  'written_off_quantity',
] as const;

function toDetailView(detail: OrderItem): OrderItemDetailView {
  const numbers: Record<string, number> = {};
  const raws: Record<string, RawAmount> = {};
  for (const field of DETAIL_QUANTITIES) {
    numbers[field] = storedNumber(detail[field]);
    raws[`raw_${field}`] = rawAmount(detail[field]);
  }
  return {
    id: detail.id,
    version: detail.version,
    metadata: detail.metadata,
    order_id: detail.order_id,
    item_id: detail.item_id,
    unit_price: storedNumberOrNull(detail.unit_price),
    compare_at_unit_price: storedNumberOrNull(detail.compare_at_unit_price),
    raw_unit_price: rawOrNull(detail.unit_price),
    raw_compare_at_unit_price: rawOrNull(detail.compare_at_unit_price),
    ...(raws as Pick<OrderItemDetailView, `raw_${(typeof DETAIL_QUANTITIES)[number]}`>),
    ...(numbers as Pick<OrderItemDetailView, (typeof DETAIL_QUANTITIES)[number]>),
    ...timestamps(detail),
  };
}

const LINE_TOTALS = [
  'subtotal',
  'total',
  'original_subtotal',
  'original_total',
  'discount_subtotal',
  'discount_tax_total',
  'discount_total',
  'tax_total',
  'original_tax_total',
] as const;

/** Per-line totals tied to the line's quantities (Medusa's order item extras). */
const QUANTITY_TOTALS = [
  ['fulfilled_quantity', 'fulfilled_total'],
  ['shipped_quantity', 'shipped_total'],
  ['return_requested_quantity', 'return_requested_total'],
  ['return_received_quantity', 'return_received_total'],
  ['return_dismissed_quantity', 'return_dismissed_total'],
  ['written_off_quantity', 'write_off_total'],
] as const;

/**
 * The money totals of a line on the wire, numbers then raws, plus (for items) the totals that
 * follow its quantities: each is total per unit × that quantity; refundable_total is what the units
 * not returned nor requested for return are worth, refundable_total_per_unit its per-unit value.
 */
function lineTotalsOnWire(totals: LineTotals, detail?: OrderItem): Record<string, number | RawAmount> {
  const values = new Map<string, Decimal>();
  for (const field of LINE_TOTALS) values.set(field, totals[field]);
  if (detail) {
    const quantity = new Decimal(detail.quantity);
    const perUnit = quantity.isZero() ? new Decimal(0) : totals.total.div(quantity);
    const kept = quantity
      .minus(detail.return_requested_quantity)
      .minus(detail.return_received_quantity)
      .minus(detail.return_dismissed_quantity);
    values.set('refundable_total_per_unit', kept.gt(0) ? perUnit : new Decimal(0));
    values.set('refundable_total', Decimal.max(kept, 0).times(perUnit));
    for (const [quantityField, totalField] of QUANTITY_TOTALS) values.set(totalField, perUnit.times(detail[quantityField]));
  }
  const wire: Record<string, number | RawAmount> = {};
  for (const [field, value] of values) wire[field] = moneyNumber(value);
  for (const [field, value] of values) wire[`raw_${field}`] = rawAmount(value);
  return wire;
}

function toLineItemView(entry: OrderRows['lines'][number], totals: LineTotals): OrderLineItemView {
  const { line, detail } = entry;
  const unitPrice = detail.unit_price ?? line.unit_price;
  const compareAt = detail.compare_at_unit_price ?? line.compare_at_unit_price;
  return {
    id: line.id,
    title: line.title,
    subtitle: line.subtitle,
    thumbnail: line.thumbnail,
    variant_id: line.variant_id,
    product_id: line.product_id,
    product_title: line.product_title,
    product_description: line.product_description,
    product_subtitle: line.product_subtitle,
    product_type: line.product_type,
    product_type_id: line.product_type_id,
    product_collection: line.product_collection,
    product_handle: line.product_handle,
    variant_sku: line.variant_sku,
    variant_barcode: line.variant_barcode,
    variant_title: line.variant_title,
    variant_option_values: line.variant_option_values,
    requires_shipping: line.requires_shipping,
    is_giftcard: line.is_giftcard,
    is_discountable: line.is_discountable,
    is_tax_inclusive: line.is_tax_inclusive,
    is_custom_price: line.is_custom_price,
    metadata: line.metadata ?? {},
    raw_compare_at_unit_price: rawOrNull(compareAt),
    raw_unit_price: rawAmount(unitPrice),
    ...timestamps(line),
    tax_lines: entry.tax_lines.map(toTaxLineView),
    adjustments: entry.adjustments.map(toAdjustmentView),
    compare_at_unit_price: storedNumberOrNull(compareAt),
    unit_price: storedNumber(unitPrice),
    quantity: storedNumber(detail.quantity),
    raw_quantity: rawAmount(detail.quantity),
    line_item_metadata: line.metadata ?? {},
    detail: toDetailView(detail),
    ...lineTotalsOnWire(totals, detail),
  };
}

function toShippingMethodView(entry: OrderRows['shipping'][number], totals: LineTotals): OrderShippingMethodView {
  const { method, detail } = entry;
  return {
    id: method.id,
    name: method.name,
    description: method.description,
    is_tax_inclusive: method.is_tax_inclusive,
    is_custom_amount: method.is_custom_amount,
    shipping_option_id: method.shipping_option_id,
    data: method.data ?? {},
    metadata: method.metadata,
    raw_amount: rawAmount(method.amount),
    ...timestamps(method),
    tax_lines: entry.tax_lines.map(toTaxLineView),
    adjustments: entry.adjustments.map(toAdjustmentView),
    amount: storedNumber(method.amount),
    order_id: detail.order_id,
    detail: {
      id: detail.id,
      version: detail.version,
      order_id: detail.order_id,
      return_id: detail.return_id,
      exchange_id: detail.exchange_id,
      claim_id: detail.claim_id,
      ...timestamps(detail),
      shipping_method_id: detail.shipping_method_id,
    },
    ...lineTotalsOnWire(totals),
  };
}

function toCreditLineView(line: OrderCreditLine): OrderCreditLineView {
  return {
    id: line.id,
    order_id: line.order_id,
    reference: line.reference,
    reference_id: line.reference_id,
    amount: storedNumber(line.amount),
    raw_amount: rawAmount(line.amount),
    metadata: line.metadata,
    ...timestamps(line),
  };
}

export const SUMMARY_FIELDS = [
  'paid_total',
  'refunded_total',
  'accounting_total',
  'credit_line_total',
  'transaction_total',
  'pending_difference',
  'current_order_total',
  'original_order_total',
] as const;
export type SummaryField = (typeof SUMMARY_FIELDS)[number];

export function toSummaryView(totals: Partial<Record<SummaryField, string>>): OrderSummaryView {
  const view: OrderSummaryView = {};
  for (const field of SUMMARY_FIELDS) {
    const value = totals[field] ?? '0';
    view[field] = storedNumber(value);
    view[`raw_${field}`] = rawAmount(value);
  }
  return view;
}

/** The totals of the order's current lines (what `computeTotals` makes of them). */
export function totalsOf(rows: Pick<OrderRows, 'lines' | 'shipping' | 'credit_lines'>) {
  return computeTotals({
    items: rows.lines.map(({ line, detail, adjustments, tax_lines }) => ({
      id: line.id,
      unit_price: detail.unit_price ?? line.unit_price,
      quantity: detail.quantity,
      compare_at_unit_price: detail.compare_at_unit_price ?? line.compare_at_unit_price,
      is_tax_inclusive: line.is_tax_inclusive,
      tax_lines: tax_lines.map((t) => ({ rate: t.rate })),
      adjustments: adjustments.map((a) => ({ amount: a.amount })),
    })),
    shipping_methods: rows.shipping.map(({ method, adjustments, tax_lines }) => ({
      id: method.id,
      amount: method.amount,
      is_tax_inclusive: method.is_tax_inclusive,
      tax_lines: tax_lines.map((t) => ({ rate: t.rate })),
      adjustments: adjustments.map((a) => ({ amount: a.amount })),
    })),
    credit_lines: rows.credit_lines.map((c) => ({ amount: c.amount })),
  });
}

/**
 * The order as Medusa's API shows it (wire 16/21/22). Payment collections and fulfillments belong to
 * other modules: the order detail read passes them in `extras`, and `payment_status` and
 * `fulfillment_status` are computed from them (empty lists give not_paid / not_fulfilled).
 */
export function toOrderView(rows: OrderRows, extras: OrderViewExtras = {}): OrderView {
  const { order } = rows;
  const computed = totalsOf(rows);
  const items = rows.lines.map((entry) => toLineItemView(entry, computed.items.get(entry.line.id)!));
  const documentTotals: Record<string, number> = {};
  for (const field of ORDER_TOTAL_FIELDS) documentTotals[field] = moneyNumber(computed.totals[field]);
  const payment_collections = extras.payment_collections ?? [];
  const fulfillments = extras.fulfillments ?? [];
  return {
    id: order.id,
    display_id: order.display_id!,
    custom_display_id: order.custom_display_id,
    status: order.status,
    version: order.version,
    summary: toSummaryView(rows.summary?.totals ?? {}),
    region_id: order.region_id,
    customer_id: order.customer_id,
    sales_channel_id: order.sales_channel_id,
    email: order.email,
    currency_code: order.currency_code,
    locale: order.locale,
    no_notification: order.no_notification,
    is_draft_order: order.is_draft_order,
    metadata: order.metadata,
    canceled_at: iso(order.canceled_at),
    ...timestamps(order),
    ...documentTotals,
    items,
    credit_lines: rows.credit_lines.map(toCreditLineView),
    shipping_address: rows.shipping_address ? toAddressView(rows.shipping_address) : null,
    billing_address: rows.billing_address ? toAddressView(rows.billing_address) : null,
    shipping_methods: rows.shipping.map((entry) => toShippingMethodView(entry, computed.shipping_methods.get(entry.method.id)!)),
    payment_collections,
    fulfillments,
    payment_status: paymentStatusOf(payment_collections),
    fulfillment_status: fulfillmentStatusOf(items, fulfillments),
  };
}
