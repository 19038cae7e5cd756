import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Context, systemContext } from '../../../src/framework/context/context';
import { FulfillmentService } from '../../../src/modules/fulfillment/fulfillment.service';
import type { ShippingContextInput } from '../../../src/modules/fulfillment/fulfillment.types';
import { StatementCounter } from '../../utils/statement-counter';
import { bearer, createIdentityApp, IdentityApp } from '../../utils/identity';
import { shippingSetup, STORE_RULES, WeighingCarrierModule } from './fulfillment.helpers';

describe('FulfillmentService: shipping options for a cart', () => {
  let t: IdentityApp;
  let fulfillment: FulfillmentService;
  let finland: string;
  let norway: string;
  let locationId: string;
  let otherLocationId: string;
  const ids: Record<string, string> = {};

  const admin = () => bearer(t.adminToken);
  const ctx = (): Context => systemContext(t.app.get(MikroORM).em as EntityManager);

  async function option(name: string, setup: { zone: { id: string }; profile: { id: string } }, extra: Record<string, unknown> = {}) {
    const body = {
      name,
      service_zone_id: setup.zone.id,
      shipping_profile_id: setup.profile.id,
      provider_id: 'manual_manual',
      price_type: 'flat',
      type: { label: name, code: name.toLowerCase() },
      prices: [{ currency_code: 'eur', amount: 10 }, { region_id: finland, amount: 8 }],
      rules: STORE_RULES,
      ...extra,
    };
    const res = await t.api.post('/admin/shipping-options').set(...admin()).send(body).expect(200);
    ids[name] = res.body.shipping_option.id;
    return res.body.shipping_option.id as string;
  }

  beforeAll(async () => {
    t = await createIdentityApp({ imports: [WeighingCarrierModule] });
    fulfillment = t.app.get(FulfillmentService);
    finland = (await t.api.post('/admin/regions').set(...admin()).send({ name: 'Finland', currency_code: 'eur', countries: ['fi'] }).expect(200)).body.region.id;
    norway = (await t.api.post('/admin/regions').set(...admin()).send({ name: 'Norway', currency_code: 'nok', countries: ['no'] }).expect(200)).body.region.id;

    const main = await shippingSetup(t, 'Main', [{ type: 'country', country_code: 'fi' }]);
    locationId = main.location.id;
    await option('Country', main);
    await option('Admin only', main, { rules: [{ attribute: 'enabled_in_store', operator: 'eq', value: 'false' }, { attribute: 'is_return', operator: 'eq', value: 'false' }] });
    await option('Return', main, { rules: [{ attribute: 'enabled_in_store', operator: 'eq', value: 'true' }, { attribute: 'is_return', operator: 'eq', value: 'true' }] });
    await option('Big carts', main, { rules: [...STORE_RULES, { attribute: 'item_total', operator: 'gte', value: '100' }] });
    await option('Calculated', main, { price_type: 'calculated', provider_id: 'weighing_carrier', data: { id: 'by-weight', per_kg: '2.5' }, prices: [] });

    const set = main.set.id;
    const zone = async (name: string, geo: Record<string, unknown>) =>
      (await t.api.post(`/admin/fulfillment-sets/${set}/service-zones`).set(...admin()).send({ name, geo_zones: [geo] }).expect(200)).body.fulfillment_set.service_zones.find(
        (z: { name: string }) => z.name === name,
      );
    await option('Province', { zone: await zone('Uusimaa', { type: 'province', country_code: 'fi', province_code: 'fi-18' }), profile: main.profile });
    await option('City', { zone: await zone('Turku', { type: 'city', country_code: 'fi', city: 'Turku' }), profile: main.profile });
    await option('Zip', { zone: await zone('Lapland zips', { type: 'zip', country_code: 'fi', postal_expression: { prefix: '96' } }), profile: main.profile });

    const other = await shippingSetup(t, 'Other', [{ type: 'country', country_code: 'fi' }]);
    otherLocationId = other.location.id;
    await option('Elsewhere', other);
  });
  afterAll(() => t.close());

  const input = (over: Partial<ShippingContextInput> = {}): ShippingContextInput => ({
    address: { country_code: 'FI', province_code: null, city: 'Helsinki', postal_code: '00100' },
    location_ids: [locationId],
    enabled_in_store: true,
    is_return: false,
    currency_code: 'eur',
    region_id: finland,
    cart_context: { item_total: 50 },
    ...over,
  });
  const names = async (over: Partial<ShippingContextInput> = {}) => (await fulfillment.listShippingOptionsForContext(ctx(), input(over))).map((o) => o.name).sort();

  it('matches geo zones by country, province, city and zip', async () => {
    expect(await names()).toEqual(['Calculated', 'Country']);
    expect(await names({ address: { country_code: 'fi', province_code: 'FI-18', city: 'Espoo', postal_code: '02100' } })).toEqual(['Calculated', 'Country', 'Province']);
    expect(await names({ address: { country_code: 'fi', city: 'turku', postal_code: '20100' } })).toEqual(['Calculated', 'City', 'Country']);
    expect(await names({ address: { country_code: 'fi', city: 'Rovaniemi', postal_code: '96 100' } })).toEqual(['Calculated', 'Country', 'Zip']);
    expect(await names({ address: { country_code: 'se', city: 'Turku', postal_code: '96100' } })).toEqual([]);
    expect(await names({ address: null })).toEqual([]);
  });

  it('only offers the sales channel locations', async () => {
    expect(await names({ location_ids: [otherLocationId] })).toEqual(['Elsewhere']);
    expect(await names({ location_ids: [locationId, otherLocationId] })).toEqual(['Calculated', 'Country', 'Elsewhere']);
    expect(await names({ location_ids: [] })).toEqual([]);
  });

  it('applies rules: store visibility, returns, and cart attributes', async () => {
    expect(await names({ is_return: true })).toEqual(['Return']);
    expect(await names({ cart_context: { item_total: 150 } })).toEqual(['Big carts', 'Calculated', 'Country']);
    expect(await names({ enabled_in_store: false })).toEqual(['Admin only']);
    // without enabled_in_store (admin use) both store and admin-only options are offered
    expect(await names({ enabled_in_store: undefined })).toEqual(['Admin only', 'Calculated', 'Country']);
  });

  it('prices with the region price when the region has one, else the currency price; no price, no option', async () => {
    const inFinland = await fulfillment.listShippingOptionsForContext(ctx(), input());
    const country = inFinland.find((o) => o.name === 'Country')!;
    expect(country).toMatchObject({
      price_type: 'flat',
      amount: 8,
      is_tax_inclusive: false,
      insufficient_inventory: false,
      provider: { id: 'manual_manual', is_enabled: true },
      type: { label: 'Country', code: 'country' },
      calculated_price: { calculated_amount: 8, raw_calculated_amount: { value: '8', precision: 20 }, currency_code: 'eur' },
      service_zone: { fulfillment_set: { type: 'shipping', location: { id: locationId } } },
    });
    expect(country.rules.map((r) => [r.attribute, r.operator, r.value])).toEqual([
      ['enabled_in_store', 'eq', 'true'],
      ['is_return', 'eq', 'false'],
    ]);
    const otherRegion = (await fulfillment.listShippingOptionsForContext(ctx(), input({ region_id: 'reg_elsewhere' }))).find((o) => o.name === 'Country')!;
    expect(otherRegion.amount).toBe(10);
    expect(await names({ currency_code: 'nok', region_id: norway })).toEqual(['Calculated']);
  });

  it('validates the options a cart picks, with their amounts', async () => {
    const picked = await fulfillment.validateShippingOptions(ctx(), [ids.Country, ids.Calculated], input({ cart_context: { item_total: 50, data: { kg: 3 } } }));
    expect(picked.get(ids.Country)).toEqual({
      id: ids.Country,
      name: 'Country',
      amount: '8',
      is_tax_inclusive: false,
      price_type: 'flat',
      shipping_profile_id: expect.stringMatching(/^sp_/),
      provider_id: 'manual_manual',
      data: null,
    });
    expect(picked.get(ids.Calculated)).toMatchObject({ amount: '7.5', is_tax_inclusive: true, price_type: 'calculated', provider_id: 'weighing_carrier' });
    for (const bad of [ids['Admin only'], ids.Elsewhere, ids.Zip, 'so_missing']) {
      await expect(fulfillment.validateShippingOptions(ctx(), [ids.Country, bad], input())).rejects.toMatchObject({
        type: 'invalid_data',
        message: 'Shipping Options are invalid for cart.',
      });
    }
  });

  it('calculates a price: flat from the price set, calculated from the provider; no price for the currency is refused', async () => {
    expect(await fulfillment.calculateShippingPrice(ctx(), ids.Country, { currency_code: 'eur', region_id: finland })).toEqual({ amount: '8', is_tax_inclusive: false });
    expect(await fulfillment.calculateShippingPrice(ctx(), ids.Calculated, { currency_code: 'eur', region_id: finland, data: { kg: 4 } })).toEqual({ amount: '10', is_tax_inclusive: true });
    await expect(fulfillment.calculateShippingPrice(ctx(), ids.Country, { currency_code: 'nok', region_id: norway })).rejects.toMatchObject({ type: 'invalid_data' });
    await expect(fulfillment.calculateShippingPrice(ctx(), 'so_missing', { currency_code: 'eur', region_id: finland })).rejects.toMatchObject({ type: 'not_found' });
  });

  it('lists with a bounded number of statements, whatever the number of options', async () => {
    const counter = new StatementCounter(t.app);
    const statements = async () =>
      (await counter.record(() => fulfillment.listShippingOptionsForContext(ctx(), input({ address: { country_code: 'fi', province_code: 'fi-18', city: 'Turku', postal_code: '96100' } })))).filter(
        (s) => !s.includes('event_outbox'),
      ).length;
    const before = await statements();
    const country = await fulfillment.retrieveShippingOption(ctx(), ids.Country);
    const main = { zone: { id: country.service_zone_id }, profile: { id: country.shipping_profile_id } };
    for (let i = 0; i < 6; i++) await option(`More ${i}`, main);
    expect((await names({ address: { country_code: 'fi', province_code: 'fi-18', city: 'Turku', postal_code: '96100' } })).length).toBe(11);
    const after = await statements();
    expect(after).toBe(before);
    // fulfillment sets of the locations, the options with all of this module they need, price links, prices, locations, calculated prices
    expect(after).toBe(6);
  });
});
