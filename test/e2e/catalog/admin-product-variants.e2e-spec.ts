import { bearer, createIdentityApp, IdentityApp } from '../../utils/identity';
import { Body, catalogCounts, shirtBody, sqlOf } from '../../utils/product-fixtures';

describe('Admin product variants', () => {
  let t: IdentityApp;
  let sql: ReturnType<typeof sqlOf>;
  let product: Body;
  beforeAll(async () => {
    t = await createIdentityApp();
    sql = sqlOf(t);
    product = (await t.api.post('/admin/products').set(...admin()).send(shirtBody('polo')).expect(200)).body.product;
  });
  afterAll(() => t.close());

  const admin = () => bearer(t.adminToken);
  const base = () => `/admin/products/${product.id}/variants`;
  const variantBySku = (p: Body, sku: string) => p.variants.find((v: Body) => v.sku === sku);

  it('lists and retrieves the variants of a product with options and prices', async () => {
    const res = await t.api.get(`${base()}?order=sku`).set(...admin()).expect(200);
    expect(res.body).toMatchObject({ count: 4, offset: 0, limit: 50 });
    expect(res.body.variants.map((v: Body) => v.sku)).toEqual(['POLO-M-BLACK', 'POLO-M-WHITE', 'POLO-S-BLACK', 'POLO-S-WHITE']);
    expect(res.body.variants[0].prices.map((p: Body) => p.amount).sort()).toEqual([10, 12.5]);
    const id = res.body.variants[0].id;
    const one = await t.api.get(`${base()}/${id}?fields=sku,*inventory_items,options.value`).set(...admin()).expect(200);
    expect(one.body.variant).toMatchObject({ id, sku: 'POLO-M-BLACK', inventory_items: [{ variant_id: id, required_quantity: 1 }] });
    expect(one.body.variant.options.map((o: Body) => o.value).sort()).toEqual(['Black', 'M']);
    await t.api.get(`${base()}/variant_missing`).set(...admin()).expect(404);
    await t.api.get(`/admin/products/prod_missing/variants`).set(...admin()).expect(404);
  });

  it('creates a variant with its price set and inventory item, answering {product}', async () => {
    await t.api.post(`/admin/products/${product.id}/options/${product.options.find((o: Body) => o.title === 'Size').id}`).set(...admin()).send({ values: ['S', 'M', 'L'] }).expect(200);
    const res = await t.api
      .post(base())
      .set(...admin())
      .send({ title: 'L / Black', sku: 'POLO-L-BLACK', options: { Size: 'L', Color: 'Black' }, prices: [{ currency_code: 'eur', amount: 11, min_quantity: 2 }] })
      .expect(200);
    const variant = variantBySku(res.body.product, 'POLO-L-BLACK');
    expect(variant.prices).toMatchObject([{ currency_code: 'eur', amount: 11, min_quantity: 2 }]);
    const items = await sql(`select i.sku from product_variant_inventory_item l join inventory_item i on i.id = l.inventory_item_id where l.variant_id = ?`, [variant.id]);
    expect(items).toEqual([{ sku: 'POLO-L-BLACK' }]);
    expect(await sql(`select name from event_outbox where name = 'product-variant.created' and data->>'id' = ?`, [variant.id])).toHaveLength(1);
  });

  it.each([
    ['a combination another variant has', { title: 'Dup', options: { Size: 'S', Color: 'Black' } }, 400, /same options/],
    ['a missing option', { title: 'Half', options: { Size: 'S' } }, 400, /must have a value for option "Color"/],
    ['a SKU in use', { title: 'Clash', sku: 'POLO-S-BLACK', options: { Size: 'L', Color: 'White' } }, 422, /sku: POLO-S-BLACK, already exists/],
    ['a price without currency', { title: 'NoCur', options: { Size: 'L', Color: 'White' }, prices: [{ amount: 1 }] }, 400, /currency_code/],
  ])('refuses a variant with %s and writes nothing', async (_case, body, status, message) => {
    const before = await catalogCounts(t);
    const res = await t.api.post(base()).set(...admin()).send(body).expect(status);
    expect(res.body.message).toMatch(message);
    expect(await catalogCounts(t)).toEqual(before);
  });

  it('updates a variant and upserts its prices (update by id, create, delete the rest)', async () => {
    const variant = variantBySku(product, 'POLO-S-BLACK');
    const eur = variant.prices.find((p: Body) => p.currency_code === 'eur');
    const res = await t.api
      .post(`${base()}/${variant.id}`)
      .set(...admin())
      .send({ title: 'Small black', allow_backorder: true, prices: [{ id: eur.id, currency_code: 'eur', amount: 9 }, { currency_code: 'dkk', amount: 70 }] })
      .expect(200);
    const updated = variantBySku(res.body.product, 'POLO-S-BLACK');
    expect(updated).toMatchObject({ title: 'Small black', allow_backorder: true });
    expect(updated.prices.map((p: Body) => [p.currency_code, p.amount]).sort()).toEqual([['dkk', 70], ['eur', 9]]);
    expect(updated.prices.find((p: Body) => p.currency_code === 'eur').id).toBe(eur.id);
    expect(await sql(`select name from event_outbox where name = 'product-variant.updated' and data->>'id' = ?`, [variant.id])).toHaveLength(1);
  });

  it('creates the price set on update when the variant had none', async () => {
    const created = await t.api.post('/admin/products').set(...admin()).send({ title: 'Unpriced', variants: [{ title: 'One' }] }).expect(200);
    const p = created.body.product;
    const res = await t.api.post(`/admin/products/${p.id}/variants/${p.variants[0].id}`).set(...admin()).send({ prices: [{ currency_code: 'eur', amount: 5 }] }).expect(200);
    expect(res.body.product.variants[0].prices).toMatchObject([{ currency_code: 'eur', amount: 5 }]);
  });

  it('gives a variant that starts managing inventory its inventory item, once', async () => {
    const created = await t.api.post('/admin/products').set(...admin()).send({ title: 'Unmanaged', variants: [{ title: 'One', sku: 'UNMANAGED-1', manage_inventory: false }] }).expect(200);
    const p = created.body.product;
    const url = `/admin/products/${p.id}/variants/${p.variants[0].id}`;
    const items = () => sql(`select i.sku, l.required_quantity from product_variant_inventory_item l join inventory_item i on i.id = l.inventory_item_id where l.variant_id = ?`, [p.variants[0].id]);
    expect(await items()).toEqual([]);
    await t.api.post(url).set(...admin()).send({ manage_inventory: true }).expect(200);
    expect(await items()).toEqual([{ sku: 'UNMANAGED-1', required_quantity: 1 }]);
    await t.api.post(url).set(...admin()).send({ manage_inventory: true, title: 'Still one' }).expect(200);
    expect(await items()).toHaveLength(1);
  });

  it('refuses to give a variant the options of another, changing nothing', async () => {
    const variant = variantBySku(product, 'POLO-S-WHITE');
    const res = await t.api.post(`${base()}/${variant.id}`).set(...admin()).send({ title: 'Renamed', options: { Size: 'M', Color: 'Black' } }).expect(400);
    expect(res.body.type).toBe('invalid_data');
    const [row] = await sql(`select title from product_variant where id = ?`, [variant.id]);
    expect(row).toEqual({ title: 'S / White' });
  });

  it('deletes a variant with its price set and inventory item, answering the parent product', async () => {
    const variant = variantBySku(product, 'POLO-M-WHITE');
    const [{ price_set_id }] = await sql<{ price_set_id: string }>(`select price_set_id from product_variant_price_set where variant_id = ?`, [variant.id]);
    const [{ inventory_item_id }] = await sql<{ inventory_item_id: string }>(`select inventory_item_id from product_variant_inventory_item where variant_id = ?`, [variant.id]);
    const res = await t.api.delete(`${base()}/${variant.id}`).set(...admin()).expect(200);
    expect(res.body).toMatchObject({ id: variant.id, object: 'variant', deleted: true, parent: { id: product.id } });
    expect(res.body.parent.variants.map((v: Body) => v.id)).not.toContain(variant.id);
    expect(await sql(`select id from price_set where id = ? and deleted_at is null`, [price_set_id])).toEqual([]);
    expect(await sql(`select id from inventory_item where id = ? and deleted_at is null`, [inventory_item_id])).toEqual([]);
    expect(await sql(`select * from product_variant_price_set where variant_id = ?`, [variant.id])).toEqual([]);
    await t.api.delete(`${base()}/${variant.id}`).set(...admin()).expect(404);
  });

  it('creates, updates and deletes variants in one batch', async () => {
    const victim = variantBySku(product, 'POLO-M-BLACK');
    const target = variantBySku(product, 'POLO-S-WHITE');
    const res = await t.api
      .post(`${base()}/batch`)
      .set(...admin())
      .send({ create: [{ title: 'L / White', sku: 'POLO-L-WHITE', options: { Size: 'L', Color: 'White' } }], update: [{ id: target.id, title: 'Small white' }], delete: [victim.id] })
      .expect(200);
    expect(res.body.created).toMatchObject([{ sku: 'POLO-L-WHITE' }]);
    expect(res.body.updated).toMatchObject([{ id: target.id, title: 'Small white' }]);
    expect(res.body.deleted).toEqual({ ids: [victim.id], object: 'variant', deleted: true });
  });

  it('lists variants across products with filters, q and the product', async () => {
    const other = (await t.api.post('/admin/products').set(...admin()).send({ title: 'Cap', variants: [{ title: 'Cap', sku: 'CAP-1', manage_inventory: false }] }).expect(200)).body.product;
    const bySku = await t.api.get('/admin/product-variants?sku=CAP-1&fields=sku,product.title').set(...admin()).expect(200);
    expect(bySku.body.variants).toEqual([{ id: other.variants[0].id, sku: 'CAP-1', product: { title: 'Cap' } }]);
    const q = await t.api.get('/admin/product-variants?q=polo-l&order=sku&fields=sku').set(...admin()).expect(200);
    expect(q.body.variants.map((v: Body) => v.sku)).toEqual(['POLO-L-BLACK', 'POLO-L-WHITE']);
    const unmanaged = await t.api.get('/admin/product-variants?manage_inventory=false&fields=sku').set(...admin()).expect(200);
    expect(unmanaged.body.variants.map((v: Body) => v.sku)).toContain('CAP-1');
    expect(unmanaged.body.variants.map((v: Body) => v.sku)).not.toContain('POLO-L-WHITE');
    const ofProduct = await t.api.get(`/admin/product-variants?product_id=${other.id}&fields=sku,*prices`).set(...admin()).expect(200);
    expect(ofProduct.body).toMatchObject({ count: 1, variants: [{ sku: 'CAP-1', prices: [] }] });
    await t.api.get('/admin/product-variants?colour=red').set(...admin()).expect(400);
  });

  it('links, relinks and unlinks an inventory item', async () => {
    const variant = variantBySku(product, 'POLO-S-BLACK');
    const item = await sql<{ id: string }>(`insert into inventory_item (id, sku, title) values ('iitem_extra', 'EXTRA', 'Extra') returning id`);
    const url = `${base()}/${variant.id}/inventory-items`;
    const linked = await t.api.post(url).set(...admin()).send({ inventory_item_id: item[0].id, required_quantity: 2 }).expect(200);
    expect(linked.body.variant.inventory_items).toEqual(expect.arrayContaining([{ variant_id: variant.id, inventory_item_id: 'iitem_extra', required_quantity: 2 }]));
    const relinked = await t.api.post(`${url}/iitem_extra`).set(...admin()).send({ required_quantity: 3 }).expect(200);
    expect(relinked.body.variant.inventory_items).toEqual(expect.arrayContaining([{ variant_id: variant.id, inventory_item_id: 'iitem_extra', required_quantity: 3 }]));
    const unlinked = await t.api.delete(`${url}/iitem_extra`).set(...admin()).expect(200);
    expect(unlinked.body).toMatchObject({ id: 'iitem_extra', object: 'variant-inventory-item-link', deleted: true, parent: { id: variant.id } });
    await t.api.delete(`${url}/iitem_extra`).set(...admin()).expect(404);
    await t.api.post(url).set(...admin()).send({ inventory_item_id: 'iitem_nope' }).expect(404);
    await t.api.post(url).set(...admin()).send({ inventory_item_id: 'iitem_extra', required_quantity: 0 }).expect(400);
  });

  it('links, relinks and unlinks inventory items of several variants in one batch, all or nothing', async () => {
    const current = (await t.api.get(`/admin/products/${product.id}`).set(...admin()).expect(200)).body.product;
    const [a, b] = [variantBySku(current, 'POLO-S-BLACK'), variantBySku(current, 'POLO-L-BLACK')];
    await sql(`insert into inventory_item (id, sku, title) values ('iitem_batch1', 'BATCH-1', 'Batch 1'), ('iitem_batch2', 'BATCH-2', 'Batch 2')`);
    const [{ inventory_item_id: own }] = await sql<{ inventory_item_id: string }>(`select inventory_item_id from product_variant_inventory_item where variant_id = ?`, [b.id]);
    const links = () => sql(`select variant_id, inventory_item_id, required_quantity from product_variant_inventory_item where variant_id = any(?::text[]) order by variant_id, inventory_item_id`, [`{${a.id},${b.id}}`]);
    const url = `${base()}/inventory-items/batch`;
    await t.api.post(url).set(...admin()).send({ create: [{ variant_id: a.id, inventory_item_id: 'iitem_batch1', required_quantity: 2 }] }).expect(200);

    const before = await links();
    const refused = [
      [{ create: [{ variant_id: a.id, inventory_item_id: 'iitem_batch2', required_quantity: 1 }], delete: [{ variant_id: b.id, inventory_item_id: 'iitem_batch2' }] }, 404, /not linked/],
      [{ create: [{ variant_id: a.id, inventory_item_id: 'iitem_nope', required_quantity: 1 }] }, 404, /Inventory item with id: iitem_nope was not found/],
      [{ create: [{ variant_id: 'variant_nope', inventory_item_id: 'iitem_batch2', required_quantity: 1 }] }, 404, /Variant with id: variant_nope was not found/],
      [{ create: [{ variant_id: a.id, inventory_item_id: 'iitem_batch2', required_quantity: 1 }], update: [{ variant_id: a.id, inventory_item_id: 'iitem_batch2', required_quantity: 3 }] }, 400, /more than once/],
      [{ update: [{ variant_id: a.id, inventory_item_id: 'iitem_batch1', required_quantity: 0 }] }, 400, /required_quantity/],
    ] as const;
    for (const [body, status, message] of refused) {
      const res = await t.api.post(url).set(...admin()).send(body).expect(status);
      expect(res.body.message).toMatch(message);
    }
    expect(await links()).toEqual(before);

    const res = await t.api
      .post(url)
      .set(...admin())
      .send({
        create: [{ variant_id: b.id, inventory_item_id: 'iitem_batch2', required_quantity: 4 }],
        update: [{ variant_id: a.id, inventory_item_id: 'iitem_batch1', required_quantity: 5 }],
        delete: [{ variant_id: b.id, inventory_item_id: own }],
      })
      .expect(200);
    expect(res.body).toEqual({
      created: [{ product: { variant_id: b.id }, inventory: { inventory_item_id: 'iitem_batch2' }, data: { required_quantity: 4 } }],
      updated: [{ product: { variant_id: a.id }, inventory: { inventory_item_id: 'iitem_batch1' }, data: { required_quantity: 5 } }],
      deleted: [{ product: { variant_id: b.id }, inventory: { inventory_item_id: own } }],
    });
    const after = await links();
    expect(after).toEqual(
      expect.arrayContaining([
        { variant_id: a.id, inventory_item_id: 'iitem_batch1', required_quantity: 5 },
        { variant_id: b.id, inventory_item_id: 'iitem_batch2', required_quantity: 4 },
      ]),
    );
    expect(after.filter((l: Body) => l.variant_id === b.id)).toHaveLength(1);
  });
});
