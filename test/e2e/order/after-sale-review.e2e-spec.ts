import { OrderPaymentCollectionLinks } from '../../../src/links/order-links.service';
import { InventoryService } from '../../../src/modules/inventory/inventory.service';
import { PaymentService } from '../../../src/modules/payment/payment.service';
import { RecordingTestProvider, signRecordingWebhook, testPaymentProviders } from '../../fixtures/payment-providers.fixture';
import { bearer, createIdentityApp, IdentityApp } from '../../utils/identity';
import { Body, shirtBody } from '../../utils/product-fixtures';
import { ctxOf, lineItem, ordersOf, placeOrder, sql } from './order-fixtures';

/**
 * Money and stock holes on the operator's side: captures and "mark as paid" on canceled orders,
 * webhook captures missing from the order, webhook redeliveries capturing twice, and a fulfillment
 * canceled twice at once restocking twice.
 */
describe('after-sale: money and stock stay right', () => {
  let t: IdentityApp;
  let location: string;
  let plain: { variant: string; item: string };
  const admin = () => bearer(t.adminToken);

  beforeAll(async () => {
    t = await createIdentityApp({ imports: [testPaymentProviders()] });
    location = (await t.api.post('/admin/stock-locations').set(...admin()).send({ name: 'Review warehouse' }).expect(200)).body.stock_location.id;
    const body: Body = shirtBody('asr');
    const product = (await t.api.post('/admin/products').set(...admin()).send(body).expect(200)).body.product as Body;
    const variant = product.variants.find((v: Body) => v.sku === body.variants[0].sku).id as string;
    const [{ inventory_item_id }] = await sql<{ inventory_item_id: string }>(t, 'select inventory_item_id from product_variant_inventory_item where variant_id = ?', [variant]);
    plain = { variant, item: inventory_item_id };
    await t.app.get(InventoryService).createLevels(ctxOf(t), [{ inventory_item_id: plain.item, location_id: location, stocked_quantity: 100 }]);
  });
  afterAll(() => t.close());

  const level = async () =>
    (await sql<{ stocked: number; reserved: number }>(t, 'select stocked_quantity::int as stocked, reserved_quantity::int as reserved from inventory_level where inventory_item_id = ? and location_id = ?', [plain.item, location]))[0];
  const transactions = (orderId: string) =>
    sql<{ amount: number; reference: string }>(t, 'select amount::float as amount, reference from order_transaction where order_id = ? order by created_at, id', [orderId]);
  const captures = async (paymentId: string) => (await sql<{ n: number }>(t, 'select count(*)::int as n from capture where payment_id = ?', [paymentId]))[0].n;

  /** 4 × 10 + 10 shipping = 50, 4 units reserved, a payment of `provider` authorized for 50. */
  async function placedOrder(provider = 'pp_system_default') {
    const placed = await placeOrder(t, { items: [lineItem({ title: 'Plain', variant_id: plain.variant, quantity: 4, unit_price: '10' })] });
    const line = (await ordersOf(t).retrieve(ctxOf(t), placed.id)).items[0].id;
    await t.app.get(InventoryService).reserve(ctxOf(t), [{ inventory_item_id: plain.item, location_id: location, quantity: 4, line_item_id: line }]);
    const payments = t.app.get(PaymentService);
    const collection = await payments.createCollection(ctxOf(t), { currency_code: 'eur', amount: '50' });
    await t.app.get(OrderPaymentCollectionLinks).linkOrderPaymentCollection(ctxOf(t), placed.id, collection.id);
    const withSession = await payments.createSession(ctxOf(t), collection.id, { provider_id: provider });
    const session = withSession.payment_sessions[0].id;
    const payment = provider === 'pp_system_default' ? (await payments.authorizeSession(ctxOf(t), session)).id : null;
    return { id: placed.id, line, payment, session, collection: collection.id };
  }

  describe('canceled orders take no more money', () => {
    it('refuses capturing the rest of a partly captured payment once the order is canceled', async () => {
      const o = await placedOrder();
      await t.api.post(`/admin/payments/${o.payment}/capture`).set(...admin()).send({ amount: 20 }).expect(200);
      await t.api.post(`/admin/orders/${o.id}/cancel`).set(...admin()).expect(200);
      const before = { transactions: await transactions(o.id), captures: await captures(o.payment!) };

      const res = await t.api.post(`/admin/payments/${o.payment}/capture`).set(...admin()).send({}).expect(400);
      expect(res.body).toEqual({ type: 'not_allowed', message: `Order with id ${o.id} has been canceled.` });
      expect({ transactions: await transactions(o.id), captures: await captures(o.payment!) }).toEqual(before);
      const order = (await t.api.get(`/admin/orders/${o.id}`).set(...admin()).expect(200)).body.order;
      expect(order.summary).toMatchObject({ paid_total: 20, refunded_total: 20 });
    });

    it('a capture racing a cancel never leaves money taken on the canceled order', async () => {
      for (let round = 0; round < 3; round++) {
        const o = await placedOrder();
        await t.api.post(`/admin/payments/${o.payment}/capture`).set(...admin()).send({ amount: 20 }).expect(200);
        const [cancel] = await Promise.all([
          t.api.post(`/admin/orders/${o.id}/cancel`).set(...admin()),
          t.api.post(`/admin/payments/${o.payment}/capture`).set(...admin()).send({}),
        ]);
        expect(cancel.status).toBe(200);
        const [money] = await sql<{ captured: number; refunded: number }>(
          t,
          `select coalesce((select sum(amount) from capture where payment_id = ?), 0)::float as captured,
                  coalesce((select sum(amount) from refund where payment_id = ?), 0)::float as refunded`,
          [o.payment, o.payment],
        );
        expect(money.captured).toBe(money.refunded);
        const order = (await t.api.get(`/admin/orders/${o.id}`).set(...admin()).expect(200)).body.order;
        expect(order).toMatchObject({ status: 'canceled', summary: { paid_total: money.captured, refunded_total: money.refunded, transaction_total: 0 } });
      }
    });

    it('refuses marking a canceled order’s collection as paid', async () => {
      const bare = await placeOrder(t); // 2 × 10 + 10, nothing paid
      const created = await t.api.post('/admin/payment-collections').set(...admin()).send({ order_id: bare.id }).expect(200);
      const collectionId = created.body.payment_collection.id as string;
      await t.api.post(`/admin/orders/${bare.id}/cancel`).set(...admin()).expect(200);

      const res = await t.api.post(`/admin/payment-collections/${collectionId}/mark-as-paid`).set(...admin()).send({ order_id: bare.id }).expect(400);
      expect(res.body).toEqual({ type: 'not_allowed', message: `Order with id ${bare.id} has been canceled.` });
      expect(await sql(t, 'select count(*)::int as n from payment where payment_collection_id = ?', [collectionId])).toEqual([{ n: 0 }]);
      expect(await transactions(bare.id)).toEqual([]);
    });
  });

  describe('provider webhooks on an order’s payment', () => {
    const sendWebhook = (body: Record<string, unknown>) => {
      const raw = JSON.stringify(body);
      return t.api.post('/hooks/payment/pp_recording_test').set('content-type', 'application/json').set('x-recording-signature', signRecordingWebhook(raw)).send(raw).expect(200);
    };

    beforeEach(() => t.app.get(RecordingTestProvider).reset());

    it('a capture reported by the provider is recorded on the order (paid_total, transactions)', async () => {
      const o = await placedOrder('pp_recording_test');
      await sendWebhook({ type: 'payment.captured', session_id: o.session, amount: 50 });
      const order = (await t.api.get(`/admin/orders/${o.id}`).set(...admin()).expect(200)).body.order;
      expect(order).toMatchObject({ payment_status: 'captured', summary: { paid_total: 50, pending_difference: 0 } });
      expect(await transactions(o.id)).toEqual([{ amount: 50, reference: 'capture' }]);
    });

    it('a redelivered partial-capture webhook captures nothing more; a later total captures the difference', async () => {
      const o = await placedOrder('pp_recording_test');
      await sendWebhook({ type: 'payment.authorized', session_id: o.session });
      await sendWebhook({ type: 'payment.captured', session_id: o.session, amount: 20 });
      await sendWebhook({ type: 'payment.captured', session_id: o.session, amount: 20 });
      const [payment] = await sql<{ id: string }>(t, 'select id from payment where payment_session_id = ?', [o.session]);
      expect(await sql(t, 'select sum(amount)::float as captured from capture where payment_id = ?', [payment.id])).toEqual([{ captured: 20 }]);
      expect(await transactions(o.id)).toEqual([{ amount: 20, reference: 'capture' }]);

      await sendWebhook({ type: 'payment.captured', session_id: o.session, amount: 50 });
      expect(await sql(t, 'select sum(amount)::float as captured from capture where payment_id = ?', [payment.id])).toEqual([{ captured: 50 }]);
      expect(await transactions(o.id)).toEqual([
        { amount: 20, reference: 'capture' },
        { amount: 30, reference: 'capture' },
      ]);
    });
  });

  describe('fulfillments', () => {
    it("/admin/fulfillments cancel and shipment of an order's fulfillment move the order's units and stock too", async () => {
      const o = await placedOrder();
      const made = await t.api.post(`/admin/orders/${o.id}/fulfillments`).set(...admin()).send({ items: [{ id: o.line, quantity: 2 }], location_id: location }).expect(200);
      const fid = made.body.order.fulfillments[0].id as string;
      const afterFulfil = await level();
      const canceled = await t.api.post(`/admin/fulfillments/${fid}/cancel`).set(...admin()).send({}).expect(200);
      expect(canceled.body.fulfillment).toMatchObject({ id: fid, canceled_at: expect.any(String) });
      const order = (await t.api.get(`/admin/orders/${o.id}`).set(...admin()).expect(200)).body.order;
      expect(order.fulfillment_status).toBe('canceled'); // Medusa's status when every fulfillment is canceled
      expect(order.items[0].detail.fulfilled_quantity).toBe(0);
      expect(await level()).toEqual({ stocked: afterFulfil.stocked + 2, reserved: afterFulfil.reserved + 2 });
      // the order can be canceled again now (nothing left fulfilled)
      await t.api.post(`/admin/orders/${o.id}/cancel`).set(...admin()).send({}).expect(200);

      const other = await placedOrder();
      const second = await t.api.post(`/admin/orders/${other.id}/fulfillments`).set(...admin()).send({ items: [{ id: other.line, quantity: 1 }], location_id: location }).expect(200);
      const sid = second.body.order.fulfillments[0].id as string;
      await t.api.post(`/admin/fulfillments/${sid}/shipment`).set(...admin()).send({ labels: [] }).expect(200);
      const shipped = (await t.api.get(`/admin/orders/${other.id}`).set(...admin()).expect(200)).body.order;
      expect(shipped.items[0].detail.shipped_quantity).toBe(1);
    });

    it('a fulfillment canceled twice at once restocks and re-reserves once', async () => {
      const o = await placedOrder();
      const first = await t.api.post(`/admin/orders/${o.id}/fulfillments`).set(...admin()).send({ items: [{ id: o.line, quantity: 2 }], location_id: location }).expect(200);
      const fid = first.body.order.fulfillments[0].id as string;
      await t.api.post(`/admin/orders/${o.id}/fulfillments`).set(...admin()).send({ items: [{ id: o.line, quantity: 2 }], location_id: location }).expect(200);
      const start = await level();

      const answers = await Promise.all([1, 2, 3].map(() => t.api.post(`/admin/orders/${o.id}/fulfillments/${fid}/cancel`).set(...admin()).send({})));
      expect(answers.map((a) => a.status).sort()).toEqual([200, 400, 400]);
      expect(await level()).toEqual({ stocked: start.stocked + 2, reserved: start.reserved + 2 });
      const [item] = await sql<{ fulfilled: number }>(t, 'select fulfilled_quantity::int as fulfilled from order_item where order_id = ?', [o.id]);
      expect(item.fulfilled).toBe(2);
    });

    it('a fulfillment shipped twice at once ships its units once', async () => {
      const o = await placedOrder();
      const first = await t.api.post(`/admin/orders/${o.id}/fulfillments`).set(...admin()).send({ items: [{ id: o.line, quantity: 2 }], location_id: location }).expect(200);
      const fid = first.body.order.fulfillments[0].id as string;
      await t.api.post(`/admin/orders/${o.id}/fulfillments`).set(...admin()).send({ items: [{ id: o.line, quantity: 2 }], location_id: location }).expect(200);

      const answers = await Promise.all([1, 2, 3].map(() => t.api.post(`/admin/orders/${o.id}/fulfillments/${fid}/shipments`).set(...admin()).send({})));
      expect(answers.map((a) => a.status).sort()).toEqual([200, 400, 400]);
      const [item] = await sql<{ shipped: number }>(t, 'select shipped_quantity::int as shipped from order_item where order_id = ?', [o.id]);
      expect(item.shipped).toBe(2);
    });

  describe('returns', () => {
    it('receive-items racing a receipt confirmation: stock comes back exactly as the order records it', async () => {
      for (let round = 0; round < 3; round++) {
        const o = await placedOrder();
        await t.api.post(`/admin/orders/${o.id}/fulfillments`).set(...admin()).send({ items: [{ id: o.line, quantity: 4 }], location_id: location }).expect(200);
        const returnId = (await t.api.post('/admin/returns').set(...admin()).send({ order_id: o.id, location_id: location }).expect(200)).body.return.id as string;
        await t.api.post(`/admin/returns/${returnId}/request-items`).set(...admin()).send({ items: [{ id: o.line, quantity: 4 }] }).expect(200);
        await t.api.post(`/admin/returns/${returnId}/request`).set(...admin()).expect(200);
        await t.api.post(`/admin/returns/${returnId}/receive`).set(...admin()).expect(200);
        await t.api.post(`/admin/returns/${returnId}/receive-items`).set(...admin()).send({ items: [{ id: o.line, quantity: 1 }] }).expect(200);
        const start = await level();
        await Promise.all([
          t.api.post(`/admin/returns/${returnId}/receive-items`).set(...admin()).send({ items: [{ id: o.line, quantity: 2 }] }),
          t.api.post(`/admin/returns/${returnId}/receive/confirm`).set(...admin()),
        ]);
        const [item] = await sql<{ received: number }>(t, 'select return_received_quantity::int as received from order_item where order_id = ?', [o.id]);
        expect((await level()).stocked - start.stocked).toBe(item.received);
      }
    });
  });
  });
});
