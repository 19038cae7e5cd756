import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Context, systemContext } from '../../../src/framework/context/context';
import { SeedRunner } from '../../../src/framework/database/seeding';
import { FulfillmentService } from '../../../src/modules/fulfillment/fulfillment.service';
import type { ShippingContextInput } from '../../../src/modules/fulfillment/fulfillment.types';
import { PromotionService } from '../../../src/modules/promotion/promotion.service';
import { TaxService } from '../../../src/modules/tax/tax.service';
import { bearer, createIdentityApp, IdentityApp } from '../../utils/identity';

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('the demo checkout seed (first development start)', () => {
  let t: IdentityApp;
  let europe: Body;
  let northAmerica: Body;
  let warehouseId: string;
  const admin = () => bearer(t.adminToken);
  const store = (url: string) => t.api.get(url).set('x-publishable-api-key', t.publishableKey);
  const ctx = (): Context => systemContext(t.app.get(MikroORM).em.fork() as EntityManager);
  const sql = (query: string) => (t.app.get(MikroORM).em.fork() as EntityManager).getConnection().execute<Array<Record<string, string>>>(query);

  const shippingContext = (over: Partial<ShippingContextInput> = {}): ShippingContextInput => ({
    address: { country_code: 'dk', province_code: null, city: 'Copenhagen', postal_code: '2200' },
    location_ids: [warehouseId],
    enabled_in_store: true,
    is_return: false,
    currency_code: 'eur',
    region_id: europe.id,
    ...over,
  });
  const offered = async (over: Partial<ShippingContextInput> = {}) =>
    (await t.app.get(FulfillmentService).listShippingOptionsForContext(ctx(), shippingContext(over)))
      .map((o) => ({ name: o.name, amount: o.amount, currency: o.calculated_price?.currency_code, type: o.type.code, provider: o.provider_id }))
      .sort((a, b) => a.name.localeCompare(b.name));

  /** How many rows of everything the seeder creates, to prove a second run adds none. */
  const census = async () =>
    Object.fromEntries(
      await Promise.all(
        [
          'tax_region',
          'tax_rate',
          'shipping_profile',
          'fulfillment_set',
          'service_zone',
          'geo_zone',
          'shipping_option',
          'shipping_option_rule',
          'shipping_option_type',
          'shipping_option_price_set',
          'price_set',
          'price',
          'location_fulfillment_set',
          'location_fulfillment_provider',
          'sales_channel_stock_location',
          'region_payment_provider',
          'promotion',
          'promotion_application_method',
        ].map(async (table) => [table, Number((await sql(`select count(*)::int as n from ${table}`))[0].n)] as const),
      ),
    );

  beforeAll(async () => {
    t = await createIdentityApp({ env: { SEED_DEMO_CATALOG: 'true' } });
    const regions = await t.api.get('/admin/regions?fields=*countries').set(...admin()).expect(200);
    europe = regions.body.regions.find((r: Body) => r.name === 'Europe');
    northAmerica = regions.body.regions.find((r: Body) => r.name === 'North America');
    const stores = await t.api.get('/admin/stores').set(...admin()).expect(200);
    warehouseId = stores.body.stores[0].default_location_id;
  });
  afterAll(() => t.close());

  it('creates a tax region with its standard rate for every country of the seeded regions', async () => {
    const res = await t.api.get('/admin/tax-regions?limit=100&order=country_code&fields=country_code,province_code,*tax_rates').set(...admin()).expect(200);
    const countries = res.body.tax_regions.filter((r: Body) => r.province_code === null);
    const rateOf = Object.fromEntries(countries.map((r: Body) => [r.country_code, r.tax_rates.map((x: Body) => [x.rate, x.is_default])]));
    expect(rateOf).toEqual({
      ca: [[5, true]],
      de: [[19, true]],
      dk: [[25, true]],
      es: [[21, true]],
      fr: [[20, true]],
      gb: [[20, true]],
      it: [[22, true]],
      se: [[25, true]],
      us: [[0, true]],
    });
    const seededCountries = [...europe.countries, ...northAmerica.countries].map((c: Body) => c.iso_2).sort();
    expect(Object.keys(rateOf).sort()).toEqual(seededCountries);
  });

  it('taxes a Danish address at 25 %, a Californian one at the state rate and a Québec one at GST plus QST', async () => {
    const tax = t.app.get(TaxService);
    const lines = async (country_code: string, province_code: string | null) => {
      const result = await tax.taxLinesFor(ctx(), {
        address: { country_code, province_code },
        items: [{ id: 'item', product_id: null, product_type_id: null, quantity: 1, unit_price: '100', is_tax_inclusive: false }],
        shipping_methods: [{ id: 'ship', shipping_option_id: null, amount: '10', is_tax_inclusive: false }],
      });
      return {
        item: (result.items.get('item') ?? []).map((l) => [l.code, l.rate]),
        shipping: (result.shipping_methods.get('ship') ?? []).map((l) => [l.code, l.rate]),
      };
    };
    expect(await lines('dk', null)).toEqual({ item: [['DK-VAT', 25]], shipping: [['DK-VAT', 25]] });
    expect(await lines('us', 'us-ca')).toEqual({ item: [['US-CA', 7.25]], shipping: [['US-CA', 7.25]] });
    expect(await lines('us', 'us-or')).toEqual({ item: [['US-NONE', 0]], shipping: [['US-NONE', 0]] });
    expect(await lines('ca', 'ca-qc')).toEqual({ item: [['CA-QC-QST', 9.975], ['CA-GST', 5]], shipping: [['CA-QC-QST', 9.975], ['CA-GST', 5]] });
    expect(await lines('ca', 'ca-on')).toEqual({ item: [['CA-ON-HST', 13]], shipping: [['CA-ON-HST', 13]] });
    // a country outside the store's regions has no tax region
    expect(await lines('no', null)).toEqual({ item: [], shipping: [] });
  });

  it('offers Standard and Express shipping from the European Warehouse, priced in each region\'s currency', async () => {
    expect(await offered()).toEqual([
      { name: 'Express Shipping', amount: 25, currency: 'eur', type: 'express', provider: 'manual_manual' },
      { name: 'Standard Shipping', amount: 10, currency: 'eur', type: 'standard', provider: 'manual_manual' },
    ]);
    expect((await offered({ address: { country_code: 'it', city: 'Roma', postal_code: '00100' } })).map((o) => o.name)).toEqual(['Express Shipping', 'Standard Shipping']);
    expect(
      await offered({ address: { country_code: 'us', province_code: 'us-ny', city: 'New York', postal_code: '10001' }, currency_code: 'usd', region_id: northAmerica.id }),
    ).toEqual([
      { name: 'Express Shipping', amount: 25, currency: 'usd', type: 'express', provider: 'manual_manual' },
      { name: 'Standard Shipping', amount: 10, currency: 'usd', type: 'standard', provider: 'manual_manual' },
    ]);
    // the North American options do not ship to Denmark, and none of them is a return option
    expect(await offered({ currency_code: 'usd', region_id: northAmerica.id })).toEqual([]);
    expect(await offered({ is_return: true })).toEqual([]);
    expect(await offered({ address: { country_code: 'no' } })).toEqual([]);
  });

  it('ships from the warehouse with the manual provider, for the default sales channel', async () => {
    const res = await t.api
      .get(`/admin/stock-locations/${warehouseId}?fields=name,*sales_channels,*fulfillment_providers,*fulfillment_sets,*fulfillment_sets.service_zones,*fulfillment_sets.service_zones.geo_zones`)
      .set(...admin())
      .expect(200);
    const location = res.body.stock_location;
    expect(location.name).toBe('European Warehouse');
    expect(location.sales_channels.map((c: Body) => c.id)).toEqual([t.salesChannelId]);
    expect(location.fulfillment_providers.map((p: Body) => p.id)).toEqual(['manual_manual']);
    expect(location.fulfillment_sets).toHaveLength(1);
    const [set] = location.fulfillment_sets;
    expect(set).toMatchObject({ name: 'European Warehouse delivery', type: 'shipping' });
    const zones = Object.fromEntries(set.service_zones.map((z: Body) => [z.name, z.geo_zones.map((g: Body) => `${g.type}:${g.country_code}`).sort()]));
    expect(zones).toEqual({
      Europe: ['country:de', 'country:dk', 'country:es', 'country:fr', 'country:gb', 'country:it', 'country:se'],
      'North America': ['country:ca', 'country:us'],
    });
    const profiles = await t.api.get('/admin/shipping-profiles').set(...admin()).expect(200);
    expect(profiles.body.shipping_profiles.map((p: Body) => [p.name, p.type])).toEqual([['Default Shipping Profile', 'default']]);
    const options = await t.api.get('/admin/shipping-options?limit=50&fields=name,shipping_profile_id,*rules').set(...admin()).expect(200);
    expect(options.body.count).toBe(4);
    for (const option of options.body.shipping_options) {
      expect(option.shipping_profile_id).toBe(profiles.body.shipping_profiles[0].id);
      expect(option.rules.map((r: Body) => [r.attribute, r.operator, r.value]).sort()).toEqual([
        ['enabled_in_store', 'eq', 'true'],
        ['is_return', 'eq', 'false'],
      ]);
    }
  });

  it('lets the storefront pay with pp_system_default in every region', async () => {
    for (const region of [europe, northAmerica]) {
      const res = await store(`/store/payment-providers?region_id=${region.id}`).expect(200);
      expect(res.body.payment_providers).toEqual([{ id: 'pp_system_default', is_enabled: true }]);
    }
  });

  it('creates the active promotion code WELCOME10: 10 % off the items', async () => {
    const res = await t.api.get('/admin/promotions?code=WELCOME10&fields=code,type,status,is_automatic,*application_method').set(...admin()).expect(200);
    expect(res.body.count).toBe(1);
    expect(res.body.promotions[0]).toMatchObject({
      code: 'WELCOME10',
      type: 'standard',
      status: 'active',
      is_automatic: false,
      application_method: { type: 'percentage', target_type: 'items', allocation: 'across', value: 10 },
    });
    const item = (id: string, subtotal: string) => ({
      id,
      quantity: 1,
      subtotal,
      is_discountable: true,
      product_id: null,
      variant_id: null,
      product_collection_id: null,
      product_category_ids: [],
      product_type_id: null,
      product_tag_ids: [],
    });
    const { actions } = await t.app.get(PromotionService).computeActions(ctx(), ['WELCOME10'], {
      currency_code: 'eur',
      region_id: europe.id,
      customer: null,
      items: [item('a', '30'), item('b', '15')],
      shipping_methods: [{ id: 'sm', subtotal: '10', shipping_option_id: null }],
    });
    expect(actions.map((a) => a.action === 'addItemAdjustment' && [a.item_id, Number(a.amount), a.code])).toEqual([
      ['a', 3, 'WELCOME10'],
      ['b', 1.5, 'WELCOME10'],
    ]);
  });

  it('creates nothing twice: a second start runs nothing, and running the seeder again adds nothing', async () => {
    const before = await census();
    expect(before).toMatchObject({ tax_region: 9 + 5 + 3, shipping_option: 4, service_zone: 2, fulfillment_set: 1, promotion: 1, region_payment_provider: 2 });
    expect(await t.app.get(SeedRunner).runPending()).toEqual([]);
    // forget that it ran, as on a database seeded by hand or before this seeder existed
    await sql(`delete from seed_run where name = 'demo-checkout'`);
    expect(await t.app.get(SeedRunner).runPending()).toEqual(['demo-checkout']);
    expect(await census()).toEqual(before);
    expect(await offered()).toHaveLength(2);
  });
});

describe('the demo checkout seed, switched off (SEED_DEMO_CATALOG=false)', () => {
  let t: IdentityApp;
  beforeAll(async () => {
    t = await createIdentityApp();
  });
  afterAll(() => t.close());

  it('seeds no tax region, shipping option, provider or promotion, but records that it ran', async () => {
    const admin = bearer(t.adminToken);
    for (const [url, key] of [
      ['/admin/tax-regions', 'tax_regions'],
      ['/admin/shipping-options', 'shipping_options'],
      ['/admin/shipping-profiles', 'shipping_profiles'],
      ['/admin/promotions', 'promotions'],
    ]) {
      const res = await t.api.get(url).set(...admin).expect(200);
      expect([key, res.body.count]).toEqual([key, 0]);
    }
    const regions = await t.api.get('/admin/regions').set(...admin).expect(200);
    for (const region of regions.body.regions) {
      const res = await t.api.get(`/store/payment-providers?region_id=${region.id}`).set('x-publishable-api-key', t.publishableKey).expect(200);
      expect(res.body.payment_providers).toEqual([]);
    }
    const ran = await (t.app.get(MikroORM).em.fork() as EntityManager).getConnection().execute(`select 1 from seed_run where name = 'demo-checkout'`);
    expect(ran).toHaveLength(1);
  });
});
