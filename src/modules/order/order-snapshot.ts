import Decimal from 'decimal.js';
import { Context } from '../../framework/context/context';
import { generateId } from '../../framework/database/ids';
import { preparedQuery } from '../../framework/database/prepared';
import { SthenoError } from '../../framework/errors/stheno-error';
import { Order, OrderAddress, OrderCreditLine, OrderSummary } from './entities/order.entity';
import { OrderItem, OrderLineItem, OrderLineItemAdjustment, OrderLineItemTaxLine } from './entities/line-item.entity';
import {
  OrderShipping,
  OrderShippingMethod,
  OrderShippingMethodAdjustment,
  OrderShippingMethodTaxLine,
} from './entities/shipping-method.entity';
import { initialSummary } from './order-summary';
import { totalsOf } from './order-view';
import type { OrderRows } from './order-view';
import type { CreateOrderInput, OrderAddressInput, OrderAdjustmentInput, OrderTaxLineInput, PlacedOrder } from './order.types';

/** A decimal from the snapshot, or invalid_data naming the field. */
export function decimalInput(value: unknown, field: string, { positive = false, nonNegative = false } = {}): string {
  let d: Decimal | null = null;
  try {
    if (typeof value === 'number' || (typeof value === 'string' && value.trim() !== '')) d = new Decimal(value);
  } catch {
    d = null;
  }
  if (!d || !d.isFinite()) throw SthenoError.invalidData(`${field} must be a number`);
  if (positive && !d.gt(0)) throw SthenoError.invalidData(`${field} must be greater than 0`);
  if (nonNegative && d.lt(0)) throw SthenoError.invalidData(`${field} must not be negative`);
  return d.toFixed();
}

const stamp = (now: Date) => ({ created_at: now, updated_at: now, deleted_at: null });

function addressRow(input: OrderAddressInput, now: Date): OrderAddress {
  return {
    id: generateId(OrderAddress.idPrefix),
    customer_id: input.customer_id ?? null,
    company: input.company ?? null,
    first_name: input.first_name ?? null,
    last_name: input.last_name ?? null,
    address_1: input.address_1 ?? null,
    address_2: input.address_2 ?? null,
    city: input.city ?? null,
    country_code: input.country_code ? input.country_code.toLowerCase() : null,
    province: input.province ?? null,
    postal_code: input.postal_code ?? null,
    phone: input.phone ?? null,
    metadata: input.metadata ?? null,
    ...stamp(now),
  } as OrderAddress;
}

function taxLineFields(line: OrderTaxLineInput, field: string) {
  return {
    code: line.code,
    rate: decimalInput(line.rate, `${field}.rate`, { nonNegative: true }),
    description: line.description ?? null,
    tax_rate_id: line.tax_rate_id ?? null,
    provider_id: line.provider_id ?? null,
  };
}

function adjustmentFields(adjustment: OrderAdjustmentInput, field: string) {
  return {
    code: adjustment.code ?? null,
    amount: decimalInput(adjustment.amount, `${field}.amount`, { nonNegative: true }),
    description: adjustment.description ?? null,
    promotion_id: adjustment.promotion_id ?? null,
    provider_id: adjustment.provider_id ?? null,
  };
}

/**
 * Writes an order from the checkout's snapshot inside the caller's transaction: every value checked
 * first, then the display id from the sequence and one statement inserting into every table (addresses,
 * order, line items, their quantities, adjustments, tax lines, shipping methods and theirs, credit
 * lines, summary). The summary's totals are the order's own totals, computed from the rows being written.
 */
export async function insertOrderSnapshot(tx: Context, input: CreateOrderInput): Promise<PlacedOrder> {
  if (!input.currency_code) throw SthenoError.invalidData('currency_code is required');
  const now = new Date();

  const shippingAddress = input.shipping_address ? addressRow(input.shipping_address, now) : null;
  const billingAddress = input.billing_address ? addressRow(input.billing_address, now) : null;
  const order = {
    id: generateId(Order.idPrefix),
    custom_display_id: null,
    version: 1,
    status: input.status ?? 'pending',
    region_id: input.region_id ?? null,
    customer_id: input.customer_id ?? null,
    sales_channel_id: input.sales_channel_id ?? null,
    email: input.email ?? null,
    currency_code: input.currency_code.toLowerCase(),
    locale: input.locale ?? null,
    shipping_address_id: shippingAddress?.id ?? null,
    billing_address_id: billingAddress?.id ?? null,
    no_notification: input.no_notification ?? false,
    is_draft_order: input.status === 'draft',
    metadata: input.metadata ?? null,
    canceled_at: null,
    ...stamp(now),
  } as Order;

  const lines: OrderRows['lines'] = input.items.map((item, index) => {
    const field = `items[${index}]`;
    const line = {
      id: generateId(OrderLineItem.idPrefix),
      title: item.title,
      subtitle: item.subtitle ?? null,
      thumbnail: item.thumbnail ?? null,
      variant_id: item.variant_id ?? null,
      product_id: item.product_id ?? null,
      product_title: item.product_title ?? null,
      product_description: item.product_description ?? null,
      product_subtitle: item.product_subtitle ?? null,
      product_type: item.product_type ?? null,
      product_type_id: item.product_type_id ?? null,
      product_collection: item.product_collection ?? null,
      product_handle: item.product_handle ?? null,
      variant_sku: item.variant_sku ?? null,
      variant_barcode: item.variant_barcode ?? null,
      variant_title: item.variant_title ?? null,
      variant_option_values: item.variant_option_values ?? null,
      requires_shipping: item.requires_shipping ?? true,
      is_giftcard: item.is_giftcard ?? false,
      is_discountable: item.is_discountable ?? true,
      is_tax_inclusive: item.is_tax_inclusive ?? false,
      is_custom_price: item.is_custom_price ?? false,
      compare_at_unit_price:
        item.compare_at_unit_price === null || item.compare_at_unit_price === undefined
          ? null
          : decimalInput(item.compare_at_unit_price, `${field}.compare_at_unit_price`, { nonNegative: true }),
      unit_price: decimalInput(item.unit_price, `${field}.unit_price`, { nonNegative: true }),
      metadata: item.metadata ?? {},
      ...stamp(now),
    } as OrderLineItem;
    const detail = {
      id: generateId(OrderItem.idPrefix),
      order_id: order.id,
      version: 1,
      item_id: line.id,
      quantity: decimalInput(item.quantity, `${field}.quantity`, { positive: true }),
      fulfilled_quantity: '0',
      delivered_quantity: '0',
      shipped_quantity: '0',
      return_requested_quantity: '0',
      return_received_quantity: '0',
      return_dismissed_quantity: '0',
      written_off_quantity: '0',
      unit_price: null,
      compare_at_unit_price: null,
      metadata: {},
      ...stamp(now),
    } as OrderItem;
    const adjustments = (item.adjustments ?? []).map(
      (a, i) =>
        ({ id: generateId(OrderLineItemAdjustment.idPrefix), item_id: line.id, ...adjustmentFields(a, `${field}.adjustments[${i}]`), ...stamp(now) }) as OrderLineItemAdjustment,
    );
    const tax_lines = (item.tax_lines ?? []).map(
      (t, i) =>
        ({ id: generateId(OrderLineItemTaxLine.idPrefix), item_id: line.id, ...taxLineFields(t, `${field}.tax_lines[${i}]`), ...stamp(now) }) as OrderLineItemTaxLine,
    );
    return { line, detail, adjustments, tax_lines };
  });

  const shipping: OrderRows['shipping'] = input.shipping_methods.map((sm, index) => {
    const field = `shipping_methods[${index}]`;
    const method = {
      id: generateId(OrderShippingMethod.idPrefix),
      name: sm.name,
      description: sm.description ?? null,
      amount: decimalInput(sm.amount, `${field}.amount`, { nonNegative: true }),
      is_tax_inclusive: sm.is_tax_inclusive ?? false,
      is_custom_amount: sm.is_custom_amount ?? false,
      shipping_option_id: sm.shipping_option_id ?? null,
      data: sm.data ?? {},
      metadata: sm.metadata ?? null,
      ...stamp(now),
    } as OrderShippingMethod;
    const detail = {
      id: generateId(OrderShipping.idPrefix),
      order_id: order.id,
      version: 1,
      shipping_method_id: method.id,
      return_id: null,
      exchange_id: null,
      claim_id: null,
      ...stamp(now),
    } as OrderShipping;
    const adjustments = (sm.adjustments ?? []).map(
      (a, i) =>
        ({
          id: generateId(OrderShippingMethodAdjustment.idPrefix),
          shipping_method_id: method.id,
          ...adjustmentFields(a, `${field}.adjustments[${i}]`),
          ...stamp(now),
        }) as OrderShippingMethodAdjustment,
    );
    const tax_lines = (sm.tax_lines ?? []).map(
      (t, i) =>
        ({
          id: generateId(OrderShippingMethodTaxLine.idPrefix),
          shipping_method_id: method.id,
          ...taxLineFields(t, `${field}.tax_lines[${i}]`),
          ...stamp(now),
        }) as OrderShippingMethodTaxLine,
    );
    return { method, detail, adjustments, tax_lines };
  });

  const credit_lines = (input.credit_lines ?? []).map(
    (c, i) =>
      ({
        id: generateId(OrderCreditLine.idPrefix),
        order_id: order.id,
        reference: c.reference ?? null,
        reference_id: c.reference_id ?? null,
        amount: decimalInput(c.amount, `credit_lines[${i}].amount`, { nonNegative: true }),
        metadata: c.metadata ?? null,
        ...stamp(now),
      }) as OrderCreditLine,
  );

  const { totals } = totalsOf({ lines, shipping, credit_lines });
  const summary = {
    id: generateId(OrderSummary.idPrefix),
    order_id: order.id,
    version: 1,
    totals: initialSummary(totals.total, totals.credit_line_total),
    ...stamp(now),
  } as OrderSummary;

  // one statement, once every value is known to be valid: a refused snapshot uses up no display id
  const addresses = [shippingAddress, billingAddress].filter((a): a is OrderAddress => !!a);
  order.display_id = await writeSnapshotRows(tx, [
    ['order_address', addresses],
    ['order', [order]],
    ['order_line_item', lines.map((l) => l.line)],
    ['order_item', lines.map((l) => l.detail)],
    ['order_line_item_adjustment', lines.flatMap((l) => l.adjustments)],
    ['order_line_item_tax_line', lines.flatMap((l) => l.tax_lines)],
    ['order_shipping_method', shipping.map((s) => s.method)],
    ['order_shipping', shipping.map((s) => s.detail)],
    ['order_shipping_method_adjustment', shipping.flatMap((s) => s.adjustments)],
    ['order_shipping_method_tax_line', shipping.flatMap((s) => s.tax_lines)],
    ['order_credit_line', credit_lines],
    ['order_summary', [summary]],
  ]);
  return { id: order.id, display_id: order.display_id, item_ids: lines.map((l) => l.line.id) };
}

/** Statement texts by shape (which tables get rows, with which columns) and the name each is prepared under. */
const snapshotStatements = new Map<string, string>();

/**
 * Inserts an order's rows into its tables and gives the order its display id from the sequence, in
 * one statement: a data-modifying CTE per table reads that table's rows from a JSON array
 * (`jsonb_populate_recordset` over the table's own row type, so each value is converted as its column
 * declares) and inserts the columns the rows carry (entity properties are the column names). Foreign
 * keys are checked when the statement ends, after every insert. Answers the display id.
 */
async function writeSnapshotRows(tx: Context, tables: Array<[table: string, rows: object[]]>): Promise<number> {
  const written = tables.filter(([, rows]) => rows.length > 0);
  const parts = written.map(([table, rows], index) => {
    const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))].map((column) => `"${column}"`);
    const display = table === 'order';
    return `t${index} as (
      insert into "${table}" (${columns.join(', ')}${display ? ', display_id' : ''})
      select ${columns.map((c) => `r.${c}`).join(', ')}${display ? ', d.display_id' : ''}
      from jsonb_populate_recordset(null::"${table}", ?::jsonb) r${display ? ' cross join display d' : ''})`;
  });
  const sql = `with display as (select nextval(pg_get_serial_sequence('"order"', 'display_id')) as display_id),
    ${parts.join(',\n    ')}
    select display_id from display`;
  let name = snapshotStatements.get(sql);
  if (name === undefined) {
    name = `stheno_order_insert_${snapshotStatements.size + 1}`;
    snapshotStatements.set(sql, name);
  }
  const [row] = await preparedQuery<{ display_id: string }>(tx, name, sql, written.map(([, rows]) => JSON.stringify(rows)));
  return Number(row.display_id);
}
