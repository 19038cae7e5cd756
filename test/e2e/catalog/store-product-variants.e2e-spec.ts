import { CatalogFixture, seedCatalog } from '../../fixtures/catalog.fixture';
import { createIdentityApp, IdentityApp } from '../../utils/identity';
import { StatementCounter } from '../../utils/statement-counter';

type Variant = Record<string, unknown> & { id: string };

/** GET /store/product-variants[/:id]: the same store read, one row per variant. */
describe('Store product variants', () => {
  let t: IdentityApp;
  let c: CatalogFixture;

  beforeAll(async () => {
    t = await createIdentityApp({ env: { OUTBOX_POLL_INTERVAL_MS: '3600000' } });
    c = await seedCatalog(t.app, t.salesChannelId);
  });
  afterAll(() => t.close());

  const get = (url: string) => t.api.get(url).set('x-publishable-api-key', t.publishableKey);
  const list = async (query: string): Promise<{ variants: Variant[]; count: number; offset: number; limit: number }> =>
    (await get(`/store/product-variants${query}`).expect(200)).body;

  it('lists the variants of visible products only (created_at then id), with their options', async () => {
    const body = await list('');
    // the fixture inserts every variant in one statement: they tie on created_at, the id decides
    expect(body.variants.map((v) => v.id)).toEqual(['variant_hoodie', c.ids.mugVariant, c.ids.shirtM, c.ids.shirtS]);
    expect(body).toMatchObject({ count: 4, offset: 0, limit: 50 });
    expect(body.variants[3]).toMatchObject({ sku: 'SHIRT-BLUE-S', product_id: c.ids.shirt });
    expect(body.variants[3].options).toEqual([expect.objectContaining({ value: 'S', option: expect.objectContaining({ title: 'Size' }) })]);
    expect(body.variants[3]).not.toHaveProperty('calculated_price');
  });

  it.each([
    ['sku', () => '?sku=MUG-WHITE', () => [c.ids.mugVariant]],
    ['product_id', () => `?product_id=${c.ids.shirt}`, () => [c.ids.shirtM, c.ids.shirtS]],
    ['ids', () => `?id[]=${c.ids.shirtM}&id[]=${c.ids.draftVariant}`, () => [c.ids.shirtM]],
    ['q', () => '?q=cotton', () => [c.ids.shirtM, c.ids.shirtS]],
  ])('filters by %s', async (_name, query, expected) => {
    expect((await list(query())).variants.map((v) => v.id)).toEqual(expected());
  });

  it('orders by -sku', async () => {
    expect((await list('?order=-sku&fields=sku')).variants.map((v) => v.sku)).toEqual(['SHIRT-BLUE-S', 'SHIRT-BLUE-M', 'MUG-WHITE', 'HOODIE-1']);
  });

  it('retrieves one with its price, stock and product', async () => {
    const res = await get(`/store/product-variants/${c.ids.shirtS}?region_id=${c.regionId}&fields=%2Binventory_quantity,*product`).expect(200);
    expect(res.body.variant).toMatchObject({
      id: c.ids.shirtS,
      inventory_quantity: 7,
      calculated_price: { calculated_amount: 15, original_amount: 18, currency_code: 'eur' },
      product: { id: c.ids.shirt, title: 'Blue Cotton Shirt' },
    });
  });

  it.each(['draftVariant', 'otherVariant'] as const)('hides the %s with 404', async (which) => {
    const id = c.ids[which];
    const res = await get(`/store/product-variants/${id}`).expect(404);
    expect(res.body).toEqual({ type: 'not_found', message: `Variant with id: ${id} was not found` });
  });

  it('rejects calculated_price without a region and cart_id', async () => {
    expect((await get('/store/product-variants?fields=%2Bcalculated_price').expect(400)).body.message).toBe(
      'Missing required pricing context to calculate prices - currency_code or region_id',
    );
    expect((await get('/store/product-variants?cart_id=cart_1').expect(404)).body).toEqual({ type: 'not_found', message: 'Cart id not found: cart_1' });
  });

  it('runs the same number of statements for 1 and 50 variants', async () => {
    const counter = new StatementCounter(t.app);
    // -sku puts the shirt S (with sale-list prices) first, so both pages make PricingService read price lists
    const query = `region_id=${c.regionId}&fields=%2Binventory_quantity&order=-sku`;
    await get(`/store/product-variants?limit=1&${query}`).expect(200);
    const one = await counter.record(() => get(`/store/product-variants?limit=1&${query}`).expect(200));
    const fifty = await counter.record(() => get(`/store/product-variants?limit=50&${query}`).expect(200));
    expect(one.length).toBe(4); // region, page, variants, prices with their price lists and preferences
    expect(fifty.length).toBe(one.length);
  });
});
