import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Context, systemContext } from '../../../src/framework/context/context';
import { VariantPriceSetLinks } from '../../../src/links/variant-price-set.service';
import { PricingService } from '../../../src/modules/pricing/pricing.service';
import { createIdentityApp, IdentityApp } from '../../utils/identity';

const REGION_EU = 'reg_eu';
const REGION_DK = 'reg_dk';

describe('PricingService', () => {
  let t: IdentityApp;
  let orm: MikroORM;
  let pricing: PricingService;
  let links: VariantPriceSetLinks;

  beforeAll(async () => {
    t = await createIdentityApp();
    orm = t.app.get(MikroORM);
    pricing = t.app.get(PricingService);
    links = t.app.get(VariantPriceSetLinks);
  });
  afterAll(() => t.close());

  const ctx = (): Context => systemContext(orm.em as EntityManager);
  const sql = <T>(query: string, params: unknown[] = []) => (orm.em.fork() as EntityManager).getConnection().execute<T[]>(query, params);

  /** Counts the statements sent through the ORM's connection while `work` runs (the outbox relay's polls aside). */
  async function countStatements<T>(work: () => Promise<T>): Promise<[T, number]> {
    // knex's query event: statements run through the ORM and prepared ones (preparedQuery) alike
    type QueryEvents = { on(event: 'query', listener: (q: { sql: string }) => void): void; removeListener(event: 'query', listener: (q: { sql: string }) => void): void };
    const knex = (orm.em.getConnection() as unknown as { getKnex(): QueryEvents }).getKnex();
    const statements: string[] = [];
    const listener = (q: { sql: string }) => statements.push(q.sql);
    knex.on('query', listener);
    try {
      const result = await work();
      return [result, statements.filter((sql) => !sql.includes('event_outbox') && !/^(begin|commit|rollback)/i.test(sql.trim())).length];
    } finally {
      knex.removeListener('query', listener);
    }
  }

  async function activeSaleList(id: string, extra: { type?: string; status?: string; ends_at?: string } = {}): Promise<void> {
    await sql(`insert into price_list (id, title, status, type, ends_at) values (?, ?, ?, ?, ?)`, [
      id,
      `list ${id}`,
      extra.status ?? 'active',
      extra.type ?? 'sale',
      extra.ends_at ?? null,
    ]);
  }

  async function listPrice(id: string, priceSetId: string, listId: string, amount: string, currency = 'eur'): Promise<void> {
    await sql(`insert into price (id, price_set_id, price_list_id, currency_code, amount) values (?, ?, ?, ?, ?)`, [id, priceSetId, listId, currency, amount]);
  }

  describe('createPriceSets and listPrices', () => {
    it('stores base prices with rules and tiers and lists them per set', async () => {
      const [first, second] = await pricing.createPriceSets(ctx(), [
        {
          prices: [
            { currency_code: 'EUR', amount: 10 },
            { currency_code: 'eur', amount: '8.5', rules: { region_id: REGION_DK } },
            { currency_code: 'usd', amount: 12, min_quantity: 1, max_quantity: 5 },
          ],
        },
        { prices: [] },
      ]);
      expect(first).toMatch(/^pset_[0-9A-Z]{26}$/);
      const listed = await pricing.listPrices(ctx(), [first, second, 'pset_unknown']);
      expect(listed.get(second)).toEqual([]);
      expect(listed.get('pset_unknown')).toEqual([]);
      const prices = listed.get(first)!;
      expect(prices.map((p) => [p.currency_code, p.amount, p.rules, p.rules_count, p.min_quantity, p.max_quantity])).toEqual(
        expect.arrayContaining([
          ['eur', 10, {}, 0, null, null],
          ['eur', 8.5, { region_id: REGION_DK }, 1, null, null],
          ['usd', 12, {}, 0, 1, 5],
        ]),
      );
      expect(prices.find((p) => p.amount === 8.5)).toMatchObject({
        id: expect.stringMatching(/^price_/),
        raw_amount: { value: '8.5', precision: 20 },
        price_set_id: first,
        price_list_id: null,
        title: null,
        deleted_at: null,
      });
      const [rule] = await sql<{ attribute: string; operator: string; value: string }>(
        `select r.attribute, r.operator, r.value from price_rule r join price p on p.id = r.price_id where p.price_set_id = ?`,
        [first],
      );
      expect(rule).toEqual({ attribute: 'region_id', operator: 'eq', value: REGION_DK });
    });

    it('writes 10 variants x 2 currencies in a fixed handful of statements', async () => {
      const sets = Array.from({ length: 10 }, (_, i) => ({ prices: [{ currency_code: 'eur', amount: i + 1 }, { currency_code: 'usd', amount: i + 2, rules: { region_id: REGION_EU } }] }));
      const [ids, statements] = await countStatements(() => pricing.createPriceSets(ctx(), sets));
      expect(ids).toHaveLength(10);
      // currencies, price sets, prices, rules
      expect(statements).toBe(4);
      const [{ count }] = await sql<{ count: string }>(`select count(*) from price where price_set_id in (${ids.map(() => '?').join(',')})`, ids);
      expect(Number(count)).toBe(20);
    });

    it('refuses unknown currencies, negative amounts and inverted tiers, writing nothing', async () => {
      const before = await sql<{ count: string }>('select count(*) from price_set');
      await expect(pricing.createPriceSets(ctx(), [{ prices: [{ currency_code: 'eur', amount: 1 }] }, { prices: [{ currency_code: 'xyz', amount: 1 }] }])).rejects.toMatchObject({
        type: 'invalid_data',
        message: 'Currency with code: xyz does not exist',
      });
      await expect(pricing.createPriceSets(ctx(), [{ prices: [{ currency_code: 'eur', amount: -1 }] }])).rejects.toMatchObject({ type: 'invalid_data' });
      await expect(pricing.createPriceSets(ctx(), [{ prices: [{ currency_code: 'eur', amount: 'ten' }] }])).rejects.toMatchObject({ type: 'invalid_data' });
      await expect(pricing.createPriceSets(ctx(), [{ prices: [{ currency_code: 'eur', amount: 1, min_quantity: 5, max_quantity: 2 }] }])).rejects.toMatchObject({
        type: 'invalid_data',
        message: 'min_quantity (5) must not be greater than max_quantity (2)',
      });
      expect(await sql('select count(*) from price_set')).toEqual(before);
    });
  });

  describe('upsertPrices', () => {
    it('updates named prices, creates new ones and deletes the others, leaving list prices alone', async () => {
      const [set] = await pricing.createPriceSets(ctx(), [{ prices: [{ currency_code: 'eur', amount: 10 }, { currency_code: 'usd', amount: 11, rules: { region_id: REGION_EU } }] }]);
      await activeSaleList('plist_upsert');
      await listPrice('price_upsert_list', set, 'plist_upsert', '5');
      const [eur, usd] = (await pricing.listPrices(ctx(), [set])).get(set)!.sort((a, b) => a.amount - b.amount);
      await pricing.upsertPrices(ctx(), set, [
        { id: eur.id, currency_code: 'eur', amount: '9.99', rules: { region_id: REGION_DK } },
        { currency_code: 'dkk', amount: 75 },
      ]);
      const after = (await pricing.listPrices(ctx(), [set])).get(set)!;
      expect(after.map((p) => [p.currency_code, p.amount, p.rules])).toEqual(
        expect.arrayContaining([
          ['eur', 9.99, { region_id: REGION_DK }],
          ['dkk', 75, {}],
        ]),
      );
      expect(after).toHaveLength(2);
      expect(after.find((p) => p.currency_code === 'eur')!.id).toBe(eur.id);
      const [gone] = await sql<{ deleted_at: Date | null }>('select deleted_at from price where id = ?', [usd.id]);
      expect(gone.deleted_at).not.toBeNull();
      const [list] = await sql<{ deleted_at: Date | null }>('select deleted_at from price where id = ?', ['price_upsert_list']);
      expect(list.deleted_at).toBeNull();
    });

    it('refuses a price id of another set and an unknown set', async () => {
      const [a, b] = await pricing.createPriceSets(ctx(), [{ prices: [{ currency_code: 'eur', amount: 1 }] }, { prices: [{ currency_code: 'eur', amount: 2 }] }]);
      const [priceOfA] = (await pricing.listPrices(ctx(), [a])).get(a)!;
      await expect(pricing.upsertPrices(ctx(), b, [{ id: priceOfA.id, currency_code: 'eur', amount: 3 }])).rejects.toMatchObject({ type: 'not_found' });
      const [priceOfB] = (await pricing.listPrices(ctx(), [b])).get(b)!;
      await expect(pricing.upsertPrices(ctx(), b, [priceOfB, priceOfB].map((p) => ({ id: p.id, currency_code: 'eur', amount: 5 })))).rejects.toMatchObject({ type: 'invalid_data' });
      await expect(pricing.upsertPrices(ctx(), 'pset_missing', [])).rejects.toMatchObject({ type: 'not_found', message: 'Price set with id: pset_missing was not found' });
      expect((await pricing.listPrices(ctx(), [b])).get(b)!.map((p) => p.amount)).toEqual([2]);
    });
  });

  describe('calculatePrices', () => {
    it('picks the region price over the base price, and null without a price in the currency', async () => {
      const [set] = await pricing.createPriceSets(ctx(), [
        { prices: [{ currency_code: 'eur', amount: 20 }, { currency_code: 'eur', amount: 18, rules: { region_id: REGION_DK } }, { currency_code: 'usd', amount: 25 }] },
      ]);
      const dk = (await pricing.calculatePrices(ctx(), [set], { currency_code: 'eur', region_id: REGION_DK })).get(set);
      expect(dk).toMatchObject({ id: set, calculated_amount: 18, original_amount: 18, currency_code: 'eur', is_calculated_price_price_list: false });
      const eu = (await pricing.calculatePrices(ctx(), [set], { currency_code: 'eur', region_id: REGION_EU })).get(set);
      expect(eu).toMatchObject({ calculated_amount: 20, raw_calculated_amount: { value: '20', precision: 20 } });
      const usd = (await pricing.calculatePrices(ctx(), [set], { currency_code: 'USD' })).get(set);
      expect(usd).toMatchObject({ calculated_amount: 25, currency_code: 'usd' });
      expect((await pricing.calculatePrices(ctx(), [set], { currency_code: 'dkk' })).get(set)).toBeNull();
    });

    it('applies an active sale list when lower, and ignores draft and expired lists', async () => {
      const [set] = await pricing.createPriceSets(ctx(), [{ prices: [{ currency_code: 'eur', amount: 30 }] }]);
      await activeSaleList('plist_sale');
      await activeSaleList('plist_draft', { status: 'draft' });
      await activeSaleList('plist_expired', { ends_at: '2000-01-01T00:00:00Z' });
      await listPrice('price_sale', set, 'plist_sale', '24');
      await listPrice('price_draft', set, 'plist_draft', '10');
      await listPrice('price_expired', set, 'plist_expired', '11');
      const price = (await pricing.calculatePrices(ctx(), [set], { currency_code: 'eur' })).get(set);
      expect(price).toMatchObject({
        calculated_amount: 24,
        original_amount: 30,
        is_calculated_price_price_list: true,
        is_original_price_price_list: false,
        calculated_price: { id: 'price_sale', price_list_id: 'plist_sale', price_list_type: 'sale' },
      });
    });

    it('reads tax inclusivity from the price preferences', async () => {
      const [set] = await pricing.createPriceSets(ctx(), [{ prices: [{ currency_code: 'sek', amount: 100 }] }]);
      await sql(`insert into price_preference (id, attribute, value, is_tax_inclusive) values ('prpref_sek', 'currency_code', 'sek', true)`);
      const price = (await pricing.calculatePrices(ctx(), [set], { currency_code: 'sek' })).get(set);
      expect(price).toMatchObject({ is_calculated_price_tax_inclusive: true, is_original_price_tax_inclusive: true });
      await sql(`delete from price_preference where id = 'prpref_sek'`);
    });

    it('runs the same number of statements for 1 and 50 sets', async () => {
      const sets = await pricing.createPriceSets(
        ctx(),
        Array.from({ length: 50 }, (_, i) => ({ prices: [{ currency_code: 'eur', amount: 100 + i }, { currency_code: 'eur', amount: 90 + i, rules: { region_id: REGION_EU } }] })),
      );
      await activeSaleList('plist_many');
      for (const [i, set] of sets.entries()) await listPrice(`price_many_${i}`, set, 'plist_many', String(50 + i));
      const context = { currency_code: 'eur', region_id: REGION_EU };
      const [one, oneCount] = await countStatements(() => pricing.calculatePrices(ctx(), sets.slice(0, 1), context));
      const [fifty, fiftyCount] = await countStatements(() => pricing.calculatePrices(ctx(), sets, context));
      expect(one.get(sets[0])).toMatchObject({ calculated_amount: 50, original_amount: 90 });
      expect(fifty.size).toBe(50);
      expect(fifty.get(sets[49])).toMatchObject({ calculated_amount: 99, original_amount: 139 });
      // prices with their price lists and the preferences, in one statement
      expect(oneCount).toBe(1);
      expect(fiftyCount).toBe(oneCount);
    });
  });

  describe('deleting', () => {
    it('removePriceListPrices removes only that list\'s prices in those sets', async () => {
      const [a, b] = await pricing.createPriceSets(ctx(), [{ prices: [{ currency_code: 'eur', amount: 10 }] }, { prices: [{ currency_code: 'eur', amount: 10 }] }]);
      await activeSaleList('plist_remove');
      await listPrice('price_remove_a', a, 'plist_remove', '5');
      await listPrice('price_remove_b', b, 'plist_remove', '5');
      await pricing.removePriceListPrices(ctx(), 'plist_remove', [a]);
      const rows = await sql<{ id: string; deleted: boolean }>(`select id, deleted_at is not null as deleted from price where price_list_id = 'plist_remove' order by id`);
      expect(rows).toEqual([
        { id: 'price_remove_a', deleted: true },
        { id: 'price_remove_b', deleted: false },
      ]);
      expect((await pricing.calculatePrices(ctx(), [a], { currency_code: 'eur' })).get(a)).toMatchObject({ calculated_amount: 10 });
    });

    it('deletePriceSets soft-deletes the sets with their prices', async () => {
      const [set] = await pricing.createPriceSets(ctx(), [{ prices: [{ currency_code: 'eur', amount: 10, rules: { region_id: REGION_EU } }] }]);
      await pricing.deletePriceSets(ctx(), [set]);
      expect((await pricing.listPrices(ctx(), [set])).get(set)).toEqual([]);
      expect((await pricing.calculatePrices(ctx(), [set], { currency_code: 'eur', region_id: REGION_EU })).get(set)).toBeNull();
      const [row] = await sql<{ deleted: boolean }>('select deleted_at is not null as deleted from price_set where id = ?', [set]);
      expect(row.deleted).toBe(true);
    });
  });

  describe('VariantPriceSetLinks', () => {
    it('links variants to sets and reads them both ways', async () => {
      const [s1, s2] = await pricing.createPriceSets(ctx(), [{ prices: [] }, { prices: [] }]);
      await links.link(ctx(), [
        { variant_id: 'variant_a', price_set_id: s1 },
        { variant_id: 'variant_b', price_set_id: s2 },
      ]);
      expect(await links.priceSetsOf(ctx(), ['variant_a', 'variant_b', 'variant_none'])).toEqual(new Map([['variant_a', s1], ['variant_b', s2]]));
      expect(await links.variantsOf(ctx(), [s1, s2])).toEqual(new Map([[s1, 'variant_a'], [s2, 'variant_b']]));
      await links.link(ctx(), [{ variant_id: 'variant_a', price_set_id: s1 }]);
      await expect(links.link(ctx(), [{ variant_id: 'variant_a', price_set_id: s2 }])).rejects.toMatchObject({ type: 'invalid_data' });
      await expect(links.link(ctx(), [{ variant_id: 'variant_c', price_set_id: s1 }])).rejects.toMatchObject({ type: 'invalid_data' });
      await links.unlinkVariants(ctx(), ['variant_a']);
      expect(await links.priceSetsOf(ctx(), ['variant_a', 'variant_b'])).toEqual(new Map([['variant_b', s2]]));
    });
  });
});
