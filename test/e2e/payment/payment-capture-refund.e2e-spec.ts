import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Context, systemContext } from '../../../src/framework/context/context';
import { SthenoError } from '../../../src/framework/errors/stheno-error';
import { OrderPaymentCollectionLinks } from '../../../src/links/order-links.service';
import { OrderService } from '../../../src/modules/order/order.service';
import { PaymentService } from '../../../src/modules/payment/payment.service';
import type { PaymentCollectionView, PaymentView } from '../../../src/modules/payment/payment.types';
import { RecordingTestProvider, testPaymentProviders } from '../../fixtures/payment-providers.fixture';
import { bearer, createIdentityApp, IdentityApp } from '../../utils/identity';
import { StatementCounter } from '../../utils/statement-counter';

/**
 * A payment's life after checkout: authorization, partial and full captures, refunds with reasons,
 * and every refusal (over-capture, over-refund, provider outage) leaving the rows as they were.
 */
describe('payments: authorize, capture, refund', () => {
  let t: IdentityApp;
  let orm: MikroORM;
  let payments: PaymentService;
  let recording: RecordingTestProvider;

  beforeAll(async () => {
    t = await createIdentityApp({ imports: [testPaymentProviders()] });
    orm = t.app.get(MikroORM);
    payments = t.app.get(PaymentService);
    recording = t.app.get(RecordingTestProvider);
  });
  afterAll(() => t.close());
  beforeEach(() => recording.reset());

  const ctx = (): Context => systemContext(orm.em as EntityManager);
  const admin = () => bearer(t.adminToken);
  const sql = <T>(query: string, params: unknown[] = []) => (orm.em.fork() as EntityManager).getConnection().execute<T[]>(query, params);

  /** An authorized payment of `amount` through `provider`, as checkout leaves it. */
  async function authorizedPayment(amount: string, provider = 'pp_recording_test'): Promise<PaymentView> {
    const collection = await payments.createCollection(ctx(), { currency_code: 'EUR', amount });
    const withSession = await payments.createSession(ctx(), collection.id, { provider_id: provider, data: { token: 'tok_1' } });
    return payments.authorizeSession(ctx(), withSession.payment_sessions[0].id);
  }

  /** Everything about a payment that a refused operation must leave untouched. */
  async function snapshot(payment: PaymentView) {
    const [collection] = await sql(
      'select amount, authorized_amount, captured_amount, refunded_amount, status, completed_at, updated_at from payment_collection where id = ?',
      [payment.payment_collection_id],
    );
    return {
      collection,
      payment: await sql('select captured_at, canceled_at, data, updated_at from payment where id = ?', [payment.id]),
      captures: await sql('select id, amount from capture where payment_id = ? order by id', [payment.id]),
      refunds: await sql('select id, amount from refund where payment_id = ? order by id', [payment.id]),
      events: await sql("select name from event_outbox where name like 'payment.%' and data->>'id' = ?", [payment.id]),
    };
  }

  describe('authorization', () => {
    it('turns the session into a payment and the collection into authorized, once', async () => {
      const payment = await authorizedPayment('30');
      expect(payment).toMatchObject({ amount: 30, currency_code: 'eur', provider_id: 'pp_recording_test', captured_at: null, canceled_at: null });
      expect(payment.raw_amount).toEqual({ value: '30', precision: 20 });
      expect(payment.data).toMatchObject({ token: 'tok_1', authorized: true });
      const again = await payments.authorizeSession(ctx(), payment.payment_session_id);
      expect(again.id).toBe(payment.id);
      expect(recording.callsOf('authorize')).toHaveLength(1);

      const collection = await payments.retrieveCollection(ctx(), payment.payment_collection_id);
      expect(collection).toMatchObject({ status: 'authorized', amount: 30, authorized_amount: 30, captured_amount: 0, refunded_amount: 0 });
      expect(collection.payment_sessions).toHaveLength(1);
      expect(collection.payment_sessions[0]).toMatchObject({ status: 'authorized', payment: { id: payment.id } });
      expect(collection.payment_sessions[0].authorized_at).not.toBeNull();
    });

    it('refused by the provider: 422 payment_authorization_error, session in error, no payment, collection failed', async () => {
      const collection = await payments.createCollection(ctx(), { currency_code: 'eur', amount: '12.5' });
      const withSession = await payments.createSession(ctx(), collection.id, { provider_id: 'pp_refuse_test' });
      const sessionId = withSession.payment_sessions[0].id;
      const error = await payments.authorizeSession(ctx(), sessionId).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SthenoError);
      expect(error).toMatchObject({ type: 'payment_authorization_error', message: `Session: ${sessionId} was not authorized with the provider.` });
      expect(await sql('select id from payment where payment_session_id = ?', [sessionId])).toHaveLength(0);
      const after = await payments.retrieveCollection(ctx(), collection.id);
      expect(after).toMatchObject({ status: 'failed', authorized_amount: 0 });
      expect(after.payment_sessions[0]).toMatchObject({ status: 'error', data: { declined: true } });
    });

    it('a new session replaces the open ones, and the provider hears about the dropped one', async () => {
      const collection = await payments.createCollection(ctx(), { currency_code: 'eur', amount: '5' });
      const first = await payments.createSession(ctx(), collection.id, { provider_id: 'pp_recording_test' });
      const second = await payments.createSession(ctx(), collection.id, { provider_id: 'pp_system_default' });
      expect(second.payment_sessions.map((s) => s.provider_id)).toEqual(['pp_system_default']);
      expect(second.status).toBe('awaiting');
      expect(recording.callsOf('delete')).toEqual([expect.objectContaining({ data: first.payment_sessions[0].data })]);
    });

    it('a changed amount drops the open sessions for the old one', async () => {
      const collection = await payments.createCollection(ctx(), { currency_code: 'eur', amount: '5' });
      await payments.createSession(ctx(), collection.id, { provider_id: 'pp_recording_test' });
      await payments.updateCollectionAmount(ctx(), collection.id, '7.25');
      const after = await payments.retrieveCollection(ctx(), collection.id);
      expect(after).toMatchObject({ amount: 7.25, status: 'not_paid', payment_sessions: [] });
      expect(recording.callsOf('delete')).toHaveLength(1);
    });

    it('an unknown provider or session is refused', async () => {
      const collection = await payments.createCollection(ctx(), { currency_code: 'eur', amount: '5' });
      await expect(payments.createSession(ctx(), collection.id, { provider_id: 'pp_nope' })).rejects.toMatchObject({ type: 'not_found' });
      await expect(payments.authorizeSession(ctx(), 'payses_missing')).rejects.toMatchObject({ type: 'not_found' });
      await expect(payments.createCollection(ctx(), { currency_code: 'eur', amount: '-1' })).rejects.toMatchObject({ type: 'invalid_data' });
    });
  });

  describe('capture', () => {
    it('captures in parts with exact cents until the payment and its collection are paid', async () => {
      const payment = await authorizedPayment('30');
      const first = await t.api.post(`/admin/payments/${payment.id}/capture`).set(...admin()).send({ amount: 10.1 }).expect(200);
      expect(first.body.payment).toMatchObject({ id: payment.id, captured_at: null, captures: [{ amount: 10.1, created_by: t.adminUserId }] });
      expect((await payments.retrieveCollection(ctx(), payment.payment_collection_id)).status).toBe('authorized');

      const rest = await t.api.post(`/admin/payments/${payment.id}/capture`).set(...admin()).send({}).expect(200);
      expect(rest.body.payment.captures.map((c: { amount: number }) => c.amount)).toEqual([10.1, 19.9]);
      expect(rest.body.payment.captured_at).not.toBeNull();
      expect(recording.callsOf('capture').map((c) => c.amount)).toEqual(['10.1', '19.9']);

      const collection = await payments.retrieveCollection(ctx(), payment.payment_collection_id);
      expect(collection).toMatchObject({ status: 'completed', captured_amount: 30, raw_captured_amount: { value: '30', precision: 20 } });
      expect(collection.completed_at).not.toBeNull();
      expect(collection.payment_sessions[0].status).toBe('captured');
      expect(await sql("select name from event_outbox where name = 'payment.captured' and data->>'id' = ?", [payment.id])).toHaveLength(2);
    });

    it('refuses capturing more than authorized minus captured, and nothing changes', async () => {
      const payment = await authorizedPayment('20');
      await t.api.post(`/admin/payments/${payment.id}/capture`).set(...admin()).send({ amount: 15 }).expect(200);
      const before = await snapshot(payment);
      const res = await t.api.post(`/admin/payments/${payment.id}/capture`).set(...admin()).send({ amount: 5.01 }).expect(400);
      expect(res.body).toEqual({
        type: 'not_allowed',
        message: 'You cannot capture more than the authorized amount substracted by what is already captured.',
      });
      expect(await snapshot(payment)).toEqual(before);
      expect(recording.callsOf('capture')).toHaveLength(1);

      await t.api.post(`/admin/payments/${payment.id}/capture`).set(...admin()).send({ amount: 5 }).expect(200);
      const full = await t.api.post(`/admin/payments/${payment.id}/capture`).set(...admin()).send({}).expect(400);
      expect(full.body).toEqual({ type: 'not_allowed', message: `The payment: ${payment.id} is already fully captured.` });
    });

    it('a provider that fails the capture leaves every row as it was', async () => {
      const payment = await authorizedPayment('9.99');
      const before = await snapshot(payment);
      recording.failNext('capture');
      const res = await t.api.post(`/admin/payments/${payment.id}/capture`).set(...admin()).send({}).expect(400);
      expect(res.body).toEqual({
        type: 'not_allowed',
        message: `Payment provider pp_recording_test could not capture payment ${payment.id}: capture is unavailable right now`,
      });
      expect(await snapshot(payment)).toEqual(before);
      await t.api.post(`/admin/payments/${payment.id}/capture`).set(...admin()).send({}).expect(200);
    });

    it('answers 400 for malformed amounts and 404 for unknown payments', async () => {
      const payment = await authorizedPayment('10');
      const before = await snapshot(payment);
      for (const amount of [0, -1, '5', 1.0000001]) {
        const res = await t.api.post(`/admin/payments/${payment.id}/capture`).set(...admin()).send({ amount }).expect(400);
        expect(res.body.type).toBe('invalid_data');
      }
      await t.api.post(`/admin/payments/${payment.id}/capture`).set(...admin()).send({ amount: 1, extra: true }).expect(400);
      expect(await snapshot(payment)).toEqual(before);
      const missing = await t.api.post('/admin/payments/pay_missing/capture').set(...admin()).send({}).expect(404);
      expect(missing.body).toEqual({ type: 'not_found', message: 'Payment with id: pay_missing was not found' });
      await t.raw().post(`/admin/payments/${payment.id}/capture`).send({}).expect(401);
    });
  });

  describe('refund', () => {
    it('refunds captured money with a reason and a note, never more than captured minus refunded', async () => {
      const reason = (await t.api.post('/admin/refund-reasons').set(...admin()).send({ label: 'Damaged', code: 'damaged' }).expect(200)).body.refund_reason;
      const payment = await authorizedPayment('25');
      await t.api.post(`/admin/payments/${payment.id}/capture`).set(...admin()).send({ amount: 20 }).expect(200);

      const res = await t.api
        .post(`/admin/payments/${payment.id}/refund`)
        .set(...admin())
        .send({ amount: 5.05, refund_reason_id: reason.id, note: 'Scratched' })
        .expect(200);
      expect(res.body.payment.refunds).toEqual([
        expect.objectContaining({ amount: 5.05, note: 'Scratched', refund_reason_id: reason.id, created_by: t.adminUserId, refund_reason: expect.objectContaining({ label: 'Damaged', code: 'damaged' }) }),
      ]);
      expect(recording.callsOf('refund').map((c) => c.amount)).toEqual(['5.05']);

      const before = await snapshot(payment);
      const over = await t.api.post(`/admin/payments/${payment.id}/refund`).set(...admin()).send({ amount: 14.96 }).expect(400);
      expect(over.body).toEqual({ type: 'invalid_data', message: 'You cannot refund more than what is captured on the payment.' });
      expect(await snapshot(payment)).toEqual(before);

      const rest = await t.api.post(`/admin/payments/${payment.id}/refund`).set(...admin()).send({}).expect(200);
      expect(rest.body.payment.refunds.map((r: { amount: number }) => r.amount)).toEqual([5.05, 14.95]);
      const collection = await payments.retrieveCollection(ctx(), payment.payment_collection_id);
      expect(collection).toMatchObject({ captured_amount: 20, refunded_amount: 20, status: 'authorized' });
      // the collection is read in one statement, and shows the payment (captures, refunds, reasons) as the payment's own read does
      let read: PaymentCollectionView | undefined;
      const statements = await new StatementCounter(t.app).record(async () => {
        read = await payments.retrieveCollection(ctx(), payment.payment_collection_id);
      });
      expect(statements.filter((statement) => !statement.includes('event_outbox'))).toHaveLength(1);
      const own = await payments.retrievePayment(ctx(), payment.id);
      expect(own.refunds).toHaveLength(2);
      expect(read!.payments).toEqual([own]);
      expect(read!.payment_sessions.map((session) => session.payment)).toEqual([own]);
      expect(await sql("select name from event_outbox where name = 'payment.refunded' and data->>'id' = ?", [payment.id])).toHaveLength(2);
      await t.api.post(`/admin/payments/${payment.id}/refund`).set(...admin()).send({}).expect(400);
    });

    it('refuses refunding a payment nothing was captured on, an unknown reason, and a provider failure, changing nothing', async () => {
      const payment = await authorizedPayment('8');
      const uncaptured = await snapshot(payment);
      await t.api.post(`/admin/payments/${payment.id}/refund`).set(...admin()).send({ amount: 1 }).expect(400);
      expect(await snapshot(payment)).toEqual(uncaptured);

      await t.api.post(`/admin/payments/${payment.id}/capture`).set(...admin()).send({}).expect(200);
      const captured = await snapshot(payment);
      const unknown = await t.api.post(`/admin/payments/${payment.id}/refund`).set(...admin()).send({ amount: 1, refund_reason_id: 'refr_missing' }).expect(400);
      expect(unknown.body).toEqual({ type: 'invalid_data', message: 'Refund reason with id: refr_missing was not found' });
      recording.failNext('refund');
      await t.api.post(`/admin/payments/${payment.id}/refund`).set(...admin()).send({ amount: 1 }).expect(400);
      expect(await snapshot(payment)).toEqual(captured);
    });
  });

  describe('cancel', () => {
    it('cancels an authorization with the provider and the collection becomes canceled', async () => {
      const payment = await authorizedPayment('4');
      await payments.cancelPayment(ctx(), payment.id);
      expect(recording.callsOf('cancel')).toHaveLength(1);
      const after = await payments.retrievePayment(ctx(), payment.id);
      expect(after.canceled_at).not.toBeNull();
      expect((await payments.retrieveCollection(ctx(), payment.payment_collection_id)).status).toBe('canceled');
      const res = await t.api.post(`/admin/payments/${payment.id}/capture`).set(...admin()).send({}).expect(400);
      expect(res.body.message).toBe(`The payment: ${payment.id} has been canceled.`);
    });

    it('cancels with the provider an authorization whose transaction rolled back (the compensation of checkout)', async () => {
      const collection = await payments.createCollection(ctx(), { currency_code: 'eur', amount: '15' });
      const withSession = await payments.createSession(ctx(), collection.id, { provider_id: 'pp_recording_test' });
      let authorized: PaymentView | undefined;
      await expect(
        orm.em.fork().transactional(async (em) => {
          authorized = await payments.authorizeSession({ ...ctx(), em: em as EntityManager }, withSession.payment_sessions[0].id);
          throw new Error('order insert failed');
        }),
      ).rejects.toThrow('order insert failed');
      expect(await sql('select id from payment where id = ?', [authorized!.id])).toHaveLength(0);

      await payments.cancelPayment(ctx(), authorized!.id);
      expect(recording.callsOf('cancel')).toEqual([expect.objectContaining({ amount: '15', data: expect.objectContaining({ authorized: true }) })]);
      // the session is intact and can be authorized again later
      const retried = await payments.authorizeSession(ctx(), withSession.payment_sessions[0].id);
      expect(retried.id).not.toBe(authorized!.id);
    });
  });

  describe('admin payment reads', () => {
    it('lists payments with filters and retrieves one', async () => {
      const a = await authorizedPayment('1');
      const b = await authorizedPayment('2', 'pp_system_default');
      const byId = await t.api.get(`/admin/payments?id[]=${a.id}&id[]=${b.id}`).set(...admin()).expect(200);
      expect(byId.body.count).toBe(2);
      expect(byId.body.payments.map((p: { id: string }) => p.id)).toEqual([b.id, a.id]);
      const bySession = await t.api.get(`/admin/payments?payment_session_id=${b.payment_session_id}`).set(...admin()).expect(200);
      expect(bySession.body).toMatchObject({ count: 1, offset: 0, limit: 20, payments: [{ id: b.id, provider_id: 'pp_system_default' }] });
      const one = await t.api.get(`/admin/payments/${a.id}?fields=id,amount`).set(...admin()).expect(200);
      expect(one.body).toEqual({ payment: { id: a.id, amount: 1 } });
      await t.api.get('/admin/payments/pay_missing').set(...admin()).expect(404);
      await t.api.get('/admin/payments?nope=1').set(...admin()).expect(400);
    });
  });

  describe('payment collections (admin)', () => {
    it('mark-as-paid settles an order’s collection through pp_system_default, once, and records it on the order', async () => {
      const order = await t.app.get(OrderService).createFromSnapshot(ctx(), {
        region_id: null, customer_id: null, sales_channel_id: null, email: 'buyer@example.com', currency_code: 'eur',
        shipping_address: null, billing_address: null, shipping_methods: [],
        items: [{ title: 'Thing', unit_price: '42.42', quantity: 1, requires_shipping: false }],
      });
      const collection = await payments.createCollection(ctx(), { currency_code: 'eur', amount: '42.42' });
      const bad = await t.api.post(`/admin/payment-collections/${collection.id}/mark-as-paid`).set(...admin()).send({ order_id: 'nope' }).expect(400);
      expect(bad.body.type).toBe('invalid_data');
      // a collection that is not the order's is refused, nothing paid
      const foreign = await t.api.post(`/admin/payment-collections/${collection.id}/mark-as-paid`).set(...admin()).send({ order_id: order.id }).expect(400);
      expect(foreign.body).toEqual({ type: 'invalid_data', message: `Payment collection ${collection.id} does not belong to order ${order.id}` });
      expect((await payments.retrieveCollection(ctx(), collection.id)).status).toBe('not_paid');
      await t.app.get(OrderPaymentCollectionLinks).linkOrderPaymentCollection(ctx(), order.id, collection.id);

      const res = await t.api
        .post(`/admin/payment-collections/${collection.id}/mark-as-paid`)
        .set(...admin())
        .send({ order_id: order.id })
        .expect(200);
      expect(res.body.payment_collection).toMatchObject({ id: collection.id, status: 'completed', captured_amount: 42.42, authorized_amount: 42.42 });
      expect(res.body.payment_collection.payments).toEqual([
        expect.objectContaining({ provider_id: 'pp_system_default', amount: 42.42, captures: [expect.objectContaining({ amount: 42.42 })] }),
      ]);
      const captureId = res.body.payment_collection.payments[0].captures[0].id;
      expect(await sql('select amount::float as amount, reference, reference_id from order_transaction where order_id = ?', [order.id])).toEqual([
        { amount: 42.42, reference: 'capture', reference_id: captureId },
      ]);
      const again = await t.api
        .post(`/admin/payment-collections/${collection.id}/mark-as-paid`)
        .set(...admin())
        .send({ order_id: order.id })
        .expect(400);
      expect(again.body).toEqual({ type: 'not_allowed', message: 'Cannot mark a payment collection with status: completed as paid' });
      await t.api.post('/admin/payment-collections/pay_col_missing/mark-as-paid').set(...admin()).send({ order_id: order.id }).expect(404);
    });

    it('deletes a collection without live payments, refuses one with', async () => {
      const paid = await authorizedPayment('3');
      const refused = await t.api.delete(`/admin/payment-collections/${paid.payment_collection_id}`).set(...admin()).expect(400);
      expect(refused.body.type).toBe('not_allowed');
      expect(await sql('select id from payment_collection where id = ? and deleted_at is null', [paid.payment_collection_id])).toHaveLength(1);

      const open = await payments.createCollection(ctx(), { currency_code: 'eur', amount: '3' });
      const res = await t.api.delete(`/admin/payment-collections/${open.id}`).set(...admin()).expect(200);
      expect(res.body).toEqual({ id: open.id, object: 'payment-collection', deleted: true });
      await expect(payments.retrieveCollection(ctx(), open.id)).rejects.toMatchObject({ type: 'not_found' });
      await t.api.delete(`/admin/payment-collections/${open.id}`).set(...admin()).expect(404);
    });
  });

  describe('refund reasons', () => {
    it('creates, lists, updates and deletes them', async () => {
      const created = await t.api.post('/admin/refund-reasons').set(...admin()).send({ label: 'Late delivery', code: 'late', description: 'Arrived late' }).expect(200);
      const reason = created.body.refund_reason;
      expect(reason).toMatchObject({ label: 'Late delivery', code: 'late', description: 'Arrived late', metadata: null, deleted_at: null });
      expect(reason.id).toMatch(/^refr_/);

      const duplicate = await t.api.post('/admin/refund-reasons').set(...admin()).send({ label: 'Again', code: 'late' }).expect(422);
      expect(duplicate.body.type).toBe('duplicate_error');
      await t.api.post('/admin/refund-reasons').set(...admin()).send({ code: 'nolabel' }).expect(400);
      await t.api.post('/admin/refund-reasons').set(...admin()).send({ label: 'x', code: 'with space' }).expect(400);

      const list = await t.api.get('/admin/refund-reasons?q=late').set(...admin()).expect(200);
      expect(list.body.refund_reasons.map((r: { id: string }) => r.id)).toEqual([reason.id]);
      const updated = await t.api.post(`/admin/refund-reasons/${reason.id}`).set(...admin()).send({ label: 'Very late' }).expect(200);
      expect(updated.body.refund_reason).toMatchObject({ id: reason.id, label: 'Very late', code: 'late' });
      expect((await t.api.get(`/admin/refund-reasons/${reason.id}`).set(...admin()).expect(200)).body.refund_reason.label).toBe('Very late');

      const deleted = await t.api.delete(`/admin/refund-reasons/${reason.id}`).set(...admin()).expect(200);
      expect(deleted.body).toEqual({ id: reason.id, object: 'refund_reason', deleted: true });
      await t.api.get(`/admin/refund-reasons/${reason.id}`).set(...admin()).expect(404);
      await t.api.post(`/admin/refund-reasons/${reason.id}`).set(...admin()).send({ label: 'x' }).expect(404);
      // the code is free again once its reason is deleted
      await t.api.post('/admin/refund-reasons').set(...admin()).send({ label: 'Late again', code: 'late' }).expect(200);
    });
  });
});
