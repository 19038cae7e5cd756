import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { bearer, createIdentityApp, IdentityApp } from '../../utils/identity';

interface CountryBody {
  iso_2: string;
  region_id: string | null;
}

interface RegionBody {
  id: string;
  name: string;
  currency_code: string;
  countries: CountryBody[];
}

interface StoreCurrencyBody {
  id: string;
  currency_code: string;
  is_default: boolean;
}

const COUNTRY_KEYS = ['created_at', 'deleted_at', 'display_name', 'iso_2', 'iso_3', 'metadata', 'name', 'num_code', 'region_id', 'updated_at'];
const EUROPE_COUNTRIES = ['dk', 'fr', 'de', 'it', 'es', 'se', 'gb'];

const isoCodes = (region: RegionBody) => region.countries.map((c) => c.iso_2);
const currencySummary = (currencies: StoreCurrencyBody[]) => currencies.map((c) => [c.currency_code, c.is_default]);

async function sql<T>(t: IdentityApp, query: string, params: unknown[] = []): Promise<T[]> {
  return (t.app.get(MikroORM).em.fork() as EntityManager).getConnection().execute<T[]>(query, params);
}

describe('regions and stores', () => {
  let t: IdentityApp;
  let europe: RegionBody;
  let northAmerica: RegionBody;

  beforeAll(async () => {
    t = await createIdentityApp();
    const all = await t.api.get('/admin/regions?order=name').set(...bearer(t.adminToken)).expect(200);
    [europe, northAmerica] = all.body.regions;
  });
  afterAll(() => t.close());

  const admin = () => bearer(t.adminToken);
  const storefront = (): [string, string] => ['x-publishable-api-key', t.publishableKey];
  const regionCount = async () => (await t.api.get('/admin/regions?limit=0').set(...admin()).expect(200)).body.count as number;
  const regionIdOf = async (iso2: string) => (await sql<{ region_id: string | null }>(t, 'select region_id from region_country where iso_2 = ?', [iso2]))[0].region_id;

  describe('the ISO 3166-1 countries', () => {
    it('are all in the database, free until a region takes them', async () => {
      const [{ total, free }] = await sql<{ total: string; free: string }>(
        t,
        'select count(*) as total, count(*) filter (where region_id is null) as free from region_country',
      );
      expect(Number(total)).toBe(249);
      expect(Number(free)).toBe(249 - EUROPE_COUNTRIES.length - 2);
      const [austria] = await sql<Record<string, unknown>>(t, "select iso_2, iso_3, num_code, name, display_name from region_country where iso_2 = 'at'");
      expect(austria).toEqual({ iso_2: 'at', iso_3: 'aut', num_code: '040', name: 'AUSTRIA', display_name: 'Austria' });
    });
  });

  describe('GET /store/regions', () => {
    it('lists the seeded regions with their countries in the wire format', async () => {
      const res = await t.api.get('/store/regions?order=name').set(...storefront()).expect(200);
      expect(res.body).toMatchObject({ count: 2, offset: 0, limit: 50 });
      const [eu, na] = res.body.regions;
      expect(Object.keys(eu).sort()).toEqual(['countries', 'created_at', 'currency_code', 'deleted_at', 'id', 'metadata', 'name', 'updated_at']);
      expect(eu).toMatchObject({ id: expect.stringMatching(/^reg_[0-9A-Z]{26}$/), name: 'Europe', currency_code: 'eur', metadata: null, deleted_at: null });
      expect(isoCodes(eu)).toEqual(EUROPE_COUNTRIES);
      for (const country of eu.countries) expect(Object.keys(country).sort()).toEqual(COUNTRY_KEYS);
      expect(eu.countries[0]).toEqual({
        iso_2: 'dk',
        iso_3: 'dnk',
        num_code: '208',
        name: 'DENMARK',
        display_name: 'Denmark',
        region_id: eu.id,
        metadata: null,
        created_at: expect.any(String),
        updated_at: expect.any(String),
        deleted_at: null,
      });
      expect(eu.countries.find((c: CountryBody) => c.iso_2 === 'gb')).toMatchObject({ iso_3: 'gbr', num_code: '826', name: 'UNITED KINGDOM', display_name: 'United Kingdom' });
      expect(na).toMatchObject({ name: 'North America', currency_code: 'usd' });
      expect(isoCodes(na)).toEqual(['ca', 'us']);
    });

    it('filters by currency, searches by name and shapes the answer with fields', async () => {
      const usd = await t.api.get('/store/regions?currency_code=usd').set(...storefront()).expect(200);
      expect(usd.body.regions.map((r: RegionBody) => r.name)).toEqual(['North America']);
      const searched = await t.api.get('/store/regions?q=europ&fields=name').set(...storefront()).expect(200);
      expect(searched.body).toEqual({ regions: [{ id: europe.id, name: 'Europe' }], count: 1, offset: 0, limit: 50 });
      const codes = await t.api.get(`/store/regions?id=${europe.id}&fields=countries.iso_2`).set(...storefront()).expect(200);
      expect(codes.body.regions).toEqual([{ id: europe.id, countries: EUROPE_COUNTRIES.map((iso_2) => ({ iso_2 })) }]);
      const names = await t.api.get(`/store/regions/${northAmerica.id}?fields=countries.display_name`).set(...storefront()).expect(200);
      expect(names.body.region).toEqual({ id: northAmerica.id, countries: [{ display_name: 'Canada' }, { display_name: 'United States of America' }] });
      const taxes = await t.api.get(`/store/regions/${europe.id}?fields=+automatic_taxes,-countries`).set(...storefront()).expect(200);
      expect(taxes.body.region).toMatchObject({ automatic_taxes: true, name: 'Europe' });
      expect(taxes.body.region.countries).toBeUndefined();
    });

    it('answers one region by id, and 404 for an unknown one', async () => {
      const res = await t.api.get(`/store/regions/${northAmerica.id}`).set(...storefront()).expect(200);
      expect(res.body.region).toMatchObject({ id: northAmerica.id, name: 'North America', currency_code: 'usd' });
      expect(isoCodes(res.body.region)).toEqual(['ca', 'us']);
      const missing = await t.api.get('/store/regions/reg_missing').set(...storefront()).expect(404);
      expect(missing.body).toEqual({ type: 'not_found', message: 'Region with id: reg_missing was not found' });
    });

    it('refuses unknown filters and fields, and requests without a publishable key', async () => {
      const filter = await t.api.get('/store/regions?country=dk').set(...storefront()).expect(400);
      expect(filter.body).toEqual({ type: 'invalid_data', message: "Invalid request: Unrecognized fields: 'country'" });
      const fields = await t.api.get('/store/regions?fields=tax_rate').set(...storefront()).expect(400);
      expect(fields.body).toEqual({ type: 'invalid_data', message: 'Requested fields [tax_rate] are not valid' });
      const noKey = await t.api.get('/store/regions').expect(400);
      expect(noKey.body.type).toBe('not_allowed');
      await t.api.get(`/store/regions/${europe.id}`).expect(400);
    });
  });

  describe('/admin/regions', () => {
    let nordic: RegionBody;

    it('creates a region with its countries, normalising the codes', async () => {
      const res = await t.api.post('/admin/regions').set(...admin()).send({ name: 'Nordics', currency_code: 'NOK', countries: ['NO', 'fi'], metadata: { vat: 'mixed' } }).expect(200);
      nordic = res.body.region;
      expect(nordic).toMatchObject({ id: expect.stringMatching(/^reg_/), name: 'Nordics', currency_code: 'nok', automatic_taxes: true, metadata: { vat: 'mixed' }, deleted_at: null });
      expect(isoCodes(nordic)).toEqual(['fi', 'no']);
      expect(nordic.countries.every((c) => c.region_id === nordic.id)).toBe(true);
      const [event] = await sql<{ data: unknown }>(t, "select data from event_outbox where name = 'region.created' and data->>'id' = ?", [nordic.id]);
      expect(event.data).toEqual({ id: nordic.id });
      const listed = await t.api.get('/admin/regions?currency_code=nok').set(...admin()).expect(200);
      expect(listed.body.regions).toEqual([nordic]);
    });

    it('replaces the countries on update, freeing the ones left out', async () => {
      const res = await t.api.post(`/admin/regions/${nordic.id}`).set(...admin()).send({ countries: ['no', 'is'], automatic_taxes: false }).expect(200);
      expect(res.body.region).toMatchObject({ id: nordic.id, name: 'Nordics', automatic_taxes: false });
      expect(isoCodes(res.body.region)).toEqual(['is', 'no']);
      expect(await regionIdOf('fi')).toBeNull();
      const renamed = await t.api.post(`/admin/regions/${nordic.id}`).set(...admin()).send({ name: 'Nordic countries' }).expect(200);
      expect(isoCodes(renamed.body.region)).toEqual(['is', 'no']);
      const emptied = await t.api.post(`/admin/regions/${nordic.id}`).set(...admin()).send({ countries: [] }).expect(200);
      expect(emptied.body.region.countries).toEqual([]);
      await t.api.post(`/admin/regions/${nordic.id}`).set(...admin()).send({ countries: ['no', 'is'] }).expect(200);
      const events = await sql<{ n: string }>(t, "select count(*) as n from event_outbox where name = 'region.updated' and data->>'id' = ?", [nordic.id]);
      expect(Number(events[0].n)).toBe(4);
    });

    it('refuses an unknown currency, writing nothing', async () => {
      const before = await regionCount();
      const res = await t.api.post('/admin/regions').set(...admin()).send({ name: 'Nowhere', currency_code: 'xyz', countries: ['pt'] }).expect(400);
      expect(res.body).toEqual({ type: 'invalid_data', message: 'Currency with code: xyz does not exist' });
      expect(await regionCount()).toBe(before);
      expect(await regionIdOf('pt')).toBeNull();
      const update = await t.api.post(`/admin/regions/${nordic.id}`).set(...admin()).send({ currency_code: 'xyz' }).expect(400);
      expect(update.body.message).toBe('Currency with code: xyz does not exist');
    });

    it('refuses unknown countries, naming them, writing nothing', async () => {
      const before = await regionCount();
      const res = await t.api.post('/admin/regions').set(...admin()).send({ name: 'Iberia', currency_code: 'eur', countries: ['pt', 'zz', 'qq'] }).expect(400);
      expect(res.body).toEqual({ type: 'invalid_data', message: 'Countries with codes: zz, qq do not exist' });
      expect(await regionCount()).toBe(before);
      expect(await regionIdOf('pt')).toBeNull();
    });

    it('refuses countries of another region, on create and on update, writing nothing', async () => {
      const before = await regionCount();
      const res = await t.api.post('/admin/regions').set(...admin()).send({ name: 'Western Europe', currency_code: 'eur', countries: ['pt', 'fr', 'dk'] }).expect(400);
      expect(res.body).toEqual({ type: 'invalid_data', message: 'Countries with codes: dk, fr are already assigned to a region' });
      expect(await regionCount()).toBe(before);
      expect(await regionIdOf('pt')).toBeNull();

      const update = await t.api.post(`/admin/regions/${nordic.id}`).set(...admin()).send({ name: 'Greedy', countries: ['se'] }).expect(400);
      expect(update.body.message).toBe('Countries with codes: se are already assigned to a region');
      const after = await t.api.get(`/admin/regions/${nordic.id}`).set(...admin()).expect(200);
      expect(after.body.region.name).toBe('Nordic countries');
      expect(isoCodes(after.body.region)).toEqual(['is', 'no']);
      expect(await regionIdOf('se')).toBe(europe.id);
    });

    it('gives a contested country to exactly one of two concurrent requests', async () => {
      const attempts = await Promise.all(
        ['First', 'Second'].map((name) => t.api.post('/admin/regions').set(...admin()).send({ name, currency_code: 'eur', countries: ['mt', 'cy'] })),
      );
      expect(attempts.map((r) => r.status).sort()).toEqual([200, 400]);
      const winner = attempts.find((r) => r.status === 200)!.body.region as RegionBody;
      expect(attempts.find((r) => r.status === 400)!.body.message).toBe('Countries with codes: cy, mt are already assigned to a region');
      expect(await regionIdOf('mt')).toBe(winner.id);
      await t.api.delete(`/admin/regions/${winner.id}`).set(...admin()).expect(200);
    });

    it('refuses malformed bodies with a readable message', async () => {
      const before = await regionCount();
      const cases: Array<[Record<string, unknown>, RegExp]> = [
        [{ currency_code: 'eur' }, /name/],
        [{ name: 42, currency_code: 'eur' }, /Expected type: 'string' for field 'name'/],
        [{ name: 'X', currency_code: 'eur', countries: 'dk' }, /countries/],
        [{ name: 'X', currency_code: 'eur', countries: ['dnk'] }, /countries/],
        [{ name: 'X', currency_code: 'eur', countries: Array.from({ length: 301 }, () => 'dk') }, /countries must contain no more than 300 elements/],
        [{ name: 'X', currency_code: 'eur', tax_rate: 5 }, /Unrecognized fields: 'tax_rate'/],
      ];
      for (const [body, message] of cases) {
        const res = await t.api.post('/admin/regions').set(...admin()).send(body).expect(400);
        expect(res.body.type).toBe('invalid_data');
        expect(res.body.message).toMatch(message);
      }
      expect(await regionCount()).toBe(before);
    });

    it('answers 404 for an unknown id on every route', async () => {
      const expected = { type: 'not_found', message: 'Region with id: reg_missing was not found' };
      expect((await t.api.get('/admin/regions/reg_missing').set(...admin()).expect(404)).body).toEqual(expected);
      expect((await t.api.post('/admin/regions/reg_missing').set(...admin()).send({ name: 'X' }).expect(404)).body).toEqual(expected);
      expect((await t.api.delete('/admin/regions/reg_missing').set(...admin()).expect(404)).body).toEqual(expected);
    });

    it('deletes a region, freeing its countries for another region', async () => {
      await t.api.delete(`/admin/regions/${nordic.id}`).set(...admin()).expect(200, { id: nordic.id, object: 'region', deleted: true });
      await t.api.get(`/admin/regions/${nordic.id}`).set(...admin()).expect(404);
      await t.api.get(`/store/regions/${nordic.id}`).set(...storefront()).expect(404);
      expect(await regionIdOf('no')).toBeNull();
      const taken = await t.api.post('/admin/regions').set(...admin()).send({ name: 'Norway', currency_code: 'nok', countries: ['no'] }).expect(200);
      expect(isoCodes(taken.body.region)).toEqual(['no']);
      const [deleted] = await sql<{ deleted_at: Date | null }>(t, 'select deleted_at from region where id = ?', [nordic.id]);
      expect(deleted.deleted_at).not.toBeNull();
    });

    it('needs an admin', async () => {
      await t.api.get('/admin/regions').expect(401);
      await t.api.post('/admin/regions').send({ name: 'X', currency_code: 'eur' }).expect(401);
    });
  });

  describe('/admin/stores', () => {
    let storeId: string;
    let usdRowId: string;
    const storeState = async () => (await t.api.get(`/admin/stores/${storeId}`).set(...admin()).expect(200)).body.store;

    it('lists the seeded store: eur by default, usd, the default channel and Europe', async () => {
      const res = await t.api.get('/admin/stores').set(...admin()).expect(200);
      expect(res.body).toMatchObject({ count: 1, offset: 0, limit: 20 });
      const [store] = res.body.stores;
      storeId = store.id;
      expect(Object.keys(store).sort()).toEqual([
        'created_at',
        'default_location_id',
        'default_region_id',
        'default_sales_channel_id',
        'id',
        'metadata',
        'name',
        'supported_currencies',
        'updated_at',
      ]);
      expect(store).toMatchObject({
        id: expect.stringMatching(/^store_[0-9A-Z]{26}$/),
        name: 'Stheno Store',
        default_sales_channel_id: t.salesChannelId,
        default_region_id: europe.id,
        default_location_id: null,
        metadata: null,
      });
      expect(currencySummary(store.supported_currencies)).toEqual([['eur', true], ['usd', false]]);
      expect(store.supported_currencies[0]).toEqual({
        id: expect.stringMatching(/^stocur_/),
        currency_code: 'eur',
        is_default: true,
        store_id: store.id,
        created_at: expect.any(String),
        updated_at: expect.any(String),
      });
      usdRowId = store.supported_currencies[1].id;
    });

    it('answers one store by id, shaped by fields, and 404 for an unknown one', async () => {
      const named = await t.api.get(`/admin/stores/${storeId}?fields=name`).set(...admin()).expect(200);
      expect(named.body).toEqual({ store: { id: storeId, name: 'Stheno Store' } });
      const listed = await t.api.get('/admin/stores?fields=name,supported_currencies.currency_code').set(...admin()).expect(200);
      expect(listed.body.stores).toEqual([{ id: storeId, name: 'Stheno Store', supported_currencies: [{ currency_code: 'eur' }, { currency_code: 'usd' }] }]);
      const missing = await t.api.get('/admin/stores/store_missing').set(...admin()).expect(404);
      expect(missing.body).toEqual({ type: 'not_found', message: 'Store with id: store_missing was not found' });
      await t.api.post('/admin/stores/store_missing').set(...admin()).send({ name: 'X' }).expect(404);
    });

    it('replaces the supported currencies, keeping the rows of kept currencies', async () => {
      const res = await t.api
        .post(`/admin/stores/${storeId}`)
        .set(...admin())
        .send({ name: 'Stheno', supported_currencies: [{ currency_code: 'USD', is_default: true }, { currency_code: 'gbp' }], default_region_id: northAmerica.id })
        .expect(200);
      expect(res.body.store).toMatchObject({ name: 'Stheno', default_region_id: northAmerica.id });
      expect(currencySummary(res.body.store.supported_currencies)).toEqual([['usd', true], ['gbp', false]]);
      expect(res.body.store.supported_currencies[0].id).toBe(usdRowId);
      const [event] = await sql<{ data: unknown }>(t, "select data from event_outbox where name = 'store.updated'");
      expect(event.data).toEqual({ id: storeId });
    });

    it('refuses two defaults, none, or an unknown currency, changing nothing', async () => {
      const before = await storeState();
      const twoDefaults = await t.api
        .post(`/admin/stores/${storeId}`)
        .set(...admin())
        .send({ name: 'Changed', supported_currencies: [{ currency_code: 'eur', is_default: true }, { currency_code: 'usd', is_default: true }] })
        .expect(400);
      expect(twoDefaults.body).toEqual({ type: 'invalid_data', message: 'Only one supported currency can be the default, got 2: eur, usd' });
      const noDefault = await t.api.post(`/admin/stores/${storeId}`).set(...admin()).send({ supported_currencies: [{ currency_code: 'eur' }] }).expect(400);
      expect(noDefault.body).toEqual({ type: 'invalid_data', message: 'One of the supported currencies must be the default (is_default: true)' });
      const unknown = await t.api
        .post(`/admin/stores/${storeId}`)
        .set(...admin())
        .send({ name: 'Changed', supported_currencies: [{ currency_code: 'usd', is_default: true }, { currency_code: 'xyz' }] })
        .expect(400);
      expect(unknown.body).toEqual({ type: 'invalid_data', message: 'Currency with code: xyz does not exist' });
      expect(await storeState()).toEqual(before);
    });

    it('refuses an unknown default region, sales channel or stock location, changing nothing', async () => {
      const before = await storeState();
      const region = await t.api.post(`/admin/stores/${storeId}`).set(...admin()).send({ name: 'Changed', default_region_id: 'reg_missing' }).expect(404);
      expect(region.body).toEqual({ type: 'not_found', message: 'Region with id: reg_missing was not found' });
      const channel = await t.api.post(`/admin/stores/${storeId}`).set(...admin()).send({ default_sales_channel_id: 'sc_missing' }).expect(404);
      expect(channel.body).toEqual({ type: 'not_found', message: 'Sales channel with id: sc_missing was not found' });
      const location = await t.api.post(`/admin/stores/${storeId}`).set(...admin()).send({ default_location_id: 'sloc_missing' }).expect(404);
      expect(location.body).toEqual({ type: 'not_found', message: 'Stock location with id: sloc_missing was not found' });
      const malformed = await t.api.post(`/admin/stores/${storeId}`).set(...admin()).send({ supported_currencies: [{ code: 'eur' }] }).expect(400);
      expect(malformed.body.type).toBe('invalid_data');
      expect(malformed.body.message).toMatch(/supported_currencies/);
      expect(await storeState()).toEqual(before);
    });

    it('clears defaults with null and empties the currencies with []', async () => {
      const location = await t.api.post('/admin/stock-locations').set(...admin()).send({ name: 'Shop' }).expect(200);
      const locationId = location.body.stock_location.id as string;
      const res = await t.api
        .post(`/admin/stores/${storeId}`)
        .set(...admin())
        .send({ default_region_id: null, default_location_id: locationId, supported_currencies: [], metadata: { theme: 'dark' } })
        .expect(200);
      expect(res.body.store).toMatchObject({ default_region_id: null, default_location_id: locationId, supported_currencies: [], metadata: { theme: 'dark' } });
      const restored = await t.api.post(`/admin/stores/${storeId}`).set(...admin()).send({ supported_currencies: [{ currency_code: 'eur', is_default: true }] }).expect(200);
      expect(currencySummary(restored.body.store.supported_currencies)).toEqual([['eur', true]]);
    });
  });
});
