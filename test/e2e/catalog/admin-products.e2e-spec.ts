import Medusa from '@medusajs/js-sdk';
import { MikroORM } from '@mikro-orm/core';
import { ADMIN, bearer, createIdentityApp, IdentityApp } from '../../utils/identity';
import { Body, catalogCounts, seedTaxonomy, shirtBody, sqlOf } from '../../utils/product-fixtures';

describe('Admin products', () => {
  let t: IdentityApp;
  let sql: ReturnType<typeof sqlOf>;
  let taxonomy: Awaited<ReturnType<typeof seedTaxonomy>>;
  let otherChannel: string;
  beforeAll(async () => {
    t = await createIdentityApp();
    sql = sqlOf(t);
    taxonomy = await seedTaxonomy(t, 'a');
    const res = await t.api.post('/admin/sales-channels').set(...admin()).send({ name: 'Wholesale' }).expect(200);
    otherChannel = res.body.sales_channel.id;
  });
  afterAll(() => t.close());

  const admin = () => bearer(t.adminToken);
  const create = (body: Record<string, unknown>) => t.api.post('/admin/products').set(...admin()).send(body);

  describe('create', () => {
    let product: Body;

    it('creates a product with options, variants, prices, inventory items, images, taxonomy and sales channels', async () => {
      const res = await create(
        shirtBody('tee', {
          description: 'A plain tee',
          status: 'published',
          images: [{ url: 'https://img/1.png' }, { url: 'https://img/2.png' }],
          thumbnail: 'https://img/1.png',
          type_id: taxonomy.type,
          collection_id: taxonomy.collection,
          tags: [{ id: taxonomy.tag }],
          categories: [{ id: taxonomy.category }],
          sales_channels: [{ id: t.salesChannelId }, { id: otherChannel }],
          weight: 400,
          metadata: { origin: 'test' },
        }),
      ).expect(200);
      product = res.body.product;
      expect(product).toMatchObject({
        id: expect.stringMatching(/^prod_/),
        title: 'Shirt tee',
        handle: 'tee',
        status: 'published',
        weight: 400,
        metadata: { origin: 'test' },
        type: { id: taxonomy.type, value: 'type-a' },
        collection: { id: taxonomy.collection, handle: 'collection-a' },
        tags: [{ id: taxonomy.tag, value: 'tag-a' }],
      });
      expect(product.images.map((i: Body) => [i.url, i.rank])).toEqual([['https://img/1.png', 0], ['https://img/2.png', 1]]);
      expect(product.options.map((o: Body) => [o.title, o.values.map((v: Body) => v.value)])).toEqual([['Size', ['S', 'M']], ['Color', ['Black', 'White']]]);
      expect(product.sales_channels.map((c: Body) => c.id).sort()).toEqual([t.salesChannelId, otherChannel].sort());
      expect(product.variants).toHaveLength(4);
      const first = product.variants.find((v: Body) => v.sku === 'TEE-S-BLACK');
      expect(first).toMatchObject({ title: 'S / Black', manage_inventory: true, product_id: product.id });
      expect(first.options.map((o: Body) => [o.option.title, o.value]).sort()).toEqual([['Color', 'Black'], ['Size', 'S']]);
      expect(first.prices.map((p: Body) => [p.currency_code, p.amount]).sort()).toEqual([['eur', 10], ['usd', 12.5]]);

      const variantIds = product.variants.map((v: Body) => v.id);
      const priceLinks = await sql(`select variant_id, price_set_id from product_variant_price_set where variant_id = any(?::text[])`, [`{${variantIds.join(',')}}`]);
      expect(priceLinks).toHaveLength(4);
      const [{ count: prices }] = await sql<{ count: string }>(`select count(*) from price where price_set_id = any(?::text[]) and deleted_at is null`, [`{${priceLinks.map((l: Body) => l.price_set_id).join(',')}}`]);
      expect(Number(prices)).toBe(8);
      const items = await sql<{ sku: string; title: string; required_quantity: number }>(
        `select i.sku, i.title, l.required_quantity from product_variant_inventory_item l join inventory_item i on i.id = l.inventory_item_id
          where l.variant_id = any(?::text[]) order by i.sku`,
        [`{${variantIds.join(',')}}`],
      );
      expect(items).toEqual([
        { sku: 'TEE-M-BLACK', title: 'M / Black', required_quantity: 1 },
        { sku: 'TEE-M-WHITE', title: 'M / White', required_quantity: 1 },
        { sku: 'TEE-S-BLACK', title: 'S / Black', required_quantity: 1 },
        { sku: 'TEE-S-WHITE', title: 'S / White', required_quantity: 1 },
      ]);
      const categories = await sql(`select product_category_id from product_category_product where product_id = ?`, [product.id]);
      expect(categories).toEqual([{ product_category_id: taxonomy.category }]);
      const events = await sql<{ name: string }>(`select name from event_outbox where data->>'id' = any(?::text[]) order by name`, [`{${[product.id, ...variantIds].join(',')}}`]);
      expect(events.map((e) => e.name)).toEqual(['product-variant.created', 'product-variant.created', 'product-variant.created', 'product-variant.created', 'product.created']);
    });

    it('defaults the handle to the slug of the title, the status to draft, and manages no inventory when asked', async () => {
      const res = await create({ title: 'Émile Zola Poster!', variants: [{ title: 'One', manage_inventory: false }] }).expect(200);
      expect(res.body.product).toMatchObject({ handle: 'emile-zola-poster', status: 'draft', discountable: true, is_giftcard: false });
      const links = await sql(`select * from product_variant_inventory_item where variant_id = ?`, [res.body.product.variants[0].id]);
      expect(links).toEqual([]);
      expect(res.body.product.variants[0].prices).toEqual([]);
    });

    it.each([
      ['no title', { handle: 'x' }, 400, 'invalid_data', /title/],
      ['an unknown field', { title: 'X', colour: 'red' }, 400, 'invalid_data', /Unrecognized fields: 'colour'/],
      ['a variant without a value for an option', shirtBody('bad1', { variants: [{ title: 'V', options: { Size: 'S' } }] }), 400, 'invalid_data', /must have a value for option "Color"/],
      ['a value the option does not have', shirtBody('bad2', { variants: [{ title: 'V', options: { Size: 'XL', Color: 'Black' } }] }), 400, 'invalid_data', /Option value "XL" does not exist for option "Size"/],
      ['an option the product does not have', shirtBody('bad3', { variants: [{ title: 'V', options: { Size: 'S', Color: 'Black', Fit: 'Slim' } }] }), 400, 'invalid_data', /Option "Fit"/],
      [
        'two variants with the same options',
        shirtBody('bad4', { variants: [{ title: 'A', options: { Size: 'S', Color: 'Black' } }, { title: 'B', options: { Size: 'S', Color: 'Black' } }] }),
        400,
        'invalid_data',
        /same options/,
      ],
      ['a handle in use', { title: 'Again', handle: 'tee' }, 422, 'duplicate_error', /Product with handle: tee, already exists/],
      ['a SKU in use', { title: 'Sku clash', variants: [{ title: 'V', sku: 'TEE-S-BLACK' }] }, 422, 'duplicate_error', /Product variant with sku: TEE-S-BLACK, already exists/],
      ['an unknown type', { title: 'X', type_id: 'ptyp_nope' }, 404, 'not_found', /Product type with id: ptyp_nope was not found/],
      ['an unknown collection', { title: 'X', collection_id: 'pcol_nope' }, 404, 'not_found', /Product collection with id: pcol_nope/],
      ['an unknown tag', { title: 'X', tags: [{ id: 'ptag_nope' }] }, 404, 'not_found', /Product tag with id: ptag_nope/],
      ['an unknown category', { title: 'X', categories: [{ id: 'pcat_nope' }] }, 404, 'not_found', /Product category with id: pcat_nope/],
      ['an unknown sales channel', shirtBody('bad5', { sales_channels: [{ id: 'sc_nope' }] }), 404, 'not_found', /Sales channel with id: sc_nope was not found/],
      ['a blank title', { title: '   ', handle: 'blank' }, 400, 'invalid_data', /title must not be empty/],
      ['a blank variant title', { title: 'X', variants: [{ title: ' ' }] }, 400, 'invalid_data', /title must not be empty/],
      ['a negative weight', { title: 'X', weight: -1 }, 400, 'invalid_data', /weight must not be less than 0/],
      ['a negative variant dimension', { title: 'X', variants: [{ title: 'V', height: -3 }] }, 400, 'invalid_data', /height must not be less than 0/],
      [
        'two options with the same title',
        { title: 'X', options: [{ title: 'Size', values: ['S'] }, { title: 'Size', values: ['M'] }] },
        422,
        'duplicate_error',
        /^Product option with title: Size, already exists\.$/,
      ],
      ['a variant option value that is not a string', shirtBody('bad7', { variants: [{ title: 'V', options: { Size: { S: 1 }, Color: 'Black' } }] }), 400, 'invalid_data', /value of option "Size" of variant "V" must be a string/],
      ['a price in an unknown currency', shirtBody('bad8', { variants: [{ title: 'V', options: { Size: 'S', Color: 'Black' }, prices: [{ currency_code: 'xyz', amount: 1 }] }] }), 400, 'invalid_data', /Currency with code: xyz does not exist/],
      ['a non-numeric amount', shirtBody('bad9', { variants: [{ title: 'V', options: { Size: 'S', Color: 'Black' }, prices: [{ currency_code: 'eur', amount: 'ten' }] }] }), 400, 'invalid_data', /amount/],
      ['a negative price', shirtBody('bad6', { variants: [{ title: 'V', options: { Size: 'S', Color: 'Black' }, prices: [{ currency_code: 'eur', amount: -1 }] }] }), 400, 'invalid_data', /amount/],
    ])('refuses %s and writes nothing', async (_case, body, status, type, message) => {
      const before = await catalogCounts(t);
      const res = await create(body as Record<string, unknown>).expect(status);
      expect(res.body).toMatchObject({ type, message: expect.stringMatching(message) });
      expect(await catalogCounts(t)).toEqual(before);
    });
  });

  describe('list', () => {
    let ids: Record<string, string>;
    beforeAll(async () => {
      const other = await seedTaxonomy(t, 'b');
      ids = {};
      for (const [handle, extra] of [
        ['alpha', { status: 'published', tags: [{ id: other.tag }], collection_id: other.collection }],
        ['bravo', { status: 'draft', categories: [{ id: other.category }], type_id: other.type }],
        ['charlie', { status: 'proposed', sales_channels: [{ id: otherChannel }], is_giftcard: true }],
      ] as const) {
        const res = await create({ title: `Listed ${handle}`, handle, ...extra }).expect(200);
        ids[handle] = res.body.product.id;
      }
      ids.tagB = other.tag;
      ids.categoryB = other.category;
      ids.collectionB = other.collection;
      ids.typeB = other.type;
    });

    const list = async (query: string) => (await t.api.get(`/admin/products?${query}`).set(...admin()).expect(200)).body;
    const handles = async (query: string) => (await list(query)).products.map((p: Body) => p.handle);

    it('filters by status (one or many), tag, category, collection, type, sales channel, giftcard and q', async () => {
      expect(await handles('status=draft&handle[]=alpha&handle[]=bravo&handle[]=charlie')).toEqual(['bravo']);
      expect((await handles('status[]=published&status[]=proposed&handle[$in][]=alpha&handle[$in][]=charlie&order=handle'))).toEqual(['alpha', 'charlie']);
      expect(await handles(`tag_id=${ids.tagB}`)).toEqual(['alpha']);
      expect(await handles(`category_id[]=${ids.categoryB}`)).toEqual(['bravo']);
      expect(await handles(`collection_id=${ids.collectionB}`)).toEqual(['alpha']);
      expect(await handles(`type_id=${ids.typeB}`)).toEqual(['bravo']);
      expect((await handles(`sales_channel_id=${otherChannel}&order=handle`))).toEqual(['charlie', 'tee']);
      expect(await handles('is_giftcard=true')).toEqual(['charlie']);
      expect(await handles('q=listed%20br')).toEqual(['bravo']);
      expect(await handles('q=TEE-M-WHITE')).toEqual(['tee']);
      expect(await handles('id=' + ids.alpha)).toEqual(['alpha']);
      const future = new Date(Date.now() + 60_000).toISOString();
      expect(await handles(`created_at[$gte]=${future}`)).toEqual([]);
    });

    it('orders, paginates and counts', async () => {
      const page = await list('order=-handle&limit=2&offset=1&fields=handle');
      expect(page).toMatchObject({ count: 5, offset: 1, limit: 2 });
      expect(page.products).toEqual([{ id: expect.any(String), handle: 'emile-zola-poster' }, { id: expect.any(String), handle: 'charlie' }]);
      expect((await list('order=title&fields=title')).products[0].title).toBe('Listed alpha');
    });

    it('returns only the requested fields and relations', async () => {
      const { products } = await list('handle=tee&fields=title,variants.sku,variants.prices.amount,sales_channels.name,categories.handle');
      expect(products).toEqual([
        {
          id: expect.any(String),
          title: 'Shirt tee',
          variants: expect.arrayContaining([{ sku: 'TEE-S-BLACK', prices: expect.arrayContaining([{ amount: 10 }, { amount: 12.5 }]) }]),
          sales_channels: expect.arrayContaining([{ name: 'Wholesale' }]),
          categories: [{ handle: 'category-a' }],
        },
      ]);
      const added = await list('handle=alpha&fields=%2Bcategories,-variants,-options,-images,-sales_channels');
      expect(added.products[0]).toMatchObject({ handle: 'alpha', categories: [], tags: [{ id: ids.tagB }] });
      expect(added.products[0].variants).toBeUndefined();
    });

    it('loads each relation with one query for the whole page (no N+1)', async () => {
      const orm = t.app.get(MikroORM);
      const count = async (limit: number) => {
        const spy = jest.spyOn(orm.em.getConnection(), 'execute');
        try {
          await list(`limit=${limit}&fields=*variants,*variants.options,*variants.prices,*options,*options.values,*images,*tags,*type,*collection,*categories,*sales_channels`);
          return spy.mock.calls.filter(([statement]) => !String(statement).includes('event_outbox')).length;
        } finally {
          spy.mockRestore();
        }
      };
      const one = await count(1);
      expect(await count(5)).toBe(one);
    });

    it('refuses unknown filters, fields and orders', async () => {
      for (const query of ['colour=red', 'fields=secret', 'order=description', 'status[$gt]=a']) {
        const res = await t.api.get(`/admin/products?${query}`).set(...admin()).expect(400);
        expect(res.body.type).toBe('invalid_data');
      }
    });
  });

  describe('update', () => {
    it('updates fields, replaces images, tags and sales channels', async () => {
      const created = await create({ title: 'Mutable', images: [{ url: 'https://img/a.png' }, { url: 'https://img/b.png' }], tags: [{ id: taxonomy.tag }], sales_channels: [{ id: t.salesChannelId }] }).expect(200);
      const id = created.body.product.id;
      const keptImage = created.body.product.images.find((i: Body) => i.url === 'https://img/b.png').id;
      const res = await t.api
        .post(`/admin/products/${id}`)
        .set(...admin())
        .send({ title: 'Mutated', subtitle: 'sub', images: [{ url: 'https://img/b.png' }, { url: 'https://img/c.png' }], tags: [{ id: taxonomy.tag2 }], sales_channels: [{ id: otherChannel }], status: 'published' })
        .expect(200);
      expect(res.body.product).toMatchObject({ title: 'Mutated', subtitle: 'sub', status: 'published', handle: 'mutable', tags: [{ id: taxonomy.tag2 }], sales_channels: [{ id: otherChannel }] });
      expect(res.body.product.images.map((i: Body) => [i.url, i.rank])).toEqual([['https://img/b.png', 0], ['https://img/c.png', 1]]);
      expect(res.body.product.images[0].id).toBe(keptImage);
      const events = await sql(`select name from event_outbox where name = 'product.updated' and data->>'id' = ?`, [id]);
      expect(events).toHaveLength(1);
    });

    it('refuses a handle in use, unknown references and unknown products, changing nothing', async () => {
      const id = (await create({ title: 'Stable' }).expect(200)).body.product.id;
      const before = await sql(`select title, handle, updated_at from product where id = ?`, [id]);
      expect((await t.api.post(`/admin/products/${id}`).set(...admin()).send({ handle: 'tee', title: 'Changed' }).expect(422)).body.type).toBe('duplicate_error');
      expect((await t.api.post(`/admin/products/${id}`).set(...admin()).send({ title: 'Changed', sales_channels: [{ id: 'sc_nope' }] }).expect(404)).body.type).toBe('not_found');
      expect((await t.api.post(`/admin/products/${id}`).set(...admin()).send({ title: 'Changed', tags: [{ id: 'ptag_nope' }] }).expect(404)).body.type).toBe('not_found');
      expect(await sql(`select title, handle, updated_at from product where id = ?`, [id])).toEqual(before);
      const missing = await t.api.post('/admin/products/prod_missing').set(...admin()).send({ title: 'X' }).expect(404);
      expect(missing.body).toEqual({ type: 'not_found', message: 'Product with id: prod_missing was not found' });
    });
  });

  describe('update with options and variants (Medusa\'s upsert body)', () => {
    let product: Body;
    const bySku = (p: Body, sku: string) => p.variants.find((v: Body) => v.sku === sku);
    const linksOf = async (variantIds: string[]) => {
      const arr = `{${variantIds.join(',')}}`;
      const sets = (await sql<{ price_set_id: string }>(`select price_set_id from product_variant_price_set where variant_id = any(?::text[])`, [arr])).map((r) => r.price_set_id);
      const items = (await sql<{ inventory_item_id: string }>(`select inventory_item_id from product_variant_inventory_item where variant_id = any(?::text[])`, [arr])).map((r) => r.inventory_item_id);
      return { sets, items };
    };
    beforeAll(async () => {
      product = (await create(shirtBody('upsert')).expect(200)).body.product;
    });

    it('refuses unknown variants and options, untitled new variants and clashing combinations, changing nothing', async () => {
      const size = product.options.find((o: Body) => o.title === 'Size');
      const [a, b] = [bySku(product, 'UPSERT-S-BLACK'), bySku(product, 'UPSERT-S-WHITE')];
      const before = await catalogCounts(t);
      const update = (body: Record<string, unknown>) => t.api.post(`/admin/products/${product.id}`).set(...admin()).send({ title: 'Never', ...body });
      expect((await update({ variants: [{ id: 'variant_nope', title: 'X' }] }).expect(404)).body).toEqual({ type: 'not_found', message: 'Variant with id: variant_nope was not found' });
      expect((await update({ variants: [{ sku: 'NO-TITLE' }] }).expect(400)).body).toEqual({ type: 'invalid_data', message: 'A new variant needs a title' });
      expect((await update({ options: [{ id: 'opt_nope', title: 'X' }] }).expect(404)).body.type).toBe('not_found');
      // dropping Color leaves both variants with Size S only: the second clashes, and Color comes back
      const clash = await update({ options: [{ id: size.id }], variants: [{ id: a.id }, { id: b.id, options: { Size: 'S' } }] }).expect(400);
      expect(clash.body).toMatchObject({ type: 'invalid_data', message: expect.stringMatching(/same options/) });
      expect(await catalogCounts(t)).toEqual(before);
      const after = (await t.api.get(`/admin/products/${product.id}`).set(...admin()).expect(200)).body.product;
      expect(after.title).toBe(product.title);
      expect(after.options.map((o: Body) => o.title)).toEqual(['Size', 'Color']);
      expect(after.variants).toHaveLength(4);
    });

    it('updates, creates and deletes options and variants, with their price sets and inventory items', async () => {
      const size = product.options.find((o: Body) => o.title === 'Size');
      const [sBlack, mBlack] = [bySku(product, 'UPSERT-S-BLACK'), bySku(product, 'UPSERT-M-BLACK')];
      const removed = [bySku(product, 'UPSERT-S-WHITE').id, bySku(product, 'UPSERT-M-WHITE').id];
      const removedLinks = await linksOf(removed);
      const eventsBefore = (await sql<{ id: string }>(`select id from event_outbox`)).map((e) => e.id);
      const res = await t.api
        .post(`/admin/products/${product.id}`)
        .set(...admin())
        .send({
          title: 'Upserted',
          options: [{ id: size.id, values: ['S', 'M', 'L'] }, { title: 'Color', values: ['Black'] }],
          variants: [
            { id: sBlack.id, title: 'S black', prices: [{ currency_code: 'eur', amount: 20 }] },
            { id: mBlack.id },
            { title: 'L / Black', sku: 'UPSERT-L-BLACK', options: { Size: 'L', Color: 'Black' }, prices: [{ currency_code: 'usd', amount: 30 }] },
          ],
        })
        .expect(200);
      const updated = res.body.product;
      expect(updated.title).toBe('Upserted');
      expect(updated.options.map((o: Body) => [o.title, o.values.map((v: Body) => v.value)])).toEqual([['Size', ['S', 'M', 'L']], ['Color', ['Black']]]);
      expect(updated.variants.map((v: Body) => v.sku).sort()).toEqual(['UPSERT-L-BLACK', 'UPSERT-M-BLACK', 'UPSERT-S-BLACK']);
      expect(bySku(updated, 'UPSERT-S-BLACK')).toMatchObject({ id: sBlack.id, title: 'S black', prices: [{ currency_code: 'eur', amount: 20 }] });
      expect(bySku(updated, 'UPSERT-M-BLACK').prices.map((p: Body) => p.amount).sort()).toEqual([10, 12.5]);
      const large = bySku(updated, 'UPSERT-L-BLACK');
      expect(large.prices).toMatchObject([{ currency_code: 'usd', amount: 30 }]);
      expect(large.options.map((o: Body) => [o.option.title, o.value]).sort()).toEqual([['Color', 'Black'], ['Size', 'L']]);
      const largeLinks = await linksOf([large.id]);
      expect(largeLinks.sets).toHaveLength(1);
      expect(await sql(`select sku from inventory_item where id = any(?::text[])`, [`{${largeLinks.items.join(',')}}`])).toEqual([{ sku: 'UPSERT-L-BLACK' }]);

      expect(await sql(`select id from product_variant where id = any(?::text[]) and deleted_at is null`, [`{${removed.join(',')}}`])).toEqual([]);
      expect(await sql(`select id from price_set where id = any(?::text[]) and deleted_at is null`, [`{${removedLinks.sets.join(',')}}`])).toEqual([]);
      expect(await sql(`select id from inventory_item where id = any(?::text[]) and deleted_at is null`, [`{${removedLinks.items.join(',')}}`])).toEqual([]);
      expect(await linksOf(removed)).toEqual({ sets: [], items: [] });

      const events = await sql<{ name: string; id: string }>(`select name, data->>'id' as id from event_outbox where name like 'product%' and not (id = any(?::text[]))`, [`{${eventsBefore.join(',')}}`]);
      const color = updated.options.find((o: Body) => o.title === 'Color');
      expect(events.map((e) => `${e.name} ${e.id}`).sort()).toEqual(
        [
          `product.updated ${product.id}`,
          `product-option.updated ${size.id}`,
          `product-option.updated ${color.id}`,
          `product-variant.updated ${sBlack.id}`,
          `product-variant.updated ${mBlack.id}`,
          `product-variant.created ${large.id}`,
          ...removed.map((id) => `product-variant.deleted ${id}`),
        ].sort(),
      );
    });
  });

  describe('delete', () => {
    it('soft-deletes the product and its variants, deletes their price sets and inventory items, and unlinks everything', async () => {
      const product = (await create(shirtBody('doomed', { sales_channels: [{ id: t.salesChannelId }] })).expect(200)).body.product;
      const variantIds: string[] = product.variants.map((v: Body) => v.id);
      const arr = `{${variantIds.join(',')}}`;
      const sets = (await sql<{ price_set_id: string }>(`select price_set_id from product_variant_price_set where variant_id = any(?::text[])`, [arr])).map((r) => r.price_set_id);
      const items = (await sql<{ inventory_item_id: string }>(`select inventory_item_id from product_variant_inventory_item where variant_id = any(?::text[])`, [arr])).map((r) => r.inventory_item_id);
      expect(sets).toHaveLength(4);
      expect(items).toHaveLength(4);

      const res = await t.api.delete(`/admin/products/${product.id}`).set(...admin()).expect(200);
      expect(res.body).toEqual({ id: product.id, object: 'product', deleted: true });
      await t.api.get(`/admin/products/${product.id}`).set(...admin()).expect(404);

      expect(await sql(`select id from product where id = ? and deleted_at is not null`, [product.id])).toHaveLength(1);
      expect(await sql(`select id from product_variant where id = any(?::text[]) and deleted_at is null`, [arr])).toEqual([]);
      expect(await sql(`select id from price_set where id = any(?::text[]) and deleted_at is null`, [`{${sets.join(',')}}`])).toEqual([]);
      expect(await sql(`select id from inventory_item where id = any(?::text[]) and deleted_at is null`, [`{${items.join(',')}}`])).toEqual([]);
      expect(await sql(`select * from product_variant_price_set where variant_id = any(?::text[])`, [arr])).toEqual([]);
      expect(await sql(`select * from product_variant_inventory_item where variant_id = any(?::text[])`, [arr])).toEqual([]);
      expect(await sql(`select * from product_sales_channel where product_id = ?`, [product.id])).toEqual([]);
      expect(await sql(`select name from event_outbox where name = 'product.deleted' and data->>'id' = ?`, [product.id])).toHaveLength(1);

      // the handle and SKUs are free again
      await create(shirtBody('doomed')).expect(200);
      await t.api.delete(`/admin/products/${product.id}`).set(...admin()).expect(404);
    });
  });

  describe('batch', () => {
    it('creates, updates and deletes in one request', async () => {
      const victim = (await create({ title: 'Batch victim' }).expect(200)).body.product.id;
      const target = (await create({ title: 'Batch target' }).expect(200)).body.product.id;
      const res = await t.api
        .post('/admin/products/batch')
        .set(...admin())
        .send({ create: [{ title: 'Batch new', variants: [{ title: 'Only', prices: [{ currency_code: 'eur', amount: 3 }] }] }], update: [{ id: target, title: 'Batch updated' }], delete: [victim] })
        .expect(200);
      expect(res.body.created).toHaveLength(1);
      expect(res.body.created[0]).toMatchObject({ title: 'Batch new', handle: 'batch-new' });
      expect(res.body.created[0].variants[0].prices).toMatchObject([{ currency_code: 'eur', amount: 3 }]);
      expect(res.body.updated).toMatchObject([{ id: target, title: 'Batch updated' }]);
      expect(res.body.deleted).toEqual({ ids: [victim], object: 'product', deleted: true });
    });

    it('rolls everything back when one part fails', async () => {
      const target = (await create({ title: 'Batch untouched' }).expect(200)).body.product.id;
      const before = await catalogCounts(t);
      const res = await t.api
        .post('/admin/products/batch')
        .set(...admin())
        .send({ create: [{ title: 'Batch never' }], update: [{ id: target, title: 'Never' }], delete: ['prod_missing'] })
        .expect(404);
      expect(res.body.type).toBe('not_found');
      expect(await catalogCounts(t)).toEqual(before);
      expect((await t.api.get(`/admin/products/${target}?fields=title`).set(...admin()).expect(200)).body.product.title).toBe('Batch untouched');
    });
  });

  describe('sales channel products', () => {
    it('adds and removes products of a channel', async () => {
      const a = (await create({ title: 'Channel A' }).expect(200)).body.product.id;
      const b = (await create({ title: 'Channel B', sales_channels: [{ id: otherChannel }] }).expect(200)).body.product.id;
      const res = await t.api.post(`/admin/sales-channels/${otherChannel}/products`).set(...admin()).send({ add: [a], remove: [b] }).expect(200);
      expect(res.body.sales_channel).toMatchObject({ id: otherChannel, name: 'Wholesale' });
      const rows = await sql<{ product_id: string }>(`select product_id from product_sales_channel where sales_channel_id = ? and product_id = any(?::text[])`, [otherChannel, `{${a},${b}}`]);
      expect(rows.map((r) => r.product_id)).toEqual([a]);
      const before = await catalogCounts(t);
      expect((await t.api.post(`/admin/sales-channels/${otherChannel}/products`).set(...admin()).send({ add: ['prod_nope'] }).expect(404)).body.type).toBe('not_found');
      expect((await t.api.post(`/admin/sales-channels/sc_nope/products`).set(...admin()).send({ add: [a] }).expect(404)).body.type).toBe('not_found');
      expect(await catalogCounts(t)).toEqual(before);
    });
  });

  describe('@medusajs/js-sdk', () => {
    it('creates, lists, retrieves, updates (with variant and option upserts) and deletes products through sdk.admin.product', async () => {
      const baseUrl = await t.listen();
      const sdk = new Medusa({ baseUrl, auth: { type: 'jwt', jwtTokenStorageMethod: 'memory' } });
      await sdk.auth.login('user', 'emailpass', ADMIN);
      const { product } = await sdk.admin.product.create({
        title: 'SDK Hoodie',
        options: [{ title: 'Size', values: ['M', 'L'] }],
        variants: [
          { title: 'M', sku: 'SDK-M', options: { Size: 'M' }, prices: [{ currency_code: 'eur', amount: 40 }] },
          { title: 'L', sku: 'SDK-L', options: { Size: 'L' }, prices: [{ currency_code: 'eur', amount: 42 }] },
        ],
      });
      expect(product).toMatchObject({ title: 'SDK Hoodie', handle: 'sdk-hoodie', status: 'draft' });
      const { products, count } = await sdk.admin.product.list({ q: 'hoodie', fields: 'title,*variants,*variants.prices' });
      expect(count).toBe(1);
      expect(products[0].variants?.map((v: Body) => [v.sku, v.prices[0].amount])).toEqual([['SDK-M', 40], ['SDK-L', 42]]);
      const retrieved = await sdk.admin.product.retrieve(product.id, { fields: 'handle' });
      expect(retrieved.product).toEqual({ id: product.id, handle: 'sdk-hoodie' });
      await expect(sdk.admin.product.create({ title: 'Dup', handle: 'sdk-hoodie' })).rejects.toMatchObject({ status: 422 });

      const [m, l] = [products[0].variants!.find((v: Body) => v.sku === 'SDK-M')!, products[0].variants!.find((v: Body) => v.sku === 'SDK-L')!];
      const updated = await sdk.admin.product.update(
        product.id,
        {
          title: 'SDK Hoodie 2',
          options: [{ title: 'Size', values: ['M', 'L', 'XL'] }],
          variants: [{ id: m.id, prices: [{ currency_code: 'eur', amount: 41 }] }, { title: 'XL', sku: 'SDK-XL', options: { Size: 'XL' }, prices: [{ currency_code: 'eur', amount: 44 }] }],
        },
        { fields: 'title,variants.sku,*variants.prices' },
      );
      expect(updated.product.title).toBe('SDK Hoodie 2');
      expect(updated.product.variants?.map((v: Body) => [v.sku, v.prices[0].amount])).toEqual([['SDK-M', 41], ['SDK-XL', 44]]);
      expect(await sql(`select id from product_variant where id = ? and deleted_at is null`, [l.id])).toEqual([]);

      const { variants } = await sdk.admin.product.listVariants(product.id, { fields: 'sku' });
      expect(variants.map((v: Body) => v.sku)).toEqual(['SDK-M', 'SDK-XL']);
      const deleted = await sdk.admin.product.delete(product.id);
      expect(deleted).toEqual({ id: product.id, object: 'product', deleted: true });
      await expect(sdk.admin.product.retrieve(product.id)).rejects.toMatchObject({ status: 404 });
    });
  });
});
