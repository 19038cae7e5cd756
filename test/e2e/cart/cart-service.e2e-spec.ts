import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Context, inTransaction, systemContext } from '../../../src/framework/context/context';
import { EventBus } from '../../../src/framework/events/event-bus.service';
import { CartService } from '../../../src/modules/cart/cart.service';
import type { LineItemInput } from '../../../src/modules/cart/cart.types';
import { createIdentityApp, IdentityApp } from '../../utils/identity';

const line = (extra: Partial<LineItemInput>): LineItemInput => ({ title: 'Thing', quantity: 1, unit_price: '10', ...extra });

/** The cart facade's low-level setters (what the checkout flows use) and the totals it reads back. */
describe('CartService', () => {
  let t: IdentityApp;
  let orm: MikroORM;
  let carts: CartService;
  let regionId: string;

  beforeAll(async () => {
    t = await createIdentityApp({ env: { OUTBOX_POLL_INTERVAL_MS: '3600000' } });
    orm = t.app.get(MikroORM);
    carts = t.app.get(CartService);
    const [region] = await sql<{ id: string }>(`select id from region where currency_code = 'eur'`);
    regionId = region.id;
  });
  afterAll(() => t.close());

  const ctx = (): Context => systemContext(orm.em as EntityManager);
  const sql = <T>(query: string, params: unknown[] = []) => (orm.em.fork() as EntityManager).getConnection().execute<T[]>(query, params);
  const newCart = () => carts.create(ctx(), { region_id: regionId, currency_code: 'EUR', sales_channel_id: null });

  it('computes every total from lines, tax lines, adjustments, shipping and credit lines (hand-computed)', async () => {
    const id = await newCart();
    const [itemId] = await carts.addLineItems(ctx(), id, [line({ quantity: 2, unit_price: '10' })]);
    await carts.setLineItemTaxLines(ctx(), id, [{ item_id: itemId, code: 'VAT', rate: 25, provider_id: 'tp_system' }]);
    await carts.setLineItemAdjustments(ctx(), id, [{ item_id: itemId, code: 'FIVE', amount: '5', promotion_id: 'promo_1' }]);
    const [methodId] = await carts.replaceShippingMethods(ctx(), id, [{ name: 'Standard', amount: '10', shipping_option_id: 'so_1' }]);
    await carts.setShippingMethodTaxLines(ctx(), id, [{ shipping_method_id: methodId, code: 'VAT', rate: '25' }]);
    await carts.setShippingMethodAdjustments(ctx(), id, [{ shipping_method_id: methodId, code: 'SHIP2', amount: '2', promotion_id: 'promo_2' }]);
    await carts.addCreditLines(ctx(), id, [{ amount: '3', reference: 'store-credit', reference_id: 'sc_1' }]);

    const cart = await carts.retrieve(ctx(), id);
    // item: 20 − 5 = 15 net, 25 % → 3.75 tax, 18.75; shipping: 10 − 2 = 8 net, 2 tax, 10; credit 3
    expect(cart.items[0]).toMatchObject({
      subtotal: 20, discount_subtotal: 5, discount_tax_total: 1.25, discount_total: 6.25,
      tax_total: 3.75, original_tax_total: 5, total: 18.75, original_total: 25,
      tax_lines: [{ code: 'VAT', rate: 25, provider_id: 'tp_system', item_id: itemId }],
      adjustments: [{ code: 'FIVE', amount: 5, promotion_id: 'promo_1', item_id: itemId, is_tax_inclusive: false }],
    });
    expect(cart.shipping_methods[0]).toMatchObject({ id: methodId, name: 'Standard', amount: 10, subtotal: 10, discount_total: 2.5, tax_total: 2, total: 10 });
    expect(cart).toMatchObject({
      currency_code: 'eur',
      item_subtotal: 20, item_tax_total: 3.75, item_total: 18.75, item_discount_total: 6.25, original_item_total: 25,
      shipping_subtotal: 10, shipping_tax_total: 2, shipping_total: 10, shipping_discount_total: 2.5, original_shipping_total: 12.5,
      subtotal: 30, tax_total: 5.75, discount_subtotal: 7, discount_total: 8.75, original_total: 37.5,
      credit_line_total: 3, credit_line_subtotal: 3, credit_line_tax_total: 0,
      total: 25.75,
    });
    expect(cart.credit_lines).toEqual([expect.objectContaining({ amount: 3, reference: 'store-credit', reference_id: 'sc_1' })]);
  });

  it('takes the tax out of tax-inclusive prices and rounds totals to the cent', async () => {
    const id = await newCart();
    const [inclusive, cents] = await carts.addLineItems(ctx(), id, [
      line({ unit_price: '12.5', is_tax_inclusive: true }),
      line({ unit_price: '9.99', quantity: 3 }),
    ]);
    await carts.setLineItemTaxLines(ctx(), id, [
      { item_id: inclusive, code: 'VAT', rate: 25 },
      { item_id: cents, code: 'VAT', rate: 25 },
    ]);
    const cart = await carts.retrieve(ctx(), id);
    expect(cart.items.find((i) => i.id === inclusive)).toMatchObject({ unit_price: 12.5, subtotal: 10, tax_total: 2.5, total: 12.5 });
    // 29.97 × 25 % = 7.4925
    expect(cart.items.find((i) => i.id === cents)).toMatchObject({ subtotal: 29.97, tax_total: 7.49, total: 37.46 });
    expect(cart.total).toBe(49.96);
  });

  it('records cart.updated inside a line write only when the write stands: a refused one (a line of another cart) leaves none', async () => {
    const id = await newCart();
    const other = await newCart();
    const [foreign] = await carts.addLineItems(ctx(), other, [line({})]);
    const updates = async () => (await sql<{ n: number }>(`select count(*)::int as n from event_outbox where name = 'cart.updated' and data->>'id' = ?`, [id]))[0].n;
    // the statement records the event and matches no line of this cart: not_found rolls both back
    await expect(carts.updateLineItem(ctx(), id, foreign, { quantity: 3 }, undefined, { recordUpdated: true })).rejects.toMatchObject({ type: 'not_found' });
    expect(await updates()).toBe(0);
    const [own] = await carts.addLineItems(ctx(), id, [line({})]);
    expect(await updates()).toBe(0);
    await carts.updateLineItem(ctx(), id, own, { quantity: 2 }, undefined, { recordUpdated: true });
    expect(await updates()).toBe(1);
  });

  it('records cart.region_updated and cart.customer_updated only for a value that changes', async () => {
    const id = await newCart();
    const names = async () =>
      (await sql<{ name: string }>(`select name from event_outbox where data->>'id' = ? and name like 'cart.%updated' order by created_at, id`, [id])).map((r) => r.name);
    const update = (input: Parameters<CartService['update']>[2]) =>
      inTransaction(ctx(), async (tx) => {
        await carts.lock(tx, id);
        await carts.update(tx, id, input);
      });
    // the region and customer the cart has already
    await update({ region_id: regionId, customer_id: null });
    expect(await names()).toEqual(['cart.updated']);
    await update({ customer_id: 'cus_someone' });
    expect(await names()).toEqual(['cart.updated', 'cart.updated', 'cart.customer_updated']);
    await expect(update({ email: 'x@example.com' }).then(() => carts.update(ctx(), 'cart_nope', { email: 'y@example.com' }))).rejects.toMatchObject({ type: 'not_found' });
    expect(await names()).toEqual(['cart.updated', 'cart.updated', 'cart.customer_updated', 'cart.updated']);
    expect(await sql(`select count(*)::int as n from event_outbox where data->>'id' = 'cart_nope'`)).toEqual([{ n: 0 }]);
  });

  it('replaces tax lines and adjustments on each call, and refuses lines of another cart without writing', async () => {
    const id = await newCart();
    const other = await newCart();
    const [itemId] = await carts.addLineItems(ctx(), id, [line({})]);
    const [foreign] = await carts.addLineItems(ctx(), other, [line({})]);
    await carts.setLineItemTaxLines(ctx(), id, [{ item_id: itemId, code: 'A', rate: 10 }, { item_id: itemId, code: 'B', rate: 5 }]);
    await carts.setLineItemTaxLines(ctx(), id, [{ item_id: itemId, code: 'C', rate: 20 }]);
    expect((await carts.retrieve(ctx(), id)).items[0].tax_lines.map((l) => l.code)).toEqual(['C']);
    // a refused replacement keeps the rows it would have replaced
    await expect(
      carts.setLineItemTaxLines(ctx(), id, [{ item_id: itemId, code: 'D', rate: 1 }, { item_id: foreign, code: 'D', rate: 1 }]),
    ).rejects.toMatchObject({ type: 'not_found', message: `Line item with id: ${foreign} was not found` });
    expect((await carts.retrieve(ctx(), id)).items[0].tax_lines.map((l) => l.code)).toEqual(['C']);

    await expect(
      carts.setLineItemAdjustments(ctx(), id, [{ item_id: itemId, amount: '1' }, { item_id: foreign, amount: '1' }]),
    ).rejects.toMatchObject({ type: 'not_found', message: `Line item with id: ${foreign} was not found` });
    expect(await sql(`select count(*)::int as n from cart_line_item_adjustment where item_id in (?, ?)`, [itemId, foreign])).toEqual([{ n: 0 }]);
    await expect(carts.updateLineItem(ctx(), id, foreign, { quantity: 3 })).rejects.toMatchObject({ type: 'not_found' });
    expect(await sql(`select quantity from cart_line_item where id = ?`, [foreign])).toEqual([{ quantity: 1 }]);

    await carts.setLineItemTaxLines(ctx(), id, []);
    expect((await carts.retrieve(ctx(), id)).items[0].tax_lines).toEqual([]);
  });

  it('replaces and removes shipping methods with their tax lines and adjustments', async () => {
    const id = await newCart();
    const [first] = await carts.replaceShippingMethods(ctx(), id, [{ name: 'Standard', amount: '5' }]);
    await carts.setShippingMethodTaxLines(ctx(), id, [{ shipping_method_id: first, code: 'VAT', rate: 25 }]);
    const [second] = await carts.replaceShippingMethods(ctx(), id, [{ name: 'Express', amount: '15', data: { speed: 'fast' } }]);
    const cart = await carts.retrieve(ctx(), id);
    expect(cart.shipping_methods).toEqual([expect.objectContaining({ id: second, name: 'Express', amount: 15, data: { speed: 'fast' }, tax_lines: [] })]);
    expect(await sql(`select count(*)::int as n from cart_shipping_method_tax_line where shipping_method_id = ?`, [first])).toEqual([{ n: 0 }]);
    await carts.removeShippingMethods(ctx(), id);
    expect((await carts.retrieve(ctx(), id)).shipping_methods).toEqual([]);
  });

  it('removes lines with their children', async () => {
    const id = await newCart();
    const [a, b] = await carts.addLineItems(ctx(), id, [line({ title: 'A' }), line({ title: 'B' })]);
    await carts.setLineItemTaxLines(ctx(), id, [{ item_id: a, code: 'VAT', rate: 25 }]);
    await carts.setLineItemAdjustments(ctx(), id, [{ item_id: a, amount: '1' }]);
    await carts.removeLineItems(ctx(), id, [a]);
    expect((await carts.retrieve(ctx(), id)).items.map((i) => i.id)).toEqual([b]);
    expect(await sql(`select (select count(*) from cart_line_item_tax_line where item_id = ?)::int as t, (select count(*) from cart_line_item_adjustment where item_id = ?)::int as a`, [a, a])).toEqual([{ t: 0, a: 0 }]);
  });

  it('locks for completion only inside a transaction, and marks a cart completed exactly once', async () => {
    const id = await newCart();
    await expect(carts.lockForCompletion(ctx(), id)).rejects.toMatchObject({ type: 'unexpected_state' });
    const locked = await inTransaction(ctx(), (tx) => carts.lockForCompletion(tx, id));
    expect(locked).toMatchObject({ id, completed_at: null });
    const events = t.app.get(EventBus);
    const first = events.outboxRows(ctx(), [{ name: 'test.completed', data: { id, run: 1 } }]);
    expect(await carts.markCompleted(ctx(), id, first)).toBe(true);
    const second = events.outboxRows(ctx(), [{ name: 'test.completed', data: { id, run: 2 } }]);
    expect(await carts.markCompleted(ctx(), id, second)).toBe(false);
    // the events of the completion that happened, not of the one refused
    expect(await sql(`select data->>'run' as run from event_outbox where name = 'test.completed' and data->>'id' = ?`, [id])).toEqual([{ run: '1' }]);
    expect((await carts.retrieve(ctx(), id)).completed_at).toEqual(expect.any(String));
    await expect(carts.retrieve(ctx(), 'cart_nope')).rejects.toMatchObject({ type: 'not_found', message: 'Cart id not found: cart_nope' });
  });
});
