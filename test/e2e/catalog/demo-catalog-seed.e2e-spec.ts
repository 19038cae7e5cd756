import { bearer, createIdentityApp, IdentityApp } from '../../utils/identity';

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('the demo catalog seed (first development start)', () => {
  let t: IdentityApp;
  let europeId: string;
  const admin = () => bearer(t.adminToken);
  const store = (url: string) => t.api.get(url).set('x-publishable-api-key', t.publishableKey);

  beforeAll(async () => {
    t = await createIdentityApp({ env: { SEED_DEMO_CATALOG: 'true' } });
    const regions = await t.api.get('/admin/regions?name=Europe').set(...admin()).expect(200);
    europeId = regions.body.regions[0].id;
  });
  afterAll(() => t.close());

  it('creates the European Warehouse, sells from it through the default channel and makes it the store default', async () => {
    const locations = await t.api.get('/admin/stock-locations?fields=*address,*sales_channels').set(...admin()).expect(200);
    expect(locations.body.stock_locations).toHaveLength(1);
    const [warehouse] = locations.body.stock_locations;
    expect(warehouse).toMatchObject({ name: 'European Warehouse', address: { city: 'Copenhagen', country_code: 'dk' } });
    expect(warehouse.sales_channels.map((c: Body) => c.id)).toEqual([t.salesChannelId]);
    const stores = await t.api.get('/admin/stores').set(...admin()).expect(200);
    expect(stores.body.stores[0].default_location_id).toBe(warehouse.id);
  });

  it('publishes four products that a storefront lists with prices for its region and stock', async () => {
    const res = await store(`/store/products?region_id=${europeId}&fields=%2Bvariants.inventory_quantity&order=title`).expect(200);
    expect(res.body.products.map((p: Body) => p.handle)).toEqual(['shorts', 'sweatpants', 'sweatshirt', 't-shirt']);
    const tee = res.body.products.find((p: Body) => p.handle === 't-shirt');
    expect(tee.variants).toHaveLength(8);
    expect(tee.options.map((o: Body) => o.title).sort()).toEqual(['Color', 'Size']);
    for (const variant of tee.variants) {
      expect(variant.calculated_price).toMatchObject({ calculated_amount: 10, original_amount: 10, currency_code: 'eur' });
      expect(variant.inventory_quantity).toBe(1_000_000);
    }
    const categories = await store('/store/product-categories?order=rank').expect(200);
    expect(categories.body.product_categories.map((c: Body) => c.name)).toEqual(['Shirts', 'Sweatshirts', 'Pants', 'Merch']);
  });

  it('refuses a store default location that does not exist, changing nothing', async () => {
    const stores = await t.api.get('/admin/stores').set(...admin()).expect(200);
    const { id, default_location_id: before } = stores.body.stores[0];
    const res = await t.api.post(`/admin/stores/${id}`).set(...admin()).send({ default_location_id: 'sloc_missing' }).expect(404);
    expect(res.body).toEqual({ type: 'not_found', message: 'Stock location with id: sloc_missing was not found' });
    const after = await t.api.get(`/admin/stores/${id}`).set(...admin()).expect(200);
    expect(after.body.store.default_location_id).toBe(before);
  });
});

describe('the demo catalog seed, switched off', () => {
  let t: IdentityApp;
  beforeAll(async () => {
    t = await createIdentityApp();
  });
  afterAll(() => t.close());

  it('seeds no warehouse and no products', async () => {
    const locations = await t.api.get('/admin/stock-locations').set(...bearer(t.adminToken)).expect(200);
    expect(locations.body.count).toBe(0);
    const products = await t.api.get('/admin/products').set(...bearer(t.adminToken)).expect(200);
    expect(products.body.count).toBe(0);
  });
});
