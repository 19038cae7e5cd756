import { Module } from '@nestjs/common';
import { BullModule, getQueueToken } from '@nestjs/bull';
import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Queue } from 'bull';
import { systemContext } from '../../../src/framework/context/context';
import { ulid } from '../../../src/framework/database/ids';
import { PruneJobRecordsJob } from '../../../src/framework/jobs/prune-job-records.job';
import { PruneOutboxJob } from '../../../src/framework/jobs/prune-outbox.job';
import { ExpirePaymentSessionsJob } from '../../../src/jobs/expire-payment-sessions.job';
import { PaymentService } from '../../../src/modules/payment/payment.service';
import { CheckoutFixture, seedCheckout } from '../../fixtures/checkout.fixture';
import { RecordingTestProvider, testPaymentProviders } from '../../fixtures/payment-providers.fixture';
import { bearer, createIdentityApp, IdentityApp } from '../../utils/identity';

type Body = any; // eslint-disable-line @typescript-eslint/no-explicit-any

const HOUR = 3600_000;
const PRUNABLE_QUEUE = 'test-prunable';

/** A queue of another module (as a plugin would add one): the job-record prune must find it too. */
@Module({ imports: process.env.REDIS_URL ? [BullModule.registerQueue({ name: PRUNABLE_QUEUE })] : [] })
class PrunableQueueModule {}

/** The built-in jobs, run directly (their schedules are hourly / every 15 minutes). */
describe('built-in scheduled jobs', () => {
  let t: IdentityApp;
  let f: CheckoutFixture;
  let recording: RecordingTestProvider;

  beforeAll(async () => {
    t = await createIdentityApp({
      // the relay must not touch the outbox rows this suite plants
      env: { OUTBOX_POLL_INTERVAL_MS: '3600000', OUTBOX_RETENTION_HOURS: '168', PAYMENT_SESSION_TTL_HOURS: '24', JOB_RETENTION_HOURS: '24' },
      imports: [testPaymentProviders(), PrunableQueueModule],
    });
    f = await seedCheckout(t);
    recording = t.app.get(RecordingTestProvider);
    await t.api
      .post(`/admin/regions/${f.regionId}`)
      .set(...bearer(t.adminToken))
      .send({ payment_providers: ['pp_system_default', 'pp_recording_test'] })
      .expect(200);
  });
  afterAll(() => t?.close());

  const sql = <T = Body>(statement: string, params: unknown[] = []) =>
    (t.app.get(MikroORM).em.fork() as EntityManager).getConnection().execute<T[]>(statement, params);

  describe('prune-outbox', () => {
    const ago = (hours: number) => new Date(Date.now() - hours * HOUR);
    const plant = async (name: string, createdHoursAgo: number, dispatchedHoursAgo: number | null, count = 1): Promise<string[]> => {
      const ids = Array.from({ length: count }, () => `evt_${ulid(ago(createdHoursAgo).getTime())}`);
      await sql(
        `insert into event_outbox (id, name, data, created_at, available_at, dispatched_at)
         select id, ?, '{}'::jsonb, ?, ?, ? from unnest(?::text[]) as id`,
        [name, ago(createdHoursAgo), ago(createdHoursAgo), dispatchedHoursAgo === null ? null : ago(dispatchedHoursAgo), `{${ids.join(',')}}`],
      );
      return ids;
    };
    const remaining = async (ids: string[]) =>
      (await sql<{ id: string }>('select id from event_outbox where id = any(?::text[])', [`{${ids.join(',')}}`])).length;

    it('deletes dispatched rows older than the retention, in batches, and keeps everything else', async () => {
      const old = await plant('test.old_dispatched', 200, 199, 2300); // more than two batches
      const undelivered = await plant('test.old_undelivered', 200, null);
      const lateDispatch = await plant('test.old_but_dispatched_lately', 200, 1);
      const recent = await plant('test.recent_dispatched', 2, 1);
      const justInside = await plant('test.inside_retention', 160, 159);
      // subscribers' exactly-once records go with the same retention
      await sql(
        `insert into event_inbox (event_id, subscriber_id, processed_at) values ('evt_inbox_old', 's', now() - interval '200 hours'), ('evt_inbox_new', 's', now() - interval '2 hours')`,
      );

      await t.app.get(PruneOutboxJob).run();

      expect(await remaining(old)).toBe(0);
      expect(await remaining(undelivered)).toBe(1);
      expect(await remaining(lateDispatch)).toBe(1);
      expect(await remaining(recent)).toBe(1);
      expect(await remaining(justInside)).toBe(1);
      expect(await sql('select event_id from event_inbox')).toEqual([{ event_id: 'evt_inbox_new' }]);
    });
  });

  describe('expire-payment-sessions', () => {
    const store = (method: 'get' | 'post', url: string) => t.api[method](url).set('x-publishable-api-key', t.publishableKey);

    /** A cart with a mug (no shipping needed) and a pp_recording_test session, authorized unless told. */
    async function cartWithSession(authorize: boolean): Promise<{ cartId: string; collectionId: string; sessionId: string }> {
      const cart = (await store('post', '/store/carts').send({ region_id: f.regionId, email: 'abandon@example.com', items: [{ variant_id: f.variants.mug, quantity: 1 }] }).expect(200))
        .body.cart;
      await sql('update cart_line_item set requires_shipping = false where cart_id = ?', [cart.id]);
      const collection = (await store('post', '/store/payment-collections').send({ cart_id: cart.id }).expect(200)).body.payment_collection;
      const withSession = (await store('post', `/store/payment-collections/${collection.id}/payment-sessions`).send({ provider_id: 'pp_recording_test' }).expect(200))
        .body.payment_collection;
      const sessionId = withSession.payment_sessions[0].id as string;
      if (authorize) {
        await sql(`update payment_session set status = 'pending' where id = ?`, [sessionId]);
        // authorize as the checkout does, through the payment module
        await t.app.get(PaymentService).authorizeSession(systemContext(t.app.get(MikroORM).em as EntityManager), sessionId);
      }
      return { cartId: cart.id, collectionId: collection.id, sessionId };
    }
    const age = (sessionId: string, hours: number) => sql(`update payment_session set updated_at = now() - make_interval(hours => ?) where id = ?`, [hours, sessionId]);
    const sessionRow = async (id: string) => (await sql('select status, deleted_at from payment_session where id = ?', [id]))[0];
    const paymentRow = async (sessionId: string) => (await sql('select id, canceled_at, deleted_at, data from payment where payment_session_id = ?', [sessionId]))[0];
    const collectionStatus = async (id: string) => (await sql('select status from payment_collection where id = ?', [id]))[0].status;

    beforeEach(() => recording.reset());

    it('cancels a stale authorization with its provider (the hold is released) and leaves fresh and completed ones alone', async () => {
      const stale = await cartWithSession(true);
      await age(stale.sessionId, 30);
      const fresh = await cartWithSession(true);
      await age(fresh.sessionId, 2);
      const stalePending = await cartWithSession(false);
      await age(stalePending.sessionId, 30);

      // a cart the shopper completed: its authorized payment belongs to the order now
      const completed = await cartWithSession(false);
      const done = await store('post', `/store/carts/${completed.cartId}/complete`).expect(200);
      expect(done.body.type).toBe('order');
      expect((await sessionRow(completed.sessionId)).status).toBe('authorized');
      await age(completed.sessionId, 30);

      recording.reset();
      await t.app.get(ExpirePaymentSessionsJob).run();

      // the stale authorization: canceled at the provider with the payment's own data, then in the store
      const stalePayment = await paymentRow(stale.sessionId);
      expect(recording.callsOf('cancel')).toEqual([expect.objectContaining({ data: expect.objectContaining({ authorized: true }) })]);
      expect(stalePayment.canceled_at).not.toBeNull();
      expect(stalePayment.deleted_at).not.toBeNull();
      expect(await sessionRow(stale.sessionId)).toMatchObject({ status: 'canceled', deleted_at: expect.anything() });
      // back to a collection with nothing on it, so the shopper can pay again
      expect(await collectionStatus(stale.collectionId)).toBe('not_paid');

      // the stale pending session: canceled, and the provider told to drop it
      expect(await sessionRow(stalePending.sessionId)).toMatchObject({ status: 'canceled', deleted_at: expect.anything() });
      expect(recording.callsOf('delete')).toHaveLength(1);
      expect(recording.callsOf('cancel')).toHaveLength(1);

      // fresh and completed: untouched
      expect((await sessionRow(fresh.sessionId)).status).toBe('authorized');
      expect((await paymentRow(fresh.sessionId)).canceled_at).toBeNull();
      expect((await sessionRow(completed.sessionId)).status).toBe('authorized');
      expect((await paymentRow(completed.sessionId)).canceled_at).toBeNull();

      // a second run finds nothing left to do
      recording.reset();
      await t.app.get(ExpirePaymentSessionsJob).run();
      expect(recording.calls).toEqual([]);

      // the shopper can start over on the expired cart
      const again = (await store('post', `/store/payment-collections/${stale.collectionId}/payment-sessions`).send({ provider_id: 'pp_recording_test' }).expect(200))
        .body.payment_collection;
      expect(again.payment_sessions.map((s: Body) => s.status)).toEqual(['pending']);
      expect(await collectionStatus(stale.collectionId)).toBe('awaiting');
    });

    it('a provider refusing the cancel leaves that session authorized for the next run, and the others are still expired', async () => {
      const first = await cartWithSession(true);
      const second = await cartWithSession(true);
      await age(first.sessionId, 48);
      await age(second.sessionId, 47);
      recording.reset();
      recording.failNext('cancel');

      await t.app.get(ExpirePaymentSessionsJob).run();
      expect((await sessionRow(first.sessionId)).status).toBe('authorized');
      expect((await paymentRow(first.sessionId)).canceled_at).toBeNull();
      expect((await sessionRow(second.sessionId)).status).toBe('canceled');

      await t.app.get(ExpirePaymentSessionsJob).run();
      expect((await sessionRow(first.sessionId)).status).toBe('canceled');
      expect((await paymentRow(first.sessionId)).canceled_at).not.toBeNull();
    });
  });

  // Bull queues exist only with Redis; without it the job has nothing to prune
  if (process.env.REDIS_URL) {
    describe('prune-job-records (Redis)', () => {
      it('deletes finished jobs older than the retention from every queue of the app, keeping newer ones', async () => {
        const queue = t.app.get<Queue>(getQueueToken(PRUNABLE_QUEUE));
        const outcomes = new Map<string, 'ok' | 'fail'>([
          ['old-done', 'ok'],
          ['new-done', 'ok'],
          ['old-failed', 'fail'],
          ['new-failed', 'fail'],
        ]);
        const finished = new Promise<void>((resolve) => {
          let n = 0;
          const count = () => ++n === outcomes.size && resolve();
          queue.on('completed', count);
          queue.on('failed', count);
        });
        void queue.process(async (job) => {
          if (outcomes.get(job.id as string) === 'fail') throw new Error('planned failure');
        });
        for (const id of outcomes.keys()) await queue.add({}, { jobId: id, removeOnComplete: false, removeOnFail: false });
        await finished;
        // age two of them past the retention (24 h): Bull keeps the finish time in the job and as its score in the set
        const finishedOn = Date.now() - 30 * HOUR;
        for (const [id, set] of [['old-done', 'completed'], ['old-failed', 'failed']]) {
          await queue.client.hset(queue.toKey(id), 'finishedOn', String(finishedOn));
          await queue.client.zadd(queue.toKey(set), finishedOn, id);
        }

        await t.app.get(PruneJobRecordsJob).run();

        expect((await queue.getCompleted()).map((j) => j.id)).toEqual(['new-done']);
        expect((await queue.getFailed()).map((j) => j.id)).toEqual(['new-failed']);
      });
    });
  }
});
