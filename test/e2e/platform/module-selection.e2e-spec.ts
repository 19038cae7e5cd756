import { getQueueToken } from '@nestjs/bull';
import Redis from 'ioredis';
import { APP_VERSION } from '../../../src/bootstrap';
import { EVENTS_QUEUE } from '../../../src/framework/events/domain-event';
import { buildOpenApiDocument } from '../../../src/framework/openapi/openapi';
import { received, RecordingSubscribersModule, waitFor } from '../../fixtures/recording-subscribers.fixture';
import { createWidgetsApp } from '../../fixtures/widgets';
import { createTestApp, TestApp } from '../../utils/create-test-app';
import { bearer, createIdentityApp, IdentityApp } from '../../utils/identity';

const pathsOf = (t: TestApp): string[] => Object.keys(buildOpenApiDocument(t.app, APP_VERSION).paths);

/** The configuration file's `modules` key (Medusa's): switched-off commerce modules and the event bus. */
describe('modules in the configuration file', () => {
  jest.setTimeout(60000);

  describe('promotion and notification switched off', () => {
    let t: IdentityApp;
    beforeAll(async () => {
      t = await createIdentityApp({ configFile: { modules: { promotion: false, notification: false } } });
    });
    afterAll(() => t?.close());

    it.each([
      ['get', '/admin/promotions'],
      ['get', '/admin/campaigns'],
      ['get', '/admin/notifications'],
      // the store cart routes apply promotions: they need the module and go with it
      ['post', '/store/carts'],
    ] as const)('%s %s is absent: 404 not_found, not a 500', async (method, path) => {
      const res = await t.raw()[method](path).set(...bearer(t.adminToken)).set('x-publishable-api-key', t.publishableKey).send({});
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ type: 'not_found', message: `Route ${method.toUpperCase()} ${path} does not exist` });
    });

    it('leaves them out of the OpenAPI document, and keeps everything that does without them', async () => {
      const paths = pathsOf(t);
      expect(paths.filter((path) => /^\/(admin\/(promotions|campaigns|notifications)|store\/carts)/.test(path))).toEqual([]);
      expect(paths).toEqual(expect.arrayContaining(['/admin/products', '/store/products', '/admin/orders', '/store/regions']));
      await t.api.get('/admin/products').set(...bearer(t.adminToken)).expect(200);
      await t.api.get('/store/products').set('x-publishable-api-key', t.publishableKey).expect(200);
      await t.api.get('/admin/orders').set(...bearer(t.adminToken)).expect(200);
    });
  });

  describe('cart and customer switched off', () => {
    let t: IdentityApp;
    beforeAll(async () => {
      t = await createIdentityApp({ configFile: { modules: { cart: false, customer: false } } });
    });
    afterAll(() => t?.close());

    it('keeps the catalog, refusing cart_id with a clear 400', async () => {
      const pk = t.publishableKey;
      const list = await t.api.get('/store/products').set('x-publishable-api-key', pk).expect(200);
      expect(list.body).toMatchObject({ products: [], count: 0 });
      const res = await t.api.get('/store/products?cart_id=cart_01').set('x-publishable-api-key', pk).expect(400);
      expect(res.body).toEqual({ type: 'invalid_data', message: 'cart_id cannot be used: the cart module is switched off' });
    });

    it.each([
      ['post', '/store/carts'],
      ['post', '/store/customers'],
      ['get', '/admin/customers'],
      // the admin order routes run order flows, which need customers
      ['get', '/admin/orders'],
    ] as const)('%s %s is absent', async (method, path) => {
      const res = await t.raw()[method](path).set(...bearer(t.adminToken)).set('x-publishable-api-key', t.publishableKey).send({});
      expect(res.status).toBe(404);
      expect(res.body.type).toBe('not_found');
    });
  });

  describe('inventory switched off', () => {
    let t: IdentityApp;
    beforeAll(async () => {
      t = await createIdentityApp({ configFile: { modules: { inventory: false } } });
    });
    afterAll(() => t?.close());

    it('keeps the catalog but refuses stock, which nothing keeps up to date any more', async () => {
      const pk = t.publishableKey;
      await t.api.get('/store/products').set('x-publishable-api-key', pk).expect(200);
      const res = await t.api.get('/store/products?fields=%2Bvariants.inventory_quantity').set('x-publishable-api-key', pk).expect(400);
      expect(res.body).toEqual({ type: 'invalid_data', message: 'inventory_quantity cannot be requested: the inventory module is switched off' });
      expect((await t.raw().get('/admin/inventory-items').set(...bearer(t.adminToken))).status).toBe(404);
    });
  });

  describe('boot refuses what cannot work, naming the path', () => {
    it('a module every request needs', async () => {
      await expect(createTestApp({ configFile: { modules: { store: false, api_key: false } } })).rejects.toThrow(
        /modules\.store: cannot be switched off[\s\S]*modules\.api_key: cannot be switched off/,
      );
    });

    it('a listed plugin that needs a switched-off module (instead of dropping it quietly)', async () => {
      await expect(
        createTestApp({ env: { PLUGINS: './test/fixtures/plugins/needs-promotion' }, configFile: { modules: { promotion: false } } }),
      ).rejects.toThrow(/plugins\[0\] \(\.\/test\/fixtures\/plugins\/needs-promotion\): needs PromotionModule, which modules switches off/);
    });

    it('a replacement for a whole module, and an option no module reads', async () => {
      await expect(createTestApp({ configFile: { modules: { product: './my-products', tax: { options: { rates: 1 } } } } })).rejects.toThrow(
        /modules\.product: replacing a whole built-in module is not supported[\s\S]*modules\.tax\.options\.rates: unknown option \(allowed: providers\)/,
      );
    });
  });

  // the event bus choice depends on whether this run has Redis: each run proves its half
  if (process.env.REDIS_URL) {
    describe('the local event bus chosen with Redis configured', () => {
      let t: TestApp;
      beforeAll(async () => {
        t = await createWidgetsApp({ imports: [RecordingSubscribersModule], configFile: { modules: { event_bus: 'local' } } });
      });
      afterAll(() => t?.close());

      it('delivers events in process: no events queue, no event keys in Redis', async () => {
        expect(() => t.app.get(getQueueToken(EVENTS_QUEUE), { strict: false })).toThrow();
        const res = await t.api.post('/test/widgets').send({ title: 'Local', handle: 'local-bus' }).expect(200);
        await waitFor(() => received.some((r) => r.event.name === 'widget.created' && r.event.data.id === res.body.widget.id), 10000, 'delivery');
        const redis = new Redis(process.env.REDIS_URL!);
        try {
          expect(await redis.keys(`${t.config.redis.prefix}:${EVENTS_QUEUE}:*`)).toEqual([]);
        } finally {
          redis.disconnect();
        }
      });
    });
  } else {
    describe('the Redis event bus chosen without Redis', () => {
      it('stops boot', async () => {
        await expect(createTestApp({ configFile: { modules: { event_bus: '@medusajs/medusa/event-bus-redis' } } })).rejects.toThrow(
          "modules.event_bus: 'redis' needs projectConfig.redisUrl (REDIS_URL)",
        );
      });
    });
  }
});
