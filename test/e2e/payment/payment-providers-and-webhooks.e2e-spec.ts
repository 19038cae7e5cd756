import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Context, systemContext } from '../../../src/framework/context/context';
import { PaymentService } from '../../../src/modules/payment/payment.service';
import { RecordingTestProvider, signRecordingWebhook, testPaymentProviders } from '../../fixtures/payment-providers.fixture';
import { bearer, createIdentityApp, IdentityApp } from '../../utils/identity';

/** Which providers a region offers (admin region routes, store list) and provider webhooks. */
describe('payment providers per region, and webhooks', () => {
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
  const store = () => ['x-publishable-api-key', t.publishableKey] as [string, string];
  const sql = <T>(query: string, params: unknown[] = []) => (orm.em.fork() as EntityManager).getConnection().execute<T[]>(query, params);

  describe('regions', () => {
    it('creates a region with payment providers, readable with fields=*payment_providers', async () => {
      const res = await t.api
        .post('/admin/regions?fields=id,name,*payment_providers')
        .set(...admin())
        .send({ name: 'Nordics', currency_code: 'eur', payment_providers: ['pp_system_default', 'pp_recording_test'] })
        .expect(200);
      const region = res.body.region;
      expect(region).toEqual({
        id: region.id,
        name: 'Nordics',
        payment_providers: [
          { id: 'pp_recording_test', is_enabled: true },
          { id: 'pp_system_default', is_enabled: true },
        ],
      });
      const plain = await t.api.get(`/admin/regions/${region.id}`).set(...admin()).expect(200);
      expect(plain.body.region.payment_providers).toBeUndefined();
      const listed = await t.api.get(`/admin/regions?id=${region.id}&fields=*payment_providers`).set(...admin()).expect(200);
      expect(listed.body.regions[0].payment_providers.map((p: { id: string }) => p.id)).toEqual(['pp_recording_test', 'pp_system_default']);
    });

    it('refuses an unknown provider with 400 invalid_data and writes nothing', async () => {
      const regionsBefore = await sql('select id from region');
      const res = await t.api
        .post('/admin/regions')
        .set(...admin())
        .send({ name: 'Ghost', currency_code: 'eur', payment_providers: ['pp_system_default', 'pp_ghost'] })
        .expect(400);
      expect(res.body).toEqual({ type: 'invalid_data', message: 'Payment providers with ids pp_ghost not found' });
      expect(await sql('select id from region')).toEqual(regionsBefore);
      await t.api.post('/admin/regions').set(...admin()).send({ name: 'Bad', currency_code: 'eur', payment_providers: 'pp_system_default' }).expect(400);
    });

    it('update replaces the set; an unknown provider leaves the region as it was', async () => {
      const region = (
        await t.api.post('/admin/regions').set(...admin()).send({ name: 'Swap', currency_code: 'eur', payment_providers: ['pp_system_default'] }).expect(200)
      ).body.region;
      const swapped = await t.api
        .post(`/admin/regions/${region.id}?fields=*payment_providers`)
        .set(...admin())
        .send({ payment_providers: ['pp_recording_test'] })
        .expect(200);
      expect(swapped.body.region.payment_providers).toEqual([{ id: 'pp_recording_test', is_enabled: true }]);

      const refused = await t.api.post(`/admin/regions/${region.id}`).set(...admin()).send({ name: 'Renamed', payment_providers: ['pp_ghost'] }).expect(400);
      expect(refused.body.type).toBe('invalid_data');
      const after = await t.api.get(`/admin/regions/${region.id}?fields=name,*payment_providers`).set(...admin()).expect(200);
      expect(after.body.region).toMatchObject({ name: 'Swap', payment_providers: [{ id: 'pp_recording_test', is_enabled: true }] });

      await t.api.post(`/admin/regions/${region.id}`).set(...admin()).send({ name: 'Kept' }).expect(200);
      expect((await payments.providersForRegion(ctx(), region.id)).map((p) => p.id)).toEqual(['pp_recording_test']);
      await t.api.post('/admin/regions/reg_missing').set(...admin()).send({ payment_providers: ['pp_system_default'] }).expect(404);

      await t.api.delete(`/admin/regions/${region.id}`).set(...admin()).expect(200);
      expect(await sql('select * from region_payment_provider where region_id = ?', [region.id])).toHaveLength(0);
    });
  });

  describe('GET /store/payment-providers', () => {
    it("lists the region's enabled providers in Medusa's envelope", async () => {
      const region = (
        await t.api
          .post('/admin/regions')
          .set(...admin())
          .send({ name: 'Store', currency_code: 'eur', payment_providers: ['pp_system_default', 'pp_refuse_test'] })
          .expect(200)
      ).body.region;
      const res = await t.api.get(`/store/payment-providers?region_id=${region.id}`).set(...store()).expect(200);
      expect(res.body).toEqual({
        payment_providers: [
          { id: 'pp_refuse_test', is_enabled: true },
          { id: 'pp_system_default', is_enabled: true },
        ],
        count: 2,
        offset: 0,
        limit: 20,
      });
      const page = await t.api.get(`/store/payment-providers?region_id=${region.id}&limit=1&offset=1`).set(...store()).expect(200);
      expect(page.body).toEqual({ payment_providers: [{ id: 'pp_system_default', is_enabled: true }], count: 2, offset: 1, limit: 1 });

      // a disabled provider is not offered
      await sql("update payment_provider set is_enabled = false where id = 'pp_refuse_test'");
      const enabled = await t.api.get(`/store/payment-providers?region_id=${region.id}`).set(...store()).expect(200);
      expect(enabled.body.payment_providers.map((p: { id: string }) => p.id)).toEqual(['pp_system_default']);
      await sql("update payment_provider set is_enabled = true where id = 'pp_refuse_test'");
    });

    it('needs region_id and a publishable key; an unknown region has none', async () => {
      const missing = await t.api.get('/store/payment-providers').set(...store()).expect(400);
      expect(missing.body).toEqual({ type: 'invalid_data', message: "Invalid request: Field 'region_id' is required" });
      const unknown = await t.api.get('/store/payment-providers?region_id=reg_missing').set(...store()).expect(200);
      expect(unknown.body).toEqual({ payment_providers: [], count: 0, offset: 0, limit: 20 });
      await t.api.get('/store/payment-providers?region_id=reg_missing').expect(400);
    });
  });

  describe('GET /admin/payments/payment-providers', () => {
    it('lists every provider, filterable', async () => {
      const res = await t.api.get('/admin/payments/payment-providers').set(...admin()).expect(200);
      expect(res.body).toEqual({
        payment_providers: [
          { id: 'pp_recording_test', is_enabled: true },
          { id: 'pp_refuse_test', is_enabled: true },
          { id: 'pp_system_default', is_enabled: true },
        ],
        count: 3,
        offset: 0,
        limit: 20,
      });
      const one = await t.api.get('/admin/payments/payment-providers?id=pp_system_default').set(...admin()).expect(200);
      expect(one.body.payment_providers).toEqual([{ id: 'pp_system_default', is_enabled: true }]);
      await t.raw().get('/admin/payments/payment-providers').expect(401);
    });
  });

  describe('POST /hooks/payment/:provider', () => {
    async function openSession(amount: string): Promise<{ collectionId: string; sessionId: string }> {
      const collection = await payments.createCollection(ctx(), { currency_code: 'eur', amount });
      const withSession = await payments.createSession(ctx(), collection.id, { provider_id: 'pp_recording_test' });
      return { collectionId: collection.id, sessionId: withSession.payment_sessions[0].id };
    }

    function sendWebhook(body: Record<string, unknown>, signature?: string) {
      const raw = JSON.stringify(body);
      return t.api
        .post('/hooks/payment/pp_recording_test')
        .set('content-type', 'application/json')
        .set('x-recording-signature', signature ?? signRecordingWebhook(raw))
        .send(raw);
    }

    const webhookEvents = (sessionId: string) =>
      sql<{ data: Record<string, unknown> }>("select data from event_outbox where name = 'payment.webhook_received' and data->>'session_id' = ? order by id", [sessionId]);

    it('authorized then captured: the session becomes a payment, then the payment is captured', async () => {
      const { collectionId, sessionId } = await openSession('18');
      const authorized = await sendWebhook({ type: 'payment.authorized', session_id: sessionId }).expect(200);
      expect(authorized.text).toBe('OK');
      let collection = await payments.retrieveCollection(ctx(), collectionId);
      expect(collection).toMatchObject({ status: 'authorized', payments: [{ payment_session_id: sessionId, captured_at: null }] });

      await sendWebhook({ type: 'payment.captured', session_id: sessionId, amount: 18 }).expect(200);
      collection = await payments.retrieveCollection(ctx(), collectionId);
      expect(collection).toMatchObject({ status: 'completed', captured_amount: 18 });
      // the provider captured on its side: it is not asked to capture again
      expect(recording.callsOf('capture')).toHaveLength(0);
      // a redelivered webhook changes nothing
      await sendWebhook({ type: 'payment.captured', session_id: sessionId, amount: 18 }).expect(200);
      expect((await payments.retrieveCollection(ctx(), collectionId)).payments[0].captures).toHaveLength(1);

      const events = await webhookEvents(sessionId);
      expect(events.map((e) => [e.data.action, e.data.applied])).toEqual([
        ['authorized', true],
        ['captured', true],
        ['captured', false],
      ]);
      expect(events[0].data.provider).toBe('pp_recording_test');
    });

    it('a capture webhook for a session never authorized authorizes and captures it', async () => {
      const { collectionId, sessionId } = await openSession('7.5');
      await sendWebhook({ type: 'payment.captured', session_id: sessionId }).expect(200);
      expect(await payments.retrieveCollection(ctx(), collectionId)).toMatchObject({ status: 'completed', captured_amount: 7.5 });
    });

    it('failed marks the session; not_supported and unknown sessions change nothing', async () => {
      const { collectionId, sessionId } = await openSession('3');
      await sendWebhook({ type: 'payment.failed', session_id: sessionId }).expect(200);
      const collection = await payments.retrieveCollection(ctx(), collectionId);
      expect(collection.payment_sessions[0].status).toBe('error');
      expect(collection.status).toBe('failed');

      await sendWebhook({ type: 'customer.updated', session_id: sessionId }).expect(200);
      await sendWebhook({ type: 'payment.authorized', session_id: 'payses_someone_else' }).expect(200);
      const unknown = await webhookEvents('payses_someone_else');
      expect(unknown.map((e) => e.data.applied)).toEqual([false]);
      expect((await payments.retrieveCollection(ctx(), collectionId)).payments).toHaveLength(0);
    });

    it('a bad signature is refused (400) and changes nothing; an unknown provider is 404; pp_system_default ignores webhooks', async () => {
      const { collectionId, sessionId } = await openSession('4');
      const forged = await sendWebhook({ type: 'payment.authorized', session_id: sessionId }, 'forged').expect(400);
      expect(forged.body).toEqual({ type: 'invalid_data', message: 'Payment provider pp_recording_test rejected the webhook: invalid signature' });
      expect(await payments.retrieveCollection(ctx(), collectionId)).toMatchObject({ status: 'awaiting', payments: [] });
      expect(await webhookEvents(sessionId)).toHaveLength(0);

      const unknown = await t.api.post('/hooks/payment/pp_nope').send({}).expect(404);
      expect(unknown.body).toEqual({ type: 'not_found', message: 'Could not find a payment provider with id: pp_nope' });
      await t.api.post('/hooks/payment/pp_system_default').set('content-type', 'text/plain').send('hello').expect(200);
    });
  });
});
