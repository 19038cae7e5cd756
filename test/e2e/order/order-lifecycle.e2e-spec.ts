import { OrderPaymentCollectionLinks } from '../../../src/links/order-links.service';
import { InventoryService } from '../../../src/modules/inventory/inventory.service';
import { PaymentService } from '../../../src/modules/payment/payment.service';
import { CustomerService } from '../../../src/modules/customer/customer.service';
import { OrderService } from '../../../src/modules/order/order.service';
import { bearer, createIdentityApp, IdentityApp } from '../../utils/identity';
import { Body, shirtBody } from '../../utils/product-fixtures';
import { StatementCounter } from '../../utils/statement-counter';
import { ctxOf, customerToken, lineItem, ordersOf, placeOrder, sql } from './order-fixtures';

/**
 * The operator's side of an order, end to end: placed with an authorized payment and reserved
 * stock, captured, fulfilled in parts (stock leaves, reservations consumed), shipped, delivered,
 * partly refunded, returned (stock back), and every wrong-state action refused with nothing changed.
 */
describe('order lifecycle (admin): payments, fulfillments, returns, cancel', () => {
  let t: IdentityApp;
  let location: string;
  let plain: { variant: string; item: string };
  let kit: { variant: string; item: string };
  let untracked: string;
  const admin = () => bearer(t.adminToken);
  const store = () => ['x-publishable-api-key', t.publishableKey] as [string, string];

  beforeAll(async () => {
    t = await createIdentityApp();
    location = (await t.api.post('/admin/stock-locations').set(...admin()).send({ name: 'Main warehouse' }).expect(200)).body.stock_location.id;
    const cotton = (await t.api.post('/admin/inventory-items').set(...admin()).send({ sku: 'PP-COTTON' }).expect(200)).body.inventory_item.id as string;
    const body: Body = shirtBody('pp');
    body.variants[1] = { ...body.variants[1], inventory_items: [{ inventory_item_id: cotton, required_quantity: 2 }] };
    body.variants[2] = { ...body.variants[2], manage_inventory: false };
    const product = (await t.api.post('/admin/products').set(...admin()).send(body).expect(200)).body.product as Body;
    const variantOf = (sku: string) => product.variants.find((v: Body) => v.sku === sku).id as string;
    const itemOf = async (variantId: string) =>
      (await sql<{ inventory_item_id: string }>(t, 'select inventory_item_id from product_variant_inventory_item where variant_id = ?', [variantId]))[0].inventory_item_id;
    plain = { variant: variantOf(body.variants[0].sku), item: '' };
    plain.item = await itemOf(plain.variant);
    kit = { variant: variantOf(body.variants[1].sku), item: cotton };
    untracked = variantOf(body.variants[2].sku);
    await t.app.get(InventoryService).createLevels(ctxOf(t), [
      { inventory_item_id: plain.item, location_id: location, stocked_quantity: 100 },
      { inventory_item_id: cotton, location_id: location, stocked_quantity: 100 },
    ]);
  });
  afterAll(() => t.close());

  const levels = async () =>
    Object.fromEntries(
      (
        await sql<{ inventory_item_id: string; stocked_quantity: number; reserved_quantity: number }>(
          t,
          'select inventory_item_id, stocked_quantity, reserved_quantity from inventory_level where location_id = ? and deleted_at is null',
          [location],
        )
      ).map((l) => [l.inventory_item_id === plain.item ? 'plain' : 'cotton', [l.stocked_quantity, l.reserved_quantity]]),
    );
  const reservations = async (lineIds: string[]) =>
    sql<{ line_item_id: string; quantity: number }>(
      t,
      `select line_item_id, quantity from reservation_item where deleted_at is null and line_item_id in (${lineIds.map(() => '?').join(',')}) order by line_item_id`,
      lineIds,
    );
  /** Every row an action on the order can touch, to show a refusal changed nothing. */
  const rows = async (orderId: string) => ({
    order: await sql(t, 'select status, updated_at from "order" where id = ?', [orderId]),
    items: await sql(t, 'select item_id, fulfilled_quantity::int, shipped_quantity::int, delivered_quantity::int, return_requested_quantity::int, return_received_quantity::int from order_item where order_id = ? order by item_id', [orderId]),
    transactions: await sql(t, 'select amount::float, reference from order_transaction where order_id = ? order by created_at', [orderId]),
    fulfillments: await sql(t, 'select f.id, f.shipped_at, f.canceled_at from fulfillment f join order_fulfillment l on l.fulfillment_id = f.id where l.order_id = ? order by f.id', [orderId]),
    payments: await sql(t, `select p.id, p.canceled_at, (select count(*)::int from capture c where c.payment_id = p.id) as captures, (select count(*)::int from refund r where r.payment_id = p.id) as refunds
      from payment p join order_payment_collection l on l.payment_collection_id = p.payment_collection_id where l.order_id = ? order by p.id`, [orderId]),
    returns: await sql(t, 'select id, status from "return" where order_id = ? order by id', [orderId]),
    levels: await levels(),
    reservations: await sql(t, 'select id, quantity from reservation_item where deleted_at is null order by id'),
    events: await sql(t, `select name from event_outbox where data->>'order_id' = ? or data->>'id' = ? order by name`, [orderId, orderId]),
  });

  /**
   * An order as checkout leaves it: 3 × plain (10), 1 × kit (20, two cotton each), 1 × untracked (5),
   * shipping 10 → 65; stock reserved per line; a pp_system_default payment authorized for 65.
   */
  async function placedOrder(owner: { customer_id?: string; email?: string } = {}) {
    const placed = await placeOrder(t, {
      ...owner,
      items: [
        lineItem({ title: 'Plain', variant_id: plain.variant, quantity: 3, unit_price: '10' }),
        lineItem({ title: 'Kit', variant_id: kit.variant, quantity: 1, unit_price: '20' }),
        lineItem({ title: 'Untracked', variant_id: untracked, quantity: 1, unit_price: '5' }),
      ],
    });
    const order = await ordersOf(t).retrieve(ctxOf(t), placed.id);
    const line = (title: string) => order.items.find((i) => i.title === title)!.id;
    const lines = { plain: line('Plain'), kit: line('Kit'), untracked: line('Untracked') };
    await t.app.get(InventoryService).reserve(ctxOf(t), [
      { inventory_item_id: plain.item, location_id: location, quantity: 3, line_item_id: lines.plain },
      { inventory_item_id: kit.item, location_id: location, quantity: 2, line_item_id: lines.kit },
    ]);
    const payments = t.app.get(PaymentService);
    const collection = await payments.createCollection(ctxOf(t), { currency_code: 'eur', amount: '65' });
    await t.app.get(OrderPaymentCollectionLinks).linkOrderPaymentCollection(ctxOf(t), placed.id, collection.id);
    const withSession = await payments.createSession(ctxOf(t), collection.id, { provider_id: 'pp_system_default' });
    const payment = await payments.authorizeSession(ctxOf(t), withSession.payment_sessions[0].id);
    return { id: placed.id, lines, payment: payment.id, collection: collection.id };
  }

  const getOrder = async (id: string) => (await t.api.get(`/admin/orders/${id}`).set(...admin()).expect(200)).body.order as Body;

  describe('one order through its life', () => {
    let o: Awaited<ReturnType<typeof placedOrder>>;
    let fulfillmentId: string;
    beforeAll(async () => {
      o = await placedOrder();
    });

    it('shows its payment collections and statuses on the admin and store reads', async () => {
      const order = await getOrder(o.id);
      expect(order).toMatchObject({
        payment_status: 'authorized',
        fulfillment_status: 'not_fulfilled',
        fulfillments: [],
        payment_collections: [{ id: o.collection, status: 'authorized', amount: 65, authorized_amount: 65, captured_amount: 0, payments: [{ id: o.payment, amount: 65 }] }],
        summary: { paid_total: 0, pending_difference: 65 },
      });
      expect(order.payment_collections[0].payment_sessions).toBeUndefined();
      const fromStore = await t.api.get(`/store/orders/${o.id}`).set(...store()).expect(200);
      expect(fromStore.body.order).toMatchObject({ payment_status: 'authorized', payment_collections: [{ id: o.collection }] });
      const list = await t.api.get('/admin/orders').query({ q: String(order.display_id) }).set(...admin()).expect(200);
      expect(list.body.orders).toEqual([expect.objectContaining({ id: o.id, payment_status: 'authorized', fulfillment_status: 'not_fulfilled' })]);
    });

    it('captures once for one Idempotency-Key and records the capture on the order', async () => {
      const capture = () => t.api.post(`/admin/payments/${o.payment}/capture`).set(...admin()).set('Idempotency-Key', `cap-${o.id}`).send({});
      const first = await capture().expect(200);
      expect(first.body.payment).toMatchObject({ id: o.payment, captured_at: expect.any(String), captures: [{ amount: 65 }] });
      const replay = await capture().expect(200);
      expect(replay.headers['idempotent-replayed']).toBe('true');
      expect(replay.body).toEqual(first.body);
      expect(await sql(t, 'select count(*)::int as n from capture where payment_id = ?', [o.payment])).toEqual([{ n: 1 }]);
      const order = await getOrder(o.id);
      expect(order).toMatchObject({ payment_status: 'captured', summary: { paid_total: 65, transaction_total: 65, pending_difference: 0 } });
      expect(await sql(t, 'select amount::float as amount, reference, reference_id from order_transaction where order_id = ?', [o.id])).toEqual([
        { amount: 65, reference: 'capture', reference_id: first.body.payment.captures[0].id },
      ]);
      // capturing again: refused, nothing recorded
      const before = await rows(o.id);
      const again = await t.api.post(`/admin/payments/${o.payment}/capture`).set(...admin()).send({}).expect(400);
      expect(again.body).toEqual({ type: 'not_allowed', message: `The payment: ${o.payment} is already fully captured.` });
      expect(await rows(o.id)).toEqual(before);
    });

    it('refuses a fulfillment of more than ordered, of foreign lines or bad bodies, changing nothing', async () => {
      const before = await rows(o.id);
      const over = await t.api.post(`/admin/orders/${o.id}/fulfillments`).set(...admin()).send({ items: [{ id: o.lines.plain, quantity: 4 }] }).expect(400);
      expect(over.body).toEqual({ type: 'invalid_data', message: `Cannot fulfill more items than remain to be fulfilled for item ${o.lines.plain}` });
      await t.api.post(`/admin/orders/${o.id}/fulfillments`).set(...admin()).send({ items: [{ id: 'ordli_nope', quantity: 1 }] }).expect(400);
      await t.api.post(`/admin/orders/${o.id}/fulfillments`).set(...admin()).send({ items: [] }).expect(400);
      await t.api.post(`/admin/orders/${o.id}/fulfillments`).set(...admin()).send({ items: [{ id: o.lines.plain, quantity: 0 }] }).expect(400);
      await t.api.post(`/admin/orders/order_missing/fulfillments`).set(...admin()).send({ items: [{ id: o.lines.plain, quantity: 1 }] }).expect(404);
      await t.api.post(`/admin/orders/${o.id}/fulfillments`).set(...admin()).send({ items: [{ id: o.lines.plain, quantity: 1 }], location_id: 'sloc_missing' }).expect(400);
      expect(await rows(o.id)).toEqual(before);
    });

    it('fulfils part of the order: stock leaves the reservations’ location, kits by their required quantity, untracked variants move none', async () => {
      const before = await levels();
      const res = await t.api
        .post(`/admin/orders/${o.id}/fulfillments`)
        .set(...admin())
        .send({ items: [{ id: o.lines.plain, quantity: 2 }, { id: o.lines.kit, quantity: 1 }, { id: o.lines.untracked, quantity: 1 }], no_notification: true })
        .expect(200);
      const order = res.body.order as Body;
      expect(order.fulfillment_status).toBe('partially_fulfilled');
      expect(order.fulfillments).toHaveLength(1);
      fulfillmentId = order.fulfillments[0].id;
      expect(order.fulfillments[0]).toMatchObject({
        location_id: location,
        packed_at: expect.any(String),
        shipped_at: null,
        delivery_address: { address_1: '1 Main St', country_code: 'dk' },
      });
      expect(order.fulfillments[0].items).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ line_item_id: o.lines.plain, inventory_item_id: plain.item, quantity: 2, title: 'Plain' }),
          expect.objectContaining({ line_item_id: o.lines.kit, inventory_item_id: kit.item, quantity: 1 }),
          expect.objectContaining({ line_item_id: o.lines.untracked, quantity: 1 }),
        ]),
      );
      expect(order.items.find((i: Body) => i.id === o.lines.plain).detail).toMatchObject({ fulfilled_quantity: 2 });
      expect(await levels()).toEqual({ plain: [before.plain[0] - 2, before.plain[1] - 2], cotton: [before.cotton[0] - 2, before.cotton[1] - 2] });
      expect(await reservations([o.lines.plain, o.lines.kit])).toEqual([{ line_item_id: o.lines.plain, quantity: 1 }]);
      expect(await sql(t, `select data from event_outbox where name = 'order.fulfillment_created' and data->>'order_id' = ?`, [o.id])).toEqual([
        { data: { order_id: o.id, fulfillment_id: fulfillmentId, no_notification: true } },
      ]);
    });

    it('answers 404 for a fulfillment of another order, changing nothing', async () => {
      const other = await placedOrder();
      const before = await rows(o.id);
      for (const action of ['cancel', 'shipments', 'mark-as-delivered']) {
        const res = await t.api.post(`/admin/orders/${other.id}/fulfillments/${fulfillmentId}/${action}`).set(...admin()).send({}).expect(404);
        expect(res.body).toEqual({ type: 'not_found', message: `Fulfillment with id: ${fulfillmentId} was not found` });
      }
      expect(await rows(o.id)).toEqual(before);
    });

    it('ships the fulfillment with labels, then refuses to cancel it', async () => {
      const label = { tracking_number: '1Z999', tracking_url: 'https://track.example.com/1Z999', label_url: 'https://labels.example.com/1Z999.pdf' };
      const res = await t.api.post(`/admin/orders/${o.id}/fulfillments/${fulfillmentId}/shipments`).set(...admin()).send({ labels: [label] }).expect(200);
      expect(res.body.order.fulfillment_status).toBe('partially_shipped');
      expect(res.body.order.fulfillments[0]).toMatchObject({ shipped_at: expect.any(String), labels: [expect.objectContaining(label)] });
      expect(res.body.order.items.find((i: Body) => i.id === o.lines.plain).detail).toMatchObject({ shipped_quantity: 2 });
      expect(await sql(t, `select data from event_outbox where name = 'shipment.created' and data->>'id' = ?`, [fulfillmentId])).toEqual([{ data: { id: fulfillmentId, no_notification: false } }]);

      const before = await rows(o.id);
      const cancel = await t.api.post(`/admin/orders/${o.id}/fulfillments/${fulfillmentId}/cancel`).set(...admin()).send({}).expect(400);
      expect(cancel.body).toEqual({ type: 'not_allowed', message: `Fulfillment with id ${fulfillmentId} already shipped` });
      await t.api.post(`/admin/orders/${o.id}/fulfillments/${fulfillmentId}/shipments`).set(...admin()).send({}).expect(400);
      // canceling an order with a shipped fulfillment is refused too
      const cancelOrder = await t.api.post(`/admin/orders/${o.id}/cancel`).set(...admin()).expect(400);
      expect(cancelOrder.body).toEqual({ type: 'not_allowed', message: 'All fulfillments must be canceled before canceling an order' });
      expect(await rows(o.id)).toEqual(before);
    });

    it('marks it delivered', async () => {
      const res = await t.api.post(`/admin/orders/${o.id}/fulfillments/${fulfillmentId}/mark-as-delivered`).set(...admin()).expect(200);
      expect(res.body.order.fulfillment_status).toBe('partially_delivered');
      expect(res.body.order.fulfillments[0].delivered_at).toEqual(expect.any(String));
      expect(res.body.order.items.find((i: Body) => i.id === o.lines.kit).detail).toMatchObject({ delivered_quantity: 1 });
      expect(await sql(t, `select count(*)::int as n from event_outbox where name = 'delivery.created' and data->>'id' = ?`, [fulfillmentId])).toEqual([{ n: 1 }]);
      await t.api.post(`/admin/orders/${o.id}/fulfillments/${fulfillmentId}/mark-as-delivered`).set(...admin()).expect(400);
    });

    it('refunds part of the capture, and refuses more than captured, changing nothing', async () => {
      const res = await t.api.post(`/admin/payments/${o.payment}/refund`).set(...admin()).send({ amount: 15, note: 'goodwill' }).expect(200);
      expect(res.body.payment.refunds).toEqual([expect.objectContaining({ amount: 15, note: 'goodwill' })]);
      const order = await getOrder(o.id);
      expect(order).toMatchObject({ payment_status: 'partially_refunded', summary: { paid_total: 65, refunded_total: 15, transaction_total: 50, pending_difference: 15 } });

      const before = await rows(o.id);
      const over = await t.api.post(`/admin/payments/${o.payment}/refund`).set(...admin()).send({ amount: 50.01 }).expect(400);
      expect(over.body).toEqual({ type: 'invalid_data', message: 'You cannot refund more than what is captured on the payment.' });
      expect(await rows(o.id)).toEqual(before);
    });

    it('takes a return step by step: begin, request items, confirm, receive, confirm the receipt (stock back)', async () => {
      const begun = await t.api.post('/admin/returns').set(...admin()).send({ order_id: o.id, location_id: location }).expect(200);
      const returnId = begun.body.return.id as string;
      expect(begun.body.return).toMatchObject({ status: 'open', order_id: o.id, location_id: location, items: [] });
      expect(begun.body.order_preview.id).toBe(o.id);

      const tooMany = await t.api.post(`/admin/returns/${returnId}/request-items`).set(...admin()).send({ items: [{ id: o.lines.plain, quantity: 3 }] }).expect(400);
      expect(tooMany.body).toEqual({ type: 'invalid_data', message: `Cannot request to return more items than what was fulfilled for item ${o.lines.plain}.` });
      const added = await t.api.post(`/admin/returns/${returnId}/request-items`).set(...admin()).send({ items: [{ id: o.lines.plain, quantity: 2 }] }).expect(200);
      expect(added.body.return.items).toEqual([expect.objectContaining({ item_id: o.lines.plain, quantity: 2, received_quantity: 0 })]);
      // the preview shows the units requested; the order itself has not moved yet
      expect(added.body.order_preview.items.find((i: Body) => i.id === o.lines.plain).detail.return_requested_quantity).toBe(2);
      expect((await getOrder(o.id)).items.find((i: Body) => i.id === o.lines.plain).detail.return_requested_quantity).toBe(0);

      const requested = await t.api.post(`/admin/returns/${returnId}/request`).set(...admin()).expect(200);
      expect(requested.body.return).toMatchObject({ status: 'requested', refund_amount: 20, requested_at: expect.any(String) });
      expect(requested.body.order_preview.items.find((i: Body) => i.id === o.lines.plain).detail.return_requested_quantity).toBe(2);
      await t.api.post(`/admin/returns/${returnId}/request-items`).set(...admin()).send({ items: [{ id: o.lines.kit, quantity: 1 }] }).expect(400);
      await t.api.delete(`/admin/returns/${returnId}/request`).set(...admin()).expect(400);

      await t.api.post(`/admin/returns/${returnId}/receive`).set(...admin()).expect(200);
      const before = await rows(o.id);
      const over = await t.api.post(`/admin/returns/${returnId}/receive-items`).set(...admin()).send({ items: [{ id: o.lines.plain, quantity: 3 }] }).expect(400);
      expect(over.body).toEqual({ type: 'invalid_data', message: `Cannot receive more items than what was requested for item ${o.lines.plain}.` });
      expect(await rows(o.id)).toEqual(before);
      const staged = await t.api.post(`/admin/returns/${returnId}/receive-items`).set(...admin()).send({ items: [{ id: o.lines.plain, quantity: 1 }] }).expect(200);
      expect(staged.body.order_preview.items.find((i: Body) => i.id === o.lines.plain).detail).toMatchObject({ return_requested_quantity: 1, return_received_quantity: 1 });
      expect(await levels()).toEqual(before.levels); // nothing received until confirmed
      await t.api.post(`/admin/returns/${returnId}/receive-items`).set(...admin()).send({ items: [{ id: o.lines.plain, quantity: 2 }] }).expect(400);

      const confirmed = await t.api.post(`/admin/returns/${returnId}/receive/confirm`).set(...admin()).expect(200);
      expect(confirmed.body.return).toMatchObject({ status: 'partially_received', items: [expect.objectContaining({ received_quantity: 1, receiving_quantity: 0 })] });
      expect(confirmed.body.order_preview.items.find((i: Body) => i.id === o.lines.plain).detail).toMatchObject({ return_requested_quantity: 1, return_received_quantity: 1 });
      expect(await levels()).toEqual({ plain: [before.levels.plain[0] + 1, before.levels.plain[1]], cotton: before.levels.cotton });
      expect(await sql(t, `select data from event_outbox where name = 'order.return_received' and data->>'return_id' = ?`, [returnId])).toEqual([
        { data: { order_id: o.id, return_id: returnId } },
      ]);
      await t.api.post(`/admin/returns/${returnId}/receive/confirm`).set(...admin()).expect(400); // nothing staged

      // the received unit's refund, operator-driven as in Medusa
      await t.api.post(`/admin/payments/${o.payment}/refund`).set(...admin()).send({ amount: 10 }).expect(200);
      expect((await getOrder(o.id)).summary).toMatchObject({ refunded_total: 25, transaction_total: 40 });
    });

    it('refuses receiving on unknown returns and bad bodies', async () => {
      await t.api.post('/admin/returns/return_missing/receive').set(...admin()).expect(404);
      await t.api.post('/admin/returns/return_missing/request-items').set(...admin()).send({ items: [{ id: o.lines.plain, quantity: 1 }] }).expect(404);
      await t.api.post('/admin/returns').set(...admin()).send({ order_id: 'order_missing' }).expect(404);
      await t.api.post('/admin/returns').set(...admin()).send({}).expect(400);
    });
  });

  describe('cancel', () => {
    it('cancels an unfulfilled order: reservations released, the authorization canceled', async () => {
      const o = await placedOrder();
      const before = await levels();
      const res = await t.api.post(`/admin/orders/${o.id}/cancel`).set(...admin()).expect(200);
      expect(res.body.order).toMatchObject({ status: 'canceled', payment_status: 'canceled', canceled_at: expect.any(String) });
      expect(await reservations(Object.values(o.lines))).toEqual([]);
      expect(await levels()).toEqual({ plain: [before.plain[0], before.plain[1] - 3], cotton: [before.cotton[0], before.cotton[1] - 2] });
      expect(await sql(t, 'select canceled_at is not null as canceled from payment where id = ?', [o.payment])).toEqual([{ canceled: true }]);

      // a canceled order can be neither fulfilled, nor canceled again
      const after = await rows(o.id);
      const fulfil = await t.api.post(`/admin/orders/${o.id}/fulfillments`).set(...admin()).send({ items: [{ id: o.lines.plain, quantity: 1 }], location_id: location }).expect(400);
      expect(fulfil.body).toEqual({ type: 'not_allowed', message: `Order with id ${o.id} has been canceled.` });
      await t.api.post(`/admin/orders/${o.id}/cancel`).set(...admin()).expect(400);
      await t.api.post('/admin/returns').set(...admin()).send({ order_id: o.id }).expect(400);
      expect(await rows(o.id)).toEqual(after);
    });

    it('refunds what was captured when canceling', async () => {
      const o = await placedOrder();
      await t.api.post(`/admin/payments/${o.payment}/capture`).set(...admin()).send({ amount: 40 }).expect(200);
      const res = await t.api.post(`/admin/orders/${o.id}/cancel`).set(...admin()).expect(200);
      expect(res.body.order).toMatchObject({ status: 'canceled', summary: { paid_total: 40, refunded_total: 40, transaction_total: 0 } });
      expect(await sql(t, 'select amount::float as amount from refund where payment_id = ?', [o.payment])).toEqual([{ amount: 40 }]);
    });

    it('cancels an unshipped fulfillment: units back on the order, stock back and reserved again', async () => {
      const o = await placedOrder();
      const start = await levels();
      const fulfilled = await t.api.post(`/admin/orders/${o.id}/fulfillments`).set(...admin()).send({ items: [{ id: o.lines.plain, quantity: 3 }, { id: o.lines.kit, quantity: 1 }] }).expect(200);
      const fid = fulfilled.body.order.fulfillments[0].id as string;
      const res = await t.api.post(`/admin/orders/${o.id}/fulfillments/${fid}/cancel`).set(...admin()).send({}).expect(200);
      expect(res.body.order).toMatchObject({ fulfillment_status: 'canceled', fulfillments: [{ id: fid, canceled_at: expect.any(String) }] });
      expect(res.body.order.items.find((i: Body) => i.id === o.lines.plain).detail.fulfilled_quantity).toBe(0);
      expect(await levels()).toEqual(start);
      expect(await reservations([o.lines.plain, o.lines.kit])).toEqual([
        { line_item_id: o.lines.plain, quantity: 3 },
        { line_item_id: o.lines.kit, quantity: 2 },
      ].sort((a, b) => a.line_item_id.localeCompare(b.line_item_id)));
      expect(await sql(t, `select count(*)::int as n from event_outbox where name = 'order.fulfillment_canceled' and data->>'fulfillment_id' = ?`, [fid])).toEqual([{ n: 1 }]);
      await t.api.post(`/admin/orders/${o.id}/fulfillments/${fid}/cancel`).set(...admin()).send({}).expect(400);
      await t.api.post(`/admin/orders/${o.id}/fulfillments/${fid}/shipments`).set(...admin()).send({}).expect(400);
      // with its only fulfillment canceled, the order can be canceled
      await t.api.post(`/admin/orders/${o.id}/cancel`).set(...admin()).expect(200);
      expect(await levels()).toEqual({ plain: [start.plain[0], start.plain[1] - 3], cotton: [start.cotton[0], start.cotton[1] - 2] });
    });
  });

  describe('payment collections of orders', () => {
    it('creates one for what is outstanding, refuses when nothing is, and marks it paid on the order', async () => {
      const o = await placedOrder();
      const nothing = await t.api.post('/admin/payment-collections').set(...admin()).send({ order_id: o.id }).expect(400);
      expect(nothing.body).toEqual({ type: 'not_allowed', message: `Order ${o.id} has no outstanding amount to collect` });

      const bare = await placeOrder(t); // 2 × 10 + 10 shipping, no payment yet
      await t.api.post('/admin/payment-collections').set(...admin()).send({ order_id: bare.id, amount: 31 }).expect(400);
      await t.api.post('/admin/payment-collections').set(...admin()).send({ order_id: 'order_missing' }).expect(404);
      const created = await t.api.post('/admin/payment-collections').set(...admin()).send({ order_id: bare.id }).expect(200);
      expect(created.body.payment_collection).toMatchObject({ amount: 30, currency_code: 'eur', status: 'not_paid' });
      const collectionId = created.body.payment_collection.id as string;
      expect((await getOrder(bare.id)).payment_collections).toEqual([expect.objectContaining({ id: collectionId, status: 'not_paid' })]);
      await t.api.post('/admin/payment-collections').set(...admin()).send({ order_id: bare.id }).expect(400);

      await t.api.post(`/admin/payment-collections/${collectionId}/mark-as-paid`).set(...admin()).send({ order_id: bare.id }).expect(200);
      expect(await getOrder(bare.id)).toMatchObject({ payment_status: 'captured', summary: { paid_total: 30, pending_difference: 0 } });
    });
  });

  describe('store returns', () => {
    it('creates and requests a return for a guest by order id', async () => {
      const o = await placedOrder();
      await t.api.post(`/admin/orders/${o.id}/fulfillments`).set(...admin()).send({ items: [{ id: o.lines.plain, quantity: 3 }] }).expect(200);
      const before = await rows(o.id);
      await t.api.post('/store/returns').set(...store()).send({ order_id: o.id, items: [{ id: o.lines.kit, quantity: 1 }] }).expect(400); // not fulfilled
      await t.api.post('/store/returns').set(...store()).send({ order_id: o.id, items: [{ id: o.lines.plain, quantity: 1 }], return_shipping: { option_id: 'so_1' } }).expect(400);
      await t.api.post('/store/returns').send({ order_id: o.id, items: [{ id: o.lines.plain, quantity: 1 }] }).expect(400); // no publishable key
      expect(await rows(o.id)).toEqual(before);

      const res = await t.api.post('/store/returns').set(...store()).send({ order_id: o.id, items: [{ id: o.lines.plain, quantity: 2 }], location_id: location }).expect(200);
      expect(res.body.return).toMatchObject({ status: 'requested', order_id: o.id, refund_amount: 20, items: [expect.objectContaining({ item_id: o.lines.plain, quantity: 2 })] });
      expect(await sql(t, `select data from event_outbox where name = 'order.return_requested' and data->>'return_id' = ?`, [res.body.return.id])).toEqual([
        { data: { order_id: o.id, return_id: res.body.return.id } },
      ]);
    });
  });

  it("refuses a store return on a registered customer's order to anyone but that customer, writing nothing", async () => {
    const customers = t.app.get(CustomerService);
    const owner = await customers.create(ctxOf(t), { email: 'returner@example.com', has_account: true });
    const stranger = await customers.create(ctxOf(t), { email: 'stranger@example.com', has_account: true });
    const o = await placedOrder({ customer_id: owner.id, email: 'returner@example.com' });
    await t.api.post(`/admin/orders/${o.id}/fulfillments`).set(...admin()).send({ items: [{ id: o.lines.plain, quantity: 3 }] }).expect(200);
    const ownerToken = await customerToken(t, 'returner@example.com', owner.id);
    const strangerToken = await customerToken(t, 'stranger@example.com', stranger.id);
    const body = { order_id: o.id, items: [{ id: o.lines.plain, quantity: 1 }] };
    const before = await rows(o.id);
    for (const who of [bearer(strangerToken), null]) {
      const req = t.api.post('/store/returns').set(...store());
      const res = await (who ? req.set(...who) : req).send(body).expect(404);
      expect(res.body.type).toBe('not_found');
    }
    expect(await rows(o.id)).toEqual(before);
    await t.api.post('/store/returns').set(...store()).set(...bearer(ownerToken)).send(body).expect(200);
  });

  describe('reads', () => {
    it('reads a page of orders in a bounded number of statements, whatever its size', async () => {
      // the newest orders each have a captured payment and a fulfillment, so every batched read runs
      for (let i = 0; i < 3; i++) {
        const o = await placedOrder();
        await t.api.post(`/admin/payments/${o.payment}/capture`).set(...admin()).send({}).expect(200);
        // no_notification: the shipping-message subscriber would otherwise read orders while the statements are counted
        await t.api.post(`/admin/orders/${o.id}/fulfillments`).set(...admin()).send({ items: [{ id: o.lines.plain, quantity: 1 }], no_notification: true }).expect(200);
      }
      const counter = new StatementCounter(t.app);
      const count = async (limit: number) =>
        (await counter.record(() => t.api.get('/admin/orders').query({ limit, fields: '+payment_collections,+fulfillments' }).set(...admin()).expect(200))).filter(
          (statement) => !/event_outbox|auth_identity/.test(statement), // the outbox relay's polling and the sign-in check
        ).length;
      const one = await count(1);
      expect(one).toBeLessThanOrEqual(25);
      expect(await count(3)).toBe(one);
    });

    it('reads an order with its lines, shipping methods, addresses, summary and credit lines in one statement', async () => {
      const o = await placedOrder();
      const orders = t.app.get(OrderService);
      const counter = new StatementCounter(t.app);
      let view: Awaited<ReturnType<OrderService['retrieve']>> | undefined;
      const statements = await counter.record(async () => {
        view = await orders.retrieve(ctxOf(t), o.id);
      });
      expect(statements.filter((statement) => !statement.includes('event_outbox'))).toHaveLength(1); // not the outbox relay's polling
      expect(view).toMatchObject({ id: o.id, items: expect.arrayContaining([expect.objectContaining({ id: o.lines.plain, quantity: 3 })]), shipping_address: expect.objectContaining({ id: expect.any(String) }), shipping_methods: [expect.any(Object)] });
      // the lines as stored, read without the loader: ids, quantities and prices, in the loader's order
      const stored = await sql<{ item_id: string; quantity: string; fulfilled: string; unit_price: string; created_at: Date }>(
        t,
        `select d.item_id, d.quantity::text as quantity, d.fulfilled_quantity::text as fulfilled, l.unit_price::text as unit_price, l.created_at
           from order_item d join order_line_item l on l.id = d.item_id where d.order_id = ? and d.deleted_at is null order by d.created_at, d.id`,
        [o.id],
      );
      expect(stored).toHaveLength(3);
      expect(view!.items.map((i) => [i.id, i.quantity, i.detail.fulfilled_quantity, i.unit_price, i.created_at])).toEqual(
        stored.map((r) => [r.item_id, Number(r.quantity), Number(r.fulfilled), Number(r.unit_price), new Date(r.created_at).toISOString()]),
      );
      // the same view as the HTTP read, which goes through the same loader
      const detail = (await t.api.get(`/admin/orders/${o.id}`).set(...admin()).expect(200)).body.order;
      expect(detail.items.map((i: Body) => [i.id, i.quantity, i.unit_price, i.total])).toEqual(view!.items.map((i) => [i.id, i.quantity, i.unit_price, i.total]));
      await expect(orders.retrieve(ctxOf(t), 'order_missing')).rejects.toMatchObject({ type: 'not_found', message: 'Order with id: order_missing was not found' });
    });
  });
});
