import { bearer, createIdentityApp, IdentityApp } from '../../utils/identity';
import { Body, shirtBody, sqlOf } from '../../utils/product-fixtures';

describe('Removing products from a price list', () => {
  let t: IdentityApp;
  let sql: ReturnType<typeof sqlOf>;
  let tee: Body;
  let hoodie: Body;
  let listId: string;

  const admin = () => bearer(t.adminToken);
  const listPrices = async () =>
    (await sql<{ price_set_id: string }>(`select price_set_id from price where price_list_id = ? and deleted_at is null order by price_set_id`, [listId])).map(
      (r) => r.price_set_id,
    );
  const priceSetsOf = async (product: Body) =>
    (
      await sql<{ price_set_id: string }>(
        `select l.price_set_id from product_variant_price_set l join product_variant v on v.id = l.variant_id where v.product_id = ? order by l.price_set_id`,
        [product.id],
      )
    ).map((r) => r.price_set_id);

  beforeAll(async () => {
    t = await createIdentityApp();
    sql = sqlOf(t);
    tee = (await t.api.post('/admin/products').set(...admin()).send(shirtBody('tee')).expect(200)).body.product;
    hoodie = (await t.api.post('/admin/products').set(...admin()).send(shirtBody('hoodie')).expect(200)).body.product;
    const variants = [...tee.variants, ...hoodie.variants] as Body[];
    const res = await t.api
      .post('/admin/price-lists')
      .set(...admin())
      .send({
        title: 'Winter sale',
        description: '',
        type: 'sale',
        status: 'active',
        prices: variants.map((v) => ({ variant_id: v.id, currency_code: 'eur', amount: 5 })),
      })
      .expect(200);
    listId = res.body.price_list.id;
  });
  afterAll(() => t.close());

  it('removes the list prices of every variant of the given products and keeps the others', async () => {
    expect(await listPrices()).toEqual([...(await priceSetsOf(tee)), ...(await priceSetsOf(hoodie))].sort());
    const res = await t.api.post(`/admin/price-lists/${listId}/products`).set(...admin()).send({ remove: [tee.id] }).expect(200);
    expect(res.body.price_list.id).toBe(listId);
    expect(res.body.price_list.prices.map((p: Body) => p.price_set_id).sort()).toEqual(await priceSetsOf(hoodie));
    expect(await listPrices()).toEqual(await priceSetsOf(hoodie));
    // the variants' own (base) prices are untouched
    const [{ n }] = await sql<{ n: string }>(`select count(*) as n from price where price_list_id is null and deleted_at is null and price_set_id = any(?::text[])`, [
      `{${(await priceSetsOf(tee)).join(',')}}`,
    ]);
    expect(Number(n)).toBe(tee.variants.length * 2);
  });

  it('refuses an unknown product and removes nothing', async () => {
    const before = await listPrices();
    const res = await t.api.post(`/admin/price-lists/${listId}/products`).set(...admin()).send({ remove: [hoodie.id, 'prod_missing'] }).expect(404);
    expect(res.body).toEqual({ type: 'not_found', message: 'Product with id: prod_missing was not found' });
    expect(await listPrices()).toEqual(before);
  });

  it('answers 404 for an unknown price list and 400 for a malformed body', async () => {
    const missing = await t.api.post('/admin/price-lists/plist_missing/products').set(...admin()).send({ remove: [hoodie.id] }).expect(404);
    expect(missing.body.type).toBe('not_found');
    const bad = await t.api.post(`/admin/price-lists/${listId}/products`).set(...admin()).send({ remove: 'prod_x', add: [] }).expect(400);
    expect(bad.body.type).toBe('invalid_data');
    expect(await listPrices()).toHaveLength(hoodie.variants.length);
  });
});
