import { Context } from '../../framework/context/context';
import { generateId } from '../../framework/database/ids';
import { preparedQuery } from '../../framework/database/prepared';
import { OUTBOX_CTE, outboxCte } from '../../framework/events/event-bus.service';
import type { AddressInput, CreateCartInput, UpdateCartInput } from './cart.types';
import { CartAddress } from './entities/cart.entity';

/**
 * The cart row's own writes, with its addresses and the events they record, one prepared statement
 * each (plain SQL: every checkout creates a cart and sets its email and addresses). `CartService`
 * decides the events; these statements write them (`EventBus.outboxRows`).
 */

const ADDRESS_FIELDS = [
  'customer_id', 'company', 'first_name', 'last_name', 'address_1', 'address_2', 'city', 'country_code', 'province', 'postal_code', 'phone', 'metadata',
] as const;

/** The columns a new address is inserted with. */
const ADDRESS_COLUMNS = ['id', 'created_at', 'updated_at', ...ADDRESS_FIELDS].join(', ');

/** A new address row (for `jsonb_populate_recordset` over `ADDRESS_COLUMNS`), or null for none; the country in lower case. */
function newAddress(given: AddressInput | null | undefined, now: string): ({ id: string } & Record<string, unknown>) | null {
  if (!given) return null;
  const data: Record<string, unknown> = { metadata: null };
  for (const key of ADDRESS_FIELDS) if (given[key] !== undefined) data[key] = given[key];
  if (typeof data.country_code === 'string') data.country_code = data.country_code.toLowerCase();
  return { ...data, id: generateId(CartAddress.idPrefix), created_at: now, updated_at: now };
}

/** Inserts the cart `id` with its addresses and `events` (`EventBus.outboxRows`) in one statement. */
export async function insertCart(ctx: Context, id: string, input: CreateCartInput, events: string): Promise<void> {
  const now = new Date().toISOString();
  const shipping = newAddress(input.shipping_address, now);
  const billing = newAddress(input.billing_address, now);
  await preparedQuery(
    ctx,
    'stheno_cart_insert',
    `with ${OUTBOX_CTE},
     addresses as (
       insert into cart_address (${ADDRESS_COLUMNS})
       select ${ADDRESS_COLUMNS} from jsonb_populate_recordset(null::cart_address, ?::jsonb)
     )
     insert into cart (id, created_at, updated_at, region_id, currency_code, sales_channel_id, customer_id, email, locale, metadata,
       shipping_address_id, billing_address_id)
     values (?, ?::timestamptz, ?::timestamptz, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)`,
    [
      events,
      JSON.stringify([shipping, billing].filter((a) => a !== null)),
      id,
      now,
      now,
      input.region_id,
      input.currency_code.toLowerCase(),
      input.sales_channel_id,
      input.customer_id ?? null,
      input.email ?? null,
      input.locale ?? null,
      input.metadata == null ? null : JSON.stringify(input.metadata),
      shipping?.id ?? null,
      billing?.id ?? null,
    ],
  );
}

/** The update's events: those without `on_change`, and those of a region or customer change when it changed. */
const UPDATE_EVENTS = outboxCte({
  from: 'changed',
  where: `e.on_change is null or (e.on_change = 'region' and changed.region_changed) or (e.on_change = 'customer' and changed.customer_changed)`,
});

/**
 * Changes the cart's fields and replaces the addresses given (a replaced address row is deleted), and
 * records those of `events` that apply: each without `on_change`, those with `on_change: 'region'` /
 * `'customer'` when that value changed. One statement; false when there is no such cart. The caller
 * holds the cart's lock (the statement reads the current values without one).
 */
export async function updateCart(ctx: Context, id: string, input: UpdateCartInput, events: string): Promise<boolean> {
  const now = new Date().toISOString();
  const shipping = newAddress(input.shipping_address, now);
  const billing = newAddress(input.billing_address, now);
  const change = {
    set_region: input.region_id !== undefined,
    region_id: input.region_id ?? null,
    currency_code: input.currency_code?.toLowerCase() ?? null,
    set_sales_channel: input.sales_channel_id !== undefined,
    sales_channel_id: input.sales_channel_id ?? null,
    set_customer: input.customer_id !== undefined,
    customer_id: input.customer_id ?? null,
    set_email: input.email !== undefined,
    email: input.email ?? null,
    set_locale: input.locale !== undefined,
    locale: input.locale ?? null,
    set_metadata: input.metadata !== undefined,
    metadata: input.metadata ?? null,
    set_shipping: input.shipping_address !== undefined,
    shipping_address_id: shipping?.id ?? null,
    set_billing: input.billing_address !== undefined,
    billing_address_id: billing?.id ?? null,
  };
  const [row] = await preparedQuery<{ updated: boolean }>(
    ctx,
    'stheno_cart_update',
    `with cur as (
       select id, region_id, customer_id, shipping_address_id, billing_address_id from cart where id = ? and deleted_at is null
     ),
     u as (
       select * from jsonb_to_record(?::jsonb) as u(set_region boolean, region_id text, currency_code text,
         set_sales_channel boolean, sales_channel_id text, set_customer boolean, customer_id text, set_email boolean, email text,
         set_locale boolean, locale text, set_metadata boolean, metadata jsonb, set_shipping boolean, shipping_address_id text,
         set_billing boolean, billing_address_id text)
     ),
     replaced as (
       delete from cart_address a using cur, u
        where (u.set_shipping and a.id = cur.shipping_address_id) or (u.set_billing and a.id = cur.billing_address_id)
     ),
     added as (
       insert into cart_address (${ADDRESS_COLUMNS})
       select r.* from cur, (select ${ADDRESS_COLUMNS} from jsonb_populate_recordset(null::cart_address, ?::jsonb)) r
     ),
     changed as (
       update cart c set
         region_id = case when u.set_region then u.region_id else c.region_id end,
         currency_code = coalesce(u.currency_code, c.currency_code),
         sales_channel_id = case when u.set_sales_channel then u.sales_channel_id else c.sales_channel_id end,
         customer_id = case when u.set_customer then u.customer_id else c.customer_id end,
         email = case when u.set_email then u.email else c.email end,
         locale = case when u.set_locale then u.locale else c.locale end,
         metadata = case when u.set_metadata then u.metadata else c.metadata end,
         shipping_address_id = case when u.set_shipping then u.shipping_address_id else c.shipping_address_id end,
         billing_address_id = case when u.set_billing then u.billing_address_id else c.billing_address_id end,
         updated_at = ?::timestamptz
         from cur, u
        where c.id = cur.id
       returning u.set_region and u.region_id is distinct from cur.region_id as region_changed,
         u.set_customer and u.customer_id is distinct from cur.customer_id as customer_changed
     ),
     ${UPDATE_EVENTS}
     select true as updated from changed`,
    [id, JSON.stringify(change), JSON.stringify([shipping, billing].filter((a) => a !== null)), now, events],
  );
  return row !== undefined;
}
