import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Context, systemContext } from '../../../src/framework/context/context';
import { NotificationService, PENDING_LEASE_MS } from '../../../src/modules/notification/notification.service';
import { BrokenNotificationProvider, RecordingNotificationProvider, TestNotificationProvidersModule } from '../../fixtures/notification-providers.fixture';
import { bearer, createIdentityApp, IdentityApp } from '../../utils/identity';

type Body = any; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * NotificationService.send and the providers: a module providing a @NotificationProvider serves its
 * channels (ahead of `local`), `local` serves the rest of email and feed, a failing provider leaves
 * a `failure` row, and an idempotency key makes every repeated send answer the first one's row.
 */
describe('notification providers and send', () => {
  let t: IdentityApp;
  let notifications: NotificationService;
  let recorder: RecordingNotificationProvider;
  let broken: BrokenNotificationProvider;

  beforeAll(async () => {
    t = await createIdentityApp({ imports: [TestNotificationProvidersModule] });
    notifications = t.app.get(NotificationService);
    recorder = t.app.get(RecordingNotificationProvider);
    broken = t.app.get(BrokenNotificationProvider);
  });
  afterAll(() => t?.close());

  const ctx = (): Context => systemContext(t.app.get(MikroORM).em as EntityManager);
  const sql = (statement: string, params: unknown[] = []): Promise<Body[]> =>
    (t.app.get(MikroORM).em.fork() as EntityManager).getConnection().execute(statement, params);
  const rowsWithKey = (key: string) => sql('select id, status, error, provider_id, external_id from notification where idempotency_key = ?', [key]);

  it("a test module's provider receives the sends of its channel, and records the provider's id", async () => {
    const sent = await notifications.send(ctx(), { to: '+4512345678', channel: 'sms', template: 'otp', data: { code: '1234' }, receiver_id: 'cus_1' });
    expect(sent).toMatchObject({ id: expect.stringMatching(/^noti_/), status: 'success', provider_id: 'test-recorder', external_id: expect.stringMatching(/^rec_/), error: null });
    expect(recorder.sent.at(-1)).toMatchObject({ id: sent.id, to: '+4512345678', channel: 'sms', template: 'otp', data: { code: '1234' }, receiver_id: 'cus_1', status: 'pending' });
    const [row] = await sql('select status, provider_id, external_id, data from notification where id = ?', [sent.id]);
    expect(row).toEqual({ status: 'success', provider_id: 'test-recorder', external_id: sent.external_id, data: { code: '1234' } });
    expect(await sql(`select data from event_outbox where name = 'notification.notification.created' and data->>'id' = ?`, [sent.id])).toEqual([{ data: { id: sent.id } }]);
  });

  it('a provider registered by a module wins email over the built-in local; local serves feed', async () => {
    const email = await notifications.send(undefined, { to: 'a@example.com', channel: 'email', template: 'hello' });
    expect(email.provider_id).toBe('test-recorder');
    const before = recorder.sent.length;
    const feed = await notifications.send(undefined, { to: 'user_1', channel: 'feed', template: 'admin-ui', data: { title: 'Export ready' } });
    expect(feed).toMatchObject({ status: 'success', provider_id: 'local', external_id: null });
    expect(recorder.sent.length).toBe(before);
  });

  it('refuses a channel no provider serves, and bad input, storing nothing', async () => {
    const count = async () => (await sql('select count(*)::int as n from notification'))[0].n;
    const before = await count();
    await expect(notifications.send(undefined, { to: 'a@example.com', channel: 'pigeon' })).rejects.toMatchObject({
      type: 'invalid_data',
      message: "No notification provider serves the channel 'pigeon'",
    });
    await expect(notifications.send(undefined, { to: ' ', channel: 'email' })).rejects.toMatchObject({ type: 'invalid_data' });
    await expect(notifications.send(undefined, { to: 'a@example.com', channel: '' })).rejects.toMatchObject({ type: 'invalid_data' });
    expect(await count()).toBe(before);
  });

  it('a provider that throws leaves the row as failure with its error; the admin API shows it', async () => {
    broken.failing = true;
    const calls = broken.calls;
    const sent = await notifications.send(ctx(), { to: 'down@example.com', channel: 'broken', template: 'x', idempotency_key: 'broken-1' });
    expect(sent).toMatchObject({ status: 'failure', error: '550 mailbox unavailable', provider_id: 'test-broken' });
    expect(broken.calls).toBe(calls + 1);
    expect(await rowsWithKey('broken-1')).toEqual([{ id: sent.id, status: 'failure', error: '550 mailbox unavailable', provider_id: 'test-broken', external_id: null }]);
    const res = await t.api.get(`/admin/notifications/${sent.id}?fields=status,error`).set(...bearer(t.adminToken)).expect(200);
    expect(res.body.notification).toEqual({ id: sent.id, status: 'failure', error: '550 mailbox unavailable' });
    const failed = await t.api.get('/admin/notifications?status=failure').set(...bearer(t.adminToken)).expect(200);
    expect(failed.body.notifications.map((n: Body) => n.id)).toEqual([sent.id]);
  });

  it('a failed notification is sent again by the next send with its key, on the same row, until it succeeds; then never again', async () => {
    broken.failing = true;
    const first = await notifications.send(undefined, { to: 'retry@example.com', channel: 'broken', idempotency_key: 'broken-retry' });
    const calls = broken.calls;
    const again = await notifications.send(undefined, { to: 'retry@example.com', channel: 'broken', idempotency_key: 'broken-retry' });
    expect(again).toMatchObject({ id: first.id, status: 'failure' });
    expect(broken.calls).toBe(calls + 1);
    broken.failing = false;
    const recovered = await notifications.send(undefined, { to: 'retry@example.com', channel: 'broken', idempotency_key: 'broken-retry' });
    expect(recovered).toMatchObject({ id: first.id, status: 'success', external_id: 'recovered', error: null });
    expect(broken.calls).toBe(calls + 2);
    const done = await notifications.send(undefined, { to: 'retry@example.com', channel: 'broken', idempotency_key: 'broken-retry' });
    expect(done).toMatchObject({ id: first.id, status: 'success' });
    expect(broken.calls).toBe(calls + 2);
    expect(await rowsWithKey('broken-retry')).toHaveLength(1);
    broken.failing = true;
  });

  it('a second send with the same key answers the first row and calls no provider, also when both run at once', async () => {
    const input = { to: 'once@example.com', channel: 'sms', template: 'once', idempotency_key: 'once-1' };
    const first = await notifications.send(undefined, input);
    const second = await notifications.send(ctx(), { ...input, template: 'changed' });
    expect(second).toEqual(first);
    expect(recorder.sentWithKey('once-1')).toHaveLength(1);

    const [a, b] = await Promise.all([notifications.send(undefined, { ...input, idempotency_key: 'once-2' }), notifications.send(undefined, { ...input, idempotency_key: 'once-2' })]);
    expect(a.id).toBe(b.id);
    expect(recorder.sentWithKey('once-2')).toHaveLength(1);
    expect(await rowsWithKey('once-2')).toHaveLength(1);
  });

  describe('a row left pending by a send that never finished (a worker killed before recording the answer)', () => {
    /** What a crash between the insert and recording the provider's answer leaves: the row `pending`, its lease started `ageSeconds` ago. */
    const leftPending = (key: string, ageSeconds: number) =>
      sql(`update notification set status = 'pending', external_id = null, updated_at = now() - make_interval(secs => ?) where idempotency_key = ?`, [ageSeconds, key]);

    it('is taken over and sent, on the same row, once its lease has run out', async () => {
      const first = await notifications.send(undefined, { to: 'crash@example.com', channel: 'sms', template: 'otp', idempotency_key: 'crashed-1' });
      await leftPending('crashed-1', PENDING_LEASE_MS / 1000 + 5);
      const again = await notifications.send(undefined, { to: 'crash@example.com', channel: 'sms', template: 'otp', idempotency_key: 'crashed-1' });
      expect(again).toMatchObject({ id: first.id, status: 'success', external_id: expect.stringMatching(/^rec_/), error: null });
      const sent = recorder.sentWithKey('crashed-1');
      expect(sent).toHaveLength(2);
      // the provider gets the same notification id both times: its key to tell a repeat from a new message
      expect(sent.map((n) => n.id)).toEqual([first.id, first.id]);
      expect(await rowsWithKey('crashed-1')).toEqual([{ id: first.id, status: 'success', error: null, provider_id: 'test-recorder', external_id: again.external_id }]);
    });

    it('is answered as it is, pending, while its lease runs: the send holding it may still deliver it', async () => {
      const first = await notifications.send(undefined, { to: 'busy@example.com', channel: 'sms', idempotency_key: 'in-flight-1' });
      await leftPending('in-flight-1', 5);
      const again = await notifications.send(undefined, { to: 'busy@example.com', channel: 'sms', idempotency_key: 'in-flight-1' });
      expect(again).toMatchObject({ id: first.id, status: 'pending' });
      expect(recorder.sentWithKey('in-flight-1')).toHaveLength(1);
    });

    it('is taken over by exactly one of several sends racing for it', async () => {
      const first = await notifications.send(undefined, { to: 'race@example.com', channel: 'sms', idempotency_key: 'crashed-race' });
      await leftPending('crashed-race', PENDING_LEASE_MS / 1000 + 5);
      const input = { to: 'race@example.com', channel: 'sms', idempotency_key: 'crashed-race' };
      const results = await Promise.all([notifications.send(undefined, input), notifications.send(undefined, input), notifications.send(undefined, input)]);
      expect(results.map((r) => r.id)).toEqual([first.id, first.id, first.id]);
      expect(recorder.sentWithKey('crashed-race')).toHaveLength(2);
      expect((await rowsWithKey('crashed-race'))[0].status).toBe('success');
    });
  });

  it('sends without a key are independent', async () => {
    const input = { to: 'twice@example.com', channel: 'sms' };
    const [a, b] = [await notifications.send(undefined, input), await notifications.send(undefined, input)];
    expect(a.id).not.toBe(b.id);
    expect(await sql(`select count(*)::int as n from notification where "to" = 'twice@example.com'`)).toEqual([{ n: 2 }]);
  });
});
