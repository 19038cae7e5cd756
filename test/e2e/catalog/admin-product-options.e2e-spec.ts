import { bearer, createIdentityApp, IdentityApp } from '../../utils/identity';
import { Body, catalogCounts, shirtBody, sqlOf } from '../../utils/product-fixtures';

describe('Admin product options', () => {
  let t: IdentityApp;
  let sql: ReturnType<typeof sqlOf>;
  let product: Body;
  beforeAll(async () => {
    t = await createIdentityApp();
    sql = sqlOf(t);
    product = (await t.api.post('/admin/products').set(...admin()).send(shirtBody('hood')).expect(200)).body.product;
  });
  afterAll(() => t.close());

  const admin = () => bearer(t.adminToken);
  const base = () => `/admin/products/${product.id}/options`;
  const option = (title: string) => product.options.find((o: Body) => o.title === title);

  it('lists and retrieves options with their values', async () => {
    const res = await t.api.get(base()).set(...admin()).expect(200);
    expect(res.body).toMatchObject({ count: 2, offset: 0 });
    expect(res.body.product_options.map((o: Body) => [o.title, o.values.map((v: Body) => v.value)])).toEqual([['Size', ['S', 'M']], ['Color', ['Black', 'White']]]);
    const one = await t.api.get(`${base()}/${option('Size').id}?fields=title`).set(...admin()).expect(200);
    expect(one.body.product_option).toEqual({ id: option('Size').id, title: 'Size' });
    await t.api.get(`${base()}/opt_missing`).set(...admin()).expect(404);
  });

  it('creates an option, answering {product}, and refuses a title in use', async () => {
    const res = await t.api.post(base()).set(...admin()).send({ title: 'Fit', values: ['Slim', 'Regular', 'Slim'] }).expect(200);
    const fit = res.body.product.options.find((o: Body) => o.title === 'Fit');
    expect(fit.values.map((v: Body) => v.value)).toEqual(['Slim', 'Regular']);
    expect(await sql(`select name from event_outbox where name = 'product-option.created' and data->>'id' = ?`, [fit.id])).toHaveLength(1);
    const before = await catalogCounts(t);
    const dup = await t.api.post(base()).set(...admin()).send({ title: 'Fit', values: ['X'] }).expect(422);
    expect(dup.body).toMatchObject({ type: 'duplicate_error', message: 'Product option with title: Fit, already exists.' });
    await t.api.post(base()).set(...admin()).send({ values: ['X'] }).expect(400);
    await t.api.post('/admin/products/prod_missing/options').set(...admin()).send({ title: 'X', values: ['a'] }).expect(404);
    expect(await catalogCounts(t)).toEqual(before);
  });

  it('replaces the values of an option; variants lose the values that go', async () => {
    const size = option('Size');
    const res = await t.api.post(`${base()}/${size.id}`).set(...admin()).send({ title: 'Sizes', values: ['M', 'L'] }).expect(200);
    const updated = res.body.product.options.find((o: Body) => o.id === size.id);
    expect(updated).toMatchObject({ title: 'Sizes' });
    expect(updated.values.map((v: Body) => v.value)).toEqual(['M', 'L']);
    const kept = size.values.find((v: Body) => v.value === 'M').id;
    expect(updated.values[0].id).toBe(kept);
    const small = res.body.product.variants.find((v: Body) => v.sku === 'HOOD-S-BLACK');
    expect(small.options.map((o: Body) => o.value)).toEqual(['Black']);
    const medium = res.body.product.variants.find((v: Body) => v.sku === 'HOOD-M-BLACK');
    expect(medium.options.map((o: Body) => o.value).sort()).toEqual(['Black', 'M']);
    expect(await sql(`select name from event_outbox where name = 'product-option.updated' and data->>'id' = ?`, [size.id])).toHaveLength(1);
  });

  it('deletes an option and takes its values off the variants', async () => {
    const color = option('Color');
    const res = await t.api.delete(`${base()}/${color.id}`).set(...admin()).expect(200);
    expect(res.body).toMatchObject({ id: color.id, object: 'product_option', deleted: true, parent: { id: product.id } });
    expect(res.body.parent.options.map((o: Body) => o.title)).not.toContain('Color');
    const pivots = await sql(`select * from product_variant_option where option_value_id = any(?::text[])`, [`{${color.values.map((v: Body) => v.id).join(',')}}`]);
    expect(pivots).toEqual([]);
    expect(await sql(`select id from product_option where id = ? and deleted_at is not null`, [color.id])).toHaveLength(1);
    await t.api.delete(`${base()}/${color.id}`).set(...admin()).expect(404);
  });
});
