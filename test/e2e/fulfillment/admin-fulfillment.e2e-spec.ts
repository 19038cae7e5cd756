import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { systemContext } from '../../../src/framework/context/context';
import { FulfillmentService as FulfillmentServiceToken } from '../../../src/modules/fulfillment/fulfillment.service';
import { bearer, createIdentityApp, IdentityApp } from '../../utils/identity';
import { CARRIER, shippingSetup, sql, STORE_RULES, WeighingCarrierModule } from './fulfillment.helpers';

const systemCtx = (t: IdentityApp) => systemContext(t.app.get(MikroORM).em as EntityManager);

describe('admin fulfillment routes', () => {
  let t: IdentityApp;
  let regionId: string;
  beforeAll(async () => {
    t = await createIdentityApp({ imports: [WeighingCarrierModule] });
    regionId = (await t.api.post('/admin/regions').set(...bearer(t.adminToken)).send({ name: 'Norway', currency_code: 'nok', countries: ['no'] }).expect(200)).body.region.id;
  });
  afterAll(() => t.close());

  const admin = () => bearer(t.adminToken);
  const count = async (table: string) => Number((await sql<{ n: string }>(t, `select count(*) as n from ${table} where deleted_at is null`))[0].n);
  const events = (name: string, id: string) => sql<{ name: string }>(t, "select name from event_outbox where name = ? and data->>'id' = ?", [name, id]);

  describe('fulfillment sets, service zones and geo zones', () => {
    it('creates a set for a location and shows it with zones through the dashboard fields', async () => {
      const { location, set, zone } = await shippingSetup(t, 'Nordic', [
        { type: 'country', country_code: 'DK' },
        { type: 'zip', country_code: 'se', postal_expression: { prefix: '21' } },
      ]);
      expect(set).toMatchObject({ id: expect.stringMatching(/^fuset_/), name: 'Nordic shipping', type: 'shipping' });
      expect(zone.id).toMatch(/^serzo_/);
      expect(zone.geo_zones.map((g: { type: string; country_code: string }) => [g.type, g.country_code])).toEqual([
        ['country', 'dk'],
        ['zip', 'se'],
      ]);
      expect(zone.geo_zones[0].id).toMatch(/^fgz_/);

      const fields = '*fulfillment_sets,*fulfillment_sets.service_zones,*fulfillment_sets.service_zones.geo_zones,*fulfillment_sets.service_zones.shipping_options';
      const res = await t.api.get(`/admin/stock-locations/${location.id}?fields=${fields}`).set(...admin()).expect(200);
      const [shown] = res.body.stock_location.fulfillment_sets;
      expect(shown).toMatchObject({ id: set.id, name: 'Nordic shipping', type: 'shipping' });
      expect(shown.service_zones[0]).toMatchObject({ id: zone.id, name: 'Nordic zone', shipping_options: [] });
      expect(shown.service_zones[0].geo_zones).toHaveLength(2);
      // without the fields, no fulfillment sets
      const plain = await t.api.get(`/admin/stock-locations/${location.id}`).set(...admin()).expect(200);
      expect(plain.body.stock_location.fulfillment_sets).toBeUndefined();
    });

    it('retrieves, updates (replacing geo zones) and deletes a service zone', async () => {
      const { set, zone } = await shippingSetup(t, 'Zones', [{ type: 'country', country_code: 'dk' }]);
      const got = await t.api.get(`/admin/fulfillment-sets/${set.id}/service-zones/${zone.id}`).set(...admin()).expect(200);
      expect(got.body.service_zone).toMatchObject({ id: zone.id, fulfillment_set_id: set.id, geo_zones: [expect.objectContaining({ country_code: 'dk' })] });
      const kept = zone.geo_zones[0].id;
      const updated = await t.api
        .post(`/admin/fulfillment-sets/${set.id}/service-zones/${zone.id}`)
        .set(...admin())
        .send({ name: 'Zones renamed', geo_zones: [{ id: kept, type: 'province', province_code: 'DK-84' }, { type: 'city', country_code: 'de', city: 'Berlin' }] })
        .expect(200);
      const after = updated.body.fulfillment_set.service_zones[0];
      expect(after.name).toBe('Zones renamed');
      expect(after.geo_zones.map((g: { id: string; type: string; province_code: string | null; city: string | null }) => [g.type, g.province_code, g.city])).toEqual([
        ['province', 'dk-84', null],
        ['city', null, 'Berlin'],
      ]);
      expect(after.geo_zones[0].id).toBe(kept);

      const deleted = await t.api.delete(`/admin/fulfillment-sets/${set.id}/service-zones/${zone.id}`).set(...admin()).expect(200);
      expect(deleted.body).toMatchObject({ id: zone.id, object: 'service_zone', deleted: true, parent: { id: set.id, service_zones: [] } });
      await t.api.get(`/admin/fulfillment-sets/${set.id}/service-zones/${zone.id}`).set(...admin()).expect(404);
    });

    it('refuses bad zones with {type, message} and writes nothing', async () => {
      const { set, zone } = await shippingSetup(t, 'Strict', [{ type: 'country', country_code: 'dk' }]);
      const zones = await count('service_zone');
      const geo = await count('geo_zone');
      const province = await t.api.post(`/admin/fulfillment-sets/${set.id}/service-zones`).set(...admin()).send({ name: 'P', geo_zones: [{ type: 'province', country_code: 'dk' }] }).expect(400);
      expect(province.body).toEqual({ type: 'invalid_data', message: 'A geo zone of type province needs province_code' });
      const zip = await t.api
        .post(`/admin/fulfillment-sets/${set.id}/service-zones`)
        .set(...admin())
        .send({ name: 'Z', geo_zones: [{ type: 'zip', country_code: 'dk', postal_expression: { regex: '(' } }] })
        .expect(400);
      expect(zip.body.type).toBe('invalid_data');
      const badType = await t.api.post(`/admin/fulfillment-sets/${set.id}/service-zones`).set(...admin()).send({ name: 'T', geo_zones: [{ type: 'planet', country_code: 'dk' }] }).expect(400);
      expect(badType.body.type).toBe('invalid_data');
      const unknownField = await t.api.post(`/admin/fulfillment-sets/${set.id}/service-zones`).set(...admin()).send({ name: 'U', colour: 'red' }).expect(400);
      expect(unknownField.body).toEqual({ type: 'invalid_data', message: "Invalid request: Unrecognized fields: 'colour'" });
      const duplicate = await t.api.post(`/admin/fulfillment-sets/${set.id}/service-zones`).set(...admin()).send({ name: 'Strict zone' }).expect(422);
      expect(duplicate.body.type).toBe('duplicate_error');
      await t.api.post('/admin/fulfillment-sets/fuset_missing/service-zones').set(...admin()).send({ name: 'M' }).expect(404);
      const badUpdate = await t.api
        .post(`/admin/fulfillment-sets/${set.id}/service-zones/${zone.id}`)
        .set(...admin())
        .send({ name: 'Changed', geo_zones: [{ id: 'fgz_missing', type: 'country', country_code: 'se' }] })
        .expect(404);
      expect(badUpdate.body.type).toBe('not_found');
      expect(await count('service_zone')).toBe(zones);
      expect(await count('geo_zone')).toBe(geo);
      const [row] = await sql<{ name: string }>(t, 'select name from service_zone where id = ?', [zone.id]);
      expect(row.name).toBe('Strict zone');
      await t.api.delete('/admin/fulfillment-sets/fuset_missing').set(...admin()).expect(404);
      await t.api.post('/admin/stock-locations/sloc_missing/fulfillment-sets').set(...admin()).send({ name: 'Nowhere', type: 'shipping' }).expect(404);
      expect(await sql(t, "select * from fulfillment_set where name = 'Nowhere'")).toEqual([]);
    });

    it('deletes a set with its zones, options and their prices', async () => {
      const { set, zone, profile, location } = await shippingSetup(t, 'Doomed', [{ type: 'country', country_code: 'dk' }]);
      const option = (
        await t.api
          .post('/admin/shipping-options')
          .set(...admin())
          .send({ name: 'Doomed std', service_zone_id: zone.id, shipping_profile_id: profile.id, provider_id: 'manual_manual', price_type: 'flat', type: { label: 'S', code: 's' }, prices: [{ currency_code: 'eur', amount: 5 }] })
          .expect(200)
      ).body.shipping_option;
      const res = await t.api.delete(`/admin/fulfillment-sets/${set.id}`).set(...admin()).expect(200);
      expect(res.body).toEqual({ id: set.id, object: 'fulfillment_set', deleted: true });
      await t.api.get(`/admin/shipping-options/${option.id}`).set(...admin()).expect(404);
      expect(await sql(t, 'select * from location_fulfillment_set where fulfillment_set_id = ?', [set.id])).toEqual([]);
      expect(await sql(t, 'select * from shipping_option_price_set where shipping_option_id = ?', [option.id])).toEqual([]);
      expect(await sql(t, 'select id from price where price_set_id = ? and deleted_at is null', [option.prices[0].price_set_id])).toEqual([]);
      expect(await events('shipping-option.deleted', option.id)).toHaveLength(1);
      const shown = await t.api.get(`/admin/stock-locations/${location.id}?fields=*fulfillment_sets`).set(...admin()).expect(200);
      expect(shown.body.stock_location.fulfillment_sets).toEqual([]);
    });
  });

  describe('shipping profiles', () => {
    it('creates, lists, retrieves, updates and deletes; refuses deleting a profile with options', async () => {
      const created = await t.api.post('/admin/shipping-profiles').set(...admin()).send({ name: 'Bulky', type: 'custom', metadata: { max_kg: 40 } }).expect(200);
      const profile = created.body.shipping_profile;
      expect(profile).toMatchObject({ id: expect.stringMatching(/^sp_/), name: 'Bulky', type: 'custom', metadata: { max_kg: 40 } });
      const list = await t.api.get('/admin/shipping-profiles?q=bulk').set(...admin()).expect(200);
      expect(list.body).toMatchObject({ count: 1, shipping_profiles: [{ id: profile.id }] });
      await t.api.get(`/admin/shipping-profiles/${profile.id}`).set(...admin()).expect(200);
      const updated = await t.api.post(`/admin/shipping-profiles/${profile.id}`).set(...admin()).send({ name: 'Bulky goods' }).expect(200);
      expect(updated.body.shipping_profile.name).toBe('Bulky goods');
      const dup = await t.api.post('/admin/shipping-profiles').set(...admin()).send({ name: 'Bulky goods', type: 'x' }).expect(422);
      expect(dup.body.type).toBe('duplicate_error');
      await t.api.post('/admin/shipping-profiles').set(...admin()).send({ name: 'No type' }).expect(400);

      const { zone } = await shippingSetup(t, 'Profiled', [{ type: 'country', country_code: 'dk' }]);
      await t.api
        .post('/admin/shipping-options')
        .set(...admin())
        .send({ name: 'Freight', service_zone_id: zone.id, shipping_profile_id: profile.id, provider_id: 'manual_manual', price_type: 'flat', type: { label: 'F', code: 'f' }, prices: [{ currency_code: 'eur', amount: 50 }] })
        .expect(200);
      const refused = await t.api.delete(`/admin/shipping-profiles/${profile.id}`).set(...admin()).expect(400);
      expect(refused.body).toEqual({
        type: 'not_allowed',
        message: `Cannot delete Shipping Profiles ${profile.id} with associated Shipping Options. Delete Shipping Options and try again.`,
      });
      await t.api.get(`/admin/shipping-profiles/${profile.id}`).set(...admin()).expect(200);
      const empty = (await t.api.post('/admin/shipping-profiles').set(...admin()).send({ name: 'Empty', type: 'default' }).expect(200)).body.shipping_profile;
      expect((await t.api.delete(`/admin/shipping-profiles/${empty.id}`).set(...admin()).expect(200)).body).toEqual({ id: empty.id, object: 'shipping_profile', deleted: true });
      await t.api.get(`/admin/shipping-profiles/${empty.id}`).set(...admin()).expect(404);
    });
  });

  describe('shipping options', () => {
    it('creates an option with currency and region prices, rules and a type; records shipping-option.created', async () => {
      const { zone, profile } = await shippingSetup(t, 'Options', [{ type: 'country', country_code: 'dk' }]);
      const res = await t.api
        .post('/admin/shipping-options')
        .set(...admin())
        .send({
          name: 'Standard',
          service_zone_id: zone.id,
          shipping_profile_id: profile.id,
          provider_id: 'manual_manual',
          price_type: 'flat',
          data: { id: 'manual-fulfillment' },
          type: { label: 'Standard', description: 'Ship in 2-3 days.', code: 'standard' },
          prices: [{ currency_code: 'EUR', amount: 10 }, { region_id: regionId, amount: 45 }],
          rules: STORE_RULES,
        })
        .expect(200);
      const option = res.body.shipping_option;
      expect(option).toMatchObject({
        id: expect.stringMatching(/^so_/),
        name: 'Standard',
        price_type: 'flat',
        provider_id: 'manual_manual',
        shipping_profile_id: profile.id,
        type: { id: expect.stringMatching(/^sotype_/), label: 'Standard', code: 'standard', description: 'Ship in 2-3 days.' },
        provider: { id: 'manual_manual', is_enabled: true },
        service_zone: { id: zone.id },
        shipping_profile: { id: profile.id },
      });
      expect(option.rules.map((r: { attribute: string; value: string }) => [r.attribute, r.value])).toEqual([
        ['enabled_in_store', 'true'],
        ['is_return', 'false'],
      ]);
      const prices = option.prices.map((p: { currency_code: string; amount: number; price_rules: Array<{ attribute: string; value: string }> }) => [
        p.currency_code,
        p.amount,
        p.price_rules.map((r) => [r.attribute, r.value]),
      ]);
      expect(prices).toEqual(expect.arrayContaining([['eur', 10, []], ['nok', 45, [['region_id', regionId]]]]));
      expect(await events('shipping-option.created', option.id)).toHaveLength(1);
    });

    it('lists with filters: service zone, stock location, profile, is_return, admin_only, q', async () => {
      const a = await shippingSetup(t, 'ListA', [{ type: 'country', country_code: 'dk' }]);
      const b = await shippingSetup(t, 'ListB', [{ type: 'country', country_code: 'dk' }]);
      const make = async (name: string, setup: typeof a, rules: Array<Record<string, unknown>>) =>
        (
          await t.api
            .post('/admin/shipping-options')
            .set(...admin())
            .send({ name, service_zone_id: setup.zone.id, shipping_profile_id: setup.profile.id, provider_id: 'manual_manual', price_type: 'flat', type: { label: name, code: name }, prices: [{ currency_code: 'eur', amount: 1 }], rules })
            .expect(200)
        ).body.shipping_option.id as string;
      const storeOpt = await make('ListA store', a, STORE_RULES);
      const returnOpt = await make('ListA return', a, [{ attribute: 'is_return', operator: 'eq', value: 'true' }, { attribute: 'enabled_in_store', operator: 'eq', value: 'true' }]);
      const adminOpt = await make('ListB admin', b, [{ attribute: 'enabled_in_store', operator: 'eq', value: 'false' }, { attribute: 'is_return', operator: 'eq', value: 'false' }]);
      const ids = async (query: string) => ((await t.api.get(`/admin/shipping-options?${query}&limit=100`).set(...admin()).expect(200)).body.shipping_options as Array<{ id: string }>).map((o) => o.id).sort();

      expect(await ids(`service_zone_id=${a.zone.id}`)).toEqual([storeOpt, returnOpt].sort());
      expect(await ids(`stock_location_id=${b.location.id}`)).toEqual([adminOpt]);
      expect(await ids(`shipping_profile_id=${b.profile.id}`)).toEqual([adminOpt]);
      expect(await ids(`service_zone_id=${a.zone.id}&is_return=true`)).toEqual([returnOpt]);
      expect(await ids(`service_zone_id=${a.zone.id}&is_return=false`)).toEqual([storeOpt]);
      expect(await ids(`stock_location_id[]=${a.location.id}&stock_location_id[]=${b.location.id}&admin_only=true`)).toEqual([adminOpt]);
      expect(await ids(`stock_location_id=${b.location.id}&admin_only=false`)).toEqual([]);
      expect(await ids('q=ListA%20ret')).toEqual([returnOpt]);
      expect(await ids(`id=${storeOpt}`)).toEqual([storeOpt]);
      await t.api.get('/admin/shipping-options?is_return=maybe').set(...admin()).expect(400);
      await t.api.get('/admin/shipping-options?colour=red').set(...admin()).expect(400);
    });

    it('updates fields, prices (whole list) and rules; records shipping-option.updated', async () => {
      const { zone, profile } = await shippingSetup(t, 'Upd', [{ type: 'country', country_code: 'dk' }]);
      const option = (
        await t.api
          .post('/admin/shipping-options')
          .set(...admin())
          .send({ name: 'Upd std', service_zone_id: zone.id, shipping_profile_id: profile.id, provider_id: 'manual_manual', price_type: 'flat', type: { label: 'U', code: 'u' }, prices: [{ currency_code: 'eur', amount: 10 }, { currency_code: 'usd', amount: 12 }], rules: STORE_RULES })
          .expect(200)
      ).body.shipping_option;
      const eur = option.prices.find((p: { currency_code: string }) => p.currency_code === 'eur');
      const res = await t.api
        .post(`/admin/shipping-options/${option.id}`)
        .set(...admin())
        .send({ name: 'Upd renamed', prices: [{ id: eur.id, currency_code: 'eur', amount: 11 }, { region_id: regionId, amount: 70 }], rules: [{ id: option.rules[0].id, attribute: 'enabled_in_store', operator: 'eq', value: 'false' }] })
        .expect(200);
      const after = res.body.shipping_option;
      expect(after.name).toBe('Upd renamed');
      expect(after.prices.map((p: { currency_code: string; amount: number }) => [p.currency_code, p.amount]).sort()).toEqual([['eur', 11], ['nok', 70]]);
      expect(after.prices.find((p: { currency_code: string }) => p.currency_code === 'eur').id).toBe(eur.id);
      expect(after.rules).toEqual([expect.objectContaining({ id: option.rules[0].id, attribute: 'enabled_in_store', value: 'false' })]);
      expect(await events('shipping-option.updated', option.id)).toHaveLength(1);
    });

    it('refuses bad options with {type, message} and writes nothing', async () => {
      const { zone, profile } = await shippingSetup(t, 'Bad', [{ type: 'country', country_code: 'dk' }]);
      const base = { name: 'Bad opt', service_zone_id: zone.id, shipping_profile_id: profile.id, provider_id: 'manual_manual', price_type: 'flat', type: { label: 'B', code: 'b' }, prices: [{ currency_code: 'eur', amount: 1 }] };
      const options = await count('shipping_option');
      const priceSets = await count('price_set');
      const cases: Array<[Record<string, unknown>, number, string]> = [
        [{ ...base, service_zone_id: 'serzo_missing' }, 404, 'Service zone with id: serzo_missing was not found'],
        [{ ...base, shipping_profile_id: 'sp_missing' }, 404, 'Shipping profile with id: sp_missing was not found'],
        [{ ...base, provider_id: 'ghost_ghost' }, 404, 'Fulfillment provider with id: ghost_ghost was not found'],
        [{ ...base, prices: [] }, 400, 'Shipping options of price_type flat need prices'],
        [{ ...base, prices: [{ region_id: 'reg_missing', amount: 3 }] }, 404, 'Region with id: reg_missing was not found'],
        [{ ...base, prices: [{ amount: 3 }] }, 400, 'A shipping option price needs a currency_code or a region_id'],
        [{ ...base, price_type: 'calculated' }, 400, 'The fulfillment provider manual_manual cannot calculate prices for this option'],
        [{ ...base, rules: [{ attribute: 'x', operator: 'in', value: 'a' }] }, 400, 'Rule operator in needs an array of strings as value'],
      ];
      for (const [body, status, message] of cases) {
        const res = await t.api.post('/admin/shipping-options').set(...admin()).send(body).expect(status);
        expect(res.body.message).toBe(message);
      }
      await t.api.post('/admin/shipping-options').set(...admin()).send({ ...base, price_type: 'cheap' }).expect(400);
      await t.api.post('/admin/shipping-options').set(...admin()).send({ ...base, rules: [{ attribute: 'x', operator: 'like', value: 'a' }] }).expect(400);
      await t.api.post('/admin/shipping-options').set(...admin()).send({ ...base, prices: [{ currency_code: 'eur', amount: -1 }] }).expect(400);
      expect(await count('shipping_option')).toBe(options);
      expect(await count('price_set')).toBe(priceSets);
      await t.api.post('/admin/shipping-options/so_missing').set(...admin()).send({ name: 'x' }).expect(404);
      await t.api.delete('/admin/shipping-options/so_missing').set(...admin()).expect(404);
      await t.api.get('/admin/shipping-options').expect(401);
    });

    it('batches rules and deletes an option with its prices', async () => {
      const { zone, profile } = await shippingSetup(t, 'Batch', [{ type: 'country', country_code: 'dk' }]);
      const option = (
        await t.api
          .post('/admin/shipping-options')
          .set(...admin())
          .send({ name: 'Batch std', service_zone_id: zone.id, shipping_profile_id: profile.id, provider_id: 'manual_manual', price_type: 'flat', type: { label: 'B', code: 'b' }, prices: [{ currency_code: 'eur', amount: 1 }], rules: STORE_RULES })
          .expect(200)
      ).body.shipping_option;
      const [inStore, isReturn] = option.rules;
      const res = await t.api
        .post(`/admin/shipping-options/${option.id}/rules/batch`)
        .set(...admin())
        .send({ create: [{ attribute: 'customer.groups.id', operator: 'in', value: ['vip'] }], update: [{ id: inStore.id, attribute: 'enabled_in_store', operator: 'eq', value: 'false' }], delete: [isReturn.id] })
        .expect(200);
      expect(res.body.created).toEqual([expect.objectContaining({ attribute: 'customer.groups.id', operator: 'in', value: ['vip'], id: expect.stringMatching(/^sorul_/) })]);
      expect(res.body.updated).toEqual([expect.objectContaining({ id: inStore.id, value: 'false' })]);
      expect(res.body.deleted).toEqual({ ids: [isReturn.id], object: 'shipping_option_rule', deleted: true });
      const rulesBefore = await sql(t, 'select id, value from shipping_option_rule where shipping_option_id = ? and deleted_at is null order by id', [option.id]);
      await t.api.post(`/admin/shipping-options/${option.id}/rules/batch`).set(...admin()).send({ delete: ['sorul_missing'], create: [{ attribute: 'a', operator: 'eq', value: 'b' }] }).expect(404);
      expect(await sql(t, 'select id, value from shipping_option_rule where shipping_option_id = ? and deleted_at is null order by id', [option.id])).toEqual(rulesBefore);

      const deleted = await t.api.delete(`/admin/shipping-options/${option.id}`).set(...admin()).expect(200);
      expect(deleted.body).toEqual({ id: option.id, object: 'shipping_option', deleted: true });
      await t.api.get(`/admin/shipping-options/${option.id}`).set(...admin()).expect(404);
      expect(await sql(t, 'select id from price where price_set_id = ? and deleted_at is null', [option.prices[0].price_set_id])).toEqual([]);
      expect(await events('shipping-option.deleted', option.id)).toHaveLength(1);
    });
  });

  describe('fulfillment providers', () => {
    it('lists providers with filters and their options', async () => {
      const list = await t.api.get('/admin/fulfillment-providers').set(...admin()).expect(200);
      expect(list.body.fulfillment_providers).toEqual([
        { id: 'manual_manual', is_enabled: true },
        { id: 'weighing_carrier', is_enabled: true },
      ]);
      const q = await t.api.get('/admin/fulfillment-providers?q=weigh').set(...admin()).expect(200);
      expect(q.body.fulfillment_providers).toEqual([{ id: 'weighing_carrier', is_enabled: true }]);
      const { location } = await shippingSetup(t, 'Providers', [{ type: 'country', country_code: 'dk' }]);
      expect((await t.api.get(`/admin/fulfillment-providers?stock_location_id=${location.id}`).set(...admin()).expect(200)).body.count).toBe(0);
      const linked = await t.api
        .post(`/admin/stock-locations/${location.id}/fulfillment-providers?fields=*fulfillment_providers`)
        .set(...admin())
        .send({ add: ['weighing_carrier', 'manual_manual'] })
        .expect(200);
      expect(linked.body.stock_location.fulfillment_providers.map((p: { id: string }) => p.id).sort()).toEqual(['manual_manual', 'weighing_carrier']);
      await t.api.post(`/admin/stock-locations/${location.id}/fulfillment-providers`).set(...admin()).send({ remove: ['manual_manual'] }).expect(200);
      const byLocation = await t.api.get(`/admin/fulfillment-providers?stock_location_id=${location.id}&is_enabled=true`).set(...admin()).expect(200);
      expect(byLocation.body.fulfillment_providers).toEqual([{ id: 'weighing_carrier', is_enabled: true }]);
      const refused = await t.api.post(`/admin/stock-locations/${location.id}/fulfillment-providers`).set(...admin()).send({ add: ['ghost_ghost'] }).expect(404);
      expect(refused.body).toEqual({ type: 'not_found', message: 'Fulfillment provider with id: ghost_ghost was not found' });

      const options = await t.api.get('/admin/fulfillment-providers/manual_manual/options').set(...admin()).expect(200);
      expect(options.body.fulfillment_options).toEqual([{ id: 'manual-fulfillment' }, { id: 'manual-fulfillment-return', is_return: true }]);
      await t.api.get('/admin/fulfillment-providers/ghost_ghost/options').set(...admin()).expect(404);
    });
  });

  describe('fulfillments', () => {
    const address = { first_name: 'Ada', last_name: 'L', address_1: 'Vesterbrogade 1', city: 'Copenhagen', country_code: 'DK', postal_code: '1620' };
    const items = [{ title: 'Shirt', sku: 'SHIRT-S', barcode: null, quantity: 2, line_item_id: 'ordli_1', inventory_item_id: null }];

    it('create → shipment → delivered; cancel refused after shipment', async () => {
      const { location } = await shippingSetup(t, 'Lifecycle', [{ type: 'country', country_code: 'dk' }]);
      const created = await t.api
        .post('/admin/fulfillments')
        .set(...admin())
        .send({ location_id: location.id, provider_id: 'manual_manual', delivery_address: address, items, labels: [{ tracking_number: 'T1', tracking_url: 'https://t/1', label_url: 'https://l/1' }], order: {} })
        .expect(200);
      const fulfillment = created.body.fulfillment;
      expect(fulfillment).toMatchObject({
        id: expect.stringMatching(/^ful_/),
        location_id: location.id,
        provider_id: 'manual_manual',
        packed_at: expect.any(String),
        shipped_at: null,
        delivered_at: null,
        canceled_at: null,
        delivery_address: { ...address, country_code: 'dk', id: expect.stringMatching(/^fuladdr_/) },
        items: [expect.objectContaining({ title: 'Shirt', sku: 'SHIRT-S', quantity: 2, line_item_id: 'ordli_1', id: expect.stringMatching(/^fulit_/) })],
        labels: [expect.objectContaining({ tracking_number: 'T1', id: expect.stringMatching(/^fulla_/) })],
      });
      const shipped = await t.api
        .post(`/admin/fulfillments/${fulfillment.id}/shipment`)
        .set(...admin())
        .send({ labels: [{ tracking_number: 'T2', tracking_url: 'https://t/2', label_url: 'https://l/2' }] })
        .expect(200);
      expect(shipped.body.fulfillment.shipped_at).toEqual(expect.any(String));
      expect(shipped.body.fulfillment.labels.map((l: { tracking_number: string }) => l.tracking_number)).toEqual(['T1', 'T2']);
      const refused = await t.api.post(`/admin/fulfillments/${fulfillment.id}/cancel`).set(...admin()).expect(400);
      expect(refused.body).toEqual({ type: 'not_allowed', message: `Fulfillment with id ${fulfillment.id} already shipped` });
      const again = await t.api.post(`/admin/fulfillments/${fulfillment.id}/shipment`).set(...admin()).send({ labels: [] }).expect(400);
      expect(again.body.type).toBe('not_allowed');
      const [row] = await sql<{ canceled_at: Date | null; labels: string }>(
        t,
        'select canceled_at, (select count(*) from fulfillment_label l where l.fulfillment_id = f.id) as labels from fulfillment f where id = ?',
        [fulfillment.id],
      );
      expect(row).toEqual({ canceled_at: null, labels: '2' });
      const delivered = await t.app.get(FulfillmentServiceToken).markDelivered(systemCtx(t), fulfillment.id);
      expect(delivered.delivered_at).toEqual(expect.any(String));
      const [listed] = await t.app.get(FulfillmentServiceToken).listFulfillments(systemCtx(t), [fulfillment.id]);
      expect(listed.delivered_at).toBe(delivered.delivered_at);
    });

    it('cancels an unshipped fulfillment through its provider; a canceled one cannot ship or be delivered', async () => {
      const { location } = await shippingSetup(t, 'Cancel', [{ type: 'country', country_code: 'dk' }]);
      const created = await t.api.post('/admin/fulfillments').set(...admin()).send({ location_id: location.id, provider_id: 'weighing_carrier', delivery_address: address, items }).expect(200);
      const fulfillment = created.body.fulfillment;
      expect(CARRIER.created).toContain(fulfillment.id);
      expect(fulfillment.data).toEqual({ carrier_ref: `ref-${fulfillment.id}` });
      expect(fulfillment.labels).toEqual([expect.objectContaining({ tracking_number: `WC-${fulfillment.id}` })]);
      const canceled = await t.api.post(`/admin/fulfillments/${fulfillment.id}/cancel`).set(...admin()).expect(200);
      expect(canceled.body.fulfillment.canceled_at).toEqual(expect.any(String));
      expect(CARRIER.canceled).toContainEqual({ carrier_ref: `ref-${fulfillment.id}` });
      const ship = await t.api.post(`/admin/fulfillments/${fulfillment.id}/shipment`).set(...admin()).send({ labels: [] }).expect(400);
      expect(ship.body).toEqual({ type: 'not_allowed', message: `Cannot create a shipment for canceled fulfillment ${fulfillment.id}` });
      await expect(t.app.get(FulfillmentServiceToken).markDelivered(systemCtx(t), fulfillment.id)).rejects.toMatchObject({ type: 'not_allowed' });
    });

    it('refuses bad fulfillments and writes nothing', async () => {
      const { location } = await shippingSetup(t, 'BadFul', [{ type: 'country', country_code: 'dk' }]);
      const before = await count('fulfillment');
      await t.api.post('/admin/fulfillments').set(...admin()).send({ location_id: 'sloc_missing', provider_id: 'manual_manual', delivery_address: address, items }).expect(404);
      await t.api.post('/admin/fulfillments').set(...admin()).send({ location_id: location.id, provider_id: 'ghost_ghost', delivery_address: address, items }).expect(404);
      await t.api.post('/admin/fulfillments').set(...admin()).send({ location_id: location.id, provider_id: 'manual_manual', delivery_address: address, items: [] }).expect(400);
      await t.api.post('/admin/fulfillments').set(...admin()).send({ location_id: location.id, provider_id: 'manual_manual', delivery_address: address, items: [{ ...items[0], quantity: 0 }] }).expect(400);
      await t.api.post('/admin/fulfillments').set(...admin()).send({ location_id: location.id, provider_id: 'manual_manual', items }).expect(400);
      expect(await count('fulfillment')).toBe(before);
      await t.api.post('/admin/fulfillments/ful_missing/cancel').set(...admin()).expect(404);
      await t.api.post('/admin/fulfillments/ful_missing/shipment').set(...admin()).send({ labels: [] }).expect(404);
      await t.api.post('/admin/fulfillments/ful_missing/shipment').set(...admin()).send({}).expect(400);
    });
  });

  describe('stock location delete', () => {
    it('deletes the location with its fulfillment sets, zones, options and provider links', async () => {
      const { location, set, zone, profile } = await shippingSetup(t, 'Closing', [{ type: 'country', country_code: 'dk' }]);
      await t.api.post(`/admin/stock-locations/${location.id}/fulfillment-providers`).set(...admin()).send({ add: ['manual_manual'] }).expect(200);
      const option = (
        await t.api
          .post('/admin/shipping-options')
          .set(...admin())
          .send({ name: 'Closing std', service_zone_id: zone.id, shipping_profile_id: profile.id, provider_id: 'manual_manual', price_type: 'flat', type: { label: 'C', code: 'c' }, prices: [{ currency_code: 'eur', amount: 1 }] })
          .expect(200)
      ).body.shipping_option;
      await t.api.delete(`/admin/stock-locations/${location.id}`).set(...admin()).expect(200);
      expect(await sql(t, 'select id from fulfillment_set where id = ? and deleted_at is null', [set.id])).toEqual([]);
      expect(await sql(t, 'select id from service_zone where id = ? and deleted_at is null', [zone.id])).toEqual([]);
      expect(await sql(t, 'select id from shipping_option where id = ? and deleted_at is null', [option.id])).toEqual([]);
      expect(await sql(t, 'select * from location_fulfillment_set where stock_location_id = ?', [location.id])).toEqual([]);
      expect(await sql(t, 'select * from location_fulfillment_provider where stock_location_id = ?', [location.id])).toEqual([]);
      expect(await sql(t, 'select id from price where price_set_id = ? and deleted_at is null', [option.prices[0].price_set_id])).toEqual([]);
    });
  });
});
