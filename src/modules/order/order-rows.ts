import { Context } from '../../framework/context/context';
import { flushBeforeRead, hydrateJsonRow, jsonRowSql } from '../../framework/database/json-rows';
import { preparedByIds } from '../../framework/database/prepared';
import type { Order, OrderAddress, OrderCreditLine, OrderSummary } from './entities/order.entity';
import type { OrderItem, OrderLineItem, OrderLineItemAdjustment, OrderLineItemTaxLine } from './entities/line-item.entity';
import type {
  OrderShipping,
  OrderShippingMethod,
  OrderShippingMethodAdjustment,
  OrderShippingMethodTaxLine,
} from './entities/shipping-method.entity';
import { DETAIL_QUANTITIES, type OrderRows } from './order-view';

/** `order_item`'s numeric columns (quantities and the version's prices), as text. */
const DETAIL_NUMERICS = [...DETAIL_QUANTITIES, 'unit_price', 'compare_at_unit_price'];

const children = (table: string, owner: string, ownerId: string, numeric: string) =>
  `coalesce((select jsonb_agg(${jsonRowSql('x', [numeric])} order by x.created_at, x.id)
    from ${table} x where x.${owner} = ${ownerId} and x.deleted_at is null), '[]'::jsonb)`;

/**
 * Everything the order module stores about some orders, in ONE statement whatever their number: the
 * order row, its summary, addresses, lines (the current version's `order_item` with its line, the
 * line's adjustments and tax lines), shipping methods (the version's, not a return's, claim's or
 * exchange's, with their adjustments and tax lines) and credit lines, as a JSON document per order.
 * Children oldest first; soft-deleted rows left out, as the ORM's filter does.
 */
const ORDER_ROWS_SQL = `
select to_jsonb(o) as "order",
  (select to_jsonb(s) from order_summary s where s.order_id = o.id and s.version = o.version and s.deleted_at is null
    order by s.created_at desc, s.id desc limit 1) as summary,
  (select to_jsonb(a) from order_address a where a.id = o.shipping_address_id and a.deleted_at is null) as shipping_address,
  (select to_jsonb(a) from order_address a where a.id = o.billing_address_id and a.deleted_at is null) as billing_address,
  coalesce((select jsonb_agg(jsonb_build_object(
      'detail', ${jsonRowSql('d', DETAIL_NUMERICS)},
      'line', ${jsonRowSql('l', ['unit_price', 'compare_at_unit_price'])},
      'adjustments', ${children('order_line_item_adjustment', 'item_id', 'l.id', 'amount')},
      'tax_lines', ${children('order_line_item_tax_line', 'item_id', 'l.id', 'rate')}) order by d.created_at, d.id)
    from order_item d join order_line_item l on l.id = d.item_id and l.deleted_at is null
    where d.order_id = o.id and d.version = o.version and d.deleted_at is null), '[]'::jsonb) as lines,
  coalesce((select jsonb_agg(jsonb_build_object(
      'detail', to_jsonb(sh),
      'method', ${jsonRowSql('m', ['amount'])},
      'adjustments', ${children('order_shipping_method_adjustment', 'shipping_method_id', 'm.id', 'amount')},
      'tax_lines', ${children('order_shipping_method_tax_line', 'shipping_method_id', 'm.id', 'rate')}) order by sh.created_at, sh.id)
    from order_shipping sh join order_shipping_method m on m.id = sh.shipping_method_id and m.deleted_at is null
    where sh.order_id = o.id and sh.version = o.version and sh.return_id is null and sh.claim_id is null and sh.exchange_id is null
      and sh.deleted_at is null), '[]'::jsonb) as shipping,
  ${children('order_credit_line', 'order_id', 'o.id', 'amount')} as credit_lines
from "order" o where o.id {ids} and o.deleted_at is null`;

type Json = Record<string, unknown>;

interface Row {
  order: Json;
  summary: Json | null;
  shipping_address: Json | null;
  billing_address: Json | null;
  lines: Array<{ detail: Json; line: Json; adjustments: Json[]; tax_lines: Json[] }>;
  shipping: Array<{ detail: Json; method: Json; adjustments: Json[]; tax_lines: Json[] }>;
  credit_lines: Json[];
}

const hydrated = <T>(json: Json): T => hydrateJsonRow<T>(json);
const hydratedOrNull = <T>(json: Json | null): T | null => (json ? hydrateJsonRow<T>(json) : null);

/**
 * Everything stored about the orders `ids` (unknown or deleted ones skipped), in the order of
 * `ids`, read fresh from the database in one statement. Inside a transaction the ORM's pending
 * changes are flushed first, as its own queries would: this read goes past its unit of work.
 */
export async function loadOrderRows(ctx: Context, ids: string[]): Promise<OrderRows[]> {
  if (!ids.length) return [];
  await flushBeforeRead(ctx);
  const found = await preparedByIds<Row>(ctx, 'stheno_order_rows', ORDER_ROWS_SQL, ids);
  const byId = new Map(found.map((r) => [r.order.id as string, r]));
  return ids.flatMap((id): OrderRows[] => {
    const r = byId.get(id);
    if (!r) return [];
    return [
      {
        order: hydrated<Order>(r.order),
        summary: hydratedOrNull<OrderSummary>(r.summary),
        shipping_address: hydratedOrNull<OrderAddress>(r.shipping_address),
        billing_address: hydratedOrNull<OrderAddress>(r.billing_address),
        lines: r.lines.map((entry) => ({
          line: hydrated<OrderLineItem>(entry.line),
          detail: hydrated<OrderItem>(entry.detail),
          adjustments: entry.adjustments.map((a) => hydrated<OrderLineItemAdjustment>(a)),
          tax_lines: entry.tax_lines.map((t) => hydrated<OrderLineItemTaxLine>(t)),
        })),
        shipping: r.shipping.map((entry) => ({
          method: hydrated<OrderShippingMethod>(entry.method),
          detail: hydrated<OrderShipping>(entry.detail),
          adjustments: entry.adjustments.map((a) => hydrated<OrderShippingMethodAdjustment>(a)),
          tax_lines: entry.tax_lines.map((t) => hydrated<OrderShippingMethodTaxLine>(t)),
        })),
        credit_lines: r.credit_lines.map((c) => hydrated<OrderCreditLine>(c)),
      },
    ];
  });
}
