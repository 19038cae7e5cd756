import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { CatalogFixture, seedCatalog } from '../../fixtures/catalog.fixture';
import { createTestApp } from '../../utils/create-test-app';
import { createIdentityApp, IdentityApp } from '../../utils/identity';
import { StatementCounter } from '../../utils/statement-counter';

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const KEY = 'x-publishable-api-key';

/** `modules.cache: 'redis'`: the store response cache shared by every server process. */
if (process.env.REDIS_URL) {
  describe('Store response cache shared through Redis by two servers', () => {
    // both servers on one database and one Redis prefix, as two processes of one deployment
    const env = { REDIS_PREFIX: `stheno-shared-cache-${process.env.JEST_WORKER_ID ?? '0'}-${randomBytes(4).toString('hex')}`, OUTBOX_POLL_INTERVAL_MS: '3600000' };
    const configFile = { modules: { cache: { resolve: '@medusajs/medusa/cache-redis', options: { ttl: 300 } } } };
    let first: IdentityApp;
    let second: IdentityApp;
    let c: CatalogFixture;
    const get = (t: IdentityApp, url: string) => t.api.get(url).set(KEY, t.publishableKey);

    beforeAll(async () => {
      first = await createIdentityApp({ env, configFile });
      c = await seedCatalog(first.app, first.salesChannelId);
      second = await createIdentityApp({ env, configFile, resetDatabase: false });
    });
    afterAll(async () => {
      await second?.close();
      await first?.close();
    });

    it('serves on one server the list the other built: the same bytes and ETag, one statement, a 304 on revalidation', async () => {
      const url = `/store/products?region_id=${c.regionId}&fields=id,title,*variants`;
      const built = await get(first, url).expect(200);
      expect(built.headers['x-cache']).toBe('miss');
      expect(built.body.products.map((p: Body) => p.id).sort()).toEqual([c.ids.hoodie, c.ids.mug, c.ids.shirt].sort());

      // the second server resolves the publishable key once, as on any first request
      await get(second, '/store/regions').expect(200);
      let shared: Awaited<ReturnType<typeof get>> | undefined;
      const statements = await new StatementCounter(second.app).record(async () => {
        shared = await get(second, url).expect(200);
      });
      expect(shared!.headers['x-cache']).toBe('hit');
      expect(shared!.text).toBe(built.text);
      expect(shared!.headers.etag).toBe(built.headers.etag);
      // only the content version is read: the body came from Redis, not from the catalog tables
      expect(statements).toHaveLength(1);
      expect(statements[0]).toMatch(/catalog_version/);
      await get(second, url).set('If-None-Match', built.headers.etag).expect(304);

      // kept under the deployment's prefix, next to its other keys
      const redis = new Redis(process.env.REDIS_URL!);
      try {
        expect(await redis.exists(`${env.REDIS_PREFIX}:cache:store-response:${first.salesChannelId} ${url}`)).toBe(1);
      } finally {
        redis.disconnect();
      }
    });

    it('shows a catalog write made through one server’s admin API on both servers at once', async () => {
      const url = `/store/products/${c.ids.shirt}?fields=id,title`;
      const title = async (t: IdentityApp) => (await get(t, url).expect(200)).body.product.title;
      expect(await title(first)).toBe('Blue Cotton Shirt');
      expect(await title(second)).toBe('Blue Cotton Shirt');
      expect((await get(second, url).expect(200)).headers['x-cache']).toBe('hit');

      await first.api.post(`/admin/products/${c.ids.shirt}`).set('Authorization', `Bearer ${first.adminToken}`).send({ title: 'Navy Cotton Shirt' }).expect(200);
      const onSecond = await get(second, url).expect(200);
      expect(onSecond.body.product.title).toBe('Navy Cotton Shirt');
      expect(onSecond.headers['x-cache']).toBe('miss');
      // the first server's own copy is stale; it takes the body the second one just built
      const onFirst = await get(first, url).expect(200);
      expect(onFirst.body.product.title).toBe('Navy Cotton Shirt');
      expect(onFirst.headers['x-cache']).toBe('hit');

      await second.api.post(`/admin/products/${c.ids.shirt}`).set('Authorization', `Bearer ${second.adminToken}`).send({ title: 'Blue Cotton Shirt' }).expect(200);
      expect(await title(first)).toBe('Blue Cotton Shirt');
      expect(await title(second)).toBe('Blue Cotton Shirt');
    });
  });
}

describe('a Redis cache without Redis', () => {
  it('stops the boot, naming the path', async () => {
    await expect(createTestApp({ env: { REDIS_URL: undefined }, configFile: { modules: { cache: '@medusajs/medusa/cache-redis' } } })).rejects.toThrow(
      "modules.cache: 'redis' needs projectConfig.redisUrl (REDIS_URL)",
    );
  });
});
