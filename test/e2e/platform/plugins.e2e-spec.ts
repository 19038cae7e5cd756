import { getQueueToken } from '@nestjs/bull';
import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Queue } from 'bull';
import { GreetNewCustomer } from '../../../examples/plugin-hello/greet-new-customer.subscriber';
import { APP_VERSION } from '../../../src/bootstrap';
import { JOBS_QUEUE } from '../../../src/framework/jobs/bull-scheduler';
import { ScheduledJobRegistry } from '../../../src/framework/jobs/scheduled-job-registry';
import { buildOpenApiDocument } from '../../../src/framework/openapi/openapi';
import { PluginLoadError } from '../../../src/framework/plugins/plugin-loader';
import { NotificationService } from '../../../src/modules/notification/notification.service';
import { waitFor } from '../../fixtures/recording-subscribers.fixture';
import { REPO_ROOT, startTsProcess } from '../../utils/child-process';
import { createTestApp } from '../../utils/create-test-app';
import { bearer, createIdentityApp, IdentityApp } from '../../utils/identity';
import { isEmbeddedTestDatabase, workerDatabaseUrl } from '../../utils/test-database';

const mode = process.env.REDIS_URL ? 'Bull on Redis' : 'in-process';

async function sql<T = Record<string, unknown>>(t: IdentityApp, query: string, params: unknown[] = []): Promise<T[]> {
  return (t.app.get(MikroORM).em.fork() as EntityManager).getConnection().execute<T[]>(query, params);
}

/** The example plugin, loaded by path as an operator would: PLUGINS=./examples/plugin-hello. */
describe(`plugins: examples/plugin-hello (${mode})`, () => {
  let t: IdentityApp;
  beforeAll(async () => {
    t = await createIdentityApp({ env: { PLUGINS: './examples/plugin-hello' } });
  });
  afterAll(() => t?.close());

  const admin = () => bearer(t.adminToken);

  it("applies the plugin's migration with the app's, and records it by name", async () => {
    const columns = await sql<{ column_name: string }>(
      t,
      `select column_name from information_schema.columns where table_schema = 'public' and table_name = 'hello_greeting' order by column_name`,
    );
    expect(columns.map((c) => c.column_name)).toEqual(['created_at', 'customer_id', 'deleted_at', 'event_id', 'id', 'message', 'updated_at']);
    const applied = await sql<{ name: string }>(t, `select name from mikro_orm_migrations where name like '%hello_greeting'`);
    expect(applied.map((m) => m.name)).toEqual([expect.stringMatching(/^Migration\d{14}_hello_greeting$/)]);
  });

  it('serves its store route behind the publishable key, like every /store route', async () => {
    await t.raw().get('/store/hello').expect(400);
    const res = await t.api.get('/store/hello').set('x-publishable-api-key', t.publishableKey).expect(200);
    expect(res.body).toEqual({ message: 'Hello from the hello plugin', greetings: expect.any(Number) });
  });

  it('serves its admin routes to admins only, validating bodies as the app does', async () => {
    await t.api.post('/admin/hello/greetings').send({ message: 'Hi' }).expect(401);
    const bad = await t.api.post('/admin/hello/greetings').set(...admin()).send({ message: '' }).expect(400);
    expect(bad.body).toMatchObject({ type: 'invalid_data', message: expect.stringContaining('message') });

    const created = await t.api.post('/admin/hello/greetings').set(...admin()).send({ message: 'Hello, admin' }).expect(200);
    expect(created.body.greeting).toMatchObject({ id: expect.stringMatching(/^hgr_/), message: 'Hello, admin', customer_id: null });
    const listed = await t.api.get('/admin/hello/greetings?q=admin').set(...admin()).expect(200);
    expect(listed.body).toMatchObject({ greetings: [{ id: created.body.greeting.id, message: 'Hello, admin' }], count: 1, offset: 0, limit: 20 });
    const store = await t.api.get('/store/hello').set('x-publishable-api-key', t.publishableKey).expect(200);
    expect(store.body.greetings).toBeGreaterThanOrEqual(1);
  });

  it('documents its routes in the OpenAPI document', () => {
    const { paths } = buildOpenApiDocument(t.app, APP_VERSION);
    expect(Object.keys(paths['/store/hello'] ?? {})).toEqual(['get']);
    expect(Object.keys(paths['/admin/hello/greetings'] ?? {}).sort()).toEqual(['get', 'post']);
  });

  it("runs its subscriber on a real customer.created event, once per event", async () => {
    const customer = (await t.api.post('/admin/customers').set(...admin()).send({ email: 'greet-me@example.com' }).expect(200)).body.customer;
    await waitFor(async () => (await sql(t, 'select 1 from hello_greeting where customer_id = ?', [customer.id])).length > 0, 15000, 'greeting');
    const [event] = await sql<{ id: string }>(t, `select id from event_outbox where name = 'customer.created' and data->>'id' = ?`, [customer.id]);
    const greetings = await sql(t, 'select message, event_id from hello_greeting where customer_id = ?', [customer.id]);
    expect(greetings).toEqual([{ message: `Welcome, ${customer.id}!`, event_id: event.id }]);

    // delivery is at least once: the same event handed over again greets nobody twice
    await t.app.get(GreetNewCustomer).handle({ id: event.id, name: 'customer.created', data: { id: customer.id }, metadata: { occurred_at: new Date().toISOString() } });
    expect(await sql(t, 'select id from hello_greeting where customer_id = ?', [customer.id])).toHaveLength(1);

    const listed = await t.api.get(`/admin/hello/greetings?customer_id=${customer.id}`).set(...admin()).expect(200);
    expect(listed.body.greetings.map((g: { message: string }) => g.message)).toEqual([`Welcome, ${customer.id}!`]);
  });

  it('adds a payment provider a region can offer and a storefront can start a session with', async () => {
    const providers = await t.api.get('/admin/payments/payment-providers').set(...admin()).expect(200);
    expect(providers.body.payment_providers).toEqual(expect.arrayContaining([{ id: 'pp_hello_hello', is_enabled: true }]));

    const region = (
      await t.api.post('/admin/regions').set(...admin()).send({ name: 'Hello land', currency_code: 'eur', countries: ['is'], payment_providers: ['pp_hello_hello'] }).expect(200)
    ).body.region;
    const offered = await t.api.get(`/store/payment-providers?region_id=${region.id}`).set('x-publishable-api-key', t.publishableKey).expect(200);
    expect(offered.body.payment_providers).toEqual([{ id: 'pp_hello_hello', is_enabled: true }]);

    const store = (method: 'get' | 'post', url: string) => t.api[method](url).set('x-publishable-api-key', t.publishableKey);
    const cart = (await store('post', '/store/carts').send({ region_id: region.id }).expect(200)).body.cart;
    const collection = (await store('post', '/store/payment-collections').send({ cart_id: cart.id }).expect(200)).body.payment_collection;
    const session = (await store('post', `/store/payment-collections/${collection.id}/payment-sessions`).send({ provider_id: 'pp_hello_hello' }).expect(200))
      .body.payment_collection.payment_sessions[0];
    expect(session).toMatchObject({ provider_id: 'pp_hello_hello', data: { greeting: 'Hello, 0 EUR' } });
  });

  it('adds a fulfillment provider, listed with the built-in one and its options', async () => {
    const res = await t.api.get('/admin/fulfillment-providers').set(...admin()).expect(200);
    expect(res.body.fulfillment_providers.map((p: { id: string }) => p.id)).toEqual(expect.arrayContaining(['manual_manual', 'hello_carrier']));
    const options = await t.api.get('/admin/fulfillment-providers/hello_carrier/options').set(...admin()).expect(200);
    expect(options.body.fulfillment_options).toEqual([{ id: 'hello-standard' }]);
  });

  describe('its scheduled job hello-prune-greetings', () => {
    /** Greetings created `days` ago, as rows the job will judge by created_at. */
    const plant = async (message: string, days: number, deleted = false): Promise<string> => {
      const [row] = await sql<{ id: string }>(
        t,
        `insert into hello_greeting (id, message, created_at, updated_at, deleted_at)
         values ('hgr_' || md5(random()::text), ?, now() - make_interval(days => ?), now() - make_interval(days => ?), ?) returning id`,
        [message, days, days, deleted ? new Date() : null],
      );
      return row.id;
    };
    const exists = async (id: string) => (await sql(t, 'select 1 from hello_greeting where id = ?', [id])).length === 1;

    it("is registered with the app's jobs, on its cron", () => {
      const job = t.app.get(ScheduledJobRegistry).get('hello-prune-greetings');
      expect(job?.options).toMatchObject({ id: 'hello-prune-greetings', cron: '0 3 * * *', attempts: 3 });
    });

    it('deletes greetings older than 90 days (soft-deleted ones too) and keeps the rest', async () => {
      const old = await plant('prune: old', 120);
      const oldDeleted = await plant('prune: old and soft-deleted', 95, true);
      const justInside = await plant('prune: 89 days', 89);
      const fresh = await plant('prune: today', 0);

      // a run exactly as the scheduler makes one, through the registry
      const job = t.app.get(ScheduledJobRegistry).get('hello-prune-greetings')!;
      await job.handler.run({ jobId: job.options.id, scheduledAt: new Date(), attempt: 1 });

      expect(await exists(old)).toBe(false);
      expect(await exists(oldDeleted)).toBe(false);
      expect(await exists(justInside)).toBe(true);
      expect(await exists(fresh)).toBe(true);
      const listed = await t.api.get('/admin/hello/greetings?q=prune:').set(...admin()).expect(200);
      expect(listed.body.greetings.map((g: { id: string }) => g.id).sort()).toEqual([justInside, fresh].sort());
    });

    if (process.env.REDIS_URL) {
      it("with Redis: is scheduled as a repeatable on stheno-jobs, and the app's worker runs it from the queue", async () => {
        const queue = t.app.get<Queue>(getQueueToken(JOBS_QUEUE));
        // the schedules are synced in the background at boot
        await waitFor(async () => (await queue.getRepeatableJobs()).some((r) => r.name === 'hello-prune-greetings'), 15000, 'the repeatable');
        const repeatable = (await queue.getRepeatableJobs()).find((r) => r.name === 'hello-prune-greetings');
        expect(repeatable).toMatchObject({ id: 'hello-prune-greetings', cron: '0 3 * * *' });

        const old = await plant('prune: old, from the queue', 100);
        const kept = await plant('prune: recent, from the queue', 1);
        const run = await queue.add('hello-prune-greetings', {}, { removeOnComplete: false });
        await waitFor(async () => ['completed', 'failed'].includes(await run.getState()), 15000, 'the queued run');
        expect(await run.getState()).toBe('completed');
        expect(await exists(old)).toBe(false);
        expect(await exists(kept)).toBe(true);
      });
    }
  });

  describe('its notification provider hello-feed', () => {
    it('receives the sends on its channel `hello`, stores a greeting and answers its id as external_id', async () => {
      const customer = (await t.api.post('/admin/customers').set(...admin()).send({ email: 'notify-me@example.com' }).expect(200)).body.customer;
      const sent = await t.app.get(NotificationService).send(undefined, {
        to: 'notify-me@example.com',
        channel: 'hello',
        template: 'hello-greeting',
        data: { message: 'Hello through a notification' },
        receiver_id: customer.id,
      });
      expect(sent).toMatchObject({ status: 'success', provider_id: 'hello-feed', external_id: expect.stringMatching(/^hgr_/), error: null });

      const greetings = await sql(t, 'select message, customer_id from hello_greeting where id = ?', [sent.external_id]);
      expect(greetings).toEqual([{ message: 'Hello through a notification', customer_id: customer.id }]);

      const listed = await t.api
        .get('/admin/notifications?channel=hello&fields=id,channel,status,provider_id,external_id,receiver_id')
        .set(...admin())
        .expect(200);
      expect(listed.body).toMatchObject({
        notifications: [{ id: sent.id, channel: 'hello', status: 'success', provider_id: 'hello-feed', external_id: sent.external_id, receiver_id: customer.id }],
        count: 1,
      });
    });

    it('without data.message greets the receiver; it leaves email and feed to the built-in local provider', async () => {
      const notifications = t.app.get(NotificationService);
      const plain = await notifications.send(undefined, { to: 'someone@example.com', channel: 'hello' });
      expect(plain).toMatchObject({ status: 'success', provider_id: 'hello-feed' });
      expect(await sql(t, 'select message, customer_id from hello_greeting where id = ?', [plain.external_id])).toEqual([
        { message: 'Hello, someone@example.com!', customer_id: null },
      ]);

      // the subscriber's greetings (they carry an event id) may still arrive meanwhile: not counted
      const count = async () => (await sql<{ n: number }>(t, 'select count(*)::int as n from hello_greeting where event_id is null'))[0].n;
      const before = await count();
      const email = await notifications.send(undefined, { to: 'someone@example.com', channel: 'email', template: 'hello' });
      const feed = await notifications.send(undefined, { to: 'user_1', channel: 'feed', template: 'hello' });
      expect([email.provider_id, feed.provider_id]).toEqual(['local', 'local']);
      expect(await count()).toBe(before);
    });
  });
});

describe('plugins that cannot be loaded stop the boot', () => {
  it('a path with nothing there: the error names the plugin and where it looked', async () => {
    const boot = createTestApp({ env: { PLUGINS: './examples/plugin-hello,./examples/plugin-missing' } });
    await expect(boot).rejects.toThrow(PluginLoadError);
    await expect(boot).rejects.toThrow(/^Plugin '\.\/examples\/plugin-missing' cannot be found: nothing at \/.*\/examples\/plugin-missing$/);
  });

  it('a module exporting garbage: the error says what it exported and what a plugin is', async () => {
    await expect(createTestApp({ env: { PLUGINS: './test/fixtures/plugins/garbage-export' } })).rejects.toThrow(
      "Plugin './test/fixtures/plugins/garbage-export' exports the string 'hello, I am not a module': a plugin is definePlugin(",
    );
  });

  it('the server process exits 1 with that message, before opening the database', async () => {
    const run = startTsProcess('src/main.ts', {
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATABASE_URL: workerDatabaseUrl(),
      DATABASE_POOL_MAX: isEmbeddedTestDatabase() ? '1' : '2',
      PORT: '0',
      PLUGINS: 'stheno-plugin-not-installed',
    });
    const { code } = await run.exited;
    expect(code).toBe(1);
    expect(run.output().trim()).toBe(
      "Stheno failed to start: Plugin 'stheno-plugin-not-installed' cannot be found: no package of that name is installed " +
        `(looked from ${REPO_ROOT})`,
    );
  });
});
