import type { EntityManager } from '@mikro-orm/postgresql';
import { CheckoutFixture, DK_ADDRESS, seedCheckout } from '../../fixtures/checkout.fixture';
import { testPaymentProviders } from '../../fixtures/payment-providers.fixture';
import { bearer, createIdentityApp, IdentityApp } from '../../utils/identity';
import { StatementCounter } from '../../utils/statement-counter';

type Body = any; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * The shopper's path through the storefront routes only (what `@medusajs/js-sdk` calls), for the
 * defects found in review: concurrent cart changes, a region change after the payment step.
 */
describe('Checkout through the store routes (review)', () => {
  let t: IdentityApp;
  let f: CheckoutFixture;
  let em: EntityManager;
  let usdRegionId: string;

  beforeAll(async () => {
    t = await createIdentityApp({ env: { OUTBOX_POLL_INTERVAL_MS: '3600000' }, imports: [testPaymentProviders()] });
    f = await seedCheckout(t);
    em = t.app.get(StatementCounter.ormToken()).em.fork() as EntityManager;
    const admin = bearer(t.adminToken);
    const [usd] = await sql(`select id from region where currency_code = 'usd' and deleted_at is null order by created_at limit 1`);
    usdRegionId = usd.id as string;
    await t.api.post(`/admin/regions/${usdRegionId}`).set(...admin).send({ payment_providers: ['pp_system_default'] }).expect(200);
    await sql(`insert into price (id, currency_code, amount, rules_count, price_set_id) values ('price_co_mug_usd', 'usd', 15, 0, 'pset_co_mug')`);
  });
  afterAll(() => t.close());

  const sql = (statement: string, params: unknown[] = []) => em.getConnection().execute(statement, params);
  const store = (method: 'get' | 'post' | 'delete', url: string) => t.api[method](url).set('x-publishable-api-key', t.publishableKey);
  const cartWith = async (body: Record<string, unknown>): Promise<Body> =>
    (await store('post', '/store/carts').send({ region_id: f.regionId, ...body }).expect(200)).body.cart;

  it('concurrent add-to-cart calls of one variant all count (no lost update)', async () => {
    const cart = await cartWith({ email: 'race@example.com', items: [{ variant_id: f.variants.mug, quantity: 1 }] });
    const responses = await Promise.all(
      Array.from({ length: 6 }, () => store('post', `/store/carts/${cart.id}/line-items`).send({ variant_id: f.variants.mug, quantity: 1 })),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(6).fill(200));
    const read = (await store('get', `/store/carts/${cart.id}`).expect(200)).body.cart;
    expect(read.items.map((i: Body) => [i.variant_id, i.quantity])).toEqual([[f.variants.mug, 7]]);
    expect(read.item_subtotal).toBe(90.93);
  });

  it('merges an added variant into a line only when their metadata match (Medusa: an engraved item is its own line)', async () => {
    const cart = await cartWith({ items: [{ variant_id: f.variants.mug, quantity: 1 }] });
    const add = (body: Record<string, unknown>) => store('post', `/store/carts/${cart.id}/line-items`).send({ variant_id: f.variants.mug, quantity: 1, ...body }).expect(200);
    await add({ metadata: { engraving: 'Ada' } });
    await add({ metadata: { engraving: 'Ada' } });
    await add({});
    const lines = (await add({ metadata: { engraving: 'Bob' } })).body.cart.items.map((i: Body) => [i.quantity, i.metadata]);
    expect(lines).toEqual([
      [2, {}],
      [2, { engraving: 'Ada' }],
      [1, { engraving: 'Bob' }],
    ]);
  });

  it('a completed cart takes no new payment session: 400 and its sessions are unchanged', async () => {
    const cart = await cartWith({ email: 'done@example.com', items: [{ variant_id: f.variants.mug, quantity: 1 }] });
    await sql(`update cart_line_item set requires_shipping = false where cart_id = ?`, [cart.id]);
    const collection = (await store('post', '/store/payment-collections').send({ cart_id: cart.id }).expect(200)).body.payment_collection;
    await store('post', `/store/payment-collections/${collection.id}/payment-sessions`).send({ provider_id: 'pp_system_default' }).expect(200);
    expect((await store('post', `/store/carts/${cart.id}/complete`).expect(200)).body.type).toBe('order');
    const sessions = () => sql(`select id, status, deleted_at from payment_session where payment_collection_id = ? order by id`, [collection.id]);
    const before = await sessions();
    const res = await store('post', `/store/payment-collections/${collection.id}/payment-sessions`).send({ provider_id: 'pp_system_default' }).expect(400);
    expect(res.body).toEqual({ type: 'invalid_data', message: `Cart ${cart.id} is already completed.` });
    expect(await sessions()).toEqual(before);
  });

  it('a region change after the payment collection moves the collection to the new currency; the cart still completes', async () => {
    const cart = await cartWith({ email: 'move@example.com', items: [{ variant_id: f.variants.mug, quantity: 2 }] });
    await sql(`update cart_line_item set requires_shipping = false where cart_id = ?`, [cart.id]); // a download: no shipping needed
    const collection = (await store('post', '/store/payment-collections').send({ cart_id: cart.id }).expect(200)).body.payment_collection;
    expect(collection).toMatchObject({ currency_code: 'eur', amount: 25.98 });

    const [country] = await sql(`select iso_2 from region_country where region_id = ? order by iso_2 limit 1`, [usdRegionId]);
    const address = { ...DK_ADDRESS, country_code: country.iso_2 };
    const moved = (await store('post', `/store/carts/${cart.id}`).send({ region_id: usdRegionId, shipping_address: address, billing_address: address }).expect(200))
      .body.cart;
    expect(moved).toMatchObject({ currency_code: 'usd', total: 30 });
    expect(moved.payment_collection).toMatchObject({ id: collection.id, currency_code: 'usd', amount: 30, payment_sessions: [] });

    const session = (await store('post', `/store/payment-collections/${collection.id}/payment-sessions`).send({ provider_id: 'pp_system_default' }).expect(200)).body
      .payment_collection.payment_sessions[0];
    expect(session).toMatchObject({ currency_code: 'usd', amount: 30 });
    const done = await store('post', `/store/carts/${cart.id}/complete`).expect(200);
    expect(done.body).toMatchObject({ type: 'order', order: { currency_code: 'usd', total: 30 } });
  });

  it('locks the payment collection once per payment step, and the completion reads the session and its payment once, under that lock', async () => {
    const cart = await cartWith({ email: 'locks@example.com', items: [{ variant_id: f.variants.mug, quantity: 1 }] });
    await sql(`update cart_line_item set requires_shipping = false where cart_id = ?`, [cart.id]);
    const collection = (await store('post', '/store/payment-collections').send({ cart_id: cart.id }).expect(200)).body.payment_collection;
    const counter = new StatementCounter(t.app);
    // the ORM's own reads of a payment table (the one-statement collection read names its tables unquoted)
    const reads = (statements: string[], table: string) => statements.filter((s) => s.startsWith('select') && s.includes(`from "${table}" as`));

    const sessionStep = await counter.record(() =>
      store('post', `/store/payment-collections/${collection.id}/payment-sessions`).send({ provider_id: 'pp_system_default' }).expect(200),
    );
    expect(reads(sessionStep, 'payment_collection')).toEqual([expect.stringMatching(/for update$/)]);

    let done: Body;
    const completion = await counter.record(async () => (done = (await store('post', `/store/carts/${cart.id}/complete`).expect(200)).body));
    expect(done).toMatchObject({ type: 'order', order: { payment_status: 'authorized' } });
    // the completion authorizes in plain SQL: one lock of the collection, then the session (with whether it has a
    // payment) read once, by id, under that lock (a session replaced meanwhile is not authorized)
    const collectionLocks = completion.filter((s) => /\bpayment_collection"?( as "p0")? where/.test(s) && /for update$/.test(s));
    expect(collectionLocks).toHaveLength(1);
    const sessionReads = completion.filter((s) => s.startsWith('select') && /\bpayment_session\b/.test(s) && /(\bs\.id|"p0"\."id") = (\$\d|\?)/.test(s));
    expect(sessionReads).toHaveLength(1);
    expect(sessionReads[0]).toMatch(/exists \(select 1 from payment p where p\.payment_session_id = s\.id/);
    expect(completion.indexOf(sessionReads[0])).toBeGreaterThan(completion.indexOf(collectionLocks[0]));
    // no other look for the session's payment
    expect(completion.filter((s) => s.startsWith('select') && /payment_session_id"? = (\$\d|\?)/.test(s))).toEqual([]);
    const [payment] = await sql(`select p.amount::text as amount, s.status from payment p join payment_session s on s.id = p.payment_session_id where p.payment_collection_id = ?`, [
      collection.id,
    ]);
    expect(payment).toEqual({ amount: '12.990000', status: 'authorized' });

    // completing again answers the same order without authorizing anything again
    const again = (await store('post', `/store/carts/${cart.id}/complete`).expect(200)).body;
    expect(again.order.id).toBe(done.order.id);
    expect(await sql(`select count(*)::int as n from payment where payment_collection_id = ?`, [collection.id])).toEqual([{ n: 1 }]);
  });
});
