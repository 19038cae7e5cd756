import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { systemContext } from '../../../src/framework/context/context';
import { CatalogSeedError, CatalogSummary, generateCatalog, previewCatalogTitles } from '../../../src/seed/catalog/catalog-generator';
import { startTsProcess } from '../../utils/child-process';
import { createIdentityApp, IdentityApp } from '../../utils/identity';
import { isEmbeddedTestDatabase, withClient, workerDatabaseUrl } from '../../utils/test-database';

const SEED = 7;
const PRODUCTS = 30;

async function sql<T>(t: IdentityApp, query: string, params: unknown[] = []): Promise<T[]> {
  return (t.app.get(MikroORM).em.fork() as EntityManager).getConnection().execute<T[]>(query, params);
}

async function count(t: IdentityApp, query: string, params: unknown[] = []): Promise<number> {
  const [row] = await sql<{ n: string }>(t, query, params);
  return Number(row.n);
}

/** The bulk catalog seeder, called directly on the test app's database. */
describe('seed:catalog generator', () => {
  jest.setTimeout(60000);
  let t: IdentityApp;
  let summary: CatalogSummary;

  beforeAll(async () => {
    t = await createIdentityApp();
    // batches of 8: four transactions, the last one partial
    summary = await generateCatalog(systemContext(t.app.get(MikroORM).em as EntityManager), { products: PRODUCTS, seed: SEED, batchSize: 8 });
  });
  afterAll(() => t?.close());

  it('writes the products, sold in the default sales channel, with 3–10 variants each', async () => {
    expect(await count(t, 'select count(*) as n from product')).toBe(PRODUCTS);
    expect(await count(t, 'select count(*) as n from product_sales_channel where sales_channel_id = ?', [t.salesChannelId])).toBe(PRODUCTS);
    const perProduct = await sql<{ n: string }>(t, 'select count(v.id) as n from product p left join product_variant v on v.product_id = p.id group by p.id');
    expect(perProduct).toHaveLength(PRODUCTS);
    const variantCounts = perProduct.map(({ n }) => Number(n));
    expect(Math.min(...variantCounts)).toBeGreaterThanOrEqual(3);
    expect(Math.max(...variantCounts)).toBeLessThanOrEqual(10);
    expect(await count(t, 'select count(*) as n from product_variant')).toBe(summary.variants);
    const statuses = await sql<{ status: string }>(t, 'select distinct status from product');
    expect(statuses.map((s) => s.status)).toEqual(expect.arrayContaining(['published']));
    expect(await count(t, "select count(*) as n from product where handle !~ '^[a-z0-9-]+-7-[0-9]+$' or description is null or thumbnail is null")).toBe(0);
    expect(await count(t, 'select count(*) - count(distinct handle) as n from product')).toBe(0);
  });

  it('gives every variant a unique SKU, ranks, and one value of each of its product’s options', async () => {
    expect(await count(t, 'select count(*) - count(distinct sku) as n from product_variant')).toBe(0);
    expect(await count(t, 'select count(*) as n from product_variant where sku is null')).toBe(0);
    // variant_rank runs 0…n-1 within each product
    expect(await count(t, 'select count(*) as n from (select product_id from product_variant group by product_id having max(variant_rank) <> count(*) - 1 or count(distinct variant_rank) <> count(*)) x')).toBe(0);
    expect(
      await count(
        t,
        `select count(*) as n from product_variant v
          where (select count(*) from product_option o where o.product_id = v.product_id)
             <> (select count(distinct val.option_id) from product_variant_option pvo
                   join product_option_value val on val.id = pvo.option_value_id
                   join product_option o on o.id = val.option_id and o.product_id = v.product_id
                  where pvo.variant_id = v.id)`,
      ),
    ).toBe(0);
    const options = await sql<{ title: string }>(t, 'select distinct title from product_option');
    expect(options.map((o) => o.title).every((title) => ['Size', 'Color', 'Material'].includes(title))).toBe(true);
  });

  it('gives every variant a price set with a EUR and a USD base price, plus region and sale prices', async () => {
    const unpriced = await count(
      t,
      `select count(*) as n from product_variant v
        left join product_variant_price_set l on l.variant_id = v.id
        where l.price_set_id is null
           or not exists (select 1 from price p where p.price_set_id = l.price_set_id and p.currency_code = 'eur' and p.price_list_id is null and p.rules_count = 0 and p.amount > 0)
           or not exists (select 1 from price p where p.price_set_id = l.price_set_id and p.currency_code = 'usd' and p.price_list_id is null and p.rules_count = 0 and p.amount > 0)`,
    );
    expect(unpriced).toBe(0);
    expect(await count(t, 'select count(*) as n from price')).toBe(summary.prices);
    // the seeded regions (Europe in eur, North America in usd) get rule prices
    const regionRules = await sql<{ value: string; currency_code: string }>(
      t,
      `select distinct r.value, p.currency_code from price_rule r join price p on p.id = r.price_id where r.attribute = 'region_id'`,
    );
    const regions = await sql<{ id: string; currency_code: string }>(t, 'select id, currency_code from region');
    expect(regionRules.length).toBeGreaterThan(0);
    for (const rule of regionRules) expect(regions).toContainEqual({ id: rule.value, currency_code: rule.currency_code });
    const [list] = await sql<{ id: string; status: string; type: string }>(t, 'select id, status, type from price_list');
    expect(list).toEqual({ id: summary.priceListId, status: 'active', type: 'sale' });
    // sale prices are lower than the base price in the same currency
    const sale = await sql<{ sale: string; base: string }>(
      t,
      `select s.amount as sale, b.amount as base from price s
         join price b on b.price_set_id = s.price_set_id and b.currency_code = s.currency_code and b.price_list_id is null and b.rules_count = 0
        where s.price_list_id = ?`,
      [summary.priceListId],
    );
    for (const row of sale) expect(Number(row.sale)).toBeLessThan(Number(row.base));
  });

  it('stocks every variant through one inventory item at the European Warehouse, which the sales channel uses', async () => {
    const [warehouse] = await sql<{ id: string; country_code: string }>(
      t,
      `select l.id, a.country_code from stock_location l join stock_location_address a on a.id = l.address_id where l.name = 'European Warehouse'`,
    );
    expect(warehouse).toEqual({ id: summary.locationId, country_code: 'dk' });
    expect(await count(t, 'select count(*) as n from sales_channel_stock_location where sales_channel_id = ? and stock_location_id = ?', [t.salesChannelId, warehouse.id])).toBe(1);
    const unstocked = await count(
      t,
      `select count(*) as n from product_variant v
        where (select count(*) from product_variant_inventory_item l
                 join inventory_item i on i.id = l.inventory_item_id and i.sku = v.sku
                 join inventory_level lev on lev.inventory_item_id = i.id and lev.location_id = ?
                where l.variant_id = v.id and l.required_quantity = 1) <> 1`,
      [warehouse.id],
    );
    expect(unstocked).toBe(0);
  });

  it('builds the taxonomy: collections, types, ~30 tags and an active category tree with id paths', async () => {
    expect(await count(t, 'select count(*) as n from product_tag')).toBe(30);
    expect(await count(t, 'select count(*) as n from product_type')).toBeGreaterThanOrEqual(3);
    expect(await count(t, 'select count(*) as n from product_collection')).toBeGreaterThanOrEqual(3);
    const categories = await sql<{ id: string; mpath: string; parent_category_id: string | null; is_active: boolean }>(
      t,
      'select id, mpath, parent_category_id, is_active from product_category',
    );
    const byId = new Map(categories.map((c) => [c.id, c]));
    for (const category of categories) {
      expect(category.is_active).toBe(true);
      const parent = category.parent_category_id ? byId.get(category.parent_category_id) : undefined;
      expect(category.mpath).toBe(parent ? `${parent.mpath}.${category.id}` : category.id);
    }
    const depths = new Set(categories.map((c) => c.mpath.split('.').length));
    expect([...depths].sort()).toEqual([1, 2, 3]);
    expect(await count(t, 'select count(*) as n from product p where not exists (select 1 from product_category_product c where c.product_id = p.id)')).toBe(0);
    expect(await count(t, 'select count(*) as n from product p where not exists (select 1 from product_tags c where c.product_id = p.id)')).toBe(0);
  });

  it('keeps search_vector filled: a product is found by a title word and by a variant SKU', async () => {
    expect(await count(t, 'select count(*) as n from product where search_vector is null')).toBe(0);
    const [product] = await sql<{ id: string; title: string; sku: string }>(
      t,
      'select p.id, p.title, v.sku from product p join product_variant v on v.product_id = p.id order by p.handle, v.variant_rank desc limit 1',
    );
    const word = product.title.split(' ')[0].toLowerCase();
    const byWord = await sql<{ id: string }>(t, "select id from product where search_vector @@ to_tsquery('english', ?)", [word]);
    expect(byWord.map((p) => p.id)).toContain(product.id);
    const bySku = await sql<{ id: string }>(t, "select id from product where search_vector @@ plainto_tsquery('simple', ?)", [product.sku]);
    expect(bySku.map((p) => p.id)).toEqual([product.id]);
  });

  it('is deterministic: the same seed gives the same titles, another seed others', async () => {
    const stored = await sql<{ title: string }>(t, "select title from product order by (substring(handle from '([0-9]+)$'))::int");
    expect(stored.map((p) => p.title)).toEqual(previewCatalogTitles(SEED, PRODUCTS));
    expect(previewCatalogTitles(SEED + 1, PRODUCTS)).not.toEqual(previewCatalogTitles(SEED, PRODUCTS));
    // a smaller batch size does not change the stream
    expect(previewCatalogTitles(SEED, 5)).toEqual(previewCatalogTitles(SEED, PRODUCTS).slice(0, 5));
  });

  it('leaves the catalog tables analyzed, so the planner knows their size', async () => {
    const stats = await sql<{ relname: string; analyzed: boolean }>(
      t,
      "select relname, last_analyze is not null as analyzed from pg_stat_user_tables where relname in ('product', 'product_variant', 'price', 'inventory_level') order by relname",
    );
    expect(stats).toEqual(['inventory_level', 'price', 'product', 'product_variant'].map((relname) => ({ relname, analyzed: true })));
  });

  it('refuses to run inside a caller’s transaction (its batches commit on their own)', async () => {
    const em = t.app.get(MikroORM).em.fork() as EntityManager;
    await expect(em.transactional((tx) => generateCatalog({ em: tx as EntityManager }, { products: 1, seed: 99, batchSize: 1 }))).rejects.toThrow(
      'generateCatalog commits batch by batch: call it outside a transaction',
    );
  });

  it('refuses a seed already generated here, writing nothing', async () => {
    const lists = await count(t, 'select count(*) as n from price_list');
    const [first] = await sql<{ handle: string }>(t, "select handle from product where handle like '%-7-1'");
    const again = generateCatalog(systemContext(t.app.get(MikroORM).em as EntityManager), { products: 3, seed: SEED, batchSize: 10 });
    await expect(again).rejects.toThrow(new CatalogSeedError(`Seed ${SEED} was already generated here (product ${first.handle} exists): choose another --seed.`));
    expect(await count(t, 'select count(*) as n from product')).toBe(PRODUCTS);
    expect(await count(t, 'select count(*) as n from price_list')).toBe(lists);
  });
});

describe('stheno seed:catalog', () => {
  jest.setTimeout(60000);

  async function cli(args: string[], env: Record<string, string | undefined> = {}): Promise<{ code: number | null; output: string }> {
    const run = startTsProcess('src/cli.ts', { NODE_ENV: 'development', LOG_LEVEL: 'warn', ...env }, ['seed:catalog', ...args]);
    const { code } = await run.exited;
    return { code, output: run.output().trim() };
  }

  // the other flag rules are unit-tested with integerFlag (src/framework/cli/args.spec.ts)
  it('rejects a zero or non-numeric product count with a clear message and exit code 2, before opening any database', async () => {
    const [zero, word] = await Promise.all([cli(['--products', '0']), cli(['--products', 'abc'])]);
    expect(zero).toEqual({ code: 2, output: "--products must be an integer from 1 to 1000000 (got '0')" });
    expect(word).toEqual({ code: 2, output: "--products must be an integer from 1 to 1000000 (got 'abc')" });
  });

  it('generates a catalog from the command line, on the database the first suite left', async () => {
    const env = { DATABASE_URL: workerDatabaseUrl(), DATABASE_POOL_MAX: isEmbeddedTestDatabase() ? '1' : '2' };
    const result = await cli(['--products', '4', '--seed', '9', '--batch', '3'], env);
    expect(result.code).toBe(0);
    expect(result.output).toMatch(/seed:catalog: 100% 4\/4 products/);
    expect(result.output).toMatch(/^Generated 4 products, \d+ variants and \d+ prices \(seed 9\) in [\d.]+ s\.$/m);
    const handles = await withClient(workerDatabaseUrl(), (c) => c.query<{ handle: string }>("select handle from product where handle ~ '-9-[0-9]+$'"));
    expect(handles.rows).toHaveLength(4);
  });
});
