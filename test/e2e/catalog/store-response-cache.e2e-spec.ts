import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { StoreResponseCache } from '../../../src/reads/store-catalog/response-cache';
import { CatalogFixture, seedCatalog } from '../../fixtures/catalog.fixture';
import { createIdentityApp, IdentityApp } from '../../utils/identity';
import { StatementCounter } from '../../utils/statement-counter';
import { waitFor } from '../../fixtures/recording-subscribers.fixture';

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const KEY = 'x-publishable-api-key';

/** The exact response cache of the store product and variant reads. */
describe('Store product response cache', () => {
  let t: IdentityApp;
  let c: CatalogFixture;
  let counter: StatementCounter;
  const get = (url: string) => t.api.get(url).set(KEY, t.publishableKey);
  const sql = (query: string, params: unknown[] = []) => (t.app.get(MikroORM).em.fork() as EntityManager).getConnection().execute(query, params);
  const shirtS = (body: Body) => body.products.find((p: Body) => p.id === c.ids.shirt).variants.find((v: Body) => v.id === c.ids.shirtS);

  beforeAll(async () => {
    t = await createIdentityApp({ env: { OUTBOX_POLL_INTERVAL_MS: '3600000' } });
    c = await seedCatalog(t.app, t.salesChannelId);
    counter = new StatementCounter(t.app);
  });
  afterAll(() => t.close());

  it('answers a repeated request from the cache with one statement, the same bytes and a strong ETag', async () => {
    const url = `/store/products?region_id=${c.regionId}`;
    const first = await get(url).expect(200);
    const statements = await counter.record(() => get(url).expect(200));
    const again = await get(url).expect(200);
    expect(statements).toHaveLength(1);
    expect(statements[0]).toMatch(/catalog_version/);
    expect(again.text).toBe(first.text);
    expect(again.headers['content-type']).toMatch(/^application\/json/);
    expect(again.headers.etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers['x-cache']).toBe('miss');
    expect(again.headers['x-cache']).toBe('hit');
    // an anonymous hit is answered before Nest's route handler runs at all
    const routeHandler = jest.spyOn(t.app.get(StoreResponseCache), 'respond');
    await get(url).expect(200);
    expect(routeHandler).not.toHaveBeenCalled();
    await get(url).set('Authorization', 'Bearer not-a-token').expect(200);
    expect(routeHandler).toHaveBeenCalledTimes(1);
    routeHandler.mockRestore();
    await get(url).set('If-None-Match', again.headers.etag).expect(304);
  });

  it('shows a product change on the next request (the version moves in the writer’s transaction)', async () => {
    const url = `/store/products/${c.ids.shirt}?fields=title`;
    expect((await get(url).expect(200)).body.product.title).toBe('Blue Cotton Shirt');
    await sql(`update product set title = 'Navy Cotton Shirt' where id = ?`, [c.ids.shirt]);
    expect((await get(url).expect(200)).body.product.title).toBe('Navy Cotton Shirt');
    await sql(`update product set title = 'Blue Cotton Shirt' where id = ?`, [c.ids.shirt]);
    expect((await get(url).expect(200)).body.product.title).toBe('Blue Cotton Shirt');
  });

  it('shows a price change and a region’s currency change on the next request', async () => {
    const url = `/store/products?region_id=${c.regionId}&fields=id,*variants`;
    expect(shirtS((await get(url).expect(200)).body).calculated_price.calculated_amount).toBe(15);
    await sql(`update price set amount = 12 where id = 'price_s_sale'`);
    expect(shirtS((await get(url).expect(200)).body).calculated_price.calculated_amount).toBe(12);
    await sql(`update price set amount = 15 where id = 'price_s_sale'`);
    expect(shirtS((await get(url).expect(200)).body).calculated_price.calculated_amount).toBe(15);
  });

  it('lets a scheduled price list take effect when it starts, without any write', async () => {
    await sql(`insert into price_list (id, title, status, type, starts_at) values ('plist_flash', 'Flash', 'active', 'sale', now() + interval '1500 milliseconds')`);
    await sql(`insert into price (id, currency_code, amount, rules_count, price_set_id, price_list_id) values ('price_s_flash', 'eur', 5, 0, 'pset_s', 'plist_flash')`);
    const url = `/store/product-variants/${c.ids.shirtS}?region_id=${c.regionId}`;
    expect((await get(url).expect(200)).body.variant.calculated_price.calculated_amount).toBe(15);
    expect((await get(url).expect(200)).body.variant.calculated_price.calculated_amount).toBe(15);
    await waitFor(async () => (await get(url).expect(200)).body.variant.calculated_price.calculated_amount === 5, 5000, 'the flash sale price');
    await sql(`delete from price where id = 'price_s_flash'`);
    await sql(`delete from price_list where id = 'plist_flash'`);
  });

  it('times a price list by the clock that prices the body, even when the database’s runs ahead', async () => {
    // a list that has started by the database's clock but not yet by this process's, 60 s behind
    await sql(`insert into price_list (id, title, status, type, starts_at) values ('plist_skew', 'Skew', 'active', 'sale', now() - interval '30 seconds')`);
    await sql(`insert into price (id, currency_code, amount, rules_count, price_set_id, price_list_id) values ('price_s_skew', 'eur', 4, 0, 'pset_s', 'plist_skew')`);
    const url = `/store/product-variants/${c.ids.shirtS}?region_id=${c.regionId}&fields=id,calculated_price`;
    const price = async () => (await get(url).expect(200)).body.variant.calculated_price.calculated_amount;
    const realNow = Date.now();
    // only Date is faked: timers, I/O and the database keep the real clock
    jest.useFakeTimers({
      now: realNow - 60_000,
      doNotFake: ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'],
    });
    try {
      expect(await price()).toBe(15);
      jest.setSystemTime(realNow + 1000);
      expect(await price()).toBe(4);
    } finally {
      jest.useRealTimers();
      await sql(`delete from price where id = 'price_s_skew'`);
      await sql(`delete from price_list where id = 'plist_skew'`);
    }
  });

  it('never caches stock: a reservation shows at once', async () => {
    const url = `/store/products/${c.ids.shirt}?fields=id,variants.id,%2Bvariants.inventory_quantity`;
    const stock = async () => (await get(url).expect(200)).body.product.variants.find((v: Body) => v.id === c.ids.shirtS).inventory_quantity;
    expect(await stock()).toBe(7);
    // not even the version is read: the product and its stock come from one fresh statement
    const statements = await counter.record(() => get(url).expect(200));
    expect(statements.some((s) => /catalog_version/.test(s))).toBe(false);
    await sql(`update inventory_level set reserved_quantity = 4 where id = 'ilev_s_main'`);
    expect(await stock()).toBe(6);
    await sql(`update inventory_level set reserved_quantity = 3 where id = 'ilev_s_main'`);
  });

  it('never serves a cached body to a missing, unknown or revoked publishable key', async () => {
    const created = await t.api.post('/admin/api-keys').set('Authorization', `Bearer ${t.adminToken}`).send({ title: 'Soon revoked', type: 'publishable' }).expect(200);
    const { id, token } = created.body.api_key;
    await t.api.post(`/admin/api-keys/${id}/sales-channels`).set('Authorization', `Bearer ${t.adminToken}`).send({ add: [t.salesChannelId] }).expect(200);
    const url = '/store/products?fields=id,title';
    expect((await t.api.get(url).set(KEY, token).expect(200)).body.products).toHaveLength(3);
    expect((await t.api.get(url).set(KEY, token).expect(200)).headers['x-cache']).toBe('hit');
    await t.api.post(`/admin/api-keys/${id}/revoke`).set('Authorization', `Bearer ${t.adminToken}`).send({}).expect(200);
    const revoked = await t.api.get(url).set(KEY, token).expect(400);
    expect(revoked.body).toEqual({ type: 'not_allowed', message: 'A valid publishable key is required to proceed with the request' });
    expect((await t.api.get(url).set(KEY, 'pk_unknown').expect(400)).body.type).toBe('not_allowed');
    expect((await t.api.get(url).expect(400)).body.type).toBe('not_allowed');
    // a customer header takes the full route (optional customer auth): same body
    const withBearer = await get(url).set('Authorization', 'Bearer not-a-token').expect(200);
    expect(withBearer.body.products).toHaveLength(3);
  });

  it('keeps keys of different sales channels apart', async () => {
    const other = await t.api.post('/admin/api-keys').set('Authorization', `Bearer ${t.adminToken}`).send({ title: 'Other', type: 'publishable' }).expect(200);
    await t.api
      .post(`/admin/api-keys/${other.body.api_key.id}/sales-channels`)
      .set('Authorization', `Bearer ${t.adminToken}`)
      .send({ add: [c.otherChannelId] })
      .expect(200);
    const url = '/store/products?fields=id';
    expect((await get(url).expect(200)).body.products.map((p: Body) => p.id)).toEqual([c.ids.shirt, c.ids.mug, c.ids.hoodie]);
    const theirs = await t.api.get(url).set(KEY, other.body.api_key.token).expect(200);
    expect(theirs.body.products.map((p: Body) => p.id)).toEqual([c.ids.otherChannel]);
  });
});

describe('Store product response cache, switched off', () => {
  let t: IdentityApp;
  let c: CatalogFixture;
  beforeAll(async () => {
    t = await createIdentityApp({ env: { OUTBOX_POLL_INTERVAL_MS: '3600000', STORE_RESPONSE_CACHE_MB: '0' } });
    c = await seedCatalog(t.app, t.salesChannelId);
  });
  afterAll(() => t.close());

  it('reads the catalog on every request', async () => {
    const url = `/store/products?region_id=${c.regionId}`;
    await t.api.get(url).set(KEY, t.publishableKey).expect(200);
    const statements = await new StatementCounter(t.app).record(() => t.api.get(url).set(KEY, t.publishableKey).expect(200));
    expect(statements.length).toBeGreaterThan(2);
    expect(statements.some((s) => /catalog_version/.test(s) && /id = 2/.test(s))).toBe(false);
  });
});
