import Medusa from '@medusajs/js-sdk';
import { STORE_PRODUCT_LIST, STORE_VARIANT_LIST } from '../../../src/reads/store-catalog/catalog-fields';
import { RANKED_SEARCH_LIMIT } from '../../../src/reads/store-catalog/store-catalog.service';
import { CatalogFixture, seedCatalog } from '../../fixtures/catalog.fixture';
import { createIdentityApp, IdentityApp } from '../../utils/identity';
import { StatementCounter } from '../../utils/statement-counter';

type Product = Record<string, unknown> & { id: string; variants?: Array<Record<string, unknown>> };

/** GET /store/products[/:id]: the purpose-built store read (visibility, filters, fields, prices, stock, search). */
describe('Store products', () => {
  let t: IdentityApp;
  let c: CatalogFixture;
  const KEY = 'x-publishable-api-key';

  beforeAll(async () => {
    // a quiet outbox relay keeps the statement counts to the request's own statements
    t = await createIdentityApp({ env: { OUTBOX_POLL_INTERVAL_MS: '3600000' } });
    c = await seedCatalog(t.app, t.salesChannelId);
  });
  afterAll(() => t.close());

  const get = (url: string) => t.api.get(url).set(KEY, t.publishableKey);
  const list = async (query: string): Promise<{ products: Product[]; count: number; offset: number; limit: number }> =>
    (await get(`/store/products${query}`).expect(200)).body;
  const idsOf = async (query: string) => (await list(query)).products.map((p) => p.id);

  describe('visibility', () => {
    it('lists only published, undeleted products of the key’s channels, oldest first, with Medusa’s envelope', async () => {
      const body = await list('');
      expect(body.products.map((p) => p.id)).toEqual([c.ids.shirt, c.ids.mug, c.ids.hoodie]);
      expect(body).toMatchObject({ count: 3, offset: 0, limit: 50 });
    });

    it.each(['draft', 'otherChannel', 'deleted'] as const)('answers 404 with Medusa’s message for the %s product', async (which) => {
      const id = c.ids[which];
      const res = await get(`/store/products/${id}`).expect(404);
      expect(res.body).toEqual({ type: 'not_found', message: `Product with id: ${id} was not found` });
    });

    it('shows products of another channel to a key of that channel', async () => {
      const { api_key } = (
        await t.api.post('/admin/api-keys').set('Authorization', `Bearer ${t.adminToken}`).send({ title: 'Other', type: 'publishable' }).expect(200)
      ).body;
      await t.api
        .post(`/admin/api-keys/${api_key.id}/sales-channels`)
        .set('Authorization', `Bearer ${t.adminToken}`)
        .send({ add: [c.otherChannelId] })
        .expect(200);
      const res = await t.api.get('/store/products').set(KEY, api_key.token).expect(200);
      expect(res.body.products.map((p: Product) => p.id)).toEqual([c.ids.otherChannel]);
    });
  });

  describe('the default shape', () => {
    it('returns scalars, variants with options, options with values, images, tags, type and collection', async () => {
      const [shirt] = (await list(`?id=${c.ids.shirt}`)).products;
      expect(Object.keys(shirt).sort()).toEqual(
        [
          'id', 'title', 'subtitle', 'description', 'handle', 'is_giftcard', 'discountable', 'thumbnail', 'collection_id', 'type_id',
          'weight', 'length', 'height', 'width', 'hs_code', 'origin_country', 'mid_code', 'material', 'created_at', 'updated_at',
          'type', 'collection', 'options', 'tags', 'images', 'variants',
        ].sort(),
      );
      expect(shirt.created_at).toBe('2024-01-01T10:00:00.000Z');
      expect(shirt.collection).toMatchObject({ id: 'pcol_summer', title: 'Summer', handle: 'summer', deleted_at: null });
      expect(shirt.type).toMatchObject({ id: 'ptyp_top', value: 'Top' });
      expect(shirt.tags).toEqual([expect.objectContaining({ id: 'ptag_cotton', value: 'cotton' })]);
      expect((shirt.images as Product[]).map((i) => i.id)).toEqual(['img_shirt_front', 'img_shirt_back']);
      expect(shirt.options).toEqual([
        expect.objectContaining({ id: 'opt_size', title: 'Size', values: [expect.objectContaining({ value: 'S' }), expect.objectContaining({ value: 'M' })] }),
      ]);
      const [s] = shirt.variants!;
      expect(s).toMatchObject({ id: c.ids.shirtS, sku: 'SHIRT-BLUE-S', manage_inventory: true, product_id: c.ids.shirt });
      expect(s.options).toEqual([expect.objectContaining({ id: 'optval_s', value: 'S', option: expect.objectContaining({ id: 'opt_size', title: 'Size' }) })]);
      expect(s).not.toHaveProperty('calculated_price');
      expect(s).not.toHaveProperty('inventory_quantity');
    });

    it('hides a category below an inactive one, as /store/product-categories does', async () => {
      await get('/store/product-categories/pcat_under_inactive').expect(404);
      const hoodie = (await get(`/store/products/${c.ids.hoodie}?fields=id,*categories`).expect(200)).body.product;
      expect(hoodie.categories).toEqual([]);
    });

    it('adds categories (active, public ones only) on the single product, as Medusa does', async () => {
      const shirt = (await get(`/store/products/${c.ids.shirt}`).expect(200)).body.product;
      expect(shirt.categories).toEqual([{ is_internal: false }]);
      const hoodie = (await get(`/store/products/${c.ids.hoodie}`).expect(200)).body.product;
      expect(hoodie.categories).toEqual([]);
    });
  });

  describe('filters and order', () => {
    it.each([
      ['one id', () => `?id=${c.ids.mug}`, () => [c.ids.mug]],
      ['many ids', () => `?id[]=${c.ids.mug}&id[]=${c.ids.draft}&id[]=${c.ids.shirt}`, () => [c.ids.shirt, c.ids.mug]],
      ['handle', () => '?handle=hoodie', () => [c.ids.hoodie]],
      ['$eq and $in together (both hold)', () => `?id[$eq]=${c.ids.mug}&id[$in][]=${c.ids.shirt}`, () => []],
      ['$eq and $in agreeing', () => `?id[$eq]=${c.ids.mug}&id[$in][]=${c.ids.mug}&id[$in][]=${c.ids.shirt}`, () => [c.ids.mug]],
      ['collection', () => '?collection_id=pcol_summer', () => [c.ids.shirt]],
      ['type', () => '?type_id=ptyp_top', () => [c.ids.shirt]],
      ['tag', () => '?tag_id[]=ptag_cotton', () => [c.ids.shirt]],
      ['category', () => '?category_id=pcat_root', () => [c.ids.mug]],
      ['category tree', () => '?category_id=pcat_root&include_descendants_tree=true', () => [c.ids.shirt, c.ids.mug]],
      ['internal category', () => '?category_id=pcat_internal', () => []],
      ['inactive category', () => '?category_id=pcat_inactive', () => []],
      // hidden by /store/product-categories because its parent is inactive: not a filter either
      ['category under an inactive one', () => '?category_id=pcat_under_inactive', () => []],
      ['created_at range', () => '?created_at[$gte]=2024-01-15&created_at[$lt]=2024-03-01', () => [c.ids.mug]],
      ['updated_at $gt', () => '?updated_at[$gt]=2024-02-01T10:00:00Z', () => [c.ids.hoodie]],
      ['created_at $eq', () => '?created_at[$eq]=2024-01-01T10:00:00Z', () => [c.ids.shirt]],
    ])('filters by %s', async (_name, query, expected) => {
      const body = await list(query());
      expect(body.products.map((p) => p.id)).toEqual(expected());
      expect(body.count).toBe(expected().length);
    });

    it.each([
      ['-created_at', ['prod_hoodie', 'prod_mug', 'prod_shirt']],
      ['title', ['prod_shirt', 'prod_mug', 'prod_hoodie']],
      ['-title', ['prod_hoodie', 'prod_mug', 'prod_shirt']],
      ['handle', ['prod_shirt', 'prod_hoodie', 'prod_mug']],
      ['updated_at', ['prod_shirt', 'prod_mug', 'prod_hoodie']],
    ])('orders by %s', async (order, expected) => {
      expect(await idsOf(`?order=${order}&fields=id`)).toEqual(expected);
    });

    it('pages with limit and offset and keeps the full count', async () => {
      const body = await list('?limit=1&offset=1&fields=id');
      expect(body).toEqual({ products: [{ id: c.ids.mug }], count: 3, offset: 1, limit: 1 });
    });

    it.each([
      ['?limit=101', 'limit must not be greater than 100'],
      ['?foo=bar', "Invalid request: Unrecognized fields: 'foo'"],
      ['?created_at[$like]=2024', "Operator '$like' is not supported for filter 'created_at'"],
      ['?handle[$ne]=mug', "Operator '$ne' is not supported for filter 'handle'"],
      ['?order=price', "Order field 'price' is not valid"],
      ['?fields=secret', 'Requested fields [secret] are not valid'],
      ['?include_descendants_tree=yes', 'include_descendants_tree must be true or false'],
      ['?cart_id=', 'cart_id must be a single non-empty string'],
      ['?fields=%2Bvariants.calculated_price', 'Missing required pricing context to calculate prices - currency_code or region_id'],
      ['?country_code=zz', 'No region sells to the country code: zz'],
    ])('rejects %s with 400 invalid_data', async (query, message) => {
      const res = await get(`/store/products${query}`).expect(400);
      expect(res.body).toEqual({ type: 'invalid_data', message });
    });

    it('answers 404 for an unknown cart', async () => {
      const res = await get('/store/products?cart_id=cart_nope').expect(404);
      expect(res.body).toEqual({ type: 'not_found', message: 'Cart id not found: cart_nope' });
    });

    it('answers 404 for an unknown region', async () => {
      const res = await get('/store/products?region_id=reg_nope').expect(404);
      expect(res.body).toEqual({ type: 'not_found', message: 'Region with id: reg_nope was not found' });
    });
  });

  describe('fields', () => {
    it('removes a field and a relation with -', async () => {
      const [shirt] = (await list(`?id=${c.ids.shirt}&fields=-description,-variants`)).products;
      expect(shirt).not.toHaveProperty('description');
      expect(shirt).not.toHaveProperty('variants');
      expect(shirt).toHaveProperty('images');
    });

    it('replaces the defaults with a plain list (nested items carry only what was asked, as Medusa’s categories do)', async () => {
      const [shirt] = (await list(`?id=${c.ids.shirt}&fields=title,variants.sku`)).products;
      expect(shirt).toEqual({ id: c.ids.shirt, title: 'Blue Cotton Shirt', variants: [{ sku: 'SHIRT-BLUE-S' }, { sku: 'SHIRT-BLUE-M' }] });
    });

    it('adds a whole relation with *categories', async () => {
      const [shirt] = (await list(`?id=${c.ids.shirt}&fields=id,*categories`)).products;
      expect(shirt.categories).toEqual([expect.objectContaining({ id: 'pcat_child', name: 'Shirts', mpath: 'pcat_root.pcat_child' })]);
    });

    it('computes inventory_quantity for managed variants from the channel’s locations', async () => {
      const products = (await list('?fields=id,variants.id,%2Bvariants.inventory_quantity')).products;
      const variants = products.flatMap((p) => p.variants!);
      expect(variants).toEqual([
        { id: c.ids.shirtS, inventory_quantity: 7 },
        { id: c.ids.shirtM, inventory_quantity: 2 },
        { id: c.ids.mugVariant },
        { id: 'variant_hoodie', inventory_quantity: 0 },
      ]);
    });
  });

  describe('calculated prices', () => {
    it('prices variants in the region when asked: the active sale wins when lower, else the region rule', async () => {
      const [shirt] = (await list(`?id=${c.ids.shirt}&region_id=${c.regionId}&fields=id,variants.id,%2Bvariants.calculated_price`)).products;
      const [s, m] = shirt.variants!;
      expect(s.calculated_price).toEqual({
        id: 'pset_s',
        is_calculated_price_price_list: true,
        is_calculated_price_tax_inclusive: false,
        calculated_amount: 15,
        raw_calculated_amount: { value: '15', precision: 20 },
        is_original_price_price_list: false,
        is_original_price_tax_inclusive: false,
        original_amount: 18,
        raw_original_amount: { value: '18', precision: 20 },
        currency_code: 'eur',
        calculated_price: { id: 'price_s_sale', price_list_id: 'plist_sale', price_list_type: 'sale', min_quantity: null, max_quantity: null },
        original_price: { id: 'price_s_region', price_list_id: null, price_list_type: null, min_quantity: null, max_quantity: null },
      });
      expect(m.calculated_price).toMatchObject({ calculated_amount: 18, original_amount: 18, is_calculated_price_price_list: false });
    });

    it('adds calculated_price to the defaults when a region is given (medusa-wire 04), in the region’s currency', async () => {
      const products = (await list(`?region_id=${c.usdRegionId}`)).products;
      const prices = products.flatMap((p) => p.variants!.map((v) => (v.calculated_price as { calculated_amount?: number } | null)?.calculated_amount ?? null));
      expect(prices).toEqual([25, null, null, null]);
      const mug = (await get(`/store/products/${c.ids.mug}?country_code=FR`).expect(200)).body.product;
      expect(mug.variants[0].calculated_price).toMatchObject({ calculated_amount: 8.5, currency_code: 'eur' });
    });
  });

  describe('search', () => {
    it.each([
      ['a full word', 'cotton', ['prod_shirt']],
      ['a stem', 'shirts', ['prod_shirt']],
      ['a prefix', 'cott', ['prod_shirt']],
      ['two prefixes', 'blu shi', ['prod_shirt']],
      ['an infix inside a word (trigram)', 'otto', ['prod_shirt']],
      ['a SKU word', 'white', ['prod_mug']],
      ['a SKU infix (trigram)', 'hirt-blu', ['prod_shirt']],
      ['a hidden product’s word', 'draft', []],
      ['nothing', 'zzzz', []],
    ])('finds %s', async (_name, q, expected) => {
      const body = await list(`?q=${encodeURIComponent(q)}&fields=id`);
      expect(body.products.map((p) => p.id)).toEqual(expected);
      expect(body.count).toBe(expected.length);
    });
  });

  describe('search without a trigram', () => {
    it.each(['!!!', 'a-b', 'é?ü'])('answers %j from the full-text index alone, never a LIKE scan', async (q) => {
      const counter = new StatementCounter(t.app);
      let body: { products: Product[] } = { products: [] };
      const statements = await counter.record(async () => {
        body = (await get(`/store/products?q=${encodeURIComponent(q)}&fields=id`).expect(200)).body;
      });
      expect(statements.filter((s) => / like /i.test(s))).toEqual([]);
      expect(body.products).toEqual([]);
    });
  });

  describe('statement budget', () => {
    it('runs the same number of statements for 1 and 50 products, prices and stock included', async () => {
      const counter = new StatementCounter(t.app);
      const query = `region_id=${c.regionId}&fields=%2Bvariants.calculated_price,%2Bvariants.inventory_quantity,*categories`;
      await get(`/store/products?limit=1&${query}`).expect(200); // the publishable key and the count are cached after this
      // the first product (the shirt) has list prices, so PricingService reads price lists on both pages
      const one = await counter.record(() => get(`/store/products?limit=1&${query}`).expect(200));
      const fifty = await counter.record(() => get(`/store/products?limit=50&${query}`).expect(200));
      expect(fifty.length).toBe(one.length);
      if (process.env.SHOW_STATEMENTS) console.log([one.length, ...one.map((q) => q.slice(0, 120))].join('\n'));
      // the region, the page (ids + count when stale), the products JSON with stock, and
      // PricingService.calculatePrices (prices with their price lists and preferences, one statement)
      expect(one.length).toBe(4);
      const single = await counter.record(() => get(`/store/products/${c.ids.shirt}?${query}`).expect(200));
      expect(single.length).toBeLessThanOrEqual(one.length);
    });

    it('recounts after a catalog write and not before', async () => {
      expect((await list('?fields=id')).count).toBe(3);
      await t.app.get(StatementCounter.ormToken()).em.fork().getConnection().execute(`update product set status = 'published' where id = 'prod_draft'`);
      expect((await list('?fields=id')).count).toBe(4);
      await t.app.get(StatementCounter.ormToken()).em.fork().getConnection().execute(`update product set status = 'draft' where id = 'prod_draft'`);
      expect((await list('?fields=id')).count).toBe(3);
    });
  });

  describe('indexes', () => {
    /** Leading btree key of every index on `table` (a leading `status` is skipped: the store always filters on it). */
    const leadingColumns = async (table: string): Promise<Set<string>> => {
      const em = t.app.get(StatementCounter.ormToken()).em.fork();
      const rows = (await em.getConnection().execute(`select indexdef from pg_indexes where tablename = ?`, [table])) as Array<{ indexdef: string }>;
      const leading = rows.flatMap(({ indexdef }) => {
        const keys = /using btree \(([^)]*)\)/i.exec(indexdef)?.[1].split(',').map((k) => k.trim().replace(/"/g, '')) ?? [];
        return keys[0] === 'status' ? keys.slice(1, 2) : keys.slice(0, 1);
      });
      return new Set(leading);
    };

    it('indexes every sort column and direct filter column of the store product and variant lists', async () => {
      const productColumns = [...STORE_PRODUCT_LIST.order!.allowed!, ...Object.keys(STORE_PRODUCT_LIST.filters!).filter((k) => !['tag_id', 'category_id'].includes(k))];
      const variantColumns = [...STORE_VARIANT_LIST.order!.allowed!, ...Object.keys(STORE_VARIANT_LIST.filters!)];
      const product = await leadingColumns('product');
      const variant = await leadingColumns('product_variant');
      expect(productColumns.filter((column) => !product.has(column))).toEqual([]);
      expect(variantColumns.filter((column) => !variant.has(column))).toEqual([]);
    });
  });

  it('serves sdk.store.product.list with a region and calculated prices', async () => {
    const baseUrl = await t.listen();
    const sdk = new Medusa({ baseUrl, publishableKey: t.publishableKey });
    const { products, count } = await sdk.store.product.list({ region_id: c.regionId, fields: '+variants.calculated_price' });
    expect(count).toBe(3);
    expect(products[0].variants?.[0].calculated_price?.calculated_amount).toBe(15);
  });

  // last: it adds a thousand products the tests above do not expect
  describe('a broad search', () => {
    it(`lists more than ${RANKED_SEARCH_LIMIT} matches oldest first instead of ranking them all, with the exact count`, async () => {
      const run = (statement: string, params: unknown[] = []) => t.app.get(StatementCounter.ormToken()).em.fork().getConnection().execute(statement, params);
      const total = RANKED_SEARCH_LIMIT + 1;
      // the newest repeats the word: ranked first by relevance, last by age
      await run(`insert into product (id, title, handle, status, created_at)
        select 'prod_zebra_' || lpad(n::text, 4, '0'), case when n = ? then 'Zebra zebra zebra' else 'Zebra ' || n end, 'zebra-' || n, 'published',
               timestamptz '2020-01-01' + n * interval '1 minute'
          from generate_series(1, ?) n`, [total, total]);
      await run(`insert into product_sales_channel (product_id, sales_channel_id) select id, ? from product where id like 'prod_zebra_%'`, [t.salesChannelId]);
      const body = await list('?q=zebra&fields=id&limit=3');
      expect(body.count).toBe(total);
      expect(body.products.map((p) => p.id)).toEqual(['prod_zebra_0001', 'prod_zebra_0002', 'prod_zebra_0003']);
      // a selective search is still ranked, and an explicit order is still obeyed
      expect((await idsOf(`?q=${encodeURIComponent('zebra zebra')}&id[]=prod_zebra_0002&id[]=prod_zebra_${String(total)}&fields=id`))).toEqual([`prod_zebra_${String(total)}`, 'prod_zebra_0002']);
      expect(await idsOf('?q=zebra&order=-created_at&fields=id&limit=1')).toEqual([`prod_zebra_${String(total)}`]);
    });
  });
});
