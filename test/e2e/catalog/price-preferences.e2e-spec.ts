import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { systemContext } from '../../../src/framework/context/context';
import { PricingService } from '../../../src/modules/pricing/pricing.service';
import { bearer, createIdentityApp, IdentityApp } from '../../utils/identity';

interface PreferenceBody {
  id: string;
  attribute: string;
  value: string;
  is_tax_inclusive: boolean;
}

const KEYS = ['attribute', 'created_at', 'deleted_at', 'id', 'is_tax_inclusive', 'updated_at', 'value'];

describe('admin price preferences', () => {
  let t: IdentityApp;
  let orm: MikroORM;

  const admin = () => bearer(t.adminToken);
  const sql = <T>(query: string, params: unknown[] = []) => (orm.em.fork() as EntityManager).getConnection().execute<T[]>(query, params);
  const liveCount = async () => Number((await sql<{ n: string }>('select count(*) as n from price_preference where deleted_at is null'))[0].n);

  beforeAll(async () => {
    t = await createIdentityApp();
    orm = t.app.get(MikroORM);
  });
  afterAll(() => t.close());

  async function create(body: Record<string, unknown>): Promise<PreferenceBody> {
    return (await t.api.post('/admin/price-preferences').set(...admin()).send(body).expect(200)).body.price_preference as PreferenceBody;
  }

  it('creates a preference in the wire format, lower-casing currency codes, and records an event', async () => {
    const preference = await create({ attribute: 'currency_code', value: 'NOK', is_tax_inclusive: true });
    expect(Object.keys(preference).sort()).toEqual(KEYS);
    expect(preference).toMatchObject({ id: expect.stringMatching(/^prpref_[0-9A-Z]{26}$/), attribute: 'currency_code', value: 'nok', is_tax_inclusive: true, deleted_at: null });
    const region = await create({ attribute: 'region_id', value: 'reg_Nordic' });
    expect(region).toMatchObject({ value: 'reg_Nordic', is_tax_inclusive: false });
    const events = await sql<{ n: string }>("select count(*) as n from event_outbox where name = 'price-preference.created' and data->>'id' = ?", [preference.id]);
    expect(Number(events[0].n)).toBe(1);
  });

  it('makes calculated prices tax-inclusive: a region preference for region prices, the currency one otherwise', async () => {
    const pricing = t.app.get(PricingService);
    const ctx = systemContext(orm.em as EntityManager);
    const [set, regional] = await pricing.createPriceSets(ctx, [
      { prices: [{ currency_code: 'nok', amount: 100 }] },
      { prices: [{ currency_code: 'nok', amount: 90, rules: { region_id: 'reg_Nordic' } }] },
    ]);
    expect((await pricing.calculatePrices(ctx, [set], { currency_code: 'nok' })).get(set)).toMatchObject({ is_calculated_price_tax_inclusive: true });
    const inRegion = await pricing.calculatePrices(ctx, [set, regional], { currency_code: 'nok', region_id: 'reg_Nordic' });
    expect(inRegion.get(set)).toMatchObject({ is_calculated_price_tax_inclusive: true });
    expect(inRegion.get(regional)).toMatchObject({ calculated_amount: 90, is_calculated_price_tax_inclusive: false });
  });

  it('refuses duplicates (422) and invalid bodies (400), writing nothing', async () => {
    const before = await liveCount();
    const dup = await t.api.post('/admin/price-preferences').set(...admin()).send({ attribute: 'currency_code', value: 'nok' }).expect(422);
    expect(dup.body).toEqual({ type: 'duplicate_error', code: 'invalid_request_error', message: 'Price preference with attribute: currency_code and value: nok already exists' });
    const bad: Array<[Record<string, unknown>, string | RegExp]> = [
      [{ attribute: 'country_code', value: 'dk' }, /attribute must be one of the following values/],
      [{ attribute: 'region_id' }, /value/],
      [{ attribute: 'region_id', value: 'reg_x', is_tax_inclusive: 'yes' }, "Invalid request: Expected type: 'boolean' for field 'is_tax_inclusive', got: 'yes'"],
      [{ attribute: 'region_id', value: 'reg_x', rank: 1 }, "Invalid request: Unrecognized fields: 'rank'"],
    ];
    for (const [body, message] of bad) {
      const res = await t.api.post('/admin/price-preferences').set(...admin()).send(body).expect(400);
      expect(res.body.type).toBe('invalid_data');
      expect(res.body.message).toEqual(typeof message === 'string' ? message : expect.stringMatching(message));
    }
    expect(await liveCount()).toBe(before);
  });

  it('lists with filters on attribute, value and id, and orders', async () => {
    const usd = await create({ attribute: 'currency_code', value: 'usd' });
    const all = await t.api.get('/admin/price-preferences?order=value').set(...admin()).expect(200);
    expect(all.body).toMatchObject({ count: 3, offset: 0, limit: 50 });
    expect(all.body.price_preferences.map((p: PreferenceBody) => p.value)).toEqual(['nok', 'reg_Nordic', 'usd']);
    const currencies = await t.api.get('/admin/price-preferences?attribute=currency_code&order=-value').set(...admin()).expect(200);
    expect(currencies.body.price_preferences.map((p: PreferenceBody) => p.value)).toEqual(['usd', 'nok']);
    const byValue = await t.api.get('/admin/price-preferences?value=usd&fields=value').set(...admin()).expect(200);
    expect(byValue.body.price_preferences).toEqual([{ id: usd.id, value: 'usd' }]);
    const byId = await t.api.get(`/admin/price-preferences?id=${usd.id}`).set(...admin()).expect(200);
    expect(byId.body.count).toBe(1);
    await t.api.get('/admin/price-preferences?is_tax_inclusive=true').set(...admin()).expect(400);
  });

  it('retrieves, updates and deletes; unknown ids answer 404', async () => {
    const preference = await create({ attribute: 'region_id', value: 'reg_editable' });
    const got = await t.api.get(`/admin/price-preferences/${preference.id}`).set(...admin()).expect(200);
    expect(got.body.price_preference).toMatchObject({ id: preference.id, value: 'reg_editable' });

    const updated = await t.api.post(`/admin/price-preferences/${preference.id}`).set(...admin()).send({ is_tax_inclusive: true, value: 'reg_edited' }).expect(200);
    expect(updated.body.price_preference).toMatchObject({ value: 'reg_edited', is_tax_inclusive: true, attribute: 'region_id' });
    const clash = await t.api.post(`/admin/price-preferences/${preference.id}`).set(...admin()).send({ attribute: 'currency_code', value: 'USD' }).expect(422);
    expect(clash.body.type).toBe('duplicate_error');
    const unchanged = await t.api.get(`/admin/price-preferences/${preference.id}`).set(...admin()).expect(200);
    expect(unchanged.body.price_preference).toMatchObject({ value: 'reg_edited', attribute: 'region_id' });

    const deleted = await t.api.delete(`/admin/price-preferences/${preference.id}`).set(...admin()).expect(200);
    expect(deleted.body).toEqual({ id: preference.id, object: 'price_preference', deleted: true });
    await t.api.get(`/admin/price-preferences/${preference.id}`).set(...admin()).expect(404);
    // the value is free again once deleted
    await create({ attribute: 'region_id', value: 'reg_edited' });

    for (const request of [
      t.api.get('/admin/price-preferences/prpref_missing'),
      t.api.post('/admin/price-preferences/prpref_missing').send({ is_tax_inclusive: true }),
      t.api.delete('/admin/price-preferences/prpref_missing'),
    ]) {
      const res = await request.set(...admin()).expect(404);
      expect(res.body).toEqual({ type: 'not_found', message: 'Price preference with id: prpref_missing was not found' });
    }
    await t.api.get('/admin/price-preferences').expect(401);
  });
});
