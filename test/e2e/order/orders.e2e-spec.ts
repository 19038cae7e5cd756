import { isEmbeddedTestDatabase } from '../../utils/test-database';
import { bearer, createIdentityApp, IdentityApp } from '../../utils/identity';
import { ctxOf, customerToken, lineItem, orderState, ordersOf, placeOrder, snapshot, sql } from './order-fixtures';
import { StatementCounter } from '../../utils/statement-counter';
import { CustomerService } from '../../../src/modules/customer/customer.service';
import { OrderService } from '../../../src/modules/order/order.service';

const raw = (value: string) => ({ value, precision: 20 });

/** Orders placed from a checkout snapshot, read and changed through the admin and store routes. */
describe('orders', () => {
  let t: IdentityApp;
  const admin = () => ['Authorization', `Bearer ${t.adminToken}`] as [string, string];
  const store = () => ['x-publishable-api-key', t.publishableKey] as [string, string];
  beforeAll(async () => {
    t = await createIdentityApp();
  });
  afterAll(() => t.close());

  it('shows a simple order exactly as Medusa does (wire 22)', async () => {
    const placed = await placeOrder(t);
    const { body } = await t.api.get(`/admin/orders/${placed.id}`).set(...admin()).expect(200);
    const order = body.order;
    expect(order).toMatchObject({
      id: placed.id,
      display_id: placed.display_id,
      custom_display_id: null,
      status: 'pending',
      version: 1,
      region_id: 'reg_01TEST',
      email: 'buyer@example.com',
      currency_code: 'eur',
      total: 30,
      subtotal: 30,
      tax_total: 0,
      discount_total: 0,
      item_total: 20,
      item_subtotal: 20,
      shipping_total: 10,
      shipping_subtotal: 10,
      original_total: 30,
      credit_line_total: 0,
      credit_lines: [],
      payment_collections: [],
      fulfillments: [],
      payment_status: 'not_paid',
      fulfillment_status: 'not_fulfilled',
      summary: {
        paid_total: 0,
        raw_paid_total: raw('0'),
        refunded_total: 0,
        accounting_total: 30,
        credit_line_total: 0,
        transaction_total: 0,
        pending_difference: 30,
        raw_pending_difference: raw('30'),
        current_order_total: 30,
        original_order_total: 30,
        raw_original_order_total: raw('30'),
      },
    });
    const [item] = order.items;
    expect(item).toMatchObject({
      title: 'Medusa Sweatshirt',
      subtitle: 'S',
      variant_sku: 'SWEATSHIRT-S',
      product_handle: 'sweatshirt',
      requires_shipping: true,
      is_tax_inclusive: false,
      metadata: {},
      line_item_metadata: {},
      raw_compare_at_unit_price: null,
      compare_at_unit_price: null,
      unit_price: 10,
      raw_unit_price: raw('10'),
      quantity: 2,
      raw_quantity: raw('2'),
      tax_lines: [],
      adjustments: [],
      subtotal: 20,
      total: 20,
      original_total: 20,
      refundable_total_per_unit: 10,
      refundable_total: 20,
      fulfilled_total: 0,
      write_off_total: 0,
      raw_refundable_total: raw('20'),
    });
    expect(item.id).toMatch(/^ordli_/);
    expect(item.detail).toMatchObject({
      version: 1,
      order_id: placed.id,
      item_id: item.id,
      unit_price: null,
      raw_unit_price: null,
      quantity: 2,
      raw_quantity: raw('2'),
      fulfilled_quantity: 0,
      raw_fulfilled_quantity: raw('0'),
      written_off_quantity: 0,
    });
    expect(item.detail.id).toMatch(/^orditem_/);
    const [method] = order.shipping_methods;
    expect(method).toMatchObject({
      name: 'Standard Shipping',
      amount: 10,
      raw_amount: raw('10'),
      is_custom_amount: false,
      shipping_option_id: 'so_01TEST',
      data: {},
      order_id: placed.id,
      total: 10,
      detail: { version: 1, order_id: placed.id, return_id: null, claim_id: null, exchange_id: null, shipping_method_id: method.id },
    });
    expect(method.id).toMatch(/^ordsm_/);
    expect(method.detail.id).toMatch(/^ordspmv_/);
    expect(order.shipping_address).toMatchObject({ first_name: 'Ada', country_code: 'dk', phone: '+4512345678' });
    expect(order.shipping_address.id).toMatch(/^ordaddr_/);
    expect(order.billing_address).toMatchObject({ phone: null });
    expect(order.billing_address.id).not.toBe(order.shipping_address.id);
  });

  it('computes totals to the cent with taxes (exclusive and inclusive), a discount and rounding', async () => {
    const placed = await placeOrder(t, {
      items: [
        // 2 × 100 at 25 % with a 20 discount: subtotal 200, discount 20 + 5 tax, tax 45, total 225
        lineItem({ title: 'A', unit_price: '100', quantity: 2, tax_lines: [{ code: 'VAT', rate: 25 }], adjustments: [{ code: 'WELCOME10', amount: '20', promotion_id: 'promo_01' }] }),
        // 12.50 tax-inclusive at 25 %: subtotal 10, tax 2.50, total 12.50
        lineItem({ title: 'B', unit_price: '12.5', quantity: 1, is_tax_inclusive: true, tax_lines: [{ code: 'VAT', rate: '25' }] }),
        // 3 × 9.99 at 7 %: subtotal 29.97, tax 2.0979, total 32.0679 → 32.07
        lineItem({ title: 'C', unit_price: '9.99', quantity: 3, tax_lines: [{ code: 'RED', rate: 7 }] }),
      ],
      shipping_methods: [
        // 10 at 25 %: tax 2.50, total 12.50
        { name: 'Express', amount: '10', is_tax_inclusive: false, shipping_option_id: 'so_02', tax_lines: [{ code: 'VAT', rate: 25 }], adjustments: [] },
      ],
    });
    const { body } = await t.api.get(`/admin/orders/${placed.id}`).set(...admin()).expect(200);
    const order = body.order;
    expect(order).toMatchObject({
      item_subtotal: 239.97,
      item_tax_total: 49.6,
      item_total: 269.57,
      shipping_subtotal: 10,
      shipping_tax_total: 2.5,
      shipping_total: 12.5,
      subtotal: 249.97,
      discount_subtotal: 20,
      discount_tax_total: 5,
      discount_total: 25,
      tax_total: 52.1,
      original_tax_total: 57.1,
      total: 282.07,
      original_total: 307.07,
    });
    expect(order.summary).toMatchObject({ current_order_total: 282.07, original_order_total: 282.07, pending_difference: 282.07 });
    const byTitle = Object.fromEntries(order.items.map((i: { title: string }) => [i.title, i]));
    expect(byTitle.A).toMatchObject({ subtotal: 200, discount_total: 25, tax_total: 45, total: 225, original_total: 250, refundable_total_per_unit: 112.5 });
    expect(byTitle.A.adjustments).toEqual([expect.objectContaining({ code: 'WELCOME10', amount: 20, promotion_id: 'promo_01', item_id: byTitle.A.id })]);
    expect(byTitle.A.tax_lines).toEqual([expect.objectContaining({ code: 'VAT', rate: 25, item_id: byTitle.A.id })]);
    expect(byTitle.B).toMatchObject({ subtotal: 10, tax_total: 2.5, total: 12.5 });
    expect(byTitle.C).toMatchObject({ subtotal: 29.97, tax_total: 2.1, total: 32.07, raw_total: raw('32.0679') });
    expect(order.shipping_methods[0]).toMatchObject({ subtotal: 10, tax_total: 2.5, total: 12.5 });
  });

  it('numbers orders from a sequence, unique under concurrent creation', async () => {
    const first = await placeOrder(t);
    const second = await placeOrder(t);
    expect(second.display_id).toBe(first.display_id + 1);
    const burst = await Promise.all(Array.from({ length: isEmbeddedTestDatabase() ? 5 : 20 }, () => placeOrder(t)));
    const ids = burst.map((o) => o.display_id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(Math.min(...ids)).toBeGreaterThan(second.display_id);
  });

  it('writes nothing for an invalid snapshot', async () => {
    const [{ count: before }] = await sql<{ count: string }>(t, 'select count(*) from "order"');
    await expect(placeOrder(t, { items: [lineItem({ quantity: 0 })] })).rejects.toMatchObject({ type: 'invalid_data', message: 'items[0].quantity must be greater than 0' });
    await expect(placeOrder(t, { items: [lineItem({ unit_price: 'abc' })] })).rejects.toMatchObject({ type: 'invalid_data' });
    const [{ count: after }] = await sql<{ count: string }>(t, 'select count(*) from "order"');
    expect(after).toBe(before);
  });

  describe('admin list', () => {
    let a: { id: string; display_id: number };
    let b: { id: string; display_id: number };
    beforeAll(async () => {
      a = await placeOrder(t, { email: 'filter-alice@example.com', customer_id: 'cus_filter_a', region_id: 'reg_filter_1', sales_channel_id: 'sc_filter' });
      b = await placeOrder(t, { email: 'filter-bob@example.com', customer_id: 'cus_filter_b', region_id: 'reg_filter_2', sales_channel_id: 'sc_filter' });
      await ordersOf(t).cancel(ctxOf(t), b.id);
    });

    const ids = (body: { orders: Array<{ id: string }> }) => body.orders.map((o) => o.id);

    it('answers wire 21: Medusa\'s list defaults, newest first', async () => {
      const { body } = await t.api.get('/admin/orders?limit=2').set(...admin()).expect(200);
      expect(body).toMatchObject({ count: expect.any(Number), offset: 0, limit: 2 });
      expect(Object.keys(body.orders[0]).sort()).toEqual(
        ['created_at', 'custom_display_id', 'display_id', 'fulfillment_status', 'id', 'items', 'locale', 'metadata', 'payment_status', 'status', 'summary', 'total', 'updated_at', 'version'].sort(),
      );
      expect(body.orders[0].items[0].detail).toMatchObject({ quantity: expect.any(Number) });
      expect(body.orders[0].display_id).toBeGreaterThan(body.orders[1].display_id);
    });

    it('filters by status, customer, region, sales channel and id', async () => {
      expect(ids((await t.api.get('/admin/orders?customer_id=cus_filter_a').set(...admin()).expect(200)).body)).toEqual([a.id]);
      expect(ids((await t.api.get('/admin/orders?region_id=reg_filter_2').set(...admin()).expect(200)).body)).toEqual([b.id]);
      expect(ids((await t.api.get('/admin/orders?sales_channel_id=sc_filter&order=created_at').set(...admin()).expect(200)).body)).toEqual([a.id, b.id]);
      expect(ids((await t.api.get('/admin/orders?sales_channel_id=sc_filter&status=canceled').set(...admin()).expect(200)).body)).toEqual([b.id]);
      expect(ids((await t.api.get(`/admin/orders?id[]=${a.id}&id[]=${b.id}&order=display_id`).set(...admin()).expect(200)).body)).toEqual([a.id, b.id]);
    });

    it('searches q over email and display id', async () => {
      expect(ids((await t.api.get('/admin/orders?q=FILTER-ALICE').set(...admin()).expect(200)).body)).toEqual([a.id]);
      expect(ids((await t.api.get(`/admin/orders?q=${b.display_id}`).set(...admin()).expect(200)).body)).toEqual([b.id]);
    });

    it('filters by creation time', async () => {
      const { body } = await t.api.get(`/admin/orders?created_at[$gt]=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`).set(...admin()).expect(200);
      expect(body).toMatchObject({ orders: [], count: 0 });
    });

    it('refuses unknown filters and fields', async () => {
      const bad = await t.api.get('/admin/orders?colour=red').set(...admin()).expect(400);
      expect(bad.body.type).toBe('invalid_data');
      await t.api.get('/admin/orders?fields=secret').set(...admin()).expect(400);
    });

    it('selects fields', async () => {
      const { body } = await t.api.get(`/admin/orders?id=${a.id}&fields=id,email,total`).set(...admin()).expect(200);
      expect(body.orders).toEqual([{ id: a.id, email: 'filter-alice@example.com', total: 30 }]);
    });

    it('needs a user', async () => {
      await t.api.get('/admin/orders').expect(401);
    });
  });

  it('lists the order lines with their quantities', async () => {
    const placed = await placeOrder(t);
    const { body } = await t.api.get(`/admin/orders/${placed.id}/line-items`).set(...admin()).expect(200);
    expect(body.order_items).toEqual([expect.objectContaining({ order_id: placed.id, quantity: 2, fulfilled_quantity: 0, item: expect.objectContaining({ title: 'Medusa Sweatshirt' }) })]);
    await t.api.get('/admin/orders/order_missing/line-items').set(...admin()).expect(404);
  });

  it('answers 404 for an unknown order', async () => {
    const res = await t.api.get('/admin/orders/order_missing').set(...admin()).expect(404);
    expect(res.body).toEqual({ type: 'not_found', message: 'Order with id: order_missing was not found' });
  });

  describe('update', () => {
    it('changes email, addresses and metadata and records order.updated', async () => {
      const placed = await placeOrder(t);
      const { body } = await t.api
        .post(`/admin/orders/${placed.id}`)
        .set(...admin())
        .send({ email: 'new@example.com', shipping_address: { address_1: '2 Side St', city: 'Aarhus' }, metadata: { note: 'vip' } })
        .expect(200);
      expect(body.order).toMatchObject({ email: 'new@example.com', metadata: { note: 'vip' }, shipping_address: { address_1: '2 Side St', city: 'Aarhus', first_name: 'Ada', country_code: 'dk' } });
      expect((await orderState(t, placed.id)).events).toEqual([{ name: 'order.updated' }]);
    });

    it('refuses a malformed body, a country change and a canceled order, changing nothing', async () => {
      const placed = await placeOrder(t);
      const before = await orderState(t, placed.id);
      expect((await t.api.post(`/admin/orders/${placed.id}`).set(...admin()).send({ email: 'not-an-email' }).expect(400)).body.type).toBe('invalid_data');
      expect((await t.api.post(`/admin/orders/${placed.id}`).set(...admin()).send({ colour: 'red' }).expect(400)).body.type).toBe('invalid_data');
      const country = await t.api.post(`/admin/orders/${placed.id}`).set(...admin()).send({ email: 'x@example.com', shipping_address: { country_code: 'se' } }).expect(400);
      expect(country.body).toEqual({ type: 'invalid_data', message: 'Country code cannot be changed' });
      expect(await orderState(t, placed.id)).toEqual(before);
      await t.api.post(`/admin/orders/${placed.id}/cancel`).set(...admin()).expect(200);
      const canceled = await orderState(t, placed.id);
      const refused = await t.api.post(`/admin/orders/${placed.id}`).set(...admin()).send({ email: 'y@example.com' }).expect(400);
      expect(refused.body).toEqual({ type: 'not_allowed', message: `Order with id ${placed.id} has been canceled.` });
      expect(await orderState(t, placed.id)).toEqual(canceled);
      await t.api.post('/admin/orders/order_missing').set(...admin()).send({ email: 'y@example.com' }).expect(404);
    });
  });

  describe('state transitions', () => {
    it('completes, then archives, recording each event', async () => {
      const placed = await placeOrder(t);
      const completed = await t.api.post(`/admin/orders/${placed.id}/complete`).set(...admin()).expect(200);
      expect(completed.body.order.status).toBe('completed');
      const archived = await t.api.post(`/admin/orders/${placed.id}/archive`).set(...admin()).expect(200);
      expect(archived.body.order.status).toBe('archived');
      expect((await orderState(t, placed.id)).events).toEqual([{ name: 'order.archived' }, { name: 'order.completed' }]);
    });

    it('cancels a pending order once', async () => {
      const placed = await placeOrder(t);
      const { body } = await t.api.post(`/admin/orders/${placed.id}/cancel`).set(...admin()).expect(200);
      expect(body.order.status).toBe('canceled');
      expect(body.order.canceled_at).toEqual(expect.any(String));
      const after = await orderState(t, placed.id);
      expect(after.events).toEqual([{ name: 'order.canceled' }]);
      const again = await t.api.post(`/admin/orders/${placed.id}/cancel`).set(...admin()).expect(400);
      expect(again.body).toEqual({ type: 'not_allowed', message: `Order with id ${placed.id} has been canceled.` });
      const complete = await t.api.post(`/admin/orders/${placed.id}/complete`).set(...admin()).expect(400);
      expect(complete.body.type).toBe('not_allowed');
      expect(await orderState(t, placed.id)).toEqual(after);
    });

    it('refuses wrong-state actions with 4xx and leaves the rows unchanged', async () => {
      const pending = await placeOrder(t);
      const before = await orderState(t, pending.id);
      const archive = await t.api.post(`/admin/orders/${pending.id}/archive`).set(...admin()).expect(400);
      expect(archive.body).toEqual({ type: 'not_allowed', message: `Cannot archive order ${pending.id} with status pending` });
      expect(await orderState(t, pending.id)).toEqual(before);

      await t.api.post(`/admin/orders/${pending.id}/complete`).set(...admin()).expect(200);
      const completed = await orderState(t, pending.id);
      expect((await t.api.post(`/admin/orders/${pending.id}/cancel`).set(...admin()).expect(400)).body.type).toBe('not_allowed');
      expect((await t.api.post(`/admin/orders/${pending.id}/complete`).set(...admin()).expect(400)).body.type).toBe('not_allowed');
      expect(await orderState(t, pending.id)).toEqual(completed);
      await t.api.post('/admin/orders/order_missing/cancel').set(...admin()).expect(404);
    });

    it('refuses to cancel an order with fulfilled units, or when the flow reports active fulfillments', async () => {
      const placed = await placeOrder(t);
      const [line] = (await ordersOf(t).retrieve(ctxOf(t), placed.id)).items;
      await ordersOf(t).registerFulfillment(ctxOf(t), placed.id, [{ item_id: line.id, quantity: 1 }]);
      const before = await orderState(t, placed.id);
      const res = await t.api.post(`/admin/orders/${placed.id}/cancel`).set(...admin()).expect(400);
      expect(res.body).toEqual({ type: 'not_allowed', message: 'All fulfillments must be canceled before canceling an order' });
      expect(await orderState(t, placed.id)).toEqual(before);

      const other = await placeOrder(t);
      await expect(ordersOf(t).cancel(ctxOf(t), other.id, { has_active_fulfillments: true })).rejects.toMatchObject({ type: 'not_allowed' });
      expect((await orderState(t, other.id)).order).toMatchObject({ status: 'pending', canceled_at: null });
    });
  });

  describe('store', () => {
    let mine: { id: string; display_id: number };
    let theirs: { id: string; display_id: number };
    let token: string;
    beforeAll(async () => {
      mine = await placeOrder(t, { customer_id: 'cus_store_me', email: 'me@example.com' });
      theirs = await placeOrder(t, { customer_id: 'cus_store_other', email: 'other@example.com' });
      token = await customerToken(t, 'me@example.com', 'cus_store_me');
    });

    it("lists only the signed-in customer's orders, whatever the filters say", async () => {
      const { body } = await t.api.get('/store/orders').set(...store()).set(...bearer(token)).expect(200);
      expect(body.orders.map((o: { id: string }) => o.id)).toEqual([mine.id]);
      expect(body.orders[0]).toMatchObject({ email: 'me@example.com', items: [expect.objectContaining({ detail: expect.any(Object) })], shipping_address: expect.any(Object) });
      const sneaky = await t.api.get('/store/orders?customer_id=cus_store_other').set(...store()).set(...bearer(token)).expect(200);
      expect(sneaky.body.orders.map((o: { id: string }) => o.id)).toEqual([mine.id]);
      const byId = await t.api.get(`/store/orders?id=${theirs.id}`).set(...store()).set(...bearer(token)).expect(200);
      expect(byId.body).toMatchObject({ orders: [], count: 0 });
    });

    it('needs a signed-in customer to list, and a publishable key', async () => {
      await t.api.get('/store/orders').set(...store()).expect(401);
      await t.api.get('/store/orders').set(...store()).set(...admin()).expect(401);
      await t.api.get('/store/orders').set(...bearer(token)).expect(400);
    });

    it("keeps a registered customer's order to that customer; a guest order stays readable by id", async () => {
      const customers = t.app.get(CustomerService);
      const owner = await customers.create(ctxOf(t), { email: 'owner@example.com', has_account: true });
      const other = await customers.create(ctxOf(t), { email: 'nosy@example.com', has_account: true });
      const guest = await customers.create(ctxOf(t), { email: 'guest-buyer@example.com' });
      const ownersOrder = await placeOrder(t, { customer_id: owner.id, email: 'owner@example.com' });
      const guestOrder = await placeOrder(t, { customer_id: guest.id, email: 'guest-buyer@example.com' });
      const ownerToken = await customerToken(t, 'owner@example.com', owner.id);
      const otherToken = await customerToken(t, 'nosy@example.com', other.id);

      const own = await t.api.get(`/store/orders/${ownersOrder.id}`).set(...store()).set(...bearer(ownerToken)).expect(200);
      expect(own.body.order.id).toBe(ownersOrder.id);
      for (const who of [bearer(otherToken), null]) {
        const req = t.api.get(`/store/orders/${ownersOrder.id}`).set(...store());
        const res = await (who ? req.set(...who) : req).expect(404);
        expect(res.body).toEqual({ type: 'not_found', message: `Order with id: ${ownersOrder.id} was not found` });
      }
      await t.api.get(`/store/orders/${guestOrder.id}`).set(...store()).expect(200);
      await t.api.get(`/store/orders/${guestOrder.id}`).set(...store()).set(...bearer(otherToken)).expect(200);
    });

    it('documents an order without addresses (a digital-only order) as the API answers it', async () => {
      const digital = await placeOrder(t, { shipping_address: null, billing_address: null });
      const res = await t.api.get(`/store/orders/${digital.id}`).set(...store()).expect(200); // checked against the OpenAPI document
      expect(res.body.order).toMatchObject({ shipping_address: null, billing_address: null });
    });

    it('reads one order by id, as a guest too (the id is the capability, as in Medusa)', async () => {
      const guest = await t.api.get(`/store/orders/${theirs.id}`).set(...store()).expect(200);
      expect(guest.body.order).toMatchObject({ id: theirs.id, total: 30, payment_status: 'not_paid' });
      await t.api.get('/store/orders/order_missing').set(...store()).expect(404);
    });
  });

  describe('writes', () => {
    it('places an order with every table of it written, each value stored as given', async () => {
      const input = snapshot({
        locale: 'da-DK',
        metadata: { source: 'review' },
        no_notification: true,
        items: [
          lineItem({
            title: 'Taxed',
            quantity: 2,
            unit_price: '12.345678',
            compare_at_unit_price: '15',
            variant_option_values: { Size: 'M' },
            metadata: { gift: true },
            tax_lines: [{ code: 'DK_VAT', rate: '25', description: 'Moms', tax_rate_id: 'txr_01TEST', provider_id: 'tp_system' }],
            adjustments: [{ code: 'WELCOME10', amount: '2.469136', description: '10 %', promotion_id: 'promo_01TEST', provider_id: null }],
          }),
          lineItem({ title: 'Inclusive', quantity: 1, unit_price: '5', is_tax_inclusive: true, requires_shipping: false }),
        ],
        shipping_methods: [
          {
            name: 'Express',
            description: 'Next day',
            amount: '12.5',
            is_tax_inclusive: false,
            shipping_option_id: 'so_01TEST',
            data: { slot: 'am' },
            metadata: { desk: 3 },
            tax_lines: [{ code: 'DK_VAT', rate: 25, description: null, tax_rate_id: null, provider_id: null }],
            adjustments: [{ code: 'SHIP', amount: '2.5', description: null, promotion_id: 'promo_02TEST', provider_id: null }],
          },
        ],
        credit_lines: [{ amount: '3', reference: 'gift_card', reference_id: 'gc_01TEST', metadata: { note: 'x' } }],
      });
      const before = await ordersOf(t).createFromSnapshot(ctxOf(t), snapshot({ no_notification: true }));
      let placed!: Awaited<ReturnType<OrderService['createFromSnapshot']>>;
      const statements = await new StatementCounter(t.app).record(async () => {
        placed = await ordersOf(t).createFromSnapshot(ctxOf(t), input);
      });
      expect(placed.display_id).toBe(before.display_id + 1);
      // the display id and every table's rows in one statement (in its own transaction here)
      expect(statements.filter((statement) => !statement.includes('event_outbox')).map((statement) => statement.slice(0, 40))).toEqual([
        expect.stringMatching(/^begin/i),
        expect.stringMatching(/^with display as \(select nextval/),
        expect.stringMatching(/^commit/i),
      ]);

      const [order] = await sql(t, `select display_id, status, email, currency_code, locale, metadata, no_notification, is_draft_order, shipping_address_id, billing_address_id, region_id, created_at, updated_at, deleted_at, canceled_at from "order" where id = ?`, [placed.id]);
      expect(order).toMatchObject({ display_id: placed.display_id, status: 'pending', email: 'buyer@example.com', currency_code: 'eur', locale: 'da-DK', metadata: { source: 'review' }, no_notification: true, is_draft_order: false, region_id: 'reg_01TEST', deleted_at: null, canceled_at: null });
      expect(new Date(order.created_at as string).getTime()).toBe(new Date(order.updated_at as string).getTime());
      const addresses = await sql(t, 'select id, city, country_code, phone from order_address where id in (?, ?) order by phone nulls first', [order.shipping_address_id, order.billing_address_id]);
      expect(addresses.map((a) => [a.id, a.city, a.country_code, a.phone])).toEqual([
        [order.billing_address_id, 'Copenhagen', 'dk', null],
        [order.shipping_address_id, 'Copenhagen', 'dk', '+4512345678'],
      ]);

      const lines = await sql(t, `select l.id, l.title, l.unit_price::text as unit_price, l.compare_at_unit_price::text as compare_at, l.variant_option_values, l.metadata,
          l.is_tax_inclusive, l.requires_shipping, d.quantity::text as quantity, d.fulfilled_quantity::text as fulfilled, d.version, d.unit_price as override
        from order_item d join order_line_item l on l.id = d.item_id where d.order_id = ? order by l.title desc`, [placed.id]);
      expect(lines.map((l) => [l.title, l.unit_price, l.compare_at, l.variant_option_values, l.metadata, l.is_tax_inclusive, l.requires_shipping, l.quantity, l.fulfilled, l.version, l.override])).toEqual([
        ['Taxed', '12.345678', '15.000000', { Size: 'M' }, { gift: true }, false, true, '2.000000', '0.000000', 1, null],
        ['Inclusive', '5.000000', null, null, {}, true, false, '1.000000', '0.000000', 1, null],
      ]);
      expect(lines.map((l) => l.id).sort()).toEqual([...placed.item_ids].sort());
      const taxed = lines[0].id;
      expect(await sql(t, 'select item_id, code, rate::text as rate, description, tax_rate_id, provider_id from order_line_item_tax_line where item_id in (?, ?)', [taxed, lines[1].id])).toEqual([
        { item_id: taxed, code: 'DK_VAT', rate: '25.0000', description: 'Moms', tax_rate_id: 'txr_01TEST', provider_id: 'tp_system' },
      ]);
      expect(await sql(t, 'select item_id, code, amount::text as amount, promotion_id from order_line_item_adjustment where item_id in (?, ?)', [taxed, lines[1].id])).toEqual([
        { item_id: taxed, code: 'WELCOME10', amount: '2.469136', promotion_id: 'promo_01TEST' },
      ]);

      const [method] = await sql(t, `select m.id, m.name, m.description, m.amount::text as amount, m.data, m.metadata, m.is_custom_amount, s.version
        from order_shipping s join order_shipping_method m on m.id = s.shipping_method_id where s.order_id = ?`, [placed.id]);
      expect(method).toMatchObject({ name: 'Express', description: 'Next day', amount: '12.500000', data: { slot: 'am' }, metadata: { desk: 3 }, is_custom_amount: false, version: 1 });
      expect(await sql(t, 'select code, rate::text as rate from order_shipping_method_tax_line where shipping_method_id = ?', [method.id])).toEqual([{ code: 'DK_VAT', rate: '25.0000' }]);
      expect(await sql(t, 'select code, amount::text as amount, promotion_id from order_shipping_method_adjustment where shipping_method_id = ?', [method.id])).toEqual([
        { code: 'SHIP', amount: '2.500000', promotion_id: 'promo_02TEST' },
      ]);
      expect(await sql(t, 'select reference, reference_id, amount::text as amount, metadata from order_credit_line where order_id = ?', [placed.id])).toEqual([
        { reference: 'gift_card', reference_id: 'gc_01TEST', amount: '3.000000', metadata: { note: 'x' } },
      ]);
      // the summary's totals were computed from these rows: what the order read answers
      const view = await ordersOf(t).retrieve(ctxOf(t), placed.id);
      const [summary] = await sql(t, 'select version, totals from order_summary where order_id = ?', [placed.id]);
      expect(summary.version).toBe(1);
      expect(Number((summary.totals as { current_order_total: unknown }).current_order_total)).toBe(view.total);
      expect(view.credit_line_total).toBe(3);
    });

    it('refuses a malformed snapshot before writing anything, without using up a display id', async () => {
      const counter = new StatementCounter(t.app);
      const before = await placeOrder(t, { no_notification: true });
      const statements = await counter.record(() =>
        expect(ordersOf(t).createFromSnapshot(ctxOf(t), snapshot({ items: [lineItem({ unit_price: 'ten' })] }))).rejects.toMatchObject({
          type: 'invalid_data',
          message: 'items[0].unit_price must be a number',
        }),
      );
      expect(statements.filter((statement) => !statement.includes('event_outbox')).filter((statement) => !/^(BEGIN|ROLLBACK);?$/.test(statement))).toEqual([]);
      expect((await placeOrder(t, { no_notification: true })).display_id).toBe(before.display_id + 1);
    });
  });
});
