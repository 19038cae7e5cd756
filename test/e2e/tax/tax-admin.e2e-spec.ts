import { bearer, createIdentityApp, IdentityApp } from '../../utils/identity';
import { Body, sqlOf } from '../../utils/product-fixtures';
import { insertProducts } from '../catalog/taxonomy.helpers';

describe('admin tax regions, rates and providers', () => {
  let t: IdentityApp;
  let sql: ReturnType<typeof sqlOf>;
  beforeAll(async () => {
    t = await createIdentityApp();
    sql = sqlOf(t);
  });
  afterAll(() => t.close());

  const admin = () => bearer(t.adminToken);
  const post = (path: string, body: unknown, status = 200) => t.api.post(path).set(...admin()).send(body as object).expect(status);
  const get = (path: string, status = 200) => t.api.get(path).set(...admin()).expect(status);
  /** Every tax row, to prove a refused request wrote nothing. */
  const taxRows = async () => ({
    regions: await sql('select id, country_code, province_code, parent_id, provider_id, metadata, deleted_at from tax_region order by id'),
    rates: await sql('select id, rate, code, name, is_default, is_combinable, tax_region_id, deleted_at from tax_rate order by id'),
    rules: await sql('select id, tax_rate_id, reference, reference_id, deleted_at from tax_rate_rule order by id'),
  });

  it('lists the built-in system provider', async () => {
    const res = await get('/admin/tax-providers');
    expect(res.body).toEqual({ tax_providers: [{ id: 'tp_system', is_enabled: true }], count: 1, offset: 0, limit: 20 });
    expect((await get('/admin/tax-providers?is_enabled=false')).body.count).toBe(0);
    await t.api.get('/admin/tax-providers').expect(401);
  });

  it('creates a country region with its default rate and a province region under it, with Medusa default relations', async () => {
    const created = (await post('/admin/tax-regions', { country_code: 'DE', default_tax_rate: { rate: 19, code: 'VAT', name: 'German VAT' }, metadata: { a: 1 } })).body
      .tax_region as Body;
    expect(created).toMatchObject({
      id: expect.stringMatching(/^txreg_[0-9A-Z]{26}$/),
      country_code: 'de',
      province_code: null,
      parent_id: null,
      provider_id: 'tp_system',
      created_by: t.adminUserId,
      metadata: { a: 1 },
      parent: null,
      children: [],
    });
    expect(created.tax_rates).toEqual([
      expect.objectContaining({ id: expect.stringMatching(/^txr_/), rate: 19, code: 'VAT', name: 'German VAT', is_default: true, is_combinable: false, tax_region_id: created.id, rules: [] }),
    ]);

    const province = (await post('/admin/tax-regions', { country_code: 'de', province_code: 'DE-BY', default_tax_rate: { rate: 2.5, code: 'BY', name: 'Bavaria', is_combinable: true } })).body
      .tax_region as Body;
    expect(province).toMatchObject({ country_code: 'de', province_code: 'de-by', parent_id: created.id, provider_id: null, parent: expect.objectContaining({ id: created.id }) });
    expect(province.tax_rates[0]).toMatchObject({ rate: 2.5, is_default: true, is_combinable: true });

    const fetched = (await get(`/admin/tax-regions/${created.id}`)).body.tax_region as Body;
    expect(fetched.children).toEqual([expect.objectContaining({ id: province.id, tax_rates: [expect.objectContaining({ code: 'BY', rules: [] })] })]);
    const slim = (await get(`/admin/tax-regions/${created.id}?fields=country_code,*tax_rates`)).body.tax_region as Body;
    expect(Object.keys(slim).sort()).toEqual(['country_code', 'id', 'tax_rates']);
  });

  it('filters and searches regions', async () => {
    await post('/admin/tax-regions', { country_code: 'fr' });
    const codes = async (query: string) => ((await get(`/admin/tax-regions?${query}&fields=country_code,province_code&order=country_code`)).body.tax_regions as Body[]).map((r) => `${r.country_code}/${r.province_code}`);
    expect(await codes('country_code=de')).toEqual(['de/null', 'de/de-by']);
    expect(await codes('q=BY')).toEqual(['de/de-by']);
    const de = ((await get('/admin/tax-regions?country_code=de')).body.tax_regions as Body[]).find((r) => r.province_code === null);
    expect(await codes(`parent_id=${de.id}`)).toEqual(['de/de-by']);
    expect(await codes('country_code[]=fr&country_code[]=xx')).toEqual(['fr/null']);
    expect((await get('/admin/tax-regions?colour=red', 400)).body.type).toBe('invalid_data');
  });

  it('refuses bad regions with Medusa-like messages and writes nothing', async () => {
    const before = await taxRows();
    const [de] = (await get('/admin/tax-regions?country_code=de&fields=id,province_code')).body.tax_regions.filter((r: Body) => r.province_code === null) as Body[];
    const [fr] = (await get('/admin/tax-regions?country_code=fr&fields=id')).body.tax_regions as Body[];
    const cases: Array<[unknown, number, string | RegExp]> = [
      [{}, 400, /country_code/],
      [{ country_code: 'dk', colour: 'red' }, 400, /colour/],
      [{ country_code: 'd1' }, 400, 'Country code must be an ISO 3166-1 alpha-2 code, got: d1'],
      [{ country_code: 'dnk' }, 400, /country_code/],
      [{ country_code: 'de' }, 422, 'Tax region with country_code: de, province_code: null, already exists.'],
      [{ country_code: 'de', province_code: 'de-by' }, 422, 'Tax region with country_code: de, province_code: de-by, already exists.'],
      [
        { country_code: 'it', province_code: 'it-rm' },
        400,
        'Province region must belong to a parent region. You are trying to create a province region with (country: it, province: it-rm) but parent does not exist',
      ],
      [
        { country_code: 'it', province_code: 'it-rm', parent_id: fr.id },
        400,
        'Province region must belong to a parent region with the same country code. You are trying to create a province region with (country: it, province: it-rm) but parent expects (country: fr)',
      ],
      [{ country_code: 'de', province_code: 'de-be', provider_id: 'tp_system' }, 400, /Only country tax regions have a provider/],
      [{ country_code: 'de', parent_id: de.id }, 400, 'A tax region with a parent must have a province code'],
      [{ country_code: 'dk', provider_id: 'tp_nope' }, 404, 'Tax provider with id: tp_nope was not found'],
      [{ country_code: 'dk', default_tax_rate: { rate: 101, code: 'x', name: 'x' } }, 400, /rate/],
      [{ country_code: 'dk', default_tax_rate: { rate: -1, code: 'x', name: 'x' } }, 400, /rate/],
      [{ country_code: 'dk', default_tax_rate: { rate: 10, name: 'x' } }, 400, /code/],
      [{ country_code: 'dk', default_tax_rate: { rate: 10, code: 'x', name: 'x', is_default: false } }, 400, /is_default/],
    ];
    for (const [body, status, message] of cases) {
      const res = await post('/admin/tax-regions', body, status);
      expect({ body, message: res.body.message }).toEqual({ body, message: typeof message === 'string' ? message : expect.stringMatching(message) });
    }
    await post('/admin/tax-regions/txreg_nope', { metadata: {} }, 404);
    await post(`/admin/tax-regions/${de.id}`, { province_code: 'de-he' }, 400);
    await post(`/admin/tax-regions/${de.id}`, { provider_id: 'tp_nope' }, 404);
    await t.api.delete('/admin/tax-regions/txreg_nope').set(...admin()).expect(404);
    await get('/admin/tax-regions/txreg_nope', 404);
    expect(await taxRows()).toEqual(before);
  });

  it('updates a region and deletes it with its province regions, rates and rules', async () => {
    const [product] = await insertProducts(t, ['Taxed lamp']);
    const region = (await post('/admin/tax-regions', { country_code: 'se', default_tax_rate: { rate: 25, code: 'MOMS', name: 'Moms' } })).body.tax_region as Body;
    const province = (await post('/admin/tax-regions', { country_code: 'se', province_code: 'se-ab', parent_id: region.id })).body.tax_region as Body;
    const updated = (await post(`/admin/tax-regions/${province.id}`, { province_code: 'SE-AC', metadata: { note: 'x' } })).body.tax_region as Body;
    expect(updated).toMatchObject({ province_code: 'se-ac', metadata: { note: 'x' } });
    const rate = (await post('/admin/tax-rates', { tax_region_id: province.id, rate: 6, code: 'R', name: 'Reduced', rules: [{ reference: 'product', reference_id: product }] })).body.tax_rate as Body;

    const removed = await t.api.delete(`/admin/tax-regions/${region.id}`).set(...admin()).expect(200);
    expect(removed.body).toEqual({ id: region.id, object: 'tax_region', deleted: true });
    await get(`/admin/tax-regions/${province.id}`, 404);
    await get(`/admin/tax-rates/${rate.id}`, 404);
    const [alive] = await sql<{ n: string }>(
      `select (select count(*) from tax_region where country_code = 'se' and deleted_at is null)
            + (select count(*) from tax_rate where tax_region_id in (?, ?) and deleted_at is null)
            + (select count(*) from tax_rate_rule where tax_rate_id = ? and deleted_at is null) as n`,
      [region.id, province.id, rate.id],
    );
    expect(Number(alive.n)).toBe(0);
    // the country is free again
    await post('/admin/tax-regions', { country_code: 'se' });
  });

  it('creates, lists, updates and deletes rates, replacing rules when given', async () => {
    const [lamp, chair] = await insertProducts(t, ['Rate lamp', 'Rate chair']);
    await sql(`insert into product_type (id, value) values ('ptyp_taxbooks', 'tax-books')`);
    const region = (await post('/admin/tax-regions', { country_code: 'no' })).body.tax_region as Body;
    const created = (
      await post('/admin/tax-rates', {
        tax_region_id: region.id,
        rate: 12.5,
        code: 'FOOD',
        name: 'Food',
        is_combinable: true,
        metadata: { k: 1 },
        rules: [
          { reference: 'product', reference_id: lamp },
          { reference: 'product_type', reference_id: 'ptyp_taxbooks' },
          { reference: 'shipping_option', reference_id: 'so_any' },
        ],
      })
    ).body.tax_rate as Body;
    expect(created).toMatchObject({
      id: expect.stringMatching(/^txr_/),
      rate: 12.5,
      code: 'FOOD',
      is_default: false,
      is_combinable: true,
      tax_region_id: region.id,
      created_by: t.adminUserId,
      tax_region: expect.objectContaining({ id: region.id, country_code: 'no' }),
    });
    expect(created.rules.map((r: Body) => `${r.reference}:${r.reference_id}`)).toEqual([`product:${lamp}`, 'product_type:ptyp_taxbooks', 'shipping_option:so_any']);
    expect(created.rules[0].id).toMatch(/^txrule_/);

    const def = (await post('/admin/tax-rates', { tax_region_id: region.id, rate: 25, code: 'MVA', name: 'MVA', is_default: true })).body.tax_rate as Body;
    const list = (await get(`/admin/tax-rates?tax_region_id=${region.id}&order=code&fields=code,rate`)).body;
    expect(list).toEqual({ tax_rates: [{ id: created.id, code: 'FOOD', rate: 12.5 }, { id: def.id, code: 'MVA', rate: 25 }], count: 2, offset: 0, limit: 20 });
    expect((await get(`/admin/tax-rates?tax_region_id=${region.id}&is_default=true&fields=id`)).body.tax_rates).toEqual([{ id: def.id }]);
    expect((await get(`/admin/tax-rates?tax_region_id=${region.id}&q=foo&fields=id`)).body.tax_rates).toEqual([{ id: created.id }]);

    const updated = (await post(`/admin/tax-rates/${created.id}`, { rate: 15, name: 'Food (new)', rules: [{ reference: 'product', reference_id: chair }] })).body.tax_rate as Body;
    expect(updated).toMatchObject({ rate: 15, name: 'Food (new)', code: 'FOOD', is_combinable: true, metadata: { k: 1 } });
    expect(updated.rules.map((r: Body) => r.reference_id)).toEqual([chair]);
    const kept = (await post(`/admin/tax-rates/${created.id}`, { code: 'FOOD2' })).body.tax_rate as Body;
    expect(kept.rules.map((r: Body) => r.reference_id)).toEqual([chair]);

    expect((await t.api.delete(`/admin/tax-rates/${created.id}`).set(...admin()).expect(200)).body).toEqual({ id: created.id, object: 'tax_rate', deleted: true });
    await get(`/admin/tax-rates/${created.id}`, 404);
    const [rules] = await sql<{ n: string }>('select count(*) as n from tax_rate_rule where tax_rate_id = ? and deleted_at is null', [created.id]);
    expect(Number(rules.n)).toBe(0);
  });

  it('adds and removes single rules', async () => {
    const [lamp] = await insertProducts(t, ['Rule lamp']);
    const region = (await post('/admin/tax-regions', { country_code: 'fi' })).body.tax_region as Body;
    const rate = (await post('/admin/tax-rates', { tax_region_id: region.id, rate: 10, code: 'R', name: 'Reduced' })).body.tax_rate as Body;
    const added = (await post(`/admin/tax-rates/${rate.id}/rules`, { reference: 'product', reference_id: lamp })).body.tax_rate as Body;
    expect(added.rules).toEqual([expect.objectContaining({ id: expect.stringMatching(/^txrule_/), tax_rate_id: rate.id, reference: 'product', reference_id: lamp })]);
    const dup = await post(`/admin/tax-rates/${rate.id}/rules`, { reference: 'product', reference_id: lamp }, 422);
    expect(dup.body).toEqual({ type: 'duplicate_error', code: 'invalid_request_error', message: `Tax rate rule with tax_rate_id: ${rate.id}, reference: product, reference_id: ${lamp}, already exists.` });

    const ruleId = added.rules[0].id as string;
    await t.api.delete(`/admin/tax-rates/${rate.id}/rules/txrule_nope`).set(...admin()).expect(404);
    const removed = (await t.api.delete(`/admin/tax-rates/${rate.id}/rules/${ruleId}`).set(...admin()).expect(200)).body;
    expect(removed).toMatchObject({ id: ruleId, object: 'tax_rate_rule', deleted: true, parent: { id: rate.id, rules: [] } });
    await t.api.delete(`/admin/tax-rates/${rate.id}/rules/${ruleId}`).set(...admin()).expect(404);
  });

  it('refuses bad rates and rules and writes nothing', async () => {
    const region = (await post('/admin/tax-regions', { country_code: 'ee', default_tax_rate: { rate: 22, code: 'KM', name: 'Käibemaks' } })).body.tax_region as Body;
    const [lamp] = await insertProducts(t, ['Refused lamp']);
    const rate = (await post('/admin/tax-rates', { tax_region_id: region.id, rate: 9, code: 'R', name: 'Reduced' })).body.tax_rate as Body;
    const before = await taxRows();
    const base = { tax_region_id: region.id, rate: 5, code: 'X', name: 'X' };
    const cases: Array<[unknown, number, string | RegExp]> = [
      [{ ...base, rate: 100.5 }, 400, /rate/],
      [{ ...base, rate: -0.1 }, 400, /rate/],
      [{ ...base, rate: '5' }, 400, /rate/],
      [{ ...base, code: undefined }, 400, /code/],
      [{ ...base, colour: 'red' }, 400, /colour/],
      [{ ...base, tax_region_id: 'txreg_nope' }, 404, 'Tax region with id: txreg_nope was not found'],
      [{ ...base, is_default: true }, 422, `Tax region with id: ${region.id} already has a default tax rate: ${region.tax_rates[0].id}`],
      [{ ...base, rules: [{ reference: 'customer', reference_id: 'cus_1' }] }, 400, /reference/],
      [{ ...base, rules: [{ reference: 'product', reference_id: 'prod_nope' }] }, 404, 'Product with id: prod_nope was not found'],
      [{ ...base, rules: [{ reference: 'product', reference_id: lamp }, { reference: 'product', reference_id: lamp }] }, 400, /given twice/],
      [{ ...base, rules: [{ reference: 'product' }] }, 400, /reference_id/],
    ];
    for (const [body, status, message] of cases) {
      const res = await post('/admin/tax-rates', body, status);
      expect({ body, message: res.body.message }).toEqual({ body, message: typeof message === 'string' ? message : expect.stringMatching(message) });
    }
    await post(`/admin/tax-rates/${rate.id}`, { is_default: true }, 422);
    await post(`/admin/tax-rates/${rate.id}`, { rate: 120 }, 400);
    await post(`/admin/tax-rates/${rate.id}`, { name: null }, 400);
    await post(`/admin/tax-rates/${rate.id}`, { rules: [{ reference: 'product', reference_id: 'prod_nope' }] }, 404);
    await post('/admin/tax-rates/txr_nope', { rate: 1 }, 404);
    await post(`/admin/tax-rates/${rate.id}/rules`, { reference: 'product', reference_id: 'prod_nope' }, 404);
    await post(`/admin/tax-rates/${rate.id}/rules`, { reference: 'region', reference_id: 'x' }, 400);
    await post('/admin/tax-rates/txr_nope/rules', { reference: 'product', reference_id: lamp }, 404);
    await t.api.delete('/admin/tax-rates/txr_nope').set(...admin()).expect(404);
    await t.api.get('/admin/tax-rates').expect(401);
    expect(await taxRows()).toEqual(before);

    // the region's default may move to another rate once the first stops being default
    await post(`/admin/tax-rates/${region.tax_rates[0].id}`, { is_default: false });
    expect((await post(`/admin/tax-rates/${rate.id}`, { is_default: true })).body.tax_rate.is_default).toBe(true);
  });
});
