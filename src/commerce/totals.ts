import Decimal from 'decimal.js';
import { MONEY_DECIMALS, RawAmount, rawAmount, sumDecimals, toWireNumber } from './money';

export { rawAmount, toWireNumber } from './money';
export type { RawAmount } from './money';

/**
 * Medusa v2's totals of a cart or an order, computed from its lines alone (pure: no DI, no DB).
 *
 * Per line (an item, or a shipping method with quantity 1), with r = Σ tax line rates / 100 and
 * `amount` = unit_price × quantity (or the shipping amount) on the line's own basis:
 * - subtotal = amount, or amount / (1 + r) when the line is tax-inclusive (the price already holds
 *   the tax); original_subtotal = subtotal.
 * - Adjustments are discounts on the whole line on the same basis as the line: on a tax-inclusive
 *   line an adjustment of 25 takes 25 off the gross. discount_subtotal is their sum on the
 *   tax-exclusive basis, discount_tax_total the tax on it, discount_total = the two together.
 * - original_tax_total = subtotal × r; tax_total = (subtotal − discount_subtotal) × r.
 * - total = subtotal − discount_subtotal + tax_total; original_total = subtotal + original_tax_total.
 *
 * A line never goes below 0: negative adjustments are ignored (a discount never raises a price) and
 * the adjustments together are capped at the line's amount, so a fixed discount larger than the line
 * makes it free, never negative. Tax-inclusive lines take their tax as gross − net, so the original
 * total of a line priced 125.00 is exactly 125.00 and its discounted total exactly 125.00 − discount.
 *
 * Document level: item_* sum the items, shipping_* the shipping methods, the plain totals sum both
 * (subtotal = item_subtotal + shipping_subtotal, …); credit_line_total = credit_line_subtotal = Σ
 * credit line amounts (credit_line_tax_total = 0); total = item_total + shipping_total −
 * credit_line_total (not clamped: credits larger than the cart show as a negative total, which the
 * caller must refuse or handle; original_total ignores credit lines).
 *
 * Rounding rule: everything here is exact Decimal arithmetic (decimal.js, 20 significant digits, the
 * `precision: 20` of Medusa's raw amounts); only the division of tax-inclusive amounts by 1 + r is
 * inexact. Nothing is rounded in between: document totals are sums of unrounded line totals. Rounding
 * happens once, at the wire, in the views below: every total number is rounded half away from zero
 * to the currency's minor unit (2 decimals unless given), while each `raw_*` carries the unrounded
 * value. So wire numbers may differ by a cent from the sum of other wire numbers (item_total +
 * shipping_total vs total), never from the exact value by more than half a cent. Anything that must
 * equal a displayed total (a payment collection amount) uses roundMoney(totals.total) from money.ts.
 */

/** One tax line of a line: `rate` in percent (25 = 25 %). */
export interface TaxLineInput {
  rate: Decimal.Value;
}

/** A discount on the whole line, on the same tax basis as the line (`is_tax_inclusive`). */
export interface AdjustmentInput {
  amount: Decimal.Value;
}

export interface LineInput {
  id: string;
  unit_price: Decimal.Value;
  quantity: Decimal.Value;
  /** Shown to the shopper as the strike-through price; Medusa's totals do not use it. */
  compare_at_unit_price?: Decimal.Value | null;
  is_tax_inclusive: boolean;
  tax_lines: TaxLineInput[];
  adjustments: AdjustmentInput[];
}

export interface ShippingInput {
  id: string;
  amount: Decimal.Value;
  is_tax_inclusive: boolean;
  tax_lines: TaxLineInput[];
  adjustments: AdjustmentInput[];
}

export interface CreditLineInput {
  amount: Decimal.Value;
}

export interface TotalsInput {
  /** Ids must be unique within items and within shipping_methods (they key the result maps). */
  items: LineInput[];
  shipping_methods: ShippingInput[];
  credit_lines?: CreditLineInput[];
}

/** The wire fields of a line's totals, in the order Medusa prints them on an order item. */
export const LINE_TOTAL_FIELDS = [
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
export type LineTotalField = (typeof LINE_TOTAL_FIELDS)[number];

export type LineTotals = Record<LineTotalField, Decimal>;

/** The cart-level totals fields, in wire order (wire 07 / 15). */
export const CART_TOTAL_FIELDS = [
  'total',
  'subtotal',
  'tax_total',
  'discount_total',
  'discount_subtotal',
  'discount_tax_total',
  'original_total',
  'original_tax_total',
  'item_total',
  'item_subtotal',
  'item_tax_total',
  'item_discount_total',
  'original_item_total',
  'original_item_subtotal',
  'original_item_tax_total',
  'shipping_total',
  'shipping_subtotal',
  'shipping_tax_total',
  'shipping_discount_total',
  'original_shipping_tax_total',
  'original_shipping_subtotal',
  'original_shipping_total',
  'credit_line_subtotal',
  'credit_line_tax_total',
  'credit_line_total',
] as const;
export type CartTotalField = (typeof CART_TOTAL_FIELDS)[number];

/** The order-level totals fields, in wire order (wire 16): the cart's plus original_subtotal, without item/shipping discount totals. */
export const ORDER_TOTAL_FIELDS = [
  'total',
  'subtotal',
  'tax_total',
  'discount_total',
  'discount_subtotal',
  'discount_tax_total',
  'original_total',
  'original_subtotal',
  'original_tax_total',
  'item_total',
  'item_subtotal',
  'item_tax_total',
  'original_item_total',
  'original_item_subtotal',
  'original_item_tax_total',
  'shipping_total',
  'shipping_subtotal',
  'shipping_tax_total',
  'original_shipping_tax_total',
  'original_shipping_subtotal',
  'original_shipping_total',
  'credit_line_total',
  'credit_line_subtotal',
  'credit_line_tax_total',
] as const;
export type OrderTotalField = (typeof ORDER_TOTAL_FIELDS)[number];

export type DocumentTotals = Record<CartTotalField | OrderTotalField, Decimal>;

export interface TotalsResult {
  totals: DocumentTotals;
  items: Map<string, LineTotals>;
  shipping_methods: Map<string, LineTotals>;
}

export type LineTotalsView = Record<LineTotalField, number> & Record<`raw_${LineTotalField}`, RawAmount>;
export type CartTotalsView = Record<CartTotalField, number>;
export type OrderTotalsView = Record<OrderTotalField, number>;

/** Σ rates / 100 (0 without tax lines). */
export function taxRateOf(taxLines: readonly TaxLineInput[]): Decimal {
  return sumDecimals(taxLines.map((t) => t.rate)).div(100);
}

/**
 * Totals of one line whose amount on its own basis is `amount` (unit_price × quantity for an item,
 * the amount of a shipping method).
 */
export function computeLineTotals(line: {
  amount: Decimal.Value;
  is_tax_inclusive: boolean;
  tax_lines: readonly TaxLineInput[];
  adjustments: readonly AdjustmentInput[];
}): LineTotals {
  const rate = taxRateOf(line.tax_lines);
  const amount = new Decimal(line.amount);
  const requested = sumDecimals(line.adjustments.map((a) => Decimal.max(a.amount, 0)));
  const discount = Decimal.min(requested, Decimal.max(amount, 0));

  let subtotal: Decimal;
  let originalTax: Decimal;
  let discountSubtotal: Decimal;
  let discountTax: Decimal;
  if (line.is_tax_inclusive) {
    const divisor = rate.plus(1);
    subtotal = amount.div(divisor);
    originalTax = amount.minus(subtotal);
    discountSubtotal = discount.div(divisor);
    discountTax = discount.minus(discountSubtotal);
  } else {
    subtotal = amount;
    originalTax = amount.times(rate);
    discountSubtotal = discount;
    discountTax = discount.times(rate);
  }
  const taxTotal = originalTax.minus(discountTax);

  return {
    subtotal,
    total: subtotal.minus(discountSubtotal).plus(taxTotal),
    original_subtotal: subtotal,
    original_total: subtotal.plus(originalTax),
    discount_subtotal: discountSubtotal,
    discount_tax_total: discountTax,
    discount_total: discountSubtotal.plus(discountTax),
    tax_total: taxTotal,
    original_tax_total: originalTax,
  };
}

function sumField(lines: readonly LineTotals[], field: LineTotalField): Decimal {
  return sumDecimals(lines.map((l) => l[field]));
}

/** All totals of a cart or an order; see the header for the rules. */
export function computeTotals(input: TotalsInput): TotalsResult {
  const items = new Map<string, LineTotals>();
  const itemTotals = input.items.map((item) => {
    const totals = computeLineTotals({ ...item, amount: new Decimal(item.unit_price).times(item.quantity) });
    items.set(item.id, totals);
    return totals;
  });
  const shipping_methods = new Map<string, LineTotals>();
  const shippingTotals = input.shipping_methods.map((method) => {
    const totals = computeLineTotals(method);
    shipping_methods.set(method.id, totals);
    return totals;
  });
  const all = [...itemTotals, ...shippingTotals];

  const item_total = sumField(itemTotals, 'total');
  const shipping_total = sumField(shippingTotals, 'total');
  const credit_line_subtotal = sumDecimals((input.credit_lines ?? []).map((c) => c.amount));

  const totals: DocumentTotals = {
    total: item_total.plus(shipping_total).minus(credit_line_subtotal),
    subtotal: sumField(all, 'subtotal'),
    tax_total: sumField(all, 'tax_total'),
    discount_total: sumField(all, 'discount_total'),
    discount_subtotal: sumField(all, 'discount_subtotal'),
    discount_tax_total: sumField(all, 'discount_tax_total'),
    original_total: sumField(all, 'original_total'),
    original_subtotal: sumField(all, 'original_subtotal'),
    original_tax_total: sumField(all, 'original_tax_total'),
    item_total,
    item_subtotal: sumField(itemTotals, 'subtotal'),
    item_tax_total: sumField(itemTotals, 'tax_total'),
    item_discount_total: sumField(itemTotals, 'discount_total'),
    original_item_total: sumField(itemTotals, 'original_total'),
    original_item_subtotal: sumField(itemTotals, 'original_subtotal'),
    original_item_tax_total: sumField(itemTotals, 'original_tax_total'),
    shipping_total,
    shipping_subtotal: sumField(shippingTotals, 'subtotal'),
    shipping_tax_total: sumField(shippingTotals, 'tax_total'),
    shipping_discount_total: sumField(shippingTotals, 'discount_total'),
    original_shipping_tax_total: sumField(shippingTotals, 'original_tax_total'),
    original_shipping_subtotal: sumField(shippingTotals, 'original_subtotal'),
    original_shipping_total: sumField(shippingTotals, 'original_total'),
    credit_line_subtotal,
    credit_line_tax_total: new Decimal(0),
    credit_line_total: credit_line_subtotal,
  };
  return { totals, items, shipping_methods };
}

/** A line's wire totals: each field as a rounded number plus its exact `raw_*` (order items, shipping methods). */
export function lineTotalsView(t: LineTotals, decimals: number = MONEY_DECIMALS): LineTotalsView {
  const numbers = Object.fromEntries(LINE_TOTAL_FIELDS.map((f) => [f, toWireNumber(t[f], decimals)]));
  const raws = Object.fromEntries(LINE_TOTAL_FIELDS.map((f) => [`raw_${f}`, rawAmount(t[f])]));
  return { ...numbers, ...raws } as LineTotalsView;
}

/** The cart-level totals as wire numbers (wire 07), rounded to the minor unit. */
export function documentTotalsView(t: DocumentTotals, decimals: number = MONEY_DECIMALS): CartTotalsView {
  return Object.fromEntries(CART_TOTAL_FIELDS.map((f) => [f, toWireNumber(t[f], decimals)])) as CartTotalsView;
}

/** The order-level totals as wire numbers (wire 16 / 22), rounded to the minor unit. */
export function orderTotalsView(t: DocumentTotals, decimals: number = MONEY_DECIMALS): OrderTotalsView {
  return Object.fromEntries(ORDER_TOTAL_FIELDS.map((f) => [f, toWireNumber(t[f], decimals)])) as OrderTotalsView;
}
