import type { EntityManager } from '@mikro-orm/postgresql';
import { CheckoutFixture, DE_BY_ADDRESS, DK_ADDRESS, FR_ADDRESS, seedCheckout } from '../../fixtures/checkout.fixture';
import { testPaymentProviders } from '../../fixtures/payment-providers.fixture';
import { bearer, createIdentityApp, IdentityApp } from '../../utils/identity';
import { StatementCounter } from '../../utils/statement-counter';
import { signUp } from '../customers/customer-helpers';

type Body = any; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * The checkout steps between "a cart with items" and "ready to complete": shipping options and
 * methods, payment collection and sessions, the customer transfer, who may touch a customer's cart,
 * and refusals (each a clear 4xx that changes nothing).
 */
describe('Checkout steps: shipping, payment, customer', () => {
  let t: IdentityApp;
  let f: CheckoutFixture;
  let em: EntityManager;

  beforeAll(async () => {
    t = await createIdentityApp({ env: { OUTBOX_POLL_INTERVAL_MS: '3600000' }, imports: [testPaymentProviders()] });
    f = await seedCheckout(t);
    em = t.app.get(StatementCounter.ormToken()).em.fork() as EntityManager;
  });
  afterAll(() => t.close());

  const sql = (statement: string, params: unknown[] = []) => em.getConnection().execute(statement, params);
  const store = (method: 'get' | 'post' | 'delete', url: string, token?: string) => {
    const req = t.api[method](url).set('x-publishable-api-key', t.publishableKey);
    return token ? req.set(...bearer(token)) : req;
  };
  const cartWith = async (body: Record<string, unknown>, token?: string): Promise<Body> =>
    (await store('post', '/store/carts', token).send({ region_id: f.regionId, ...body }).expect(200)).body.cart;
  const ship = (cartId: string, optionId: string, token?: string) => store('post', `/store/carts/${cartId}/shipping-methods`, token).send({ option_id: optionId });
  const optionsFor = async (cartId: string): Promise<Body[]> => (await store('get', `/store/shipping-options?cart_id=${cartId}`).expect(200)).body.shipping_options;
  /** Everything a cart owns, to prove a refused request changed nothing. */
  const rowsOf = async (cartId: string) => ({
    cart: await sql(`select customer_id, email, shipping_address_id, updated_at from cart where id = ?`, [cartId]),
    items: await sql(`select id, quantity, unit_price::float8 as unit_price from cart_line_item where cart_id = ? order by id`, [cartId]),
    methods: await sql(`select id, shipping_option_id, amount::float8 as amount from cart_shipping_method where cart_id = ? order by id`, [cartId]),
    promotions: await sql(`select promotion_id from cart_promotion where cart_id = ?`, [cartId]),
    collection: await sql(`select payment_collection_id from cart_payment_collection where cart_id = ?`, [cartId]),
    sessions: await sql(
      `select s.id, s.provider_id from payment_session s join cart_payment_collection l on l.payment_collection_id = s.payment_collection_id
        where l.cart_id = ? and s.deleted_at is null order by s.id`,
      [cartId],
    ),
    events: await sql(`select count(*)::int as n from event_outbox where name like 'cart.%' and data->>'id' = ?`, [cartId]),
  });

  describe('shipping', () => {
    it("lists the options for the cart's address with Medusa's shape (medusa-wire 10), none for a country without a zone", async () => {
      const dk = await cartWith({ shipping_address: DK_ADDRESS, items: [{ variant_id: f.variants.tee, quantity: 1 }] });
      const options = await optionsFor(dk.id);
      expect(options.map((o) => o.name)).toEqual(['Standard', 'Express']); // Backoffice is not enabled in the store
      const standard = options[0];
      expect(Object.keys(standard).sort()).toEqual(
        [
          'id', 'name', 'price_type', 'service_zone_id', 'shipping_profile_id', 'provider_id', 'data', 'amount', 'is_tax_inclusive',
          'insufficient_inventory', 'calculated_price', 'prices', 'provider', 'rules', 'service_zone', 'type',
        ].sort(),
      );
      expect(Object.keys(standard.service_zone.fulfillment_set.location).sort()).toEqual(['address', 'id']);
      expect(standard).toMatchObject({
        id: f.options.standard,
        price_type: 'flat',
        shipping_profile_id: f.profileId,
        provider_id: 'manual_manual',
        data: null,
        amount: 5,
        is_tax_inclusive: false,
        insufficient_inventory: false,
        provider: { id: 'manual_manual', is_enabled: true },
        type: { label: 'Standard', description: 'Standard delivery', code: 'standard' },
        calculated_price: expect.objectContaining({ calculated_amount: 5, currency_code: 'eur', is_calculated_price_tax_inclusive: false }),
        service_zone: {
          fulfillment_set: {
            type: 'shipping',
            // the warehouse the fixture created, with its address (read with the options)
            location: { id: f.locationId, address: expect.objectContaining({ address_1: 'Vesterbrogade 1', city: 'Copenhagen', country_code: 'dk' }) },
          },
        },
      });
      expect(standard.rules).toEqual(expect.arrayContaining([{ attribute: 'enabled_in_store', value: 'true', operator: 'eq' }]));

      const fr = await cartWith({ shipping_address: FR_ADDRESS });
      expect(await optionsFor(fr.id)).toEqual([]);
      const none = await cartWith({});
      expect(await optionsFor(none.id)).toEqual([]);
      expect((await store('get', '/store/shipping-options').expect(400)).body).toEqual({ type: 'invalid_data', message: "Invalid request: Field 'cart_id' is required" });
      await store('get', '/store/shipping-options?cart_id=cart_nope').expect(404);
    });

    it('adds a method, replaces it with another option of the same profile, and keeps totals right', async () => {
      const cart = await cartWith({ shipping_address: DK_ADDRESS, items: [{ variant_id: f.variants.tee, quantity: 1 }] });
      const counter = new StatementCounter(t.app);
      // the ORM's own statements on the methods table (the cart read names it unquoted)
      const onMethods = (statements: string[]) => statements.filter((s) => /(from|delete from) "cart_shipping_method"/.test(s));
      const updatedEvents = async () => (await sql(`select count(*)::int as n from event_outbox where name = 'cart.updated' and data->>'id' = ?`, [cart.id]))[0].n;
      const eventsBefore = await updatedEvents();
      let first: Body;
      const firstStatements = await counter.record(async () => (first = (await ship(cart.id, f.options.standard).expect(200)).body.cart));
      // a first method replaces nothing: no statement looks for methods to delete
      expect(onMethods(firstStatements)).toEqual([]);
      // the method's insert records cart.updated: one event, no statement of its own
      expect(await updatedEvents()).toBe(eventsBefore + 1);
      expect(firstStatements.filter((s) => /^\s*insert into "?event_outbox/.test(s))).toEqual([]);
      expect(first.shipping_methods).toEqual([
        expect.objectContaining({ shipping_option_id: f.options.standard, amount: 5, is_tax_inclusive: false, tax_lines: [expect.objectContaining({ code: 'DK_VAT', rate: 25 })], adjustments: [] }),
      ]);
      expect(first).toMatchObject({ shipping_total: 6.25, total: 56.25 });
      let second: Body;
      const secondStatements = await counter.record(async () => (second = (await ship(cart.id, f.options.express).expect(200)).body.cart));
      // the second replaces the first: the cart's method of that profile is found and deleted
      expect(onMethods(secondStatements)).toEqual([expect.stringMatching(/^select .* from "cart_shipping_method"/), expect.stringMatching(/^delete from "cart_shipping_method"/)]);
      expect(second.shipping_methods).toEqual([expect.objectContaining({ shipping_option_id: f.options.express, amount: 12.5 })]);
      expect(second).toMatchObject({ shipping_subtotal: 12.5, total: 65.63 }); // 50 + 15.625
      const [row] = await sql(`select name, data from cart_shipping_method where cart_id = ?`, [cart.id]);
      expect(row).toEqual({ name: 'Express', data: {} });
    });

    it('refuses an option the cart cannot use with 400 "Shipping Options are invalid for cart." and changes nothing', async () => {
      const cart = await cartWith({ shipping_address: DK_ADDRESS, items: [{ variant_id: f.variants.tee, quantity: 1 }] });
      await ship(cart.id, f.options.standard).expect(200);
      const before = await rowsOf(cart.id);
      for (const optionId of [f.options.backoffice, 'so_nope']) {
        expect((await ship(cart.id, optionId).expect(400)).body).toEqual({ type: 'invalid_data', message: 'Shipping Options are invalid for cart.' });
      }
      const fr = await cartWith({ shipping_address: FR_ADDRESS });
      expect((await ship(fr.id, f.options.standard).expect(400)).body.message).toBe('Shipping Options are invalid for cart.');
      expect(await rowsOf(cart.id)).toEqual(before);
    });

    it('removes a method that the new address makes invalid, and re-taxes the one that stays', async () => {
      const cart = await cartWith({ shipping_address: DK_ADDRESS, items: [{ variant_id: f.variants.mug, quantity: 1 }] });
      await ship(cart.id, f.options.standard).expect(200);
      const bavaria = (await store('post', `/store/carts/${cart.id}`).send({ shipping_address: DE_BY_ADDRESS }).expect(200)).body.cart;
      expect(bavaria.shipping_methods).toEqual([expect.objectContaining({ shipping_option_id: f.options.standard, tax_lines: [expect.objectContaining({ code: 'DE_BY', rate: 7 })] })]);
      const france = (await store('post', `/store/carts/${cart.id}`).send({ shipping_address: FR_ADDRESS }).expect(200)).body.cart;
      expect(france.shipping_methods).toEqual([]);
      expect(france.total).toBe(12.99);
    });

    it("re-checks a rule on the cart's total with the added method's amount (the refresh does not reuse a stale listing)", async () => {
      // Standard only while the cart's total is below 55: 50 before shipping, 56.25 with it
      await sql(
        `insert into shipping_option_rule (id, attribute, operator, value, shipping_option_id, created_at, updated_at)
         values ('sorul_total_lt_55', 'total', 'lt', '"55"'::jsonb, ?, now(), now())`,
        [f.options.standard],
      );
      try {
        const cart = await cartWith({ shipping_address: DK_ADDRESS, items: [{ variant_id: f.variants.tee, quantity: 1 }] });
        expect(cart.total).toBe(50);
        const added = (await ship(cart.id, f.options.standard).expect(200)).body.cart;
        expect(added.shipping_methods).toEqual([]);
        expect(added.total).toBe(50);
        expect(await sql(`select id from cart_shipping_method where cart_id = ? and deleted_at is null`, [cart.id])).toEqual([]);
      } finally {
        await sql(`delete from shipping_option_rule where id = 'sorul_total_lt_55'`);
      }
    });

    it('calculates an option for the cart (POST /store/shipping-options/:id/calculate)', async () => {
      const cart = await cartWith({ shipping_address: DK_ADDRESS });
      const res = await store('post', `/store/shipping-options/${f.options.express}/calculate`).send({ cart_id: cart.id, data: {} }).expect(200);
      expect(res.body.shipping_option).toMatchObject({ id: f.options.express, amount: 12.5, calculated_price: expect.objectContaining({ calculated_amount: 12.5 }) });
      expect((await store('post', `/store/shipping-options/${f.options.backoffice}/calculate`).send({ cart_id: cart.id }).expect(400)).body.message).toBe(
        'Shipping Options are invalid for cart.',
      );
      await store('post', `/store/shipping-options/${f.options.express}/calculate`).send({ cart_id: 'cart_nope' }).expect(404);
      await store('post', `/store/shipping-options/${f.options.express}/calculate`).send({}).expect(400);
    });
  });

  describe('payment', () => {
    it('creates the payment collection once (medusa-wire 12), follows the cart total, and starts a session (medusa-wire 14)', async () => {
      const cart = await cartWith({ email: 'pay@example.com', shipping_address: DK_ADDRESS, items: [{ variant_id: f.variants.tee, quantity: 1 }] });
      const first = (await store('post', '/store/payment-collections').send({ cart_id: cart.id }).expect(200)).body.payment_collection;
      expect(first).toEqual({ id: expect.stringMatching(/^pay_col_/), currency_code: 'eur', amount: 50, payment_sessions: [] });
      const second = (await store('post', '/store/payment-collections').send({ cart_id: cart.id }).expect(200)).body.payment_collection;
      expect(second.id).toBe(first.id);
      expect(await sql(`select count(*)::int as n from cart_payment_collection where cart_id = ?`, [cart.id])).toEqual([{ n: 1 }]);

      const withSession = (await store('post', `/store/payment-collections/${first.id}/payment-sessions`).send({ provider_id: 'pp_system_default' }).expect(200)).body
        .payment_collection;
      expect(withSession).toMatchObject({ id: first.id, amount: 50 });
      expect(withSession.payment_sessions).toEqual([
        expect.objectContaining({ provider_id: 'pp_system_default', amount: 50, currency_code: 'eur', status: 'pending', payment_collection_id: first.id, data: {}, context: {} }),
      ]);

      // a cart change moves the amount and drops the session for the old amount
      await ship(cart.id, f.options.standard).expect(200);
      const read = (await store('get', `/store/carts/${cart.id}`).expect(200)).body.cart;
      expect(read.payment_collection).toMatchObject({ id: first.id, amount: 56.25, payment_sessions: [] });
      const again = (await store('post', `/store/payment-collections/${first.id}/payment-sessions`).send({ provider_id: 'pp_system_default' }).expect(200)).body
        .payment_collection;
      expect(again.payment_sessions).toEqual([expect.objectContaining({ amount: 56.25 })]);
      const withCollection = (await store('get', `/store/carts/${cart.id}`).expect(200)).body.cart;
      expect(withCollection.payment_collection.payment_sessions).toEqual([expect.objectContaining({ id: again.payment_sessions[0].id, amount: 56.25 })]);
    });

    it('refuses a provider not enabled in the region, an unknown collection, and malformed bodies; nothing changes', async () => {
      const cart = await cartWith({ shipping_address: DK_ADDRESS, items: [{ variant_id: f.variants.mug, quantity: 1 }] });
      const collection = (await store('post', '/store/payment-collections').send({ cart_id: cart.id }).expect(200)).body.payment_collection;
      await store('post', `/store/payment-collections/${collection.id}/payment-sessions`).send({ provider_id: 'pp_system_default' }).expect(200);
      const before = await rowsOf(cart.id);
      const refused = await store('post', `/store/payment-collections/${collection.id}/payment-sessions`).send({ provider_id: 'pp_refuse_test' }).expect(400);
      expect(refused.body).toEqual({ type: 'invalid_data', message: "Payment provider pp_refuse_test is not enabled in the cart's region" });
      await store('post', '/store/payment-collections/pay_col_nope/payment-sessions').send({ provider_id: 'pp_system_default' }).expect(404);
      for (const body of [{}, { provider_id: 5 }, { provider_id: 'pp_system_default', data: 'x' }, { provider_id: 'pp_system_default', extra: 1 }]) {
        await store('post', `/store/payment-collections/${collection.id}/payment-sessions`).send(body).expect(400);
      }
      for (const body of [{}, { cart_id: 5 }, { cart_id: cart.id, amount: 3 }]) {
        await store('post', '/store/payment-collections').send(body).expect(400);
      }
      await store('post', '/store/payment-collections').send({ cart_id: 'cart_nope' }).expect(404);
      expect(await rowsOf(cart.id)).toEqual(before);
    });
  });

  describe('customer', () => {
    it("sets a signed-in shopper's customer and email on a new cart; a guest's cart has none", async () => {
      const { customer, token } = await signUp(t, 'owner.new@example.com');
      const mine = await cartWith({ email: 'other@example.com' }, token);
      expect(mine).toMatchObject({ customer_id: customer.id, email: 'owner.new@example.com', customer: { id: customer.id, email: 'owner.new@example.com', groups: [] } });
      const guest = await cartWith({ email: 'guest@example.com' });
      expect(guest).toMatchObject({ customer_id: null, email: 'guest@example.com', customer: null });
    });

    it('transfers a guest cart to the signed-in customer (cart.customer_transferred) and refuses a cart of another customer', async () => {
      const { customer, token } = await signUp(t, 'transfer.me@example.com');
      const guest = await cartWith({ email: 'anon@example.com', items: [{ variant_id: f.variants.mug, quantity: 1 }] });
      await store('post', `/store/carts/${guest.id}/customer`).expect(401);
      const transferred = (await store('post', `/store/carts/${guest.id}/customer`, token).expect(200)).body.cart;
      expect(transferred).toMatchObject({ customer_id: customer.id, email: 'transfer.me@example.com', customer: { id: customer.id } });
      const [event] = await sql(`select data from event_outbox where name = 'cart.customer_transferred' and data->>'id' = ?`, [guest.id]);
      expect(event.data).toEqual({ id: guest.id, customer_id: customer.id });
      expect(await sql(`select data from event_outbox where name = 'cart.customer_updated' and data->>'id' = ?`, [guest.id])).toEqual([{ data: { id: guest.id } }]);
      // again: nothing to do
      await store('post', `/store/carts/${guest.id}/customer`, token).expect(200);

      const { token: intruder } = await signUp(t, 'intruder@example.com');
      const before = await rowsOf(guest.id);
      expect((await store('post', `/store/carts/${guest.id}/customer`, intruder).expect(404)).body).toEqual({ type: 'not_found', message: `Cart id not found: ${guest.id}` });
      expect(await rowsOf(guest.id)).toEqual(before);
    });

    it("hides a customer's cart from another signed-in customer: every read and change is 404 and changes nothing", async () => {
      const { token: owner } = await signUp(t, 'cart.owner@example.com');
      const { token: other } = await signUp(t, 'cart.other@example.com');
      const cart = await cartWith({ shipping_address: DK_ADDRESS, items: [{ variant_id: f.variants.tee, quantity: 1 }] }, owner);
      await ship(cart.id, f.options.standard, owner).expect(200);
      const collection = (await store('post', '/store/payment-collections', owner).send({ cart_id: cart.id }).expect(200)).body.payment_collection;
      const line = cart.items[0].id;
      const before = await rowsOf(cart.id);
      const attempts: Array<[string, 'get' | 'post' | 'delete', string, Record<string, unknown>?]> = [
        ['read', 'get', `/store/carts/${cart.id}`],
        ['update', 'post', `/store/carts/${cart.id}`, { email: 'stolen@example.com' }],
        ['add a line', 'post', `/store/carts/${cart.id}/line-items`, { variant_id: f.variants.mug, quantity: 1 }],
        ['change a line', 'post', `/store/carts/${cart.id}/line-items/${line}`, { quantity: 5 }],
        ['delete a line', 'delete', `/store/carts/${cart.id}/line-items/${line}`],
        ['add a code', 'post', `/store/carts/${cart.id}/promotions`, { promo_codes: [] }],
        ['remove a code', 'delete', `/store/carts/${cart.id}/promotions`, { promo_codes: [] }],
        ['ship', 'post', `/store/carts/${cart.id}/shipping-methods`, { option_id: f.options.express }],
        ['tax', 'post', `/store/carts/${cart.id}/taxes`],
        ['list shipping options', 'get', `/store/shipping-options?cart_id=${cart.id}`],
        ['create a collection', 'post', '/store/payment-collections', { cart_id: cart.id }],
        ['start a session', 'post', `/store/payment-collections/${collection.id}/payment-sessions`, { provider_id: 'pp_system_default' }],
      ];
      for (const [name, method, url, body] of attempts) {
        const res = await store(method, url, other).send(body ?? {});
        expect([name, res.status]).toEqual([name, 404]);
      }
      expect(await rowsOf(cart.id)).toEqual(before);
      // the owner still can
      await store('get', `/store/carts/${cart.id}`, owner).expect(200);
    });
  });

  it('reads a full checkout cart (customer, promotion, shipping, collection with a session) in a bounded number of statements', async () => {
    await t.api
      .post('/admin/promotions')
      .set(...bearer(t.adminToken))
      .send({ code: 'COUNT10', type: 'standard', status: 'active', application_method: { type: 'percentage', target_type: 'items', allocation: 'across', value: 10 } })
      .expect(200);
    const { token } = await signUp(t, 'counted@example.com');
    const cart = await cartWith({ shipping_address: DK_ADDRESS, items: [{ variant_id: f.variants.tee, quantity: 1 }] }, token);
    await store('post', `/store/carts/${cart.id}/promotions`, token).send({ promo_codes: ['COUNT10'] }).expect(200);
    await ship(cart.id, f.options.standard, token).expect(200);
    const collection = (await store('post', '/store/payment-collections', token).send({ cart_id: cart.id }).expect(200)).body.payment_collection;
    await store('post', `/store/payment-collections/${collection.id}/payment-sessions`, token).send({ provider_id: 'pp_system_default' }).expect(200);
    const counter = new StatementCounter(t.app);
    const routeOnly = async (run: () => Promise<unknown>) => (await counter.record(run)).filter((s) => !s.includes('event_outbox'));
    const one = await routeOnly(() => store('get', `/store/carts/${cart.id}`, token).expect(200));
    await store('post', `/store/carts/${cart.id}/line-items`, token).send({ variant_id: f.variants.mug, quantity: 1 }).expect(200);
    const read = await store('get', `/store/carts/${cart.id}`, token).expect(200);
    expect(read.body.cart).toMatchObject({ promotions: [expect.objectContaining({ code: 'COUNT10' })], customer: { email: 'counted@example.com' } });
    expect(read.body.cart.items.map((i: Body) => i.adjustments.length)).toEqual([1, 1]);
    const two = await routeOnly(() => store('get', `/store/carts/${cart.id}`, token).expect(200));
    expect(two.length).toBe(one.length);
    // cart 1, region 2, customer + groups, promotion links + promotions, collection link + collection with sessions and payments
    expect(one.length).toBeLessThanOrEqual(17);
  });

  describe('malformed bodies', () => {
    it('answers 400 with a message and changes nothing', async () => {
      const cart = await cartWith({ shipping_address: DK_ADDRESS, items: [{ variant_id: f.variants.tee, quantity: 1 }] });
      await ship(cart.id, f.options.standard).expect(200);
      const before = await rowsOf(cart.id);
      const cases: Array<[string, string, 'post' | 'delete', unknown]> = [
        ['promotions: missing', `/store/carts/${cart.id}/promotions`, 'post', {}],
        ['promotions: not an array', `/store/carts/${cart.id}/promotions`, 'post', { promo_codes: 'WELCOME10' }],
        ['promotions: not strings', `/store/carts/${cart.id}/promotions`, 'post', { promo_codes: [1] }],
        ['promotions: empty code', `/store/carts/${cart.id}/promotions`, 'post', { promo_codes: [''] }],
        ['promotions: unknown field', `/store/carts/${cart.id}/promotions`, 'post', { promo_codes: [], x: 1 }],
        ['delete promotions: missing', `/store/carts/${cart.id}/promotions`, 'delete', {}],
        ['update: promo_codes not an array', `/store/carts/${cart.id}`, 'post', { promo_codes: 'X' }],
        ['shipping: missing option', `/store/carts/${cart.id}/shipping-methods`, 'post', {}],
        ['shipping: option not a string', `/store/carts/${cart.id}/shipping-methods`, 'post', { option_id: 3 }],
        ['shipping: data not an object', `/store/carts/${cart.id}/shipping-methods`, 'post', { option_id: f.options.express, data: 'x' }],
        ['shipping: unknown field', `/store/carts/${cart.id}/shipping-methods`, 'post', { option_id: f.options.express, amount: 0 }],
      ];
      for (const [name, url, method, body] of cases) {
        const res = await store(method, url).send(body as object);
        expect([name, res.status, res.body.type]).toEqual([name, 400, 'invalid_data']);
        expect(typeof res.body.message).toBe('string');
      }
      expect(await rowsOf(cart.id)).toEqual(before);
      await store('post', '/store/carts/cart_nope/shipping-methods').send({ option_id: f.options.standard }).expect(404);
      await store('post', '/store/carts/cart_nope/promotions').send({ promo_codes: [] }).expect(404);
    });
  });
});
