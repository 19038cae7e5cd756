import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Context, systemContext } from '../../../src/framework/context/context';
import { VariantPriceSetLinks } from '../../../src/links/variant-price-set.service';
import { PricingService } from '../../../src/modules/pricing/pricing.service';
import { bearer, createIdentityApp, IdentityApp } from '../../utils/identity';

interface PriceBody {
  id: string;
  currency_code: string;
  amount: number;
  min_quantity: number | null;
  max_quantity: number | null;
  variant_id: string | null;
  price_set_id: string;
  rules: Record<string, string>;
}

interface PriceListBody {
  id: string;
  title: string;
  description: string;
  status: string;
  type: string;
  rules: Record<string, string[]>;
  starts_at: string | null;
  ends_at: string | null;
  prices: PriceBody[];
}

const LIST_KEYS = ['created_at', 'deleted_at', 'description', 'ends_at', 'id', 'prices', 'rules', 'starts_at', 'status', 'title', 'type', 'updated_at'];
const PRICE_KEYS = ['amount', 'created_at', 'currency_code', 'deleted_at', 'id', 'max_quantity', 'min_quantity', 'price_set_id', 'rules', 'updated_at', 'variant_id'];

describe('admin price lists', () => {
  let t: IdentityApp;
  let orm: MikroORM;
  let pricing: PricingService;
  /** variant id → price set id, for made-up variants (the product module is not needed here). */
  const sets = new Map<string, string>();

  const admin = () => bearer(t.adminToken);
  const ctx = (): Context => systemContext(orm.em as EntityManager);
  const sql = <T>(query: string, params: unknown[] = []) => (orm.em.fork() as EntityManager).getConnection().execute<T[]>(query, params);
  const count = async (table: string, where = 'true') => Number((await sql<{ n: string }>(`select count(*) as n from ${table} where ${where}`))[0].n);

  beforeAll(async () => {
    t = await createIdentityApp();
    orm = t.app.get(MikroORM);
    pricing = t.app.get(PricingService);
    const variants = ['variant_shirt', 'variant_pants', 'variant_hat'];
    const ids = await pricing.createPriceSets(ctx(), variants.map(() => ({ prices: [{ currency_code: 'eur', amount: 20 }, { currency_code: 'usd', amount: 25 }] })));
    variants.forEach((v, i) => sets.set(v, ids[i]));
    await t.app.get(VariantPriceSetLinks).link(ctx(), variants.map((variant_id, i) => ({ variant_id, price_set_id: ids[i] })));
  });
  afterAll(() => t.close());

  async function createList(body: Record<string, unknown>): Promise<PriceListBody> {
    const res = await t.api.post('/admin/price-lists').set(...admin()).send({ description: '', ...body }).expect(200);
    return res.body.price_list as PriceListBody;
  }

  describe('POST /admin/price-lists', () => {
    it('creates a list with rules and variant prices in the wire format', async () => {
      const list = await createList({
        title: 'Summer sale',
        description: 'Hot deals',
        status: 'active',
        type: 'sale',
        starts_at: '2020-01-01T00:00:00.000Z',
        rules: { customer_group_id: ['cusgroup_vip'] },
        prices: [
          { variant_id: 'variant_shirt', currency_code: 'EUR', amount: 15.5 },
          { variant_id: 'variant_pants', currency_code: 'eur', amount: 12, min_quantity: 2, max_quantity: 10, rules: { region_id: 'reg_eu' } },
        ],
      });
      expect(Object.keys(list).sort()).toEqual(LIST_KEYS);
      expect(list).toMatchObject({
        id: expect.stringMatching(/^plist_[0-9A-Z]{26}$/),
        title: 'Summer sale',
        description: 'Hot deals',
        status: 'active',
        type: 'sale',
        starts_at: '2020-01-01T00:00:00.000Z',
        ends_at: null,
        rules: { customer_group_id: ['cusgroup_vip'] },
        deleted_at: null,
      });
      expect(list.prices).toHaveLength(2);
      for (const price of list.prices) expect(Object.keys(price).sort()).toEqual(PRICE_KEYS);
      const pants = list.prices.find((p) => p.variant_id === 'variant_pants')!;
      expect(pants).toMatchObject({ currency_code: 'eur', amount: 12, min_quantity: 2, max_quantity: 10, price_set_id: sets.get('variant_pants'), rules: { region_id: 'reg_eu' } });
      expect(list.prices.find((p) => p.variant_id === 'variant_shirt')).toMatchObject({ currency_code: 'eur', amount: 15.5, rules: {} });
      const [row] = await sql<{ rules_count: number }>('select rules_count from price_list where id = ?', [list.id]);
      expect(row.rules_count).toBe(1);
      expect(await count('event_outbox', `name = 'price-list.created' and data->>'id' = '${list.id}'`)).toBe(1);
    });

    it('defaults to a draft sale list without rules or prices', async () => {
      const list = await createList({ title: 'Plain' });
      expect(list).toMatchObject({ status: 'draft', type: 'sale', rules: {}, prices: [], starts_at: null, ends_at: null, description: '' });
    });

    it('refuses bad input and writes nothing', async () => {
      const lists = await count('price_list');
      const prices = await count('price');
      const cases: Array<[Record<string, unknown>, string | RegExp]> = [
        [{ title: 'x', prices: [{ variant_id: 'variant_shirt', currency_code: 'xyz', amount: 1 }] }, 'Currency with code: xyz does not exist'],
        [{ title: 'x', starts_at: '2030-01-02T00:00:00Z', ends_at: '2030-01-01T00:00:00Z' }, 'ends_at must not be before starts_at'],
        [{ title: 'x', type: 'discount' }, /type must be one of the following values/],
        [{ title: 'x', status: 'paused' }, /status must be one of the following values/],
        [{ title: 'x', color: 'red' }, "Invalid request: Unrecognized fields: 'color'"],
        [{ title: 'x', prices: [{ variant_id: 'variant_ghost', currency_code: 'eur', amount: 1 }] }, 'No price set exist for variants: variant_ghost'],
        [{ title: 'x', prices: [{ variant_id: 'variant_shirt', currency_code: 'eur', amount: -1 }] }, 'amount must not be negative, got: -1'],
        [{ title: 'x', prices: [{ variant_id: 'variant_shirt', currency_code: 'eur', amount: 1, min_quantity: 5, max_quantity: 1 }] }, 'min_quantity (5) must not be greater than max_quantity (1)'],
        [{ title: 'x', rules: { customer_group_id: [1] } }, 'Price list rule customer_group_id must be a string or a list of strings'],
        [{ title: 'x', starts_at: 'tomorrow' }, /starts_at must be a valid ISO 8601 date string/],
      ];
      for (const [body, message] of cases) {
        const res = await t.api.post('/admin/price-lists').set(...admin()).send({ description: '', ...body }).expect(400);
        expect(res.body.type).toBe('invalid_data');
        expect(res.body.message).toEqual(typeof message === 'string' ? message : expect.stringMatching(message));
      }
      const missingTitle = await t.api.post('/admin/price-lists').set(...admin()).send({ description: '' }).expect(400);
      expect(missingTitle.body.type).toBe('invalid_data');
      expect(await count('price_list')).toBe(lists);
      expect(await count('price')).toBe(prices);
    });

    it('needs admin credentials', async () => {
      await t.api.post('/admin/price-lists').send({ title: 'x', description: '' }).expect(401);
      await t.api.get('/admin/price-lists').expect(401);
    });
  });

  describe('GET /admin/price-lists', () => {
    let alpha: PriceListBody;
    let beta: PriceListBody;
    let gamma: PriceListBody;

    beforeAll(async () => {
      alpha = await createList({ title: 'Alpha filter', description: 'first of the filtered', status: 'active', type: 'override', starts_at: '2031-01-01T00:00:00Z' });
      beta = await createList({ title: 'Beta filter', description: 'second', status: 'draft', prices: [{ variant_id: 'variant_hat', currency_code: 'usd', amount: 9 }] });
      gamma = await createList({ title: 'Gamma filter', description: 'third', status: 'active', ends_at: '2032-06-01T00:00:00Z' });
    });

    const titles = (body: { price_lists: PriceListBody[] }) => body.price_lists.map((l) => l.title);

    it('filters by q, status, type, id and dates, and orders', async () => {
      const q = await t.api.get('/admin/price-lists?q=filter&order=-title').set(...admin()).expect(200);
      expect(titles(q.body)).toEqual(['Gamma filter', 'Beta filter', 'Alpha filter']);
      expect(q.body).toMatchObject({ count: 3, offset: 0, limit: 50 });
      const byDescription = await t.api.get('/admin/price-lists?q=FILTERED').set(...admin()).expect(200);
      expect(titles(byDescription.body)).toEqual(['Alpha filter']);
      const active = await t.api.get('/admin/price-lists?q=filter&status=active&order=title').set(...admin()).expect(200);
      expect(titles(active.body)).toEqual(['Alpha filter', 'Gamma filter']);
      const override = await t.api.get('/admin/price-lists?type=override').set(...admin()).expect(200);
      expect(titles(override.body)).toEqual(['Alpha filter']);
      const ids = await t.api.get(`/admin/price-lists?id[]=${beta.id}&id[]=${gamma.id}&order=title`).set(...admin()).expect(200);
      expect(titles(ids.body)).toEqual(['Beta filter', 'Gamma filter']);
      const starts = await t.api.get('/admin/price-lists?starts_at[$gte]=2030-01-01').set(...admin()).expect(200);
      expect(titles(starts.body)).toEqual(['Alpha filter']);
      const ends = await t.api.get('/admin/price-lists?ends_at[$lt]=2033-01-01').set(...admin()).expect(200);
      expect(titles(ends.body)).toEqual(['Gamma filter']);
      const created = await t.api.get(`/admin/price-lists?created_at[$gte]=${encodeURIComponent(new Date(Date.now() - 60_000).toISOString())}&q=filter&order=created_at`).set(...admin()).expect(200);
      expect(titles(created.body)).toEqual(['Alpha filter', 'Beta filter', 'Gamma filter']);
      const paged = await t.api.get('/admin/price-lists?q=filter&order=title&limit=1&offset=1').set(...admin()).expect(200);
      expect(paged.body).toMatchObject({ count: 3, offset: 1, limit: 1 });
      expect(titles(paged.body)).toEqual(['Beta filter']);
    });

    it('shapes the answer with fields and lists prices with their variants by default', async () => {
      const res = await t.api.get(`/admin/price-lists?id=${beta.id}`).set(...admin()).expect(200);
      expect(res.body.price_lists[0].prices).toEqual([expect.objectContaining({ variant_id: 'variant_hat', currency_code: 'usd', amount: 9 })]);
      const slim = await t.api.get(`/admin/price-lists?id=${alpha.id}&fields=title,status`).set(...admin()).expect(200);
      expect(slim.body.price_lists).toEqual([{ id: alpha.id, title: 'Alpha filter', status: 'active' }]);
      const noPrices = await t.api.get(`/admin/price-lists/${beta.id}?fields=-prices`).set(...admin()).expect(200);
      expect(noPrices.body.price_list.prices).toBeUndefined();
      expect(noPrices.body.price_list.title).toBe('Beta filter');
    });

    it('refuses unknown filters, order fields and values', async () => {
      const filter = await t.api.get('/admin/price-lists?currency_code=eur').set(...admin()).expect(400);
      expect(filter.body).toEqual({ type: 'invalid_data', message: "Invalid request: Unrecognized fields: 'currency_code'" });
      const order = await t.api.get('/admin/price-lists?order=rules_count').set(...admin()).expect(400);
      expect(order.body).toEqual({ type: 'invalid_data', message: "Order field 'rules_count' is not valid" });
      await t.api.get('/admin/price-lists?starts_at[$gte]=soon').set(...admin()).expect(400);
    });
  });

  describe('GET, POST and DELETE /admin/price-lists/:id', () => {
    it('retrieves, updates (rules replaced, window checked) and answers 404 for unknown ids', async () => {
      const list = await createList({ title: 'Editable', rules: { customer_group_id: ['cg_a'] }, starts_at: '2030-01-01T00:00:00Z' });
      const got = await t.api.get(`/admin/price-lists/${list.id}`).set(...admin()).expect(200);
      expect(got.body.price_list).toMatchObject({ id: list.id, title: 'Editable', rules: { customer_group_id: ['cg_a'] } });

      const updated = await t.api
        .post(`/admin/price-lists/${list.id}`)
        .set(...admin())
        .send({ title: 'Edited', status: 'active', type: 'override', rules: { customer_group_id: ['cg_b', 'cg_c'] }, ends_at: '2030-02-01T00:00:00Z' })
        .expect(200);
      expect(updated.body.price_list).toMatchObject({ title: 'Edited', status: 'active', type: 'override', rules: { customer_group_id: ['cg_b', 'cg_c'] }, ends_at: '2030-02-01T00:00:00.000Z' });
      expect(await count('price_list_rule', `price_list_id = '${list.id}' and deleted_at is null`)).toBe(1);

      const bad = await t.api.post(`/admin/price-lists/${list.id}`).set(...admin()).send({ ends_at: '2029-01-01T00:00:00Z' }).expect(400);
      expect(bad.body).toEqual({ type: 'invalid_data', message: 'ends_at must not be before starts_at' });
      await t.api.post(`/admin/price-lists/${list.id}`).set(...admin()).send({ status: 'archived' }).expect(400);
      await t.api.post(`/admin/price-lists/${list.id}`).set(...admin()).send({ prices: [] }).expect(400);
      const after = await t.api.get(`/admin/price-lists/${list.id}`).set(...admin()).expect(200);
      expect(after.body.price_list).toMatchObject({ title: 'Edited', ends_at: '2030-02-01T00:00:00.000Z', status: 'active' });

      const cleared = await t.api.post(`/admin/price-lists/${list.id}`).set(...admin()).send({ starts_at: null, rules: {} }).expect(200);
      expect(cleared.body.price_list).toMatchObject({ starts_at: null, rules: {} });

      for (const request of [
        t.api.get('/admin/price-lists/plist_missing'),
        t.api.post('/admin/price-lists/plist_missing').send({ title: 'x' }),
        t.api.delete('/admin/price-lists/plist_missing'),
        t.api.get('/admin/price-lists/plist_missing/prices'),
        t.api.post('/admin/price-lists/plist_missing/prices/batch').send({ delete: [] }),
      ]) {
        const res = await request.set(...admin()).expect(404);
        expect(res.body).toEqual({ type: 'not_found', message: 'Price list with id: plist_missing was not found' });
      }
    });

    it('deletes the list with its prices, which stop applying', async () => {
      const list = await createList({ title: 'Doomed', status: 'active', prices: [{ variant_id: 'variant_hat', currency_code: 'eur', amount: 1 }] });
      const setId = sets.get('variant_hat')!;
      expect((await pricing.calculatePrices(ctx(), [setId], { currency_code: 'eur' })).get(setId)).toMatchObject({ calculated_amount: 1 });
      const res = await t.api.delete(`/admin/price-lists/${list.id}`).set(...admin()).expect(200);
      expect(res.body).toEqual({ id: list.id, object: 'price_list', deleted: true });
      await t.api.get(`/admin/price-lists/${list.id}`).set(...admin()).expect(404);
      expect(await count('price', `price_list_id = '${list.id}' and deleted_at is null`)).toBe(0);
      expect(await count('price', `price_list_id = '${list.id}'`)).toBe(1);
      expect((await pricing.calculatePrices(ctx(), [setId], { currency_code: 'eur' })).get(setId)).toMatchObject({ calculated_amount: 20 });
      await t.api.delete(`/admin/price-lists/${list.id}`).set(...admin()).expect(404);
    });
  });

  describe('prices of a list', () => {
    let list: PriceListBody;

    beforeAll(async () => {
      list = await createList({
        title: 'Batch target',
        status: 'active',
        prices: [
          { variant_id: 'variant_shirt', currency_code: 'eur', amount: 18 },
          { variant_id: 'variant_pants', currency_code: 'usd', amount: 22 },
        ],
      });
    });

    const pricesOf = async () => (await t.api.get(`/admin/price-lists/${list.id}/prices`).set(...admin()).expect(200)).body;

    it('GET /prices pages the list prices with their variants', async () => {
      const body = await pricesOf();
      expect(body).toMatchObject({ count: 2, offset: 0, limit: 50 });
      expect(body.prices.map((p: PriceBody) => [p.variant_id, p.currency_code, p.amount]).sort()).toEqual([
        ['variant_pants', 'usd', 22],
        ['variant_shirt', 'eur', 18],
      ]);
      const page = await t.api.get(`/admin/price-lists/${list.id}/prices?limit=1&fields=amount`).set(...admin()).expect(200);
      expect(page.body).toMatchObject({ count: 2, limit: 1 });
      expect(Object.keys(page.body.prices[0]).sort()).toEqual(['amount', 'id']);
      const newestFirst = await t.api.get(`/admin/price-lists/${list.id}/prices?order=-created_at`).set(...admin()).expect(200);
      expect(newestFirst.body.prices.map((p: PriceBody) => p.id)).toEqual(body.prices.map((p: PriceBody) => p.id).reverse());
      await t.api.get(`/admin/price-lists/${list.id}/prices?order=amount`).set(...admin()).expect(400);
    });

    it('POST /prices/batch creates, updates and deletes in one go', async () => {
      const [shirt, pants] = [...list.prices].sort((a, b) => a.amount - b.amount);
      const res = await t.api
        .post(`/admin/price-lists/${list.id}/prices/batch`)
        .set(...admin())
        .send({
          create: [{ variant_id: 'variant_hat', currency_code: 'eur', amount: 7.25, rules: { region_id: 'reg_eu' } }],
          update: [{ id: shirt.id, variant_id: 'variant_shirt', currency_code: 'eur', amount: 16, min_quantity: 1 }],
          delete: [pants.id],
        })
        .expect(200);
      expect(res.body.deleted).toEqual({ ids: [pants.id], object: 'price', deleted: true });
      expect(res.body.created).toEqual([
        expect.objectContaining({ id: expect.stringMatching(/^price_/), variant_id: 'variant_hat', price_set_id: sets.get('variant_hat'), currency_code: 'eur', amount: 7.25, rules: { region_id: 'reg_eu' } }),
      ]);
      expect(res.body.updated).toEqual([expect.objectContaining({ id: shirt.id, amount: 16, min_quantity: 1, variant_id: 'variant_shirt' })]);
      const body = await pricesOf();
      expect(body.prices.map((p: PriceBody) => [p.variant_id, p.amount]).sort()).toEqual([
        ['variant_hat', 7.25],
        ['variant_shirt', 16],
      ]);
      const hatSet = sets.get('variant_hat')!;
      const calculated = (await pricing.calculatePrices(ctx(), [hatSet], { currency_code: 'eur', region_id: 'reg_eu' })).get(hatSet);
      expect(calculated).toMatchObject({ calculated_amount: 7.25, original_amount: 20, calculated_price: { price_list_id: list.id } });
    });

    it('refuses a bad batch and changes nothing', async () => {
      const before = await pricesOf();
      const [first] = before.prices as PriceBody[];
      const cases: Array<[Record<string, unknown>, number, string]> = [
        [{ delete: ['price_unknown'] }, 404, `Price with id: price_unknown was not found in price list: ${list.id}`],
        [{ update: [{ id: 'price_unknown', variant_id: 'variant_hat', currency_code: 'eur', amount: 1 }] }, 404, `Price with id: price_unknown was not found in price list: ${list.id}`],
        [{ create: [{ variant_id: 'variant_hat', currency_code: 'zzz', amount: 1 }], delete: [first.id] }, 400, 'Currency with code: zzz does not exist'],
        [{ create: [{ variant_id: 'variant_nowhere', currency_code: 'eur', amount: 1 }], delete: [first.id] }, 400, 'No price set exist for variants: variant_nowhere'],
        [{ create: [{ variant_id: 'variant_hat', currency_code: 'eur', amount: 1, extra: true }] }, 400, "Invalid request: Unrecognized fields: 'create.0.extra'"],
        [{ update: [{ id: first.id, variant_id: 'variant_hat', currency_code: 'eur', amount: 1 }], delete: [first.id] }, 400, `Price with id: ${first.id} cannot be both updated and deleted`],
        [{ update: [1, 2].map((amount) => ({ id: first.id, variant_id: 'variant_hat', currency_code: 'eur', amount })) }, 400, 'A price can be updated only once per batch'],
      ];
      for (const [body, status, message] of cases) {
        const res = await t.api.post(`/admin/price-lists/${list.id}/prices/batch`).set(...admin()).send(body).expect(status);
        expect(res.body.message).toBe(message);
      }
      expect(await pricesOf()).toEqual(before);
    });
  });
});
