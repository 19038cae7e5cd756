import { createIdentityApp, IdentityApp } from '../../utils/identity';
import { ctxOf, lineItem, orderState, ordersOf, placeOrder, sql } from './order-fixtures';

/** The facade's quantity guards, money transactions, returns and return reasons. */
describe('order quantities, transactions and returns', () => {
  let t: IdentityApp;
  const admin = () => ['Authorization', `Bearer ${t.adminToken}`] as [string, string];
  const store = () => ['x-publishable-api-key', t.publishableKey] as [string, string];
  beforeAll(async () => {
    t = await createIdentityApp();
  });
  afterAll(() => t.close());

  /** An order of 3 × A and 1 × B; returns the line ids. */
  async function twoLineOrder() {
    const placed = await placeOrder(t, {
      items: [lineItem({ title: 'A', quantity: 3, unit_price: '10' }), lineItem({ title: 'B', quantity: 1, unit_price: '5' })],
    });
    const view = await ordersOf(t).retrieve(ctxOf(t), placed.id);
    const [a, b] = view.items;
    return { id: placed.id, a: a.id, b: b.id };
  }

  const quantities = async (orderId: string) =>
    Object.fromEntries((await ordersOf(t).retrieve(ctxOf(t), orderId)).items.map((i) => [i.title, i.detail]));

  it('fulfils, ships and delivers up to what remains, and refuses more (nothing changed)', async () => {
    const o = await twoLineOrder();
    const orders = ordersOf(t);
    await orders.registerFulfillment(ctxOf(t), o.id, [{ item_id: o.a, quantity: 2 }, { item_id: o.b, quantity: 1 }]);
    const before = await orderState(t, o.id);
    await expect(orders.registerFulfillment(ctxOf(t), o.id, [{ item_id: o.a, quantity: 1 }, { item_id: o.b, quantity: 1 }])).rejects.toMatchObject({
      type: 'invalid_data',
      message: `Cannot fulfill more items than remain to be fulfilled for item ${o.b}`,
    });
    expect(await orderState(t, o.id)).toEqual(before);

    await expect(orders.registerShipment(ctxOf(t), o.id, [{ item_id: o.a, quantity: 3 }])).rejects.toMatchObject({ type: 'invalid_data' });
    await orders.registerShipment(ctxOf(t), o.id, [{ item_id: o.a, quantity: 2 }]);
    await orders.registerDelivery(ctxOf(t), o.id, [{ item_id: o.a, quantity: 2 }]);
    await expect(orders.registerDelivery(ctxOf(t), o.id, [{ item_id: o.a, quantity: 1 }])).rejects.toMatchObject({ type: 'invalid_data' });
    expect(await quantities(o.id)).toMatchObject({
      A: { quantity: 3, fulfilled_quantity: 2, shipped_quantity: 2, delivered_quantity: 2 },
      B: { quantity: 1, fulfilled_quantity: 1, shipped_quantity: 0 },
    });
    const view = await orders.retrieve(ctxOf(t), o.id);
    expect(view.items.find((i) => i.title === 'A')).toMatchObject({ fulfilled_total: 20, shipped_total: 20 });
  });

  it('reverts unshipped fulfilled units only', async () => {
    const o = await twoLineOrder();
    const orders = ordersOf(t);
    await orders.registerFulfillment(ctxOf(t), o.id, [{ item_id: o.a, quantity: 3 }]);
    await orders.registerShipment(ctxOf(t), o.id, [{ item_id: o.a, quantity: 1 }]);
    await expect(orders.revertFulfillment(ctxOf(t), o.id, [{ item_id: o.a, quantity: 3 }])).rejects.toMatchObject({ type: 'invalid_data' });
    await orders.revertFulfillment(ctxOf(t), o.id, [{ item_id: o.a, quantity: 2 }]);
    expect((await quantities(o.id)).A).toMatchObject({ fulfilled_quantity: 1, shipped_quantity: 1 });
  });

  it('refuses bad quantities, foreign lines and canceled orders', async () => {
    const o = await twoLineOrder();
    const other = await twoLineOrder();
    const orders = ordersOf(t);
    await expect(orders.registerFulfillment(ctxOf(t), o.id, [{ item_id: o.a, quantity: 0 }])).rejects.toMatchObject({ type: 'invalid_data' });
    await expect(orders.registerFulfillment(ctxOf(t), o.id, [{ item_id: o.a, quantity: -1 }])).rejects.toMatchObject({ type: 'invalid_data' });
    await expect(orders.registerFulfillment(ctxOf(t), o.id, [{ item_id: other.a, quantity: 1 }])).rejects.toMatchObject({
      type: 'invalid_data',
      message: `Items ${other.a} do not belong to order ${o.id}`,
    });
    await expect(orders.registerFulfillment(ctxOf(t), 'order_missing', [{ item_id: o.a, quantity: 1 }])).rejects.toMatchObject({ type: 'not_found' });
    await orders.cancel(ctxOf(t), o.id);
    await expect(orders.registerFulfillment(ctxOf(t), o.id, [{ item_id: o.a, quantity: 1 }])).rejects.toMatchObject({ type: 'not_allowed' });
    expect((await quantities(o.id)).A).toMatchObject({ fulfilled_quantity: 0 });
  });

  it('never over-fulfils under concurrent fulfilments', async () => {
    const o = await twoLineOrder();
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, () => ordersOf(t).registerFulfillment(ctxOf(t), o.id, [{ item_id: o.a, quantity: 1 }])),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    expect((await quantities(o.id)).A).toMatchObject({ fulfilled_quantity: 3 });
  });

  it('records captures and refunds in the summary', async () => {
    const placed = await placeOrder(t);
    const orders = ordersOf(t);
    await orders.recordTransaction(ctxOf(t), { order_id: placed.id, amount: 30, currency_code: 'eur', reference: 'capture', reference_id: 'capt_1' });
    const refunded = await orders.recordTransaction(ctxOf(t), { order_id: placed.id, amount: '12.5', currency_code: 'EUR', reference: 'refund', reference_id: 'ref_1' });
    expect(refunded.summary).toMatchObject({ paid_total: 30, refunded_total: 12.5, transaction_total: 17.5, pending_difference: 12.5, current_order_total: 30 });
    await expect(orders.recordTransaction(ctxOf(t), { order_id: placed.id, amount: 5, currency_code: 'usd', reference: 'capture', reference_id: null })).rejects.toMatchObject({ type: 'invalid_data' });
    await expect(orders.recordTransaction(ctxOf(t), { order_id: placed.id, amount: 0, currency_code: 'eur', reference: 'capture', reference_id: null })).rejects.toMatchObject({ type: 'invalid_data' });
    const rows = await sql(t, 'select amount::text as amount, reference from order_transaction where order_id = ? order by created_at', [placed.id]);
    expect(rows.map((r) => [Number(r.amount), r.reference])).toEqual([[30, 'capture'], [-12.5, 'refund']]);
  });

  describe('returns', () => {
    let reasonId: string;
    beforeAll(async () => {
      const { body } = await t.api.post('/admin/return-reasons').set(...admin()).send({ value: 'too_big', label: 'Too big' }).expect(200);
      reasonId = body.return_reason.id;
    });

    it('requests a return of fulfilled units only, then receives it in parts', async () => {
      const o = await twoLineOrder();
      const orders = ordersOf(t);
      await expect(orders.createReturn(ctxOf(t), { order_id: o.id, items: [{ id: o.a, quantity: 1 }] })).rejects.toMatchObject({
        type: 'invalid_data',
        message: `Cannot request to return more items than what was fulfilled for item ${o.a}.`,
      });
      await orders.registerFulfillment(ctxOf(t), o.id, [{ item_id: o.a, quantity: 2 }]);
      const ret = await orders.createReturn(ctxOf(t), { order_id: o.id, items: [{ id: o.a, quantity: 2, reason_id: reasonId, note: 'big' }], location_id: 'sloc_1' });
      expect(ret).toMatchObject({ status: 'requested', order_id: o.id, refund_amount: 20, location_id: 'sloc_1', items: [{ item_id: o.a, quantity: 2, received_quantity: 0, reason_id: reasonId, note: 'big' }] });
      expect(ret.id).toMatch(/^return_/);
      await expect(orders.createReturn(ctxOf(t), { order_id: o.id, items: [{ id: o.a, quantity: 1 }] })).rejects.toMatchObject({ type: 'invalid_data' });
      expect((await quantities(o.id)).A).toMatchObject({ return_requested_quantity: 2 });
      expect((await orders.retrieve(ctxOf(t), o.id)).items.find((i) => i.title === 'A')).toMatchObject({ refundable_total: 10, return_requested_total: 20 });

      await expect(orders.receiveReturn(ctxOf(t), ret.id, [{ id: o.a, quantity: 3 }])).rejects.toMatchObject({ type: 'invalid_data' });
      const partial = await orders.receiveReturn(ctxOf(t), ret.id, [{ id: o.a, quantity: 1 }]);
      expect(partial).toMatchObject({ status: 'partially_received', received_at: null });
      await expect(orders.cancelReturn(ctxOf(t), ret.id)).rejects.toMatchObject({ type: 'not_allowed' });
      const received = await orders.receiveReturn(ctxOf(t), ret.id, [{ id: o.a, quantity: 1 }]);
      expect(received).toMatchObject({ status: 'received', received_at: expect.any(String), items: [{ received_quantity: 2 }] });
      expect((await quantities(o.id)).A).toMatchObject({ return_requested_quantity: 0, return_received_quantity: 2 });
      await expect(orders.receiveReturn(ctxOf(t), ret.id, [{ id: o.a, quantity: 1 }])).rejects.toMatchObject({ type: 'not_allowed' });
      const events = (await orderState(t, o.id)).events.map((e) => e.name);
      expect(events).toEqual(['order.return_received', 'order.return_received', 'order.return_requested']);
    });

    it('cancels a requested return and gives the units back', async () => {
      const o = await twoLineOrder();
      const orders = ordersOf(t);
      await orders.registerFulfillment(ctxOf(t), o.id, [{ item_id: o.b, quantity: 1 }]);
      const ret = await orders.createReturn(ctxOf(t), { order_id: o.id, items: [{ id: o.b, quantity: 1 }] });
      const canceled = await orders.cancelReturn(ctxOf(t), ret.id);
      expect(canceled).toMatchObject({ status: 'canceled', canceled_at: expect.any(String) });
      expect((await quantities(o.id)).B).toMatchObject({ return_requested_quantity: 0 });
      await expect(orders.cancelReturn(ctxOf(t), ret.id)).rejects.toMatchObject({ type: 'not_allowed' });
      await expect(orders.receiveReturn(ctxOf(t), ret.id, [{ id: o.b, quantity: 1 }])).rejects.toMatchObject({ type: 'not_allowed' });
      await orders.createReturn(ctxOf(t), { order_id: o.id, items: [{ id: o.b, quantity: 1 }] });
    });

    it('refuses unknown reasons and lines, writing nothing', async () => {
      const o = await twoLineOrder();
      const orders = ordersOf(t);
      await orders.registerFulfillment(ctxOf(t), o.id, [{ item_id: o.a, quantity: 1 }]);
      const before = await orderState(t, o.id);
      await expect(orders.createReturn(ctxOf(t), { order_id: o.id, items: [{ id: o.a, quantity: 1, reason_id: 'rr_missing' }] })).rejects.toMatchObject({ type: 'invalid_data' });
      await expect(orders.createReturn(ctxOf(t), { order_id: o.id, items: [{ id: 'ordli_missing', quantity: 1 }] })).rejects.toMatchObject({ type: 'invalid_data' });
      await expect(orders.createReturn(ctxOf(t), { order_id: o.id, items: [] })).rejects.toMatchObject({ type: 'invalid_data' });
      expect(await orderState(t, o.id)).toEqual(before);
    });

    it('lists and reads returns on the admin routes', async () => {
      const o = await twoLineOrder();
      await ordersOf(t).registerFulfillment(ctxOf(t), o.id, [{ item_id: o.a, quantity: 1 }]);
      const ret = await ordersOf(t).createReturn(ctxOf(t), { order_id: o.id, items: [{ id: o.a, quantity: 1 }] });
      const list = await t.api.get(`/admin/returns?order_id=${o.id}`).set(...admin()).expect(200);
      expect(list.body).toMatchObject({ count: 1, returns: [{ id: ret.id, status: 'requested', display_id: ret.display_id, items: [{ item_id: o.a, quantity: 1 }] }] });
      const one = await t.api.get(`/admin/returns/${ret.id}`).set(...admin()).expect(200);
      expect(one.body.return).toMatchObject({ id: ret.id, order_id: o.id, refund_amount: 10 });
      await t.api.get('/admin/returns/return_missing').set(...admin()).expect(404);
      await t.api.get('/admin/returns').expect(401);
    });
  });

  describe('return reasons', () => {
    it('creates, reads, nests, updates and deletes', async () => {
      const parent = (await t.api.post('/admin/return-reasons').set(...admin()).send({ value: 'damaged', label: 'Damaged', description: 'Arrived broken', metadata: { a: 1 } }).expect(200)).body.return_reason;
      expect(parent).toMatchObject({ value: 'damaged', label: 'Damaged', description: 'Arrived broken', metadata: { a: 1 }, parent_return_reason_id: null, return_reason_children: [] });
      expect(parent.id).toMatch(/^rr_/);
      const child = (await t.api.post('/admin/return-reasons').set(...admin()).send({ value: 'damaged_box', label: 'Box damaged', parent_return_reason_id: parent.id }).expect(200)).body.return_reason;
      expect(child.parent_return_reason).toMatchObject({ id: parent.id, value: 'damaged' });
      const read = await t.api.get(`/admin/return-reasons/${parent.id}`).set(...admin()).expect(200);
      expect(read.body.return_reason.return_reason_children).toEqual([expect.objectContaining({ id: child.id })]);

      const updated = await t.api.post(`/admin/return-reasons/${child.id}`).set(...admin()).send({ label: 'Box crushed' }).expect(200);
      expect(updated.body.return_reason).toMatchObject({ label: 'Box crushed', value: 'damaged_box' });

      const storeList = await t.api.get('/store/return-reasons?q=damaged&order=value').set(...store()).expect(200);
      expect(storeList.body.return_reasons.map((r: { value: string }) => r.value)).toEqual(['damaged', 'damaged_box']);
      await t.api.get(`/store/return-reasons/${child.id}`).set(...store()).expect(200);

      const deleted = await t.api.delete(`/admin/return-reasons/${parent.id}`).set(...admin()).expect(200);
      expect(deleted.body).toEqual({ id: parent.id, object: 'return_reason', deleted: true });
      await t.api.get(`/admin/return-reasons/${parent.id}`).set(...admin()).expect(404);
      await t.api.get(`/store/return-reasons/${child.id}`).set(...store()).expect(404);
    });

    it('refuses duplicates, bad bodies, bad parents and unknown ids, writing nothing', async () => {
      await t.api.post('/admin/return-reasons').set(...admin()).send({ value: 'lost', label: 'Lost' }).expect(200);
      const [{ count: before }] = await sql<{ count: string }>(t, 'select count(*) from return_reason');
      const dup = await t.api.post('/admin/return-reasons').set(...admin()).send({ value: 'lost', label: 'Lost again' }).expect(422);
      expect(dup.body).toMatchObject({ type: 'duplicate_error', message: 'Return reason with value: lost, already exists.' });
      expect((await t.api.post('/admin/return-reasons').set(...admin()).send({ label: 'No value' }).expect(400)).body.type).toBe('invalid_data');
      expect((await t.api.post('/admin/return-reasons').set(...admin()).send({ value: 'x', label: 'X', colour: 'red' }).expect(400)).body.type).toBe('invalid_data');
      await t.api.post('/admin/return-reasons').set(...admin()).send({ value: 'orphan', label: 'Orphan', parent_return_reason_id: 'rr_missing' }).expect(400);
      const [{ count: after }] = await sql<{ count: string }>(t, 'select count(*) from return_reason');
      expect(after).toBe(before);
      await t.api.post('/admin/return-reasons/rr_missing').set(...admin()).send({ label: 'Y' }).expect(404);
      await t.api.delete('/admin/return-reasons/rr_missing').set(...admin()).expect(404);
      await t.api.get('/store/return-reasons').expect(400);
    });
  });
});
