import type { EntityManager } from '@mikro-orm/postgresql';
import { CatalogFixture, seedCatalog } from '../../fixtures/catalog.fixture';
import { bearer, createIdentityApp, IdentityApp } from '../../utils/identity';
import { StatementCounter } from '../../utils/statement-counter';

type Body = any; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The store cart routes: create, read, update, line items; prices, stock, totals and refusals. */
describe('Store carts', () => {
  let t: IdentityApp;
  let c: CatalogFixture;
  let em: EntityManager;

  beforeAll(async () => {
    t = await createIdentityApp({ env: { OUTBOX_POLL_INTERVAL_MS: '3600000' } });
    c = await seedCatalog(t.app, t.salesChannelId);
    em = t.app.get(StatementCounter.ormToken()).em.fork() as EntityManager;
  });
  afterAll(() => t.close());

  const sql = (statement: string, params: unknown[] = []) => em.getConnection().execute(statement, params);
  /** The outbox relay's claims and marks (it wakes on every commit): not a route's statements. */
  const RELAY = /^\s*update "?event_outbox"?\s+set/;
  const store = (method: 'get' | 'post' | 'delete', url: string) => t.api[method](url).set('x-publishable-api-key', t.publishableKey);
  const newCart = async (body: Record<string, unknown> = { region_id: c.regionId }): Promise<Body> =>
    (await store('post', '/store/carts').send(body).expect(200)).body.cart;
  const addLine = (cartId: string, variant_id: string, quantity: number) => store('post', `/store/carts/${cartId}/line-items`).send({ variant_id, quantity });
  /** Everything a cart owns, to prove a refused request changed nothing. */
  const rowsOf = async (cartId: string) => ({
    cart: await sql(`select region_id, currency_code, email, sales_channel_id, shipping_address_id, updated_at from cart where id = ?`, [cartId]),
    items: await sql(`select id, variant_id, quantity, unit_price from cart_line_item where cart_id = ? order by id`, [cartId]),
    addresses: await sql(`select count(*)::int as n from cart_address`),
    events: await sql(`select count(*)::int as n from event_outbox where name like 'cart.%'`),
  });

  it('creates a cart in the given region with Medusa\'s shape (medusa-wire 07)', async () => {
    const cart = await newCart();
    expect(cart).toMatchObject({
      id: expect.stringMatching(/^cart_/),
      currency_code: 'eur',
      email: null,
      locale: null,
      region_id: c.regionId,
      completed_at: null,
      total: 0,
      subtotal: 0,
      item_total: 0,
      shipping_total: 0,
      credit_line_total: 0,
      metadata: null,
      sales_channel_id: t.salesChannelId,
      customer_id: null,
      items: [],
      shipping_methods: [],
      shipping_address: null,
      billing_address: null,
      credit_lines: [],
      promotions: [],
    });
    expect(cart.region).toMatchObject({ id: c.regionId, name: 'Europe', currency_code: 'eur', automatic_taxes: true });
    expect(cart.region.countries.map((k: Body) => k.iso_2)).toEqual(expect.arrayContaining(['dk', 'fr', 'de']));
    const [event] = await sql(`select data from event_outbox where name = 'cart.created' and data->>'id' = ?`, [cart.id]);
    expect(event.data).toEqual({ id: cart.id });
  });

  it('creates a cart with its email, locale, metadata and addresses in one statement, with cart.created', async () => {
    const address = { first_name: 'Ada', last_name: 'Lovelace', address_1: '1 Main St', city: 'Copenhagen', country_code: 'DK', postal_code: '1000' };
    const counter = new StatementCounter(t.app);
    let cart: Body = {};
    const statements = await counter.record(async () => {
      cart = await newCart({ region_id: c.regionId, email: 'new@example.com', locale: 'da-DK', metadata: { source: 'app' }, shipping_address: address, billing_address: { ...address, city: 'Aarhus' } });
    });
    expect(cart).toMatchObject({
      email: 'new@example.com',
      locale: 'da-DK',
      metadata: { source: 'app' },
      shipping_address: { first_name: 'Ada', city: 'Copenhagen', country_code: 'dk', company: null },
      billing_address: { city: 'Aarhus', country_code: 'dk' },
    });
    const [row] = await sql(
      `select c.email, c.locale, c.metadata, s.city as shipping_city, b.city as billing_city from cart c
         join cart_address s on s.id = c.shipping_address_id join cart_address b on b.id = c.billing_address_id where c.id = ?`,
      [cart.id],
    );
    expect(row).toEqual({ email: 'new@example.com', locale: 'da-DK', metadata: { source: 'app' }, shipping_city: 'Copenhagen', billing_city: 'Aarhus' });
    expect(await sql(`select data from event_outbox where name = 'cart.created' and data->>'id' = ?`, [cart.id])).toEqual([{ data: { id: cart.id } }]);
    // the cart, its addresses and its event: one insert
    expect(statements.filter((s) => /^\s*(with |insert into )/.test(s) && /cart_address|event_outbox|insert into "?cart"? /.test(s))).toHaveLength(1);
  });

  it('defaults to the store\'s region and the key\'s channel', async () => {
    const cart = await newCart({});
    expect(cart).toMatchObject({ region_id: c.regionId, currency_code: 'eur', sales_channel_id: t.salesChannelId });
  });

  it.each([
    ['a malformed region_id', { region_id: 123 }, "Invalid request: Expected type: 'string' for field 'region_id', got: '123'"],
    ['an unknown region', { region_id: 'reg_nope' }, 'Region with id: reg_nope was not found'],
    ['a currency other than the region\'s', { region_id: 'REGION', currency_code: 'usd' }, /^Currency usd is not the currency of region/],
    ['a channel the key does not cover', { sales_channel_id: 'sc_other' }, 'Sales channel ID in payload sc_other is not associated with the Publishable API Key in the header.'],
    ['a shipping country outside the region', { shipping_address: { country_code: 'us' } }, 'Country with code us is not within region'],
    ['customer_id (not settable by the store)', { customer_id: 'cus_1' }, "Invalid request: Unrecognized fields: 'customer_id'"],
    ['an unpriced variant', { items: [{ variant_id: 'variant_hoodie', quantity: 1 }] }, 'Variants with IDs variant_hoodie do not have a price'],
  ])('refuses %s with 400 and creates nothing', async (_name, body, message) => {
    const payload = JSON.parse(JSON.stringify(body).replace('REGION', c.regionId));
    const [before] = await sql(`select count(*)::int as n from cart`);
    const res = await store('post', '/store/carts').send(payload).expect(400);
    expect(res.body.type).toBe('invalid_data');
    expect(res.body.message).toEqual(typeof message === 'string' ? message : expect.stringMatching(message));
    const [after] = await sql(`select count(*)::int as n from cart`);
    expect(after.n).toBe(before.n);
  });

  it('needs a publishable key', async () => {
    const res = await t.api.post('/store/carts').send({}).expect(400);
    expect(res.body.type).toBe('not_allowed');
  });

  it('adds a line with Medusa\'s snapshot, the region price of a sale and its compare-at price (medusa-wire 08)', async () => {
    const cart = await newCart();
    const res = await addLine(cart.id, c.ids.shirtS, 2).expect(200);
    const [line] = res.body.cart.items;
    expect(line).toMatchObject({
      id: expect.stringMatching(/^cali_/),
      title: 'Blue Cotton Shirt',
      variant_id: c.ids.shirtS,
      product_id: c.ids.shirt,
      product_title: 'Blue Cotton Shirt',
      product_description: 'Blue Cotton Shirt description',
      product_type: 'Top',
      product_type_id: 'ptyp_top',
      product_collection: 'Summer',
      product_handle: 'blue-shirt',
      variant_sku: 'SHIRT-BLUE-S',
      variant_title: 'S',
      requires_shipping: true,
      is_giftcard: false,
      quantity: 2,
      unit_price: 15,
      compare_at_unit_price: 18,
      is_tax_inclusive: false,
      tax_lines: [],
      adjustments: [],
      metadata: {},
      product: { id: c.ids.shirt, collection_id: 'pcol_summer', type_id: 'ptyp_top', categories: [{ id: 'pcat_child' }], tags: [{ id: 'ptag_cotton' }] },
    });
    expect(line).not.toHaveProperty('subtotal');
    expect(res.body.cart).toMatchObject({ total: 30, subtotal: 30, item_total: 30, item_subtotal: 30, original_total: 30, tax_total: 0 });
    const [row] = await sql(`select subtitle, variant_option_values, is_discountable from cart_line_item where id = ?`, [line.id]);
    expect(row).toEqual({ subtitle: 'S', variant_option_values: { Size: 'S' }, is_discountable: true });
  });

  it('merges the same variant into one line and re-prices it for the quantity tier', async () => {
    await sql(`insert into price (id, currency_code, amount, rules_count, price_set_id, min_quantity) values ('price_mug_tier', 'eur', 6, 0, 'pset_mug', 5)`);
    try {
      const cart = await newCart();
      await addLine(cart.id, c.ids.mugVariant, 3).expect(200);
      const res = await addLine(cart.id, c.ids.mugVariant, 2).expect(200);
      expect(res.body.cart.items).toHaveLength(1);
      expect(res.body.cart.items[0]).toMatchObject({ quantity: 5, unit_price: 6 });
      expect(res.body.cart.total).toBe(30);
      // back under the tier: the base price again
      const lineId = res.body.cart.items[0].id;
      const down = await store('post', `/store/carts/${cart.id}/line-items/${lineId}`).send({ quantity: 4 }).expect(200);
      expect(down.body.cart.items[0]).toMatchObject({ quantity: 4, unit_price: 8.5 });
      expect(down.body.cart.total).toBe(34);
    } finally {
      await sql(`delete from price where id = 'price_mug_tier'`);
    }
  });

  it('shows per-line totals and the live variant when the fields ask for them (the Next.js starter\'s fields)', async () => {
    const cart = await newCart();
    await addLine(cart.id, c.ids.mugVariant, 3).expect(200);
    const fields = encodeURIComponent('*items, *region, *items.product, *items.variant, *items.thumbnail, *items.metadata, +items.total, *promotions, +shipping_methods.name');
    const res = await store('get', `/store/carts/${cart.id}?fields=${fields}`).expect(200);
    const [line] = res.body.cart.items;
    expect(line).toMatchObject({ total: 25.5, subtotal: 25.5, original_total: 25.5, discount_total: 0, tax_total: 0 });
    expect(line.variant).toMatchObject({ id: c.ids.mugVariant, sku: 'MUG-WHITE', manage_inventory: false, product_id: c.ids.mug });
    expect(line.product).toMatchObject({ id: c.ids.mug, handle: 'mug', title: 'Ceramic Mug' });
    expect(res.body.cart.promotions).toEqual([]);
  });

  it('refuses lines it cannot sell with 400 and leaves the cart unchanged', async () => {
    const cart = await newCart();
    await addLine(cart.id, c.ids.mugVariant, 1).expect(200);
    const before = await rowsOf(cart.id);
    const cases: Array<[string, number, string, string]> = [
      ['variant_nope', 1, 'invalid_data', 'Variants with IDs variant_nope do not exist'],
      [c.ids.draftVariant, 1, 'invalid_data', `Variants with IDs ${c.ids.draftVariant} do not exist`],
      [c.ids.otherVariant, 1, 'invalid_data', `Variants with IDs ${c.ids.otherVariant} are not available in the cart's sales channel`],
      ['variant_hoodie', 1, 'invalid_data', 'Variants with IDs variant_hoodie do not have a price'],
      [c.ids.shirtS, 8, 'not_allowed', 'Some variant does not have the required inventory'],
    ];
    for (const [variant, quantity, type, message] of cases) {
      const res = await addLine(cart.id, variant, quantity).expect(400);
      expect(res.body).toMatchObject({ type, message });
      if (type === 'not_allowed') expect(res.body.code).toBe('insufficient_inventory');
    }
    for (const body of [{ variant_id: c.ids.mugVariant, quantity: 0 }, { variant_id: c.ids.mugVariant, quantity: 'two' }, { quantity: 1 }, { variant_id: c.ids.mugVariant, quantity: 1, price: 1 }]) {
      expect((await store('post', `/store/carts/${cart.id}/line-items`).send(body).expect(400)).body.type).toBe('invalid_data');
    }
    expect(await rowsOf(cart.id)).toEqual(before);
  });

  it('checks stock at the channel\'s locations only, and kits by their required quantity', async () => {
    const cart = await newCart();
    // S: 10 stocked − 3 reserved at the channel's location (the 100 at an unlinked one do not count)
    await addLine(cart.id, c.ids.shirtS, 7).expect(200);
    const line = (await store('get', `/store/carts/${cart.id}`).expect(200)).body.cart.items[0];
    const res = await store('post', `/store/carts/${cart.id}/line-items/${line.id}`).send({ quantity: 8 }).expect(400);
    expect(res.body).toEqual({ type: 'not_allowed', code: 'insufficient_inventory', message: 'Some variant does not have the required inventory' });
    // M needs 2 inventory items per unit and 5 are stocked: 2 units fit, 3 do not
    await addLine(cart.id, c.ids.shirtM, 2).expect(200);
    expect((await addLine(cart.id, c.ids.shirtM, 1).expect(400)).body.code).toBe('insufficient_inventory');
    const items = (await sql(`select variant_id, quantity from cart_line_item where cart_id = ? order by variant_id`, [cart.id])) as Body[];
    expect(items).toEqual([{ variant_id: c.ids.shirtM, quantity: 2 }, { variant_id: c.ids.shirtS, quantity: 7 }]);
  });

  it('updates a line, deletes it with quantity 0, and deletes through DELETE with the parent cart', async () => {
    const cart = await newCart();
    await addLine(cart.id, c.ids.mugVariant, 1).expect(200);
    const added = await addLine(cart.id, c.ids.shirtS, 1).expect(200);
    const [mug, shirt] = added.body.cart.items;
    expect(mug.variant_id).toBe(c.ids.mugVariant);
    const updates = async () => (await sql(`select count(*)::int as n from event_outbox where name = 'cart.updated' and data->>'id' = ?`, [cart.id]))[0].n;
    // one cart.updated per change of a line; a request its validation refuses records none
    expect(await updates()).toBe(2);
    const two = await store('post', `/store/carts/${cart.id}/line-items/${shirt.id}`).send({ quantity: 2 }).expect(200);
    expect(two.body.cart.items.map((i: Body) => [i.id, i.quantity])).toEqual([
      [mug.id, 1],
      [shirt.id, 2],
    ]);
    expect(await updates()).toBe(3);
    await store('post', `/store/carts/${cart.id}/line-items/${shirt.id}`).send({ quantity: -1 }).expect(400);
    expect(await updates()).toBe(3);
    const zero = await store('post', `/store/carts/${cart.id}/line-items/${mug.id}`).send({ quantity: 0 }).expect(200);
    expect(await updates()).toBe(4);
    expect(zero.body.cart.items.map((i: Body) => i.id)).toEqual([shirt.id]);
    const res = await store('delete', `/store/carts/${cart.id}/line-items/${shirt.id}`).expect(200);
    expect(res.body).toMatchObject({ id: shirt.id, object: 'line-item', deleted: true, parent: { id: cart.id, items: [], total: 0 } });
    expect(await sql(`select id from cart_line_item where cart_id = ?`, [cart.id])).toEqual([]);
    const unknown = await store('delete', `/store/carts/${cart.id}/line-items/${shirt.id}`).expect(404);
    expect(unknown.body).toEqual({ type: 'not_found', message: `Line item with id: ${shirt.id} was not found` });
    expect((await store('post', `/store/carts/${cart.id}/line-items/cali_nope`).send({ quantity: 1 }).expect(404)).body.type).toBe('not_found');
  });

  it('answers 404 for an unknown cart on every route', async () => {
    const message = { type: 'not_found', message: 'Cart id not found: cart_nope' };
    expect((await store('get', '/store/carts/cart_nope').expect(404)).body).toEqual(message);
    expect((await store('post', '/store/carts/cart_nope').send({ email: 'a@b.co' }).expect(404)).body).toEqual(message);
    expect((await addLine('cart_nope', c.ids.mugVariant, 1).expect(404)).body).toEqual(message);
    expect((await store('post', '/store/carts/cart_nope/line-items/cali_1').send({ quantity: 1 }).expect(404)).body).toEqual(message);
    expect((await store('delete', '/store/carts/cart_nope/line-items/cali_1').expect(404)).body).toEqual(message);
  });

  it('updates email, addresses and metadata (medusa-wire 09), replacing an address', async () => {
    const cart = await newCart();
    const address = { first_name: 'Ada', last_name: 'Lovelace', address_1: '1 Main St', city: 'Copenhagen', country_code: 'DK', postal_code: '1000', phone: '+4512345678' };
    const res = await store('post', `/store/carts/${cart.id}`).send({ email: 'buyer@example.com', shipping_address: address, billing_address: { ...address, phone: undefined }, metadata: { gift: true } }).expect(200);
    expect(res.body.cart).toMatchObject({
      email: 'buyer@example.com',
      metadata: { gift: true },
      shipping_address_id: expect.stringMatching(/^caaddr_/),
      shipping_address: { first_name: 'Ada', country_code: 'dk', phone: '+4512345678', company: null, province: null, address_2: null },
      billing_address: { first_name: 'Ada', phone: null },
    });
    const again = await store('post', `/store/carts/${cart.id}`).send({ shipping_address: { ...address, city: 'Aarhus' } }).expect(200);
    expect(again.body.cart.shipping_address.city).toBe('Aarhus');
    expect(await sql(`select count(*)::int as n from cart_address where id = ?`, [res.body.cart.shipping_address_id])).toEqual([{ n: 0 }]);
    // what the second update did not name is kept: the billing address row, the email and the metadata
    expect(again.body.cart).toMatchObject({ billing_address_id: res.body.cart.billing_address_id, email: 'buyer@example.com', metadata: { gift: true } });
    expect(await sql(`select city from cart_address where id = ?`, [res.body.cart.billing_address_id])).toEqual([{ city: 'Copenhagen' }]);
    // the same region again is no region change (the flow passes no region on; CartService's own check is tested in cart-service)
    await store('post', `/store/carts/${cart.id}`).send({ region_id: cart.region_id }).expect(200);
    expect(await sql(`select name from event_outbox where data->>'id' = ? and name like 'cart.%updated' order by created_at, id`, [cart.id])).toEqual([
      { name: 'cart.updated' },
      { name: 'cart.updated' },
      { name: 'cart.updated' },
    ]);
  });

  it('refuses bad updates with 400 and changes nothing', async () => {
    const cart = await newCart();
    await addLine(cart.id, c.ids.shirtM, 1).expect(200);
    const before = await rowsOf(cart.id);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ email: 'not-an-email' }, 'invalid_data'],
      [{ region_id: 'reg_nope' }, 'invalid_data'],
      [{ shipping_address: { country_code: 'us' } }, 'invalid_data'],
      [{ customer_id: 'cus_1' }, 'invalid_data'],
      [{ sales_channel_id: 'sc_other' }, 'invalid_data'],
      // M has no usd price: moving to the usd region cannot re-price it
      [{ region_id: c.usdRegionId }, 'invalid_data'],
    ];
    for (const [body, type] of cases) expect((await store('post', `/store/carts/${cart.id}`).send(body).expect(400)).body.type).toBe(type);
    expect(await rowsOf(cart.id)).toEqual(before);
  });

  it('re-prices every line in the new region\'s currency, clears shipping methods and records cart.region_updated', async () => {
    const cart = await newCart();
    await addLine(cart.id, c.ids.shirtS, 2).expect(200);
    await sql(`insert into cart_shipping_method (id, cart_id, name, amount) values ('casm_test', ?, 'Standard', 10)`, [cart.id]);
    const withShipping = (await store('get', `/store/carts/${cart.id}`).expect(200)).body.cart;
    expect(withShipping).toMatchObject({ total: 40, shipping_total: 10 });
    const res = await store('post', `/store/carts/${cart.id}`).send({ region_id: c.usdRegionId }).expect(200);
    expect(res.body.cart).toMatchObject({ region_id: c.usdRegionId, currency_code: 'usd', shipping_methods: [], total: 50, item_total: 50 });
    expect(res.body.cart.items[0]).toMatchObject({ unit_price: 25, compare_at_unit_price: null });
    expect(res.body.cart.region.currency_code).toBe('usd');
    const [event] = await sql(`select count(*)::int as n from event_outbox where name = 'cart.region_updated' and data->>'id' = ?`, [cart.id]);
    expect(event.n).toBe(1);
  });

  it('prices store products in the cart\'s region and currency with cart_id, following a region change', async () => {
    const cart = await newCart();
    const price = async () =>
      (await store('get', `/store/products/${c.ids.shirt}?cart_id=${cart.id}&fields=${encodeURIComponent('+variants.calculated_price')}`).expect(200)).body.product.variants.find(
        (v: Body) => v.id === c.ids.shirtS,
      ).calculated_price;
    expect(await price()).toMatchObject({ calculated_amount: 15, original_amount: 18, currency_code: 'eur' });
    await store('post', `/store/carts/${cart.id}`).send({ region_id: c.usdRegionId }).expect(200);
    expect(await price()).toMatchObject({ calculated_amount: 25, currency_code: 'usd' });
  });

  it('refuses every change to a completed cart and leaves it as it was', async () => {
    const cart = await newCart();
    await addLine(cart.id, c.ids.mugVariant, 1).expect(200);
    await sql(`update cart set completed_at = now() where id = ?`, [cart.id]);
    const lineId = ((await sql(`select id from cart_line_item where cart_id = ?`, [cart.id])) as Body[])[0].id;
    const before = await rowsOf(cart.id);
    const message = { type: 'invalid_data', message: `Cart ${cart.id} is already completed.` };
    expect((await store('post', `/store/carts/${cart.id}`).send({ email: 'x@y.co' }).expect(400)).body).toEqual(message);
    expect((await addLine(cart.id, c.ids.mugVariant, 1).expect(400)).body).toEqual(message);
    expect((await store('post', `/store/carts/${cart.id}/line-items/${lineId}`).send({ quantity: 3 }).expect(400)).body).toEqual(message);
    expect((await store('delete', `/store/carts/${cart.id}/line-items/${lineId}`).expect(400)).body).toEqual(message);
    expect(await rowsOf(cart.id)).toEqual(before);
    expect((await store('get', `/store/carts/${cart.id}`).expect(200)).body.cart.completed_at).toEqual(expect.any(String));
  });

  it("gives a cart of a key with several channels the store's default channel (the store is read for it)", async () => {
    const admin = bearer(t.adminToken);
    const other = (await t.api.post('/admin/sales-channels').set(...admin).send({ name: 'Second shop' }).expect(200)).body.sales_channel;
    const [key] = await sql(`select id from api_key where token = ?`, [t.publishableKey]);
    const [{ default_sales_channel_id: storeDefault }] = await sql(`select default_sales_channel_id from store where deleted_at is null`);
    await t.api.post(`/admin/api-keys/${key.id}/sales-channels`).set(...admin).send({ add: [other.id] }).expect(200);
    try {
      const counter = new StatementCounter(t.app);
      let cart: Body;
      const statements = await counter.record(async () => (cart = await newCart()));
      expect(statements.some((s) => /from "store"/.test(s))).toBe(true);
      expect(cart.sales_channel_id).toBe(storeDefault);
      const chosen = (await store('post', '/store/carts').send({ region_id: c.regionId, sales_channel_id: other.id }).expect(200)).body.cart;
      expect(chosen.sales_channel_id).toBe(other.id);
    } finally {
      await t.api.post(`/admin/api-keys/${key.id}/sales-channels`).set(...admin).send({ remove: [other.id] }).expect(200);
    }
  });

  it('reads a cart in a fixed number of statements whatever the number of lines', async () => {
    const counter = new StatementCounter(t.app);
    // the outbox relay wakes on every commit (here: the line adds) and may poll meanwhile: its claims and marks
    // are not the route's
    const routeOnly = async (run: () => Promise<unknown>) => (await counter.record(run)).filter((s) => !RELAY.test(s));
    let cart: Body;
    const creation = await routeOnly(async () => (cart = await newCart()));
    // the body names the region and the key has one channel: the store has nothing to add and is not read
    expect(creation.filter((s) => /from "store/.test(s))).toEqual([]);
    expect(cart).toMatchObject({ region_id: c.regionId, sales_channel_id: t.salesChannelId });
    await addLine(cart.id, c.ids.mugVariant, 1).expect(200);
    const one = await routeOnly(() => store('get', `/store/carts/${cart.id}`).expect(200));
    await addLine(cart.id, c.ids.shirtS, 1).expect(200);
    await addLine(cart.id, c.ids.shirtM, 1).expect(200);
    const three = await routeOnly(() => store('get', `/store/carts/${cart.id}`).expect(200));
    // the cart with its promotion and payment collection links and its region, the lines' variants (customer /
    // promotions / collection only when there are some)
    expect(one.length).toBe(2);
    expect(three.length).toBe(one.length);
    const add = await routeOnly(() => addLine(cart.id, c.ids.shirtS, 1).expect(200));
    // begin, lock, the cart with its links, region and whether automatic promotions are active, the variants with
    // their channels, price sets, inventory and stock (one read), prices with their price lists and preferences, the
    // update (which answers the changed line, so the cart is not read again, and records cart.updated), commit; the
    // view reads nothing (the variants, links and region come from the change)
    expect(add.length).toBe(7);
    expect(add.filter((s) => /^\s*insert into "?event_outbox/.test(s))).toEqual([]);
  });

  it('answers an add of a new line with the cart as a later read shows it, without reading the cart again', async () => {
    const counter = new StatementCounter(t.app);
    const routeOnly = async (run: () => Promise<unknown>) => (await counter.record(run)).filter((s) => !RELAY.test(s));
    const cart = await newCart();
    await addLine(cart.id, c.ids.mugVariant, 2).expect(200);
    let added: Body = {};
    const statements = await routeOnly(async () => (added = (await addLine(cart.id, c.ids.shirtS, 1).expect(200)).body.cart));
    // as the add to an existing line: the insert answers the new line, so the cart is read once, before it, and
    // records cart.updated (no statement of its own)
    expect(statements.length).toBe(7);
    expect(statements.filter((s) => /^\s*insert into "?event_outbox/.test(s))).toEqual([]);
    const updated = await sql(`select count(*)::int as n from event_outbox where name = 'cart.updated' and data->>'id' = ?`, [cart.id]);
    expect(updated).toEqual([{ n: 2 }]);
    expect(statements.filter((s) => s.includes('to_jsonb(c) as cart'))).toHaveLength(1);
    expect(added.items.map((i: Body) => [i.variant_id, i.quantity])).toEqual([
      [c.ids.mugVariant, 2],
      [c.ids.shirtS, 1],
    ]);
    expect(added).toEqual((await store('get', `/store/carts/${cart.id}`).expect(200)).body.cart);
  });
});
