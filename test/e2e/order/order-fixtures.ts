import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Context, systemContext } from '../../../src/framework/context/context';
import { AuthService } from '../../../src/modules/auth/auth.service';
import { OrderService } from '../../../src/modules/order/order.service';
import type { CreateOrderInput, OrderLineItemInput } from '../../../src/modules/order/order.types';
import { claimsOf, IdentityApp } from '../../utils/identity';

export function ctxOf(t: IdentityApp): Context {
  return systemContext(t.app.get(MikroORM).em as EntityManager);
}

export function ordersOf(t: IdentityApp): OrderService {
  return t.app.get(OrderService);
}

export async function sql<T = Record<string, unknown>>(t: IdentityApp, query: string, params: unknown[] = []): Promise<T[]> {
  return (t.app.get(MikroORM).em.fork() as EntityManager).getConnection().execute<T[]>(query, params);
}

export function lineItem(overrides: Partial<OrderLineItemInput> = {}): OrderLineItemInput {
  return {
    title: 'Medusa Sweatshirt',
    subtitle: 'S',
    thumbnail: 'https://example.com/sweatshirt.png',
    variant_id: 'variant_01TEST',
    product_id: 'prod_01TEST',
    product_title: 'Medusa Sweatshirt',
    product_description: 'A classic sweatshirt.',
    product_subtitle: null,
    product_type: null,
    product_type_id: null,
    product_collection: null,
    product_handle: 'sweatshirt',
    variant_sku: 'SWEATSHIRT-S',
    variant_barcode: null,
    variant_title: 'S',
    variant_option_values: null,
    requires_shipping: true,
    is_discountable: true,
    is_tax_inclusive: false,
    is_giftcard: false,
    is_custom_price: false,
    compare_at_unit_price: null,
    unit_price: '10',
    quantity: 2,
    metadata: {},
    tax_lines: [],
    adjustments: [],
    ...overrides,
  };
}

const ADDRESS = {
  first_name: 'Ada',
  last_name: 'Lovelace',
  address_1: '1 Main St',
  city: 'Copenhagen',
  country_code: 'dk',
  postal_code: '1000',
  phone: '+4512345678',
};

/** A checkout snapshot as the cart flow hands it over: one line of 2 × 10 and 10 of shipping by default. */
export function snapshot(overrides: Partial<CreateOrderInput> = {}): CreateOrderInput {
  return {
    region_id: 'reg_01TEST',
    customer_id: null,
    sales_channel_id: 'sc_01TEST',
    email: 'buyer@example.com',
    currency_code: 'eur',
    shipping_address: { ...ADDRESS },
    billing_address: { ...ADDRESS, phone: null },
    items: [lineItem()],
    shipping_methods: [
      { name: 'Standard Shipping', description: null, amount: '10', is_tax_inclusive: false, shipping_option_id: 'so_01TEST', data: {}, metadata: null, tax_lines: [], adjustments: [] },
    ],
    ...overrides,
  };
}

export async function placeOrder(t: IdentityApp, overrides: Partial<CreateOrderInput> = {}): Promise<{ id: string; display_id: number }> {
  return ordersOf(t).createFromSnapshot(ctxOf(t), snapshot(overrides));
}

/** A customer identity linked to `customerId` (the customer module is not needed), signed in. */
export async function customerToken(t: IdentityApp, email: string, customerId: string): Promise<string> {
  const registered = await t.api.post('/auth/customer/emailpass/register').send({ email, password: 'pw-customer-1' }).expect(200);
  await t.app.get(AuthService).linkActor(ctxOf(t), claimsOf(registered.body.token).auth_identity_id as string, 'customer', customerId);
  return t.login('customer', email, 'pw-customer-1');
}

/** The rows a refused action must leave alone. */
export async function orderState(t: IdentityApp, orderId: string) {
  const [order] = await sql(t, 'select status, canceled_at, email, updated_at from "order" where id = ?', [orderId]);
  const items = await sql(t, 'select item_id, fulfilled_quantity, shipped_quantity, delivered_quantity, return_requested_quantity, return_received_quantity from order_item where order_id = ? order by item_id', [orderId]);
  const events = await sql(t, `select name from event_outbox where data->>'id' = ? or data->>'order_id' = ? order by name`, [orderId, orderId]);
  const returns = await sql(t, 'select id, status from "return" where order_id = ? order by id', [orderId]);
  return { order, items, events, returns };
}
