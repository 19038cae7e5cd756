import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { GreetNewCustomer } from '../../../examples/plugin-hello/greet-new-customer.subscriber';
import { APP_VERSION } from '../../../src/bootstrap';
import { buildOpenApiDocument } from '../../../src/framework/openapi/openapi';
import { PluginLoadError } from '../../../src/framework/plugins/plugin-loader';
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
