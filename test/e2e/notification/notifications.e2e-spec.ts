import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { getQueueToken } from '@nestjs/bull';
import type { Queue } from 'bull';
import { systemContext } from '../../../src/framework/context/context';
import { DomainEvent, EVENTS_QUEUE } from '../../../src/framework/events/domain-event';
import { SubscriberRegistry } from '../../../src/framework/events/subscriber-registry';
import { NotificationService, PENDING_LEASE_MS } from '../../../src/modules/notification/notification.service';
import { CheckoutFixture, DK_ADDRESS, seedCheckout } from '../../fixtures/checkout.fixture';
import { RecordingNotificationProvider, TestNotificationProvidersModule } from '../../fixtures/notification-providers.fixture';
import { waitFor } from '../../fixtures/recording-subscribers.fixture';
import { bearer, createIdentityApp, IdentityApp } from '../../utils/identity';

type Body = any; // eslint-disable-line @typescript-eslint/no-explicit-any

const mode = process.env.REDIS_URL ? 'Bull on Redis' : 'in-process';
const ADMIN_URL = 'https://admin.example.com/app';
const STOREFRONT_URL = 'https://shop.example.com';

/**
 * The built-in notification subscribers, end to end: a checkout, a password reset, an invite, a
 * fulfillment and its shipment each leave one notification row (sent by the provider serving
 * email), a redelivered event sends nothing twice, and the admin routes list and read the rows.
 */
describe(`notifications from events (${mode})`, () => {
  let t: IdentityApp;
  let f: CheckoutFixture;
  let recorder: RecordingNotificationProvider;

  beforeAll(async () => {
    // trailing slashes in the configured URLs must not double up in the links
    t = await createIdentityApp({ imports: [TestNotificationProvidersModule], env: { ADMIN_URL: `${ADMIN_URL}/`, STOREFRONT_URL } });
    f = await seedCheckout(t);
    recorder = t.app.get(RecordingNotificationProvider);
  });
  afterAll(() => t?.close());

  const admin = () => bearer(t.adminToken);
  const sql = (statement: string, params: unknown[] = []): Promise<Body[]> =>
    (t.app.get(MikroORM).em.fork() as EntityManager).getConnection().execute(statement, params);
  const store = (method: 'post' | 'get', url: string) => t.api[method](url).set('x-publishable-api-key', t.publishableKey);
  const notificationsWhere = (where: string, params: unknown[]) => sql(`select * from notification where ${where} order by created_at, id`, params);
  /** The one notification matching, once its send has finished (a row is `pending` while its provider is called). */
  async function eventuallyOne(where: string, params: unknown[], what: string): Promise<Body> {
    await waitFor(async () => {
      const rows = await notificationsWhere(where, params);
      return rows.length > 0 && rows.every((r: Body) => r.status !== 'pending');
    }, 15000, what);
    const rows = await notificationsWhere(where, params);
    expect(rows).toHaveLength(1);
    return rows[0];
  }
  const eventOf = async (name: string, key: string, value: string): Promise<Body> =>
    (await sql(`select id, name, data, metadata from event_outbox where name = ? and data->>'${key}' = ?`, [name, value]))[0];

  /** Whether a subscriber has finished with an event: its Bull job completed, or (in-process) the event is marked dispatched. */
  async function handled(eventId: string, subscriberId: string): Promise<boolean> {
    if (process.env.REDIS_URL) {
      const queue = t.app.get<Queue>(getQueueToken(EVENTS_QUEUE), { strict: false });
      const job = await queue.getJob(`${eventId}:${subscriberId}`);
      return Boolean(job?.finishedOn);
    }
    return (await sql('select dispatched_at from event_outbox where id = ?', [eventId]))[0]?.dispatched_at != null;
  }

  /** A guest checkout through the store API: a tee and two mugs, Standard shipping to Denmark. */
  async function placeOrder(email: string): Promise<Body> {
    const cart = (
      await store('post', '/store/carts')
        .send({ region_id: f.regionId, email, shipping_address: DK_ADDRESS, billing_address: DK_ADDRESS, items: [{ variant_id: f.variants.tee, quantity: 1 }, { variant_id: f.variants.mug, quantity: 2 }] })
        .expect(200)
    ).body.cart;
    await store('post', `/store/carts/${cart.id}/shipping-methods`).send({ option_id: f.options.standard }).expect(200);
    const collection = (await store('post', '/store/payment-collections').send({ cart_id: cart.id }).expect(200)).body.payment_collection;
    await store('post', `/store/payment-collections/${collection.id}/payment-sessions`).send({ provider_id: 'pp_system_default' }).expect(200);
    return (await store('post', `/store/carts/${cart.id}/complete`).expect(200)).body.order;
  }

  describe('order.placed', () => {
    let order: Body;
    let row: Body;

    beforeAll(async () => {
      order = await placeOrder('Buyer@Example.com');
      row = await eventuallyOne(`resource_id = ? and template = 'order-placed'`, [order.id], 'the order confirmation');
    });

    it("sends the confirmation to the order's email with the order's facts, through the provider serving email", async () => {
      const event = await eventOf('order.placed', 'id', order.id);
      expect(row).toMatchObject({
        id: expect.stringMatching(/^noti_/),
        to: order.email,
        channel: 'email',
        template: 'order-placed',
        trigger_type: 'order.placed',
        resource_id: order.id,
        resource_type: 'order',
        idempotency_key: `${event.id}:notification.order-placed`,
        provider_id: 'test-recorder',
        status: 'success',
        error: null,
      });
      expect(row.data).toMatchObject({ order_id: order.id, display_id: order.display_id, total: order.total, currency_code: 'eur', email: order.email });
      expect(row.data.items.map((i: Body) => [i.title, i.quantity]).sort()).toEqual([
        ['Checkout Mug', 2],
        ['Checkout Tee', 1],
      ]);
      const sent = recorder.sentWithKey(row.idempotency_key);
      expect(sent).toHaveLength(1);
      expect(sent[0]).toMatchObject({ id: row.id, status: 'pending', to: order.email, template: 'order-placed' });
      expect(row.external_id).toMatch(/^rec_\d+$/);
      // Medusa's internal event for the new row is recorded too
      expect(await eventOf('notification.notification.created', 'id', row.id)).toBeDefined();
    });

    it('a redelivered order.placed sends nothing twice', async () => {
      const event = await eventOf('order.placed', 'id', order.id);
      const domainEvent: DomainEvent = { id: event.id, name: event.name, data: event.data, metadata: event.metadata };
      const subscriber = t.app.get(SubscriberRegistry).get('notification.order-placed')!;
      await subscriber.handler.handle(domainEvent);
      await subscriber.handler.handle(domainEvent);
      // and through the relay again, as after a crash between delivery and marking
      await sql('update event_outbox set dispatched_at = null, locked_until = null, available_at = now() where id = ?', [event.id]);
      await waitFor(async () => (await sql('select dispatched_at from event_outbox where id = ?', [event.id]))[0].dispatched_at !== null, 10000, 're-dispatch');
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await notificationsWhere('idempotency_key = ?', [row.idempotency_key])).toHaveLength(1);
      expect(recorder.sentWithKey(row.idempotency_key)).toHaveLength(1);
    });

    it("GET /admin/notifications/:id answers Medusa's default fields, and the others on request", async () => {
      const res = await t.api.get(`/admin/notifications/${row.id}`).set(...admin()).expect(200);
      expect(Object.keys(res.body)).toEqual(['notification']);
      expect(Object.keys(res.body.notification).sort()).toEqual(
        ['id', 'to', 'channel', 'template', 'data', 'trigger_type', 'resource_id', 'resource_type', 'receiver_id', 'created_at'].sort(),
      );
      expect(res.body.notification).toMatchObject({ id: row.id, to: order.email, channel: 'email', template: 'order-placed', data: { order_id: order.id } });
      const picked = await t.api.get(`/admin/notifications/${row.id}?fields=status,provider_id,external_id`).set(...admin()).expect(200);
      expect(picked.body.notification).toEqual({ id: row.id, status: 'success', provider_id: 'test-recorder', external_id: row.external_id });
    });

    it('GET /admin/notifications lists it in the envelope', async () => {
      const res = await t.api.get('/admin/notifications?resource_type=order&limit=5').set(...admin()).expect(200);
      expect(Object.keys(res.body).sort()).toEqual(['count', 'limit', 'notifications', 'offset']);
      expect(res.body).toMatchObject({ offset: 0, limit: 5, count: 1 });
      expect(res.body.notifications.map((n: Body) => n.id)).toEqual([row.id]);
    });
  });

  describe('auth.password_reset', () => {
    it('sends the reset message with its token to the identity, linking to the storefront for customers', async () => {
      await t.api.post('/auth/customer/emailpass/register').send({ email: 'reset-me@example.com', password: 'pw-reset-1' }).expect(200);
      await t.api.post('/auth/customer/emailpass/reset-password').send({ identifier: 'reset-me@example.com' }).expect(201);
      const event = await eventOf('auth.password_reset', 'entity_id', 'reset-me@example.com');
      const token = event.data.token as string;
      expect(token).toBeTruthy();
      const row = await eventuallyOne(`"to" = ? and template = 'password-reset'`, ['reset-me@example.com'], 'the reset message');
      expect(row).toMatchObject({ channel: 'email', trigger_type: 'auth.password_reset', status: 'success', idempotency_key: `${event.id}:notification.password-reset` });
      expect(row.data).toEqual({
        email: 'reset-me@example.com',
        actor_type: 'customer',
        token,
        reset_url: `${STOREFRONT_URL}/reset-password?token=${encodeURIComponent(token)}&email=reset-me%40example.com`,
      });
      // the provider got the real token: it has to put it in the message
      expect(recorder.sentWithKey(row.idempotency_key)[0].data).toMatchObject({ token, reset_url: row.data.reset_url });
    });

    it('the admin views redact the token and the link carrying it; the row keeps them', async () => {
      const [row] = await notificationsWhere(`"to" = ? and template = 'password-reset'`, ['reset-me@example.com']);
      const token = row.data.token as string;
      const shown = (await t.api.get(`/admin/notifications/${row.id}`).set(...admin()).expect(200)).body.notification;
      expect(shown.data).toEqual({
        email: 'reset-me@example.com',
        actor_type: 'customer',
        token: '[redacted]',
        reset_url: `${STOREFRONT_URL}/reset-password?token=[redacted]&email=reset-me%40example.com`,
      });
      const listed = (await t.api.get('/admin/notifications?to=reset-me@example.com').set(...admin()).expect(200)).body;
      expect(listed.notifications.map((n: Body) => n.data)).toEqual([shown.data]);
      const picked = (await t.api.get(`/admin/notifications?id=${row.id}&fields=data`).set(...admin()).expect(200)).body;
      expect(picked.notifications[0].data).toEqual(shown.data);
      for (const body of [shown, listed, picked]) {
        expect(JSON.stringify(body)).not.toContain(token);
        expect(JSON.stringify(body)).not.toContain(encodeURIComponent(token));
      }
      expect((await notificationsWhere('id = ?', [row.id]))[0].data.token).toBe(token);
    });

    it("links to the admin dashboard for a user's reset", async () => {
      await t.api.post('/auth/user/emailpass/reset-password').send({ identifier: 'admin@stheno.dev' }).expect(201);
      const row = await eventuallyOne(`"to" = ? and template = 'password-reset'`, ['admin@stheno.dev'], "the admin's reset message");
      expect(row.data.actor_type).toBe('user');
      expect(row.data.reset_url).toBe(`${ADMIN_URL}/reset-password?token=${encodeURIComponent(row.data.token)}&email=admin%40stheno.dev`);
    });
  });

  describe('invite.created', () => {
    it('sends the invitee the token and the link that accepts it', async () => {
      const invite = (await t.api.post('/admin/invites').set(...admin()).send({ email: 'teammate@example.com' }).expect(200)).body.invite;
      const row = await eventuallyOne(`resource_id = ?`, [invite.id], 'the invite message');
      expect(row).toMatchObject({ to: 'teammate@example.com', channel: 'email', template: 'invite-created', resource_type: 'invite', trigger_type: 'invite.created', status: 'success' });
      expect(row.data).toMatchObject({ invite_id: invite.id, token: invite.token, accept_url: `${ADMIN_URL}/invite?token=${encodeURIComponent(invite.token)}` });
      const shown = (await t.api.get(`/admin/notifications/${row.id}`).set(...admin()).expect(200)).body.notification;
      expect(shown.data).toMatchObject({ invite_id: invite.id, email: 'teammate@example.com', token: '[redacted]', accept_url: `${ADMIN_URL}/invite?token=[redacted]` });
      expect(JSON.stringify(shown)).not.toContain(invite.token);
    });

    it('a resent invite sends the invitation again, with the new token', async () => {
      const invite = (await t.api.post('/admin/invites').set(...admin()).send({ email: 'resent@example.com' }).expect(200)).body.invite;
      const first = await eventuallyOne(`resource_id = ?`, [invite.id], 'the first invite message');
      const resent = (await t.api.post(`/admin/invites/${invite.id}/resend`).set(...admin()).expect(200)).body.invite;
      expect(resent.token).not.toBe(invite.token);
      await waitFor(async () => (await notificationsWhere(`resource_id = ? and status = 'success'`, [invite.id])).length === 2, 15000, 'the resent invite message');
      const rows = await notificationsWhere(`resource_id = ?`, [invite.id]);
      const second = rows.find((r: Body) => r.id !== first.id);
      const event = await eventOf('invite.resent', 'id', invite.id);
      expect(second).toMatchObject({ to: 'resent@example.com', template: 'invite-created', trigger_type: 'invite.resent', status: 'success', idempotency_key: `${event.id}:notification.invite-created` });
      expect(second.data).toMatchObject({ token: resent.token, accept_url: `${ADMIN_URL}/invite?token=${encodeURIComponent(resent.token)}` });
      expect(recorder.sentWithKey(second.idempotency_key).map((n) => n.data?.token)).toEqual([resent.token]);
    });
  });

  describe('a notification left pending by a worker killed before recording the provider answer', () => {
    it('fails the redelivery while the row is under its lease, and sends it once the lease has run out', async () => {
      const invite = (await t.api.post('/admin/invites').set(...admin()).send({ email: 'crashed-invitee@example.com' }).expect(200)).body.invite;
      const row = await eventuallyOne(`resource_id = ? and status = 'success'`, [invite.id], 'the invite message');
      const event = await eventOf('invite.created', 'id', invite.id);
      const domainEvent: DomainEvent = { id: event.id, name: event.name, data: event.data, metadata: event.metadata };
      const subscriber = t.app.get(SubscriberRegistry).get('notification.invite-created')!;
      // as if the message had never gone out: the worker died after the insert
      recorder.sent.splice(0, recorder.sent.length, ...recorder.sent.filter((n) => n.id !== row.id));
      const leftPending = (ageSeconds: number) =>
        sql(`update notification set status = 'pending', external_id = null, updated_at = now() - make_interval(secs => ?) where id = ?`, [ageSeconds, row.id]);

      // the lease still runs (the first worker may yet deliver it): the redelivery fails, to be retried
      await leftPending(10);
      await expect(subscriber.handler.handle(domainEvent)).rejects.toThrow(`Notification ${row.id} is pending`);
      expect(recorder.sent.filter((n) => n.id === row.id)).toEqual([]);
      expect((await notificationsWhere('id = ?', [row.id]))[0].status).toBe('pending');

      // the lease has run out: the retry takes the row over and sends it
      await leftPending(PENDING_LEASE_MS / 1000 + 1);
      await subscriber.handler.handle(domainEvent);
      expect(recorder.sent.filter((n) => n.id === row.id)).toHaveLength(1);
      expect(await notificationsWhere('resource_id = ?', [invite.id])).toEqual([expect.objectContaining({ id: row.id, status: 'success', error: null })]);
    });
  });

  describe('a provider failure during delivery', () => {
    it('fails the delivery, which is retried and sends the same notification once it goes through', async () => {
      recorder.failNextFor.add('flaky-invitee@example.com');
      const invite = (await t.api.post('/admin/invites').set(...admin()).send({ email: 'flaky-invitee@example.com' }).expect(200)).body.invite;
      await waitFor(async () => (await notificationsWhere(`resource_id = ? and status = 'success'`, [invite.id])).length === 1, 15000, 'the retried invite message');
      const rows = await notificationsWhere(`resource_id = ?`, [invite.id]);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ status: 'success', error: null });
      expect(recorder.failed.filter((n) => n.id === rows[0].id)).toHaveLength(1);
      expect(recorder.sent.filter((n) => n.id === rows[0].id)).toHaveLength(1);
    });
  });

  describe('order.fulfillment_created and shipment.created', () => {
    const label = { tracking_number: 'TRACK-1', tracking_url: 'https://track.example.com/TRACK-1', label_url: 'https://labels.example.com/1.pdf' };

    async function fulfil(order: Body, noNotification: boolean): Promise<string> {
      const items = order.items.map((i: Body) => ({ id: i.id, quantity: i.quantity }));
      const res = await t.api.post(`/admin/orders/${order.id}/fulfillments`).set(...admin()).send({ items, location_id: f.locationId, no_notification: noNotification }).expect(200);
      const fulfillmentId = res.body.order.fulfillments[0].id as string;
      await t.api.post(`/admin/orders/${order.id}/fulfillments/${fulfillmentId}/shipments`).set(...admin()).send({ labels: [label], no_notification: noNotification }).expect(200);
      return fulfillmentId;
    }

    it('tells the customer the order is being prepared, then shipped with its tracking', async () => {
      const order = await placeOrder('shipped@example.com');
      const fulfillmentId = await fulfil(order, false);
      const prepared = await eventuallyOne(`resource_id = ? and template = 'order-fulfillment-created'`, [fulfillmentId], 'the fulfillment message');
      expect(prepared).toMatchObject({ to: 'shipped@example.com', channel: 'email', resource_type: 'fulfillment', trigger_type: 'order.fulfillment_created', status: 'success' });
      expect(prepared.data).toMatchObject({ order_id: order.id, display_id: order.display_id, fulfillment_id: fulfillmentId });
      expect(prepared.data.items).toHaveLength(2);
      const shipped = await eventuallyOne(`resource_id = ? and template = 'order-shipment-created'`, [fulfillmentId], 'the shipment message');
      expect(shipped).toMatchObject({ to: 'shipped@example.com', trigger_type: 'shipment.created', status: 'success' });
      expect(shipped.data).toMatchObject({ order_id: order.id, tracking: [{ tracking_number: 'TRACK-1', tracking_url: label.tracking_url }], shipped_at: expect.any(String) });
    });

    it('sends nothing when the fulfillment and the shipment say no_notification', async () => {
      const order = await placeOrder('quiet@example.com');
      const fulfillmentId = await fulfil(order, true);
      const created = await eventOf('order.fulfillment_created', 'fulfillment_id', fulfillmentId);
      const shipment = await eventOf('shipment.created', 'id', fulfillmentId);
      await waitFor(() => handled(created.id, 'notification.fulfillment-created'), 15000, 'the fulfillment event handled');
      await waitFor(() => handled(shipment.id, 'notification.shipment-created'), 15000, 'the shipment event handled');
      expect(await notificationsWhere(`"to" = 'quiet@example.com' and template <> 'order-placed'`, [])).toEqual([]);
      // the order itself was confirmed as usual
      await eventuallyOne(`resource_id = ? and template = 'order-placed'`, [order.id], 'the quiet order confirmation');
    });
  });

  describe('admin routes', () => {
    it('filters by channel, to, status, resource_type and pages with order', async () => {
      const all = (await t.api.get('/admin/notifications?limit=200&fields=id,status,channel,to,resource_type').set(...admin()).expect(200)).body;
      expect(all.count).toBeGreaterThanOrEqual(6);
      const byTo = (await t.api.get('/admin/notifications?to=teammate@example.com').set(...admin()).expect(200)).body;
      expect(byTo.notifications.map((n: Body) => n.to)).toEqual(['teammate@example.com']);
      const invites = (await t.api.get('/admin/notifications?resource_type=invite&fields=resource_type').set(...admin()).expect(200)).body;
      expect(invites.count).toBe(5); // teammate@, resent@ (twice), crashed-invitee@ and flaky-invitee@
      expect(invites.notifications.map((n: Body) => n.resource_type)).toEqual(Array(5).fill('invite'));
      const feed = (await t.api.get('/admin/notifications?channel=feed').set(...admin()).expect(200)).body;
      expect(feed).toMatchObject({ count: 0, notifications: [] });
      const failed = (await t.api.get('/admin/notifications?status=failure').set(...admin()).expect(200)).body;
      expect(failed.count).toBe(0);
      const email = (await t.api.get('/admin/notifications?channel[]=email&status=success&fields=channel,status').set(...admin()).expect(200)).body;
      expect(email.count).toBe(all.count);
      const pageOne = (await t.api.get('/admin/notifications?order=created_at&limit=2&offset=1').set(...admin()).expect(200)).body;
      const ascending = (await t.api.get('/admin/notifications?order=created_at&limit=200').set(...admin()).expect(200)).body;
      expect(pageOne).toMatchObject({ offset: 1, limit: 2, count: all.count });
      expect(pageOne.notifications.map((n: Body) => n.id)).toEqual(ascending.notifications.slice(1, 3).map((n: Body) => n.id));
      // newest first by default
      expect(all.notifications.map((n: Body) => n.id)).toEqual([...ascending.notifications].reverse().map((n: Body) => n.id));
    });

    it('refuses bad list input with 400 {type, message}', async () => {
      for (const query of ['limit=-1', 'offset=-5', 'bogus=1', 'fields=password', 'order=data']) {
        const res = await t.api.get(`/admin/notifications?${query}`).set(...admin()).expect(400);
        expect(res.body).toEqual({ type: 'invalid_data', message: expect.any(String) });
      }
    });

    it('answers 404 for an unknown notification', async () => {
      const res = await t.api.get('/admin/notifications/noti_missing').set(...admin()).expect(404);
      expect(res.body).toEqual({ type: 'not_found', message: 'Notification with id: noti_missing was not found' });
    });

    it('is for admin users only', async () => {
      await t.api.get('/admin/notifications').expect(401);
      await t.api.get('/admin/notifications/noti_missing').expect(401);
      await t.api.post('/auth/customer/emailpass/register').send({ email: 'nosy@example.com', password: 'pw-nosy-1' }).expect(200);
      const customerToken = (await t.api.post('/auth/customer/emailpass').send({ email: 'nosy@example.com', password: 'pw-nosy-1' }).expect(200)).body.token;
      const res = await t.api.get('/admin/notifications').set(...bearer(customerToken)).expect(401);
      expect(res.body.message).toEqual(expect.any(String));
    });
  });

  it('a send inside an open transaction is refused: the provider never runs inside it', async () => {
    const ctx = systemContext(t.app.get(MikroORM).em as EntityManager);
    const before = recorder.sent.length;
    await expect(
      ctx.em.transactional((em) => t.app.get(NotificationService).send({ ...ctx, em: em as EntityManager }, { to: 'x@example.com', channel: 'email' })),
    ).rejects.toMatchObject({ type: 'unexpected_state' });
    expect(recorder.sent.length).toBe(before);
    expect(await notificationsWhere(`"to" = 'x@example.com'`, [])).toEqual([]);
  });
});
