import { bearer, createIdentityApp, IdentityApp } from '../../utils/identity';
import { eventCount, insertProducts, snapshot, sql } from './taxonomy.helpers';

interface CollectionBody {
  id: string;
  title: string;
  handle: string;
  products?: Array<{ id: string; title: string; collection_id: string | null }>;
}

const COLLECTION_KEYS = ['created_at', 'deleted_at', 'handle', 'id', 'metadata', 'title', 'updated_at'];

describe('product collections', () => {
  let t: IdentityApp;
  beforeAll(async () => {
    t = await createIdentityApp();
  });
  afterAll(() => t.close());

  const admin = () => bearer(t.adminToken);
  const storefront = (): [string, string] => ['x-publishable-api-key', t.publishableKey];
  const create = async (body: Record<string, unknown>): Promise<CollectionBody> =>
    (await t.api.post('/admin/collections').set(...admin()).send(body).expect(200)).body.collection;
  const collectionOf = async (productIds: string[]) =>
    (await sql<{ id: string; collection_id: string | null }>(t, `select id, collection_id from product where id in (${productIds.map(() => '?').join(', ')})`, productIds))
      .reduce<Record<string, string | null>>((all, row) => ({ ...all, [row.id]: row.collection_id }), {});

  it('creates, reads, updates and deletes a collection, recording its events', async () => {
    const summer = await create({ title: 'Summer Sale 2025', metadata: { season: 'summer' } });
    expect(Object.keys(summer).sort()).toEqual(COLLECTION_KEYS);
    expect(summer).toMatchObject({ id: expect.stringMatching(/^pcol_[0-9A-Z]{26}$/), title: 'Summer Sale 2025', handle: 'summer-sale-2025', metadata: { season: 'summer' }, deleted_at: null });
    expect(await eventCount(t, 'product-collection.created', summer.id)).toBe(1);

    const got = await t.api.get(`/admin/collections/${summer.id}`).set(...admin()).expect(200);
    expect(got.body.collection).toEqual(summer);
    const updated = await t.api.post(`/admin/collections/${summer.id}`).set(...admin()).send({ title: 'Summer', handle: 'summer' }).expect(200);
    expect(updated.body.collection).toMatchObject({ id: summer.id, title: 'Summer', handle: 'summer', metadata: { season: 'summer' } });
    expect(await eventCount(t, 'product-collection.updated', summer.id)).toBe(1);

    const removed = await t.api.delete(`/admin/collections/${summer.id}`).set(...admin()).expect(200);
    expect(removed.body).toEqual({ id: summer.id, object: 'collection', deleted: true });
    expect(await eventCount(t, 'product-collection.deleted', summer.id)).toBe(1);
    await t.api.get(`/admin/collections/${summer.id}`).set(...admin()).expect(404);
    await t.api.delete(`/admin/collections/${summer.id}`).set(...admin()).expect(404);
    // the handle is free again once the collection is gone
    expect((await create({ title: 'Summer again', handle: 'summer' })).handle).toBe('summer');
  });

  it('refuses duplicate handles and bad bodies without writing anything', async () => {
    await create({ title: 'Winter' });
    const before = await snapshot(t, 'product_collection', 'id, handle, title');
    const duplicate = await t.api.post('/admin/collections').set(...admin()).send({ title: 'Other', handle: 'winter' }).expect(422);
    expect(duplicate.body).toEqual({ type: 'duplicate_error', code: 'invalid_request_error', message: 'Product collection with handle: winter, already exists.' });
    const generated = await t.api.post('/admin/collections').set(...admin()).send({ title: 'WINTER' }).expect(422);
    expect(generated.body.message).toBe('Product collection with handle: winter, already exists.');
    for (const body of [{}, { title: '' }, { title: 'X', handle: '' }, { title: 'X', colour: 'red' }, { title: 'X', metadata: 'no' }]) {
      const res = await t.api.post('/admin/collections').set(...admin()).send(body).expect(400);
      expect(res.body.type).toBe('invalid_data');
    }
    const [summer] = (await t.api.get('/admin/collections?handle=summer').set(...admin()).expect(200)).body.collections;
    await t.api.post(`/admin/collections/${summer.id}`).set(...admin()).send({ handle: 'winter' }).expect(422);
    await t.api.post('/admin/collections/pcol_nope').set(...admin()).send({ title: 'Nope' }).expect(404);
    expect(await snapshot(t, 'product_collection', 'id, handle, title')).toEqual(before);
  });

  it('links and unlinks products, moving them between collections, and refuses unknown ids', async () => {
    const shoes = await create({ title: 'Shoes' });
    const boots = await create({ title: 'Boots' });
    const [a, b, c] = await insertProducts(t, ['Sneaker', 'Loafer', 'Wellington']);

    const res = await t.api.post(`/admin/collections/${shoes.id}/products`).set(...admin()).send({ add: [a, b] }).expect(200);
    expect(res.body.collection.id).toBe(shoes.id);
    expect(res.body.collection.products.map((p: { id: string }) => p.id).sort()).toEqual([a, b].sort());
    expect(res.body.collection.products[0]).toMatchObject({ collection_id: shoes.id, status: 'draft' });
    await t.api.post(`/admin/collections/${boots.id}/products`).set(...admin()).send({ add: [b, c] }).expect(200);
    expect(await collectionOf([a, b, c])).toEqual({ [a]: shoes.id, [b]: boots.id, [c]: boots.id });
    // removing a product that is in another collection leaves it there
    await t.api.post(`/admin/collections/${shoes.id}/products`).set(...admin()).send({ remove: [a, c] }).expect(200);
    expect(await collectionOf([a, b, c])).toEqual({ [a]: null, [b]: boots.id, [c]: boots.id });

    const unknown = await t.api.post(`/admin/collections/${shoes.id}/products`).set(...admin()).send({ add: [a, 'prod_nope'] }).expect(404);
    expect(unknown.body).toEqual({ type: 'not_found', message: 'Products with ids: prod_nope were not found' });
    await t.api.post(`/admin/collections/${shoes.id}/products`).set(...admin()).send({ add: [a], remove: [a] }).expect(400);
    await t.api.post(`/admin/collections/${shoes.id}/products`).set(...admin()).send({ add: [a], extra: 1 }).expect(400);
    await t.api.post('/admin/collections/pcol_nope/products').set(...admin()).send({ add: [a] }).expect(404);
    expect(await collectionOf([a, b, c])).toEqual({ [a]: null, [b]: boots.id, [c]: boots.id });

    const withProducts = await t.api.get(`/admin/collections/${boots.id}?fields=title,products.title`).set(...admin()).expect(200);
    expect(withProducts.body.collection).toEqual({ id: boots.id, title: 'Boots', products: [{ title: 'Loafer' }, { title: 'Wellington' }] });
    const listed = await t.api.get(`/admin/collections?id[]=${boots.id}&id[]=${shoes.id}&fields=*products&order=title`).set(...admin()).expect(200);
    expect(listed.body.collections.map((col: CollectionBody) => [col.title, col.products!.length])).toEqual([['Boots', 2], ['Shoes', 0]]);

    await t.api.delete(`/admin/collections/${boots.id}`).set(...admin()).expect(200);
    expect(await collectionOf([a, b, c])).toEqual({ [a]: null, [b]: null, [c]: null });
  });

  it('filters, searches, orders and pages the list', async () => {
    await create({ title: 'Filter Alpha' });
    await create({ title: 'Filter Beta', handle: 'beta-handle' });
    const titles = async (query: string) =>
      (await t.api.get(`/admin/collections?${query}`).set(...admin()).expect(200)).body.collections.map((c: CollectionBody) => c.title);
    expect(await titles('q=filter&order=-title')).toEqual(['Filter Beta', 'Filter Alpha']);
    expect(await titles('q=BETA-HAND')).toEqual(['Filter Beta']);
    expect(await titles('handle=filter-alpha')).toEqual(['Filter Alpha']);
    expect(await titles('title=Filter Beta')).toEqual(['Filter Beta']);
    expect(await titles('q=filter&created_at[$gt]=2100-01-01')).toEqual([]);
    const page = await t.api.get('/admin/collections?q=filter&order=title&limit=1&offset=1&fields=handle').set(...admin()).expect(200);
    expect(page.body).toEqual({ collections: [{ id: expect.any(String), handle: 'beta-handle' }], count: 2, offset: 1, limit: 1 });
    expect((await t.api.get('/admin/collections').set(...admin()).expect(200)).body.limit).toBe(10);
    for (const query of ['order=colour', 'colour=red', 'fields=variants', 'limit=1000']) {
      expect((await t.api.get(`/admin/collections?${query}`).set(...admin()).expect(400)).body.type).toBe('invalid_data');
    }
  });

  it('serves collections to storefronts with a publishable key', async () => {
    const res = await t.api.get('/store/collections?q=filter&order=title').set(...storefront()).expect(200);
    expect(res.body.collections.map((c: CollectionBody) => c.title)).toEqual(['Filter Alpha', 'Filter Beta']);
    expect(Object.keys(res.body.collections[0]).sort()).toEqual(COLLECTION_KEYS);
    const one = await t.api.get(`/store/collections/${res.body.collections[0].id}?fields=title`).set(...storefront()).expect(200);
    expect(one.body.collection).toEqual({ id: res.body.collections[0].id, title: 'Filter Alpha' });
    await t.api.get('/store/collections/pcol_nope').set(...storefront()).expect(404);
    // `*products` is allowed (store-taxonomy-products.e2e-spec.ts); fields outside the spec are not
    expect((await t.api.get('/store/collections?fields=*variants').set(...storefront()).expect(400)).body.type).toBe('invalid_data');
    await t.api.get('/store/collections').expect(400);
    await t.api.get('/admin/collections').expect(401);
  });
});
