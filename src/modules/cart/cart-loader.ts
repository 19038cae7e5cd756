import Decimal from 'decimal.js';
import { MONEY_DECIMALS } from '../../commerce/money';
import { computeTotals, LineTotals, toWireNumber } from '../../commerce/totals';
import { Context } from '../../framework/context/context';
import { jsonRowSql } from '../../framework/database/json-rows';
import { preparedQuery } from '../../framework/database/prepared';
import type {
  CartAddressView,
  CartTotalsView,
  CartView,
  CreditLineView,
  LineItemAdjustmentView,
  LineItemView,
  LineTotalsView,
  ShippingMethodAdjustmentView,
  ShippingMethodView,
  TaxLineView,
} from './cart.types';

/** A line as `CART_SQL` has it, without its adjustments and tax lines (for `returning`, `i` being the line). */
export const LINE_ROW_JSON = jsonRowSql('i', ['unit_price', 'compare_at_unit_price']);

/**
 * Loads a cart with everything it owns in ONE statement (the store's hottest read): the cart row,
 * its addresses, its items with their adjustments and tax lines, its shipping methods with theirs,
 * its credit lines, as one JSON document. Numerics are cast to text so no amount ever passes
 * through a float; the totals are then computed exactly by `commerce/totals`.
 */
export const CART_SQL = `
select to_jsonb(c) as cart,
  (select to_jsonb(a) from cart_address a where a.id = c.shipping_address_id and a.deleted_at is null) as shipping_address,
  (select to_jsonb(a) from cart_address a where a.id = c.billing_address_id and a.deleted_at is null) as billing_address,
  coalesce((select jsonb_agg(
      ${LINE_ROW_JSON} || jsonb_build_object(
        'adjustments', coalesce((select jsonb_agg(to_jsonb(ad) || jsonb_build_object('amount', ad.amount::text) order by ad.created_at, ad.id)
          from cart_line_item_adjustment ad where ad.item_id = i.id and ad.deleted_at is null), '[]'::jsonb),
        'tax_lines', coalesce((select jsonb_agg(to_jsonb(tl) || jsonb_build_object('rate', tl.rate::text) order by tl.created_at, tl.id)
          from cart_line_item_tax_line tl where tl.item_id = i.id and tl.deleted_at is null), '[]'::jsonb))
      order by i.created_at, i.id)
    from cart_line_item i where i.cart_id = c.id and i.deleted_at is null), '[]'::jsonb) as items,
  coalesce((select jsonb_agg(
      to_jsonb(m) || jsonb_build_object(
        'amount', m.amount::text,
        'adjustments', coalesce((select jsonb_agg(to_jsonb(ad) || jsonb_build_object('amount', ad.amount::text) order by ad.created_at, ad.id)
          from cart_shipping_method_adjustment ad where ad.shipping_method_id = m.id and ad.deleted_at is null), '[]'::jsonb),
        'tax_lines', coalesce((select jsonb_agg(to_jsonb(tl) || jsonb_build_object('rate', tl.rate::text) order by tl.created_at, tl.id)
          from cart_shipping_method_tax_line tl where tl.shipping_method_id = m.id and tl.deleted_at is null), '[]'::jsonb))
      order by m.created_at, m.id)
    from cart_shipping_method m where m.cart_id = c.id and m.deleted_at is null), '[]'::jsonb) as shipping_methods,
  coalesce((select jsonb_agg(to_jsonb(cl) || jsonb_build_object('amount', cl.amount::text) order by cl.created_at, cl.id)
    from credit_line cl where cl.cart_id = c.id and cl.deleted_at is null), '[]'::jsonb) as credit_lines
from cart c where c.id = ? and c.deleted_at is null`;

type Json = Record<string, unknown>;

/** A row of `CART_SQL`. */
export interface CartRow {
  cart: Json;
  shipping_address: Json | null;
  billing_address: Json | null;
  items: Json[];
  shipping_methods: Json[];
  credit_lines: Json[];
}

/** PostgreSQL's JSON timestamps (`2026-01-01T10:00:00.123+00:00`) as the API's ISO strings. */
function iso(value: unknown): string {
  return new Date(value as string).toISOString();
}

function isoOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : iso(value);
}

function wire(value: unknown): number {
  return toWireNumber(new Decimal(value as string));
}

function str(value: unknown): string | null {
  return value === null || value === undefined ? null : (value as string);
}

const LINE_TOTAL_KEYS: Array<keyof LineTotalsView> = [
  'subtotal',
  'total',
  'original_total',
  'original_subtotal',
  'discount_total',
  'discount_subtotal',
  'discount_tax_total',
  'tax_total',
  'original_tax_total',
];

/** The cart-level totals, in medusa-wire 07's order. */
const CART_TOTAL_KEYS: Array<keyof CartTotalsView> = [
  'total', 'subtotal', 'tax_total', 'discount_total', 'discount_subtotal', 'discount_tax_total', 'original_total', 'original_tax_total',
  'item_total', 'item_subtotal', 'item_tax_total', 'item_discount_total', 'original_item_total', 'original_item_subtotal',
  'original_item_tax_total', 'shipping_total', 'shipping_subtotal', 'shipping_tax_total', 'shipping_discount_total',
  'original_shipping_tax_total', 'original_shipping_subtotal', 'original_shipping_total', 'credit_line_subtotal',
  'credit_line_tax_total', 'credit_line_total',
];

function lineTotalsView(totals: LineTotals | undefined): LineTotalsView {
  const view = {} as LineTotalsView;
  for (const key of LINE_TOTAL_KEYS) view[key] = totals ? toWireNumber(totals[key], MONEY_DECIMALS) : 0;
  return view;
}

function toAddressView(row: Json | null): CartAddressView | null {
  if (!row) return null;
  return {
    id: row.id as string,
    customer_id: str(row.customer_id),
    company: str(row.company),
    first_name: str(row.first_name),
    last_name: str(row.last_name),
    address_1: str(row.address_1),
    address_2: str(row.address_2),
    city: str(row.city),
    country_code: str(row.country_code),
    province: str(row.province),
    postal_code: str(row.postal_code),
    phone: str(row.phone),
    metadata: (row.metadata as Json | null) ?? null,
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
  };
}

function toTaxLineView(row: Json): TaxLineView {
  return {
    id: row.id as string,
    code: row.code as string,
    rate: wire(row.rate),
    description: str(row.description),
    tax_rate_id: str(row.tax_rate_id),
    provider_id: str(row.provider_id),
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
  };
}

function adjustmentBase(row: Json) {
  return {
    id: row.id as string,
    code: str(row.code),
    amount: wire(row.amount),
    description: str(row.description),
    promotion_id: str(row.promotion_id),
    provider_id: str(row.provider_id),
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
  };
}

const taxInput = (rows: Json[]) => rows.map((t) => ({ rate: new Decimal(t.rate as string).toNumber() }));
const adjustmentInput = (rows: Json[]) => rows.map((a) => ({ amount: a.amount as string }));

/**
 * Locks the cart row `FOR UPDATE` until the open transaction ends; false when there is no such cart.
 *
 * The lock is taken by its own statement BEFORE the cart is read: under READ COMMITTED a statement
 * that waits for a row lock re-reads only the locked row afterwards, while its subqueries (the lines,
 * methods, addresses) keep the snapshot taken when it started. Reading in one `… for update of c`
 * would hand a caller that queued behind another change of the cart the lines as they were before
 * that change (two concurrent add-to-cart calls: the second overwrites the first's quantity).
 */
export async function lockCart(ctx: Context, id: string): Promise<boolean> {
  const locked = await preparedQuery<{ id: string }>(ctx, 'stheno_cart_lock', `select id from cart where id = ? and deleted_at is null for update`, [id]);
  return locked.length > 0;
}

/** The cart (locked first when asked, see `lockCart`) as a CartView with every total; null when there is none. */
export async function loadCart(ctx: Context, id: string, forUpdate = false): Promise<CartView | null> {
  if (forUpdate && !(await lockCart(ctx, id))) return null;
  const [row] = await preparedQuery<CartRow>(ctx, 'stheno_cart_load', CART_SQL, [id]);
  return row ? cartFromRow(row) : null;
}

/** The row each view was built from, so a change of some lines can be applied without reading the cart again. */
const rowOfView = new WeakMap<CartView, CartRow>();

/**
 * The cart `cart` with `lines` (rows of `cart_line_item` as `LINE_ROW_JSON` returns them) in place
 * of its lines of the same ids, their adjustments and tax lines kept, every total computed again.
 * Null when `cart` was not built by this loader or a line is not one of its lines: the caller reads
 * the cart instead.
 */
export function withChangedLines(cart: CartView, lines: Json[]): CartView | null {
  const row = rowOfView.get(cart);
  if (!row) return null;
  const changed = new Map(lines.map((line) => [line.id as string, line]));
  if (![...changed.keys()].every((id) => row.items.some((i) => i.id === id))) return null;
  const items = row.items.map((item) => {
    const line = changed.get(item.id as string);
    return line ? { ...line, adjustments: item.adjustments, tax_lines: item.tax_lines } : item;
  });
  return cartFromRow({ ...row, items });
}

/**
 * The cart `cart` with `lines` (new rows of `cart_line_item` as `LINE_ROW_JSON` returns them) added,
 * without adjustments or tax lines yet, in the order `CART_SQL` reads lines (created_at, id), every
 * total computed again. Null when `cart` was not built by this loader: the caller reads the cart
 * instead.
 */
export function withAddedLines(cart: CartView, lines: Json[]): CartView | null {
  const row = rowOfView.get(cart);
  if (!row) return null;
  const added: Json[] = lines.map((line) => ({ ...line, adjustments: [], tax_lines: [] }));
  const time = (item: Json) => Date.parse(item.created_at as string);
  const id = (item: Json) => item.id as string;
  const items = [...row.items, ...added].sort((a, b) => time(a) - time(b) || (id(a) < id(b) ? -1 : id(a) > id(b) ? 1 : 0));
  return cartFromRow({ ...row, items });
}

/** A row of `CART_SQL` as a CartView with every total. */
export function cartFromRow(row: CartRow): CartView {
  const items = row.items as Array<Json & { adjustments: Json[]; tax_lines: Json[] }>;
  const methods = row.shipping_methods as Array<Json & { adjustments: Json[]; tax_lines: Json[] }>;

  const computed = computeTotals({
    items: items.map((i) => ({
      id: i.id as string,
      unit_price: i.unit_price as string,
      quantity: i.quantity as number,
      compare_at_unit_price: (i.compare_at_unit_price as string | null) ?? null,
      is_tax_inclusive: i.is_tax_inclusive as boolean,
      tax_lines: taxInput(i.tax_lines),
      adjustments: adjustmentInput(i.adjustments),
    })),
    shipping_methods: methods.map((m) => ({
      id: m.id as string,
      amount: m.amount as string,
      is_tax_inclusive: m.is_tax_inclusive as boolean,
      tax_lines: taxInput(m.tax_lines),
      adjustments: adjustmentInput(m.adjustments),
    })),
    credit_lines: row.credit_lines.map((cl) => ({ amount: cl.amount as string })),
  });

  const c = row.cart;
  const totals = {} as CartTotalsView;
  for (const key of CART_TOTAL_KEYS) totals[key] = toWireNumber(computed.totals[key], MONEY_DECIMALS);

  const itemViews: LineItemView[] = items.map((i) => ({
    id: i.id as string,
    cart_id: i.cart_id as string,
    title: i.title as string,
    subtitle: str(i.subtitle),
    thumbnail: str(i.thumbnail),
    quantity: i.quantity as number,
    variant_id: str(i.variant_id),
    product_id: str(i.product_id),
    product_title: str(i.product_title),
    product_description: str(i.product_description),
    product_subtitle: str(i.product_subtitle),
    product_type: str(i.product_type),
    product_type_id: str(i.product_type_id),
    product_collection: str(i.product_collection),
    product_handle: str(i.product_handle),
    variant_sku: str(i.variant_sku),
    variant_barcode: str(i.variant_barcode),
    variant_title: str(i.variant_title),
    variant_option_values: (i.variant_option_values as Json | null) ?? null,
    requires_shipping: i.requires_shipping as boolean,
    is_discountable: i.is_discountable as boolean,
    is_giftcard: i.is_giftcard as boolean,
    is_tax_inclusive: i.is_tax_inclusive as boolean,
    is_custom_price: i.is_custom_price as boolean,
    compare_at_unit_price: i.compare_at_unit_price === null ? null : wire(i.compare_at_unit_price),
    unit_price: wire(i.unit_price),
    metadata: (i.metadata as Json | null) ?? null,
    created_at: iso(i.created_at),
    updated_at: iso(i.updated_at),
    tax_lines: i.tax_lines.map((t) => ({ ...toTaxLineView(t), item_id: i.id as string })),
    adjustments: i.adjustments.map((a): LineItemAdjustmentView => ({ ...adjustmentBase(a), item_id: i.id as string, is_tax_inclusive: a.is_tax_inclusive as boolean })),
    ...lineTotalsView(computed.items.get(i.id as string)),
  }));

  const methodViews: ShippingMethodView[] = methods.map((m) => ({
    id: m.id as string,
    cart_id: m.cart_id as string,
    name: m.name as string,
    description: str(m.description),
    amount: wire(m.amount),
    is_tax_inclusive: m.is_tax_inclusive as boolean,
    shipping_option_id: str(m.shipping_option_id),
    data: (m.data as Json | null) ?? null,
    metadata: (m.metadata as Json | null) ?? null,
    created_at: iso(m.created_at),
    updated_at: iso(m.updated_at),
    tax_lines: m.tax_lines.map((t) => ({ ...toTaxLineView(t), shipping_method_id: m.id as string })),
    adjustments: m.adjustments.map((a): ShippingMethodAdjustmentView => ({ ...adjustmentBase(a), shipping_method_id: m.id as string })),
    ...lineTotalsView(computed.shipping_methods.get(m.id as string)),
  }));

  const creditViews: CreditLineView[] = row.credit_lines.map((cl) => ({
    id: cl.id as string,
    cart_id: cl.cart_id as string,
    reference: str(cl.reference),
    reference_id: str(cl.reference_id),
    amount: wire(cl.amount),
    metadata: (cl.metadata as Json | null) ?? null,
    created_at: iso(cl.created_at),
    updated_at: iso(cl.updated_at),
  }));

  const view: CartView = {
    id: c.id as string,
    currency_code: c.currency_code as string,
    email: str(c.email),
    locale: str(c.locale),
    region_id: str(c.region_id),
    created_at: iso(c.created_at),
    updated_at: iso(c.updated_at),
    completed_at: isoOrNull(c.completed_at),
    ...totals,
    metadata: (c.metadata as Json | null) ?? null,
    sales_channel_id: str(c.sales_channel_id),
    shipping_address_id: str(c.shipping_address_id),
    billing_address_id: str(c.billing_address_id),
    customer_id: str(c.customer_id),
    items: itemViews,
    shipping_methods: methodViews,
    shipping_address: toAddressView(row.shipping_address),
    billing_address: toAddressView(row.billing_address),
    credit_lines: creditViews,
  };
  rowOfView.set(view, row);
  return view;
}
