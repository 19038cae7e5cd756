import { bearer, createIdentityApp, IdentityApp } from '../../utils/identity';
import { eventCount, insertProducts, snapshot, sql } from './taxonomy.helpers';

interface ValueBody {
  id: string;
  value: string;
}

const VALUE_KEYS = ['created_at', 'deleted_at', 'id', 'metadata', 'updated_at', 'value'];

const RESOURCES = [
  { path: 'product-tags', one: 'product_tag', many: 'product_tags', prefix: 'ptag', event: 'product-tag', label: 'Product tag', table: 'product_tag' },
  { path: 'product-types', one: 'product_type', many: 'product_types', prefix: 'ptyp', event: 'product-type', label: 'Product type', table: 'product_type' },
] as const;

describe('product tags and types', () => {
  let t: IdentityApp;
  beforeAll(async () => {
    t = await createIdentityApp();
  });
  afterAll(() => t.close());

  const admin = () => bearer(t.adminToken);
  const storefront = (): [string, string] => ['x-publishable-api-key', t.publishableKey];

  describe.each(RESOURCES)('/$path', (r) => {
    const create = async (body: Record<string, unknown>): Promise<ValueBody> =>
      (await t.api.post(`/admin/${r.path}`).set(...admin()).send(body).expect(200)).body[r.one];

    it('creates, reads, updates and deletes, recording events', async () => {
      const created = await create({ value: 'summer', metadata: { k: 1 } });
      expect(Object.keys(created).sort()).toEqual(VALUE_KEYS);
      expect(created).toMatchObject({ id: expect.stringMatching(new RegExp(`^${r.prefix}_[0-9A-Z]{26}$`)), value: 'summer', metadata: { k: 1 }, deleted_at: null });
      expect((await t.api.get(`/admin/${r.path}/${created.id}`).set(...admin()).expect(200)).body[r.one]).toEqual(created);
      const updated = await t.api.post(`/admin/${r.path}/${created.id}`).set(...admin()).send({ value: 'Summer' }).expect(200);
      expect(updated.body[r.one]).toMatchObject({ id: created.id, value: 'Summer', metadata: { k: 1 } });
      const removed = await t.api.delete(`/admin/${r.path}/${created.id}`).set(...admin()).expect(200);
      expect(removed.body).toEqual({ id: created.id, object: r.one, deleted: true });
      await t.api.get(`/admin/${r.path}/${created.id}`).set(...admin()).expect(404);
      for (const action of ['created', 'updated', 'deleted']) expect(await eventCount(t, `${r.event}.${action}`, created.id)).toBe(1);
    });

    it('refuses duplicate values and bad bodies, writing nothing', async () => {
      const winter = await create({ value: 'winter' });
      await create({ value: 'spring' });
      const before = await snapshot(t, r.table, 'id, value');
      const duplicate = await t.api.post(`/admin/${r.path}`).set(...admin()).send({ value: 'winter' }).expect(422);
      expect(duplicate.body).toEqual({ type: 'duplicate_error', code: 'invalid_request_error', message: `${r.label} with value: winter, already exists.` });
      await t.api.post(`/admin/${r.path}/${winter.id}`).set(...admin()).send({ value: 'spring' }).expect(422);
      for (const body of [{}, { value: '' }, { value: 3 }, { value: 'x', colour: 'red' }]) {
        expect((await t.api.post(`/admin/${r.path}`).set(...admin()).send(body).expect(400)).body.type).toBe('invalid_data');
      }
      await t.api.post(`/admin/${r.path}/nope`).set(...admin()).send({ value: 'x' }).expect(404);
      expect(await snapshot(t, r.table, 'id, value')).toEqual(before);
    });

    it('filters, searches and orders, for admins and storefronts', async () => {
      const values = async (who: 'admin' | 'store', query: string) => {
        const res = await t.api.get(`/${who}/${r.path}?${query}`).set(...(who === 'admin' ? admin() : storefront())).expect(200);
        return res.body[r.many].map((v: ValueBody) => v.value);
      };
      expect(await values('admin', 'order=value')).toEqual(['spring', 'winter']);
      expect(await values('store', 'order=-value')).toEqual(['winter', 'spring']);
      expect(await values('store', 'q=WIN')).toEqual(['winter']);
      expect(await values('admin', 'value[]=spring&value[]=autumn')).toEqual(['spring']);
      expect(await values('admin', 'created_at[$lt]=2000-01-01')).toEqual([]);
      const [spring] = (await t.api.get(`/store/${r.path}?value=spring`).set(...storefront()).expect(200)).body[r.many];
      const one = await t.api.get(`/store/${r.path}/${spring.id}?fields=value`).set(...storefront()).expect(200);
      expect(one.body[r.one]).toEqual({ id: spring.id, value: 'spring' });
      await t.api.get(`/store/${r.path}/nope`).set(...storefront()).expect(404);
      expect((await t.api.get(`/store/${r.path}?colour=red`).set(...storefront()).expect(400)).body.type).toBe('invalid_data');
      await t.api.get(`/store/${r.path}`).expect(400);
      await t.api.get(`/admin/${r.path}`).expect(401);
    });
  });

  it('deleting a type clears the products that had it', async () => {
    const type = (await t.api.post('/admin/product-types').set(...admin()).send({ value: 'shirt' }).expect(200)).body.product_type as ValueBody;
    const [a, b] = await insertProducts(t, ['Typed A', 'Typed B']);
    await sql(t, 'update product set type_id = ? where id in (?, ?)', [type.id, a, b]);
    await t.api.delete(`/admin/product-types/${type.id}`).set(...admin()).expect(200);
    const rows = await sql<{ type_id: string | null }>(t, 'select type_id from product where id in (?, ?)', [a, b]);
    expect(rows).toEqual([{ type_id: null }, { type_id: null }]);
  });

  it('deleting a tag removes it from its products, and only that tag', async () => {
    const tag = (await t.api.post('/admin/product-tags').set(...admin()).send({ value: 'new' }).expect(200)).body.product_tag as ValueBody;
    const kept = (await t.api.post('/admin/product-tags').set(...admin()).send({ value: 'kept' }).expect(200)).body.product_tag as ValueBody;
    const [a] = await insertProducts(t, ['Tagged']);
    await sql(t, 'insert into product_tags (product_id, product_tag_id) values (?, ?), (?, ?)', [a, tag.id, a, kept.id]);
    await t.api.delete(`/admin/product-tags/${tag.id}`).set(...admin()).expect(200);
    const rows = await sql<{ product_tag_id: string }>(t, 'select product_tag_id from product_tags where product_id = ?', [a]);
    expect(rows).toEqual([{ product_tag_id: kept.id }]);
  });
});
