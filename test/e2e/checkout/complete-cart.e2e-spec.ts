import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { CompleteCartHooks } from '../../../src/flows/cart/complete-cart.hooks';
import { inTransaction, systemContext, type Context } from '../../../src/framework/context/context';
import { CartPaymentCollectionLinks } from '../../../src/links/cart-links.service';
import { CartService } from '../../../src/modules/cart/cart.service';
import { CustomerService } from '../../../src/modules/customer/customer.service';
import { PaymentService } from '../../../src/modules/payment/payment.service';
import { RecordingTestProvider, testPaymentProviders } from '../../fixtures/payment-providers.fixture';
import { CatalogFixture, seedCatalog } from '../../fixtures/catalog.fixture';
import { signUp } from '../customers/customer-helpers';
import { bearer, createIdentityApp, IdentityApp } from '../../utils/identity';
import { isEmbeddedTestDatabase } from '../../utils/test-database';

type Body = any; // eslint-disable-line @typescript-eslint/no-explicit-any

const STORE_RULES = [
  { attribute: 'enabled_in_store', operator: 'eq', value: 'true' },
  { attribute: 'is_return', operator: 'eq', value: 'false' },
];
const ADDRESS = { first_name: 'Ada', last_name: 'Lovelace', address_1: '1 Main St', city: 'Copenhagen', country_code: 'dk', postal_code: '1000' };

/**
 * POST /store/carts/:id/complete: one transaction from the cart to the order (issue 5, "Complete
 * cart is one transaction" and "Correctness"). Carts are prepared through the cart, payment and
 * link facades (shipping methods, tax lines, adjustments, the payment collection and its session).
 */
describe('Complete cart', () => {
  let t: IdentityApp;
  let c: CatalogFixture;
  let em: EntityManager;
  let optionId: string;
  let promotionId: string;
  let recording: RecordingTestProvider;

  const sql = (statement: string, params: unknown[] = []): Promise<Body[]> => em.getConnection().execute(statement, params);
  const ctx = (): Context => systemContext(t.app.get(MikroORM).em as EntityManager);
  const store = (method: 'get' | 'post', url: string, token?: string) => {
    const req = t.api[method](url).set('x-publishable-api-key', t.publishableKey);
    return token ? req.set(...bearer(token)) : req;
  };
  const complete = (cartId: string, token?: string) => store('post', `/store/carts/${cartId}/complete`, token);

  beforeAll(async () => {
    t = await createIdentityApp({ imports: [testPaymentProviders()], env: { OUTBOX_POLL_INTERVAL_MS: '3600000' } });
    c = await seedCatalog(t.app, t.salesChannelId);
    em = t.app.get(MikroORM).em.fork() as EntityManager;
    recording = t.app.get(RecordingTestProvider);

    // a variant with exactly 10 units at the channel's location, for the oversell race
    await sql(`insert into product_variant (id, title, sku, manage_inventory, variant_rank, product_id) values ('variant_limited', 'L', 'SHIRT-BLUE-L', true, 2, 'prod_shirt')`);
    await sql(`insert into price_set (id) values ('pset_limited')`);
    await sql(`insert into product_variant_price_set (variant_id, price_set_id) values ('variant_limited', 'pset_limited')`);
    await sql(`insert into price (id, currency_code, amount, rules_count, price_set_id) values ('price_limited', 'eur', 20, 0, 'pset_limited')`);
    await sql(`insert into inventory_item (id, sku) values ('iitem_limited', 'SHIRT-BLUE-L')`);
    await sql(`insert into inventory_level (id, inventory_item_id, location_id, stocked_quantity, reserved_quantity) values ('ilev_limited', 'iitem_limited', 'sloc_main', 10, 0)`);
    await sql(`insert into product_variant_inventory_item (variant_id, inventory_item_id, required_quantity) values ('variant_limited', 'iitem_limited', 1)`);

    // shipping from the channel's location to Denmark: "Standard", 10 eur
    const admin = bearer(t.adminToken);
    const withSet = await t.api.post('/admin/stock-locations/sloc_main/fulfillment-sets?fields=*fulfillment_sets').set(...admin).send({ name: 'Main shipping', type: 'shipping' }).expect(200);
    const setId = withSet.body.stock_location.fulfillment_sets[0].id;
    const zone = (await t.api.post(`/admin/fulfillment-sets/${setId}/service-zones`).set(...admin).send({ name: 'Denmark', geo_zones: [{ type: 'country', country_code: 'dk' }] }).expect(200)).body.fulfillment_set.service_zones[0];
    const profile = (await t.api.post('/admin/shipping-profiles').set(...admin).send({ name: 'Default', type: 'default' }).expect(200)).body.shipping_profile;
    optionId = (
      await t.api
        .post('/admin/shipping-options')
        .set(...admin)
        .send({ name: 'Standard', service_zone_id: zone.id, shipping_profile_id: profile.id, provider_id: 'manual_manual', price_type: 'flat', type: { label: 'Standard', code: 'standard' }, prices: [{ currency_code: 'eur', amount: 10 }], rules: STORE_RULES })
        .expect(200)
    ).body.shipping_option.id;

    // 10 % off items, in a campaign whose budget counts usages
    promotionId = (
      await t.api
        .post('/admin/promotions')
        .set(...admin)
        .send({
          code: 'TENOFF',
          type: 'standard',
          status: 'active',
          application_method: { type: 'percentage', target_type: 'items', allocation: 'across', value: 10 },
          campaign: { name: 'Launch', campaign_identifier: 'launch', budget: { type: 'usage', limit: 100 } },
        })
        .expect(200)
    ).body.promotion.id;
  });
  afterAll(() => t.close());
  beforeEach(() => recording.reset());

  interface CartSetup {
    token?: string;
    email?: string | null;
    lines?: Array<[string, number]>;
    shipping?: boolean;
    tax?: boolean;
    promotion?: boolean;
    provider?: string | null;
    /** The session amount, when it should differ from the cart's total. */
    amount?: number;
    collection?: boolean;
  }

  /** A cart ready to complete (unless told otherwise): lines, shipping, 25 % tax, the promotion, a payment session. */
  async function readyCart(setup: CartSetup = {}): Promise<{ id: string; collectionId: string | null; total: number }> {
    const { token, lines = [[c.ids.mugVariant, 2]], shipping = true, tax = false, promotion = false, provider = 'pp_system_default', collection = true } = setup;
    const email = setup.email === undefined ? 'buyer@example.com' : setup.email;
    const created = await store('post', '/store/carts', token).send({ region_id: c.regionId, ...(email ? { email } : {}), shipping_address: ADDRESS, billing_address: ADDRESS }).expect(200);
    const cartId: string = created.body.cart.id;
    for (const [variant, quantity] of lines) await store('post', `/store/carts/${cartId}/line-items`, token).send({ variant_id: variant, quantity }).expect(200);
    const carts = t.app.get(CartService);
    let cart = await carts.retrieve(ctx(), cartId);
    if (shipping) {
      const [methodId] = await carts.replaceShippingMethods(ctx(), cartId, [{ name: 'Standard', amount: '10', shipping_option_id: optionId }]);
      if (tax) await carts.setShippingMethodTaxLines(ctx(), cartId, [{ shipping_method_id: methodId, code: 'DK', rate: 25, description: 'Moms' }]);
    }
    if (tax) await carts.setLineItemTaxLines(ctx(), cartId, cart.items.map((i) => ({ item_id: i.id, code: 'DK', rate: 25, description: 'Moms', provider_id: 'tp_system' })));
    if (promotion) {
      await carts.setLineItemAdjustments(
        ctx(),
        cartId,
        cart.items.map((i) => ({ item_id: i.id, amount: String(i.subtotal * 0.1), code: 'TENOFF', promotion_id: promotionId })),
      );
    }
    cart = await carts.retrieve(ctx(), cartId);
    let collectionId: string | null = null;
    if (collection) {
      const payments = t.app.get(PaymentService);
      collectionId = (await payments.createCollection(ctx(), { currency_code: 'eur', amount: cart.total })).id;
      await t.app.get(CartPaymentCollectionLinks).link(ctx(), cartId, collectionId);
      if (provider) await payments.createSession(ctx(), collectionId, { provider_id: provider, ...(setup.amount !== undefined ? { amount: setup.amount } : {}) });
    }
    return { id: cartId, collectionId, total: cart.total };
  }

  /** Everything completion writes, to prove a refused one wrote nothing. */
  const footprint = async () => ({
    orders: (await sql(`select count(*)::int as n from "order"`))[0].n,
    reservations: await sql(`select inventory_item_id, sum(quantity)::int as q from reservation_item where deleted_at is null group by inventory_item_id order by 1`),
    levels: await sql(`select id, reserved_quantity::int as r from inventory_level order by id`),
    completed: (await sql(`select count(*)::int as n from cart where completed_at is not null`))[0].n,
    links: (await sql(`select count(*)::int as n from order_cart`))[0].n,
    budget: (await sql(`select used::int as used from promotion_campaign_budget`))[0].used,
    placed: (await sql(`select count(*)::int as n from event_outbox where name = 'order.placed'`))[0].n,
    payments: (await sql(`select count(*)::int as n from payment`))[0].n,
  });

  it('gives concurrent guest checkouts with one new email one guest customer (one customer.created), and reuses it later', async () => {
    const email = `twins-${Date.now()}@example.com`;
    const carts = await Promise.all([readyCart({ email }), readyCart({ email })]);
    const done = await Promise.all(carts.map((cart) => complete(cart.id)));
    expect(done.map((r) => [r.status, r.body.type])).toEqual([
      [200, 'order'],
      [200, 'order'],
    ]);
    const guests = await sql(`select id, has_account from customer where email = ?`, [email]);
    expect(guests).toEqual([{ id: expect.stringMatching(/^cus_/), has_account: false }]);
    expect(done.map((r) => r.body.order.customer_id)).toEqual([guests[0].id, guests[0].id]);
    const created = async () => (await sql(`select count(*)::int as n from event_outbox where name = 'customer.created' and data->>'id' = ?`, [guests[0].id]))[0].n;
    expect(await created()).toBe(1);

    // a later checkout with the same email (written differently) is the same guest, and creates nobody
    const later = await readyCart({ email: email.toUpperCase() });
    const third = await complete(later.id).expect(200);
    expect(third.body.order.customer_id).toBe(guests[0].id);
    expect(await sql(`select id from customer where lower(email) = ?`, [email])).toEqual([{ id: guests[0].id }]);
    expect(await created()).toBe(1);
  });

  if (!isEmbeddedTestDatabase()) {
    // two transactions at once need a pool of connections: PostgreSQL only
    it('answers the guest another transaction committed while its statement waited on it (read again, no customer.created)', async () => {
      const email = `waiting-${Date.now()}@example.com`;
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let inserted!: () => void;
      const ready = new Promise<void>((resolve) => (inserted = resolve));
      const other = inTransaction(ctx(), async (tx) => {
        const [row] = await tx.em.execute<Array<{ id: string }>>(`insert into customer (id, email, has_account) values (?, ?, false) returning id`, [`cus_waiting_${Date.now()}`, email]);
        inserted();
        await held;
        return row.id;
      });
      await ready;
      // its insert waits on the other transaction's row, in a statement whose snapshot predates that row's commit
      const guest = t.app.get(CustomerService).guestIdFor(ctx(), email);
      await new Promise((resolve) => setTimeout(resolve, 300));
      release();
      const [otherId, guestId] = await Promise.all([other, guest]);
      expect(guestId).toBe(otherId);
      expect(await sql(`select id from customer where email = ?`, [email])).toEqual([{ id: otherId }]);
      expect(await sql(`select id from event_outbox where name = 'customer.created' and data->>'id' = ?`, [otherId])).toEqual([]);
      // nor for the customer it did not create
      expect(await sql(`select e.id from event_outbox e where e.name = 'customer.created' and not exists (select 1 from customer c where c.id = e.data->>'id')`)).toEqual([]);
    });
  }

  it('completes a guest checkout: totals to the cent with 25 % tax, shipping and 10 % off (medusa-wire 16)', async () => {
    const cart = await readyCart({ tax: true, promotion: true, email: 'guest@example.com', lines: [[c.ids.shirtS, 2]] });
    // 2 × 15 = 30, −10 % = 27, +25 % tax = 33.75; shipping 10 + 25 % = 12.50; total 46.25
    expect(cart.total).toBe(46.25);
    const before = await footprint();
    const res = await complete(cart.id).expect(200);
    const order = res.body.order;
    expect(res.body.type).toBe('order');
    expect(order).toMatchObject({
      id: expect.stringMatching(/^order_/),
      status: 'pending',
      email: 'guest@example.com',
      currency_code: 'eur',
      region_id: c.regionId,
      sales_channel_id: t.salesChannelId,
      total: 46.25,
      subtotal: 40,
      tax_total: 9.25,
      item_total: 33.75,
      item_subtotal: 30,
      item_tax_total: 6.75,
      shipping_total: 12.5,
      shipping_subtotal: 10,
      shipping_tax_total: 2.5,
      discount_subtotal: 3,
      original_total: 50,
      payment_status: 'authorized',
      summary: expect.objectContaining({ current_order_total: 46.25, pending_difference: 46.25, paid_total: 0 }),
      shipping_address: expect.objectContaining({ first_name: 'Ada', city: 'Copenhagen', country_code: 'dk' }),
      billing_address: expect.objectContaining({ address_1: '1 Main St', country_code: 'dk' }),
    });
    const [line] = order.items;
    expect(line).toMatchObject({
      title: 'Blue Cotton Shirt',
      subtitle: 'S',
      variant_id: c.ids.shirtS,
      product_id: c.ids.shirt,
      product_handle: 'blue-shirt',
      variant_sku: 'SHIRT-BLUE-S',
      variant_option_values: { Size: 'S' },
      unit_price: 15,
      compare_at_unit_price: 18,
      quantity: 2,
      total: 33.75,
      tax_lines: [expect.objectContaining({ code: 'DK', rate: 25, description: 'Moms' })],
      adjustments: [expect.objectContaining({ code: 'TENOFF', amount: 3, promotion_id: promotionId })],
      detail: expect.objectContaining({ quantity: 2, fulfilled_quantity: 0 }),
    });
    expect(order.shipping_methods).toEqual([
      expect.objectContaining({ name: 'Standard', amount: 10, shipping_option_id: optionId, total: 12.5, tax_lines: [expect.objectContaining({ rate: 25 })] }),
    ]);
    expect(order.payment_collections).toEqual([
      expect.objectContaining({ id: cart.collectionId, status: 'authorized', amount: 46.25, authorized_amount: 46.25, captured_amount: 0 }),
    ]);

    // the guest got a guest customer record, as Medusa's guest checkout does
    const [guest] = await sql(`select id, has_account from customer where email = 'guest@example.com'`);
    expect(order.customer_id).toBe(guest.id);
    expect(guest.has_account).toBe(false);
    // rows: one order, its reservation per line, the cart completed, usage, the links, order.placed
    const after = await footprint();
    expect(after.orders).toBe(before.orders + 1);
    const reservations = await sql(`select inventory_item_id, location_id, quantity::int as q, line_item_id from reservation_item where line_item_id = ?`, [line.id]);
    expect(reservations).toEqual([{ inventory_item_id: 'iitem_s', location_id: 'sloc_main', q: 2, line_item_id: line.id }]);
    const [cartRow] = await sql(`select completed_at from cart where id = ?`, [cart.id]);
    expect(cartRow.completed_at).not.toBeNull();
    expect(after.budget).toBe(before.budget + 1);
    expect(await sql(`select cart_id from order_cart where order_id = ?`, [order.id])).toEqual([{ cart_id: cart.id }]);
    expect(await sql(`select promotion_id from order_promotion where order_id = ?`, [order.id])).toEqual([{ promotion_id: promotionId }]);
    expect(await sql(`select payment_collection_id from order_payment_collection where order_id = ?`, [order.id])).toEqual([{ payment_collection_id: cart.collectionId }]);
    expect(await sql(`select data from event_outbox where name = 'order.placed' and data->>'id' = ?`, [order.id])).toEqual([{ data: { id: order.id } }]);
    // the order reads back the same through the store
    const read = await store('get', `/store/orders/${order.id}`).expect(200);
    expect(read.body.order).toMatchObject({ id: order.id, total: 46.25, display_id: order.display_id });
  });

  it('completes a registered customer\'s checkout with the same totals, for that customer', async () => {
    const { customer, token } = await signUp(t, 'member@example.com');
    const cart = await readyCart({ token, tax: true, promotion: true, email: 'member@example.com', lines: [[c.ids.shirtS, 2]] });
    const res = await complete(cart.id, token).expect(200);
    expect(res.body.order).toMatchObject({ customer_id: customer.id, email: 'member@example.com', total: 46.25, tax_total: 9.25, payment_status: 'authorized' });
    const mine = await store('get', '/store/orders', token).expect(200);
    expect(mine.body.orders.map((o: Body) => o.id)).toContain(res.body.order.id);
    expect(await sql(`select count(*)::int as n from customer where email = 'member@example.com'`)).toEqual([{ n: 1 }]);
  });

  it('never oversells: 40 concurrent checkouts for 10 units → 10 orders and 30 × 400 insufficient_inventory', async () => {
    const carts: string[] = [];
    for (let i = 0; i < 40; i++) carts.push((await readyCart({ lines: [['variant_limited', 1]], email: `race${i}@example.com` })).id);
    const before = await footprint();
    const responses = await Promise.all(carts.map((id) => complete(id)));
    const ok = responses.filter((r) => r.status === 200);
    const refused = responses.filter((r) => r.status === 400);
    expect(ok).toHaveLength(10);
    expect(refused).toHaveLength(30);
    for (const r of ok) expect(r.body).toMatchObject({ type: 'order', order: { id: expect.stringMatching(/^order_/) } });
    for (const r of refused) expect(r.body).toMatchObject({ type: 'not_allowed', code: 'insufficient_inventory' });
    const [level] = await sql(`select stocked_quantity::int as s, reserved_quantity::int as r from inventory_level where id = 'ilev_limited'`);
    expect(level).toEqual({ s: 10, r: 10 });
    const reservations = await sql(
      `select r.line_item_id, l.id as order_line from reservation_item r left join order_line_item l on l.id = r.line_item_id
        where r.inventory_item_id = 'iitem_limited' and r.deleted_at is null`,
    );
    expect(reservations).toHaveLength(10);
    expect(reservations.every((r) => r.order_line === r.line_item_id)).toBe(true);
    const after = await footprint();
    expect(after.orders).toBe(before.orders + 10);
    expect(after.completed).toBe(before.completed + 10);
    expect(after.placed).toBe(before.placed + 10);
    // the 30 losers are untouched and still open
    const open = await sql(`select count(*)::int as n from cart where id = any(?) and completed_at is null`, [`{${carts.join(',')}}`]);
    expect(open).toEqual([{ n: 30 }]);
  });

  it('the same cart completed 10 times at once → one order, every response 200 with its id', async () => {
    const cart = await readyCart();
    const before = await footprint();
    const responses = await Promise.all(Array.from({ length: 10 }, () => complete(cart.id)));
    expect(responses.map((r) => r.status)).toEqual(Array(10).fill(200));
    const ids = new Set(responses.map((r) => r.body.order.id));
    expect(ids.size).toBe(1);
    const after = await footprint();
    expect(after.orders).toBe(before.orders + 1);
    expect(after.payments).toBe(before.payments + 1);
    expect(after.placed).toBe(before.placed + 1);
    // later too: a completed cart answers its order
    const again = await complete(cart.id).expect(200);
    expect(again.body).toMatchObject({ type: 'order', order: { id: [...ids][0] } });
  });

  it('replays the first response for a repeated Idempotency-Key', async () => {
    const cart = await readyCart();
    const first = await complete(cart.id).set('Idempotency-Key', `complete-${cart.id}`).expect(200);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const replay = await complete(cart.id).set('Idempotency-Key', `complete-${cart.id}`).expect(200);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body).toEqual(first.body);
  });

  it('a refused authorization → 200 {type: "cart", cart, error}, nothing persisted, and the cart completes later with another provider', async () => {
    const cart = await readyCart({ provider: 'pp_refuse_test', lines: [[c.ids.shirtS, 1]] });
    const before = await footprint();
    const res = await complete(cart.id).expect(200);
    expect(res.body).toEqual({
      type: 'cart',
      cart: expect.objectContaining({ id: cart.id, completed_at: null, total: cart.total }),
      error: { message: expect.stringMatching(/was not authorized with the provider/), name: 'Error', type: 'payment_authorization_error' },
    });
    expect(await footprint()).toEqual(before);

    const payments = t.app.get(PaymentService);
    await payments.createSession(ctx(), cart.collectionId!, { provider_id: 'pp_system_default' });
    const done = await complete(cart.id).expect(200);
    expect(done.body).toMatchObject({ type: 'order', order: { payment_status: 'authorized' } });
    const after = await footprint();
    expect(after.orders).toBe(before.orders + 1);
  });

  it("records the provider's authorization on the session, the payment and the collection, and a capture at authorization with its capture", async () => {
    const paymentRows = async (collectionId: string) => ({
      collection: (await sql(`select status, amount::text, authorized_amount::text, captured_amount::text, completed_at is not null as completed, (extract(epoch from updated_at) * 1000000)::bigint::text as updated from payment_collection where id = ?`, [collectionId]))[0],
      sessions: await sql(`select id, status, authorized_at is not null as authorized, data from payment_session where payment_collection_id = ? and deleted_at is null`, [collectionId]),
      payments: await sql(`select id, amount::text, currency_code, provider_id, data, payment_session_id, captured_at is not null as captured from payment where payment_collection_id = ?`, [collectionId]),
      captures: await sql(`select c.amount::text from capture c join payment p on p.id = c.payment_id where p.payment_collection_id = ?`, [collectionId]),
    });

    const cart = await readyCart({ provider: 'pp_recording_test' });
    const before = await paymentRows(cart.collectionId!);
    const res = await complete(cart.id).expect(200);
    const rows = await paymentRows(cart.collectionId!);
    const [session] = rows.sessions;
    const data = { ...before.sessions[0].data, authorized: true };
    expect(session).toEqual({ id: before.sessions[0].id, status: 'authorized', authorized: true, data });
    expect(rows.payments).toEqual([
      { id: expect.stringMatching(/^pay_/), amount: before.collection.amount, currency_code: 'eur', provider_id: 'pp_recording_test', data, payment_session_id: session.id, captured: false },
    ]);
    expect(rows.collection).toMatchObject({ status: 'authorized', authorized_amount: before.collection.amount, captured_amount: '0.000000', completed: false });
    expect(BigInt(rows.collection.updated)).toBeGreaterThan(BigInt(before.collection.updated));
    expect(rows.captures).toEqual([]);
    expect(res.body.order.payment_collections).toEqual([expect.objectContaining({ id: cart.collectionId, status: 'authorized', authorized_amount: cart.total })]);

    // a provider that captures at authorization: the payment is captured and the collection paid
    const paid = await readyCart({ provider: 'pp_recording_test' });
    recording.captureNextAuthorization();
    const captured = await complete(paid.id).expect(200);
    expect(captured.body).toMatchObject({ type: 'order', order: { payment_status: 'captured' } });
    const after = await paymentRows(paid.collectionId!);
    expect(after.sessions).toEqual([expect.objectContaining({ status: 'captured', authorized: true })]);
    expect(after.payments).toEqual([expect.objectContaining({ captured: true })]);
    expect(after.captures).toEqual([{ amount: after.collection.amount }]);
    expect(after.collection).toMatchObject({ status: 'completed', captured_amount: after.collection.amount, completed: true });
    expect(await sql(`select count(*)::int as n from event_outbox where name = 'payment.captured' and data->>'id' = ?`, [after.payments[0].id])).toEqual([{ n: 1 }]);
  });

  it('a failure after the order insert persists nothing and cancels the authorization with the provider', async () => {
    const cart = await readyCart({ provider: 'pp_recording_test', promotion: true, lines: [[c.ids.shirtS, 1]] });
    const before = await footprint();
    const remove = t.app.get(CompleteCartHooks).orderCreated(async () => {
      throw new Error('the ERP is down');
    });
    try {
      await complete(cart.id).expect(500);
    } finally {
      remove();
    }
    expect(await footprint()).toEqual(before);
    expect(recording.callsOf('authorize')).toHaveLength(1);
    expect(recording.callsOf('cancel')).toHaveLength(1);
    expect(recording.callsOf('cancel')[0].data).toMatchObject({ authorized: true });
    // and the cart can still be completed
    const done = await complete(cart.id).expect(200);
    expect(done.body.type).toBe('order');
    expect(recording.callsOf('cancel')).toHaveLength(1);
  });

  describe('wrong states: a clear 4xx and nothing changed', () => {
    const refuse = async (cartId: string, status: number, expected: Record<string, unknown>, token?: string) => {
      const before = await footprint();
      const res = await complete(cartId, token).expect(status);
      expect(res.body).toMatchObject(expected);
      expect(await footprint()).toEqual(before);
    };

    it('an empty cart', async () => {
      const cart = await readyCart({ lines: [] });
      await refuse(cart.id, 400, { type: 'invalid_data', message: 'Cannot complete a cart without items' });
    });

    it('a cart without an email', async () => {
      const cart = await readyCart({ email: null });
      await refuse(cart.id, 400, { type: 'invalid_data', message: 'Cannot complete a cart without an email' });
    });

    it('a cart without a shipping method while its items need shipping', async () => {
      const cart = await readyCart({ shipping: false });
      await refuse(cart.id, 400, { type: 'invalid_data', message: 'No shipping method selected but the cart contains items that require shipping.' });
    });

    it('a shipping method whose option no longer serves the cart', async () => {
      const cart = await readyCart();
      await sql(`update cart_address set country_code = 'fr' where id = (select shipping_address_id from cart where id = ?)`, [cart.id]);
      await refuse(cart.id, 400, { type: 'invalid_data', message: 'Shipping Options are invalid for cart.' });
    });

    it("a shipping method whose option's fulfillment provider was disabled since", async () => {
      const cart = await readyCart();
      await sql(`update fulfillment_provider set is_enabled = false where id = 'manual_manual'`);
      try {
        await refuse(cart.id, 400, { type: 'invalid_data', message: 'Shipping Options are invalid for cart.' });
      } finally {
        await sql(`update fulfillment_provider set is_enabled = true where id = 'manual_manual'`);
      }
    });

    it('a cart without a payment collection, or without a session', async () => {
      const noCollection = await readyCart({ collection: false });
      await refuse(noCollection.id, 400, { type: 'invalid_data', message: 'Payment collection has not been initiated for cart' });
      const noSession = await readyCart({ provider: null });
      await refuse(noSession.id, 400, { type: 'invalid_data', message: 'Payment sessions are required to complete cart' });
    });

    it('a session for another amount than the cart total', async () => {
      const cart = await readyCart({ amount: 1 });
      await refuse(cart.id, 400, { type: 'invalid_data', message: `The payment session amount (1) does not match the cart total (${cart.total})` });
    });

    it('a promotion that is no longer active', async () => {
      const cart = await readyCart({ promotion: true });
      await sql(`update promotion set status = 'inactive' where id = ?`, [promotionId]);
      try {
        await refuse(cart.id, 400, { type: 'invalid_data', message: 'The promotion code TENOFF is invalid' });
      } finally {
        await sql(`update promotion set status = 'active' where id = ?`, [promotionId]);
      }
    });

    it('a promotion whose campaign budget is used up', async () => {
      const cart = await readyCart({ promotion: true, provider: 'pp_recording_test' });
      const [budget] = await sql(`select id, used, "limit" from promotion_campaign_budget`);
      await sql(`update promotion_campaign_budget set "limit" = used where id = ?`, [budget.id]);
      try {
        await refuse(cart.id, 400, { type: 'not_allowed', message: 'Promotion usage exceeds the budget limit.' });
        expect(recording.callsOf('authorize')).toHaveLength(0);
      } finally {
        await sql(`update promotion_campaign_budget set "limit" = ? where id = ?`, [budget.limit, budget.id]);
      }
    });

    it('an unknown cart, and another customer\'s cart', async () => {
      await refuse('cart_nope', 404, { type: 'not_found' });
      const owner = await signUp(t, 'owner@example.com');
      const stranger = await signUp(t, 'stranger@example.com');
      const cart = await readyCart({ token: owner.token });
      await refuse(cart.id, 404, { type: 'not_found' }, stranger.token);
    });
  });
});
