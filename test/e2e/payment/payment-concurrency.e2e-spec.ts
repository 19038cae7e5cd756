import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Context, inTransaction, systemContext } from '../../../src/framework/context/context';
import { PaymentService } from '../../../src/modules/payment/payment.service';
import type { PaymentView } from '../../../src/modules/payment/payment.types';
import { RecordingTestProvider, testPaymentProviders } from '../../fixtures/payment-providers.fixture';
import { bearer, createIdentityApp, IdentityApp } from '../../utils/identity';
import { isEmbeddedTestDatabase } from '../../utils/test-database';

/**
 * Concurrent captures and refunds of one payment never exceed what was authorized or captured:
 * the collection row lock makes them take turns and re-read the sums. Concurrency needs a pool of
 * connections: PostgreSQL only (the embedded database serves one connection).
 */
describe('concurrent captures and refunds of one payment', () => {
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

  async function authorizedPayment(amount: string): Promise<PaymentView> {
    const collection = await payments.createCollection(ctx(), { currency_code: 'eur', amount });
    const withSession = await payments.createSession(ctx(), collection.id, { provider_id: 'pp_recording_test' });
    return payments.authorizeSession(ctx(), withSession.payment_sessions[0].id);
  }

  const statuses = (responses: Array<{ status: number }>) => responses.map((r) => r.status).sort();

  it('authorizes a session only through its own collection when the caller names one, in a transaction or not', async () => {
    const mine = await payments.createCollection(ctx(), { currency_code: 'eur', amount: '5' });
    const other = await payments.createCollection(ctx(), { currency_code: 'eur', amount: '5' });
    const sessionId = (await payments.createSession(ctx(), mine.id, { provider_id: 'pp_recording_test' })).payment_sessions[0].id;
    const notFound = { type: 'not_found', message: `Payment session with id: ${sessionId} was not found` };
    await expect(payments.authorizeSession(ctx(), sessionId, undefined, other.id)).rejects.toMatchObject(notFound);
    await expect(inTransaction(ctx(), (tx) => payments.authorizeSession(tx, sessionId, undefined, other.id))).rejects.toMatchObject(notFound);
    expect(recording.callsOf('authorize')).toHaveLength(0);
    expect(await sql(`select count(*)::int as n from payment where payment_session_id = ?`, [sessionId])).toEqual([{ n: 0 }]);
    // through its own collection it is authorized
    const payment = await inTransaction(ctx(), (tx) => payments.authorizeSession(tx, sessionId, undefined, mine.id));
    expect(payment).toMatchObject({ payment_collection_id: mine.id, payment_session_id: sessionId });
  });

  if (!isEmbeddedTestDatabase()) {
    it('12 concurrent refunds of 10 on 30 captured: exactly 3 succeed, the refunded sum is 30', async () => {
      const payment = await authorizedPayment('30');
      await t.api.post(`/admin/payments/${payment.id}/capture`).set(...admin()).send({}).expect(200);
      const responses = await Promise.all(
        Array.from({ length: 12 }, () => t.raw().post(`/admin/payments/${payment.id}/refund`).set(...admin()).send({ amount: 10 })),
      );
      expect(statuses(responses)).toEqual([...Array(3).fill(200), ...Array(9).fill(400)]);
      for (const res of responses.filter((r) => r.status === 400)) {
        expect(res.body).toEqual({ type: 'invalid_data', message: 'You cannot refund more than what is captured on the payment.' });
      }
      const [row] = await sql<{ n: number; total: string }>('select count(*)::int as n, sum(amount)::text as total from refund where payment_id = ?', [payment.id]);
      expect(row.n).toBe(3);
      expect(Number(row.total)).toBe(30);
      expect(recording.callsOf('refund')).toHaveLength(3);
      expect((await payments.retrieveCollection(ctx(), payment.payment_collection_id)).refunded_amount).toBe(30);
    });

    it('10 concurrent captures of 10 on 25 authorized: exactly 2 succeed, the collection sums match the rows', async () => {
      const payment = await authorizedPayment('25');
      const responses = await Promise.all(
        Array.from({ length: 10 }, () => t.raw().post(`/admin/payments/${payment.id}/capture`).set(...admin()).send({ amount: 10 })),
      );
      expect(statuses(responses)).toEqual([...Array(2).fill(200), ...Array(8).fill(400)]);
      const [row] = await sql<{ total: string }>('select sum(amount)::text as total from capture where payment_id = ?', [payment.id]);
      expect(Number(row.total)).toBe(20);
      const collection = await payments.retrieveCollection(ctx(), payment.payment_collection_id);
      expect(collection).toMatchObject({ captured_amount: 20, status: 'authorized' });
    });

    it('concurrent captures on two payments of one collection keep its captured_amount exact', async () => {
      const collection = await payments.createCollection(ctx(), { currency_code: 'eur', amount: '20' });
      const first = await payments.createSession(ctx(), collection.id, { provider_id: 'pp_recording_test', amount: '10' });
      const a = await payments.authorizeSession(ctx(), first.payment_sessions[0].id);
      // a second session for the rest (the first one is authorized, so it stays)
      const second = await payments.createSession(ctx(), collection.id, { provider_id: 'pp_recording_test', amount: '10' });
      const b = await payments.authorizeSession(ctx(), second.payment_sessions.find((s) => s.status === 'pending')!.id);
      await Promise.all([a, b].map((p) => t.api.post(`/admin/payments/${p.id}/capture`).set(...admin()).send({}).expect(200)));
      expect(await payments.retrieveCollection(ctx(), collection.id)).toMatchObject({ captured_amount: 20, status: 'completed' });
    });
  }

  it('sequential refunds on the embedded database obey the same limit', async () => {
    const payment = await authorizedPayment('15');
    await t.api.post(`/admin/payments/${payment.id}/capture`).set(...admin()).send({}).expect(200);
    const codes: number[] = [];
    for (let i = 0; i < 3; i++) codes.push((await t.raw().post(`/admin/payments/${payment.id}/refund`).set(...admin()).send({ amount: 7 })).status);
    expect(codes).toEqual([200, 200, 400]);
  });
});
