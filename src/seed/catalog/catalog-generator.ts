import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import { Context, inTransaction } from '../../framework/context/context';
import { generateId } from '../../framework/database/ids';
import { catalogHandle, CatalogBatchBuilder, CatalogRefs, CatalogRows } from './catalog-batch-builder';
import { CATEGORY_TREE, COLLECTIONS, CategoryNode, PRODUCT_TYPES, ProductTypeName, TAGS } from './catalog-vocabulary';

/**
 * Bulk catalog seeder (`stheno seed:catalog`): writes products, variants, prices, inventory and
 * their links with multi-row SQL, one transaction per batch, instead of going through the module
 * facades (one ORM flush per product would take hours for 100k products). It is the documented
 * exception to "modules own their tables" (docs/architecture-notes.md). It records no events:
 * nobody needs 700k `product.created` deliveries for demo data.
 */

export interface CatalogOptions {
  products: number;
  seed: number;
  /** Products per transaction. */
  batchSize: number;
  /**
   * Batches written at once, each on its own connection (default 1). Batches are independent (ids
   * and handles are fixed before writing), so two connections keep both cores of PostgreSQL busy
   * while the next batch is built; it must stay 1 on the embedded database (one connection).
   */
  concurrency?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface CatalogSummary {
  products: number;
  variants: number;
  prices: number;
  seconds: number;
  priceListId: string;
  locationId: string;
}

/** A refusal the CLI prints as is (no stack): the seed was already generated, nothing to sell in. */
export class CatalogSeedError extends Error {}

const WAREHOUSE = 'European Warehouse';

/** Column types of every table the batches write, in insert order (parents before children). */
const BATCH_TABLES: Array<[keyof CatalogRows, Record<string, string>]> = [
  ['product', {
    id: 'text', title: 'text', handle: 'text', subtitle: 'text', description: 'text', status: 'text', thumbnail: 'text',
    weight: 'int', origin_country: 'text', material: 'text', collection_id: 'text', type_id: 'text',
  }],
  ['image', { id: 'text', url: 'text', rank: 'int', product_id: 'text' }],
  ['product_option', { id: 'text', title: 'text', product_id: 'text' }],
  ['product_option_value', { id: 'text', value: 'text', rank: 'int', option_id: 'text' }],
  ['product_tags', { product_id: 'text', product_tag_id: 'text' }],
  ['product_category_product', { product_id: 'text', product_category_id: 'text' }],
  ['product_sales_channel', { product_id: 'text', sales_channel_id: 'text' }],
  // one statement for all variants: the statement-level trigger refreshes each product's search vector once
  ['product_variant', { id: 'text', title: 'text', sku: 'text', weight: 'int', material: 'text', variant_rank: 'int', product_id: 'text' }],
  ['product_variant_option', { variant_id: 'text', option_value_id: 'text' }],
  ['price_set', { id: 'text' }],
  ['price', { id: 'text', currency_code: 'text', amount: 'numeric', rules_count: 'int', price_set_id: 'text', price_list_id: 'text' }],
  ['price_rule', { id: 'text', attribute: 'text', value: 'text', price_id: 'text' }],
  ['product_variant_price_set', { variant_id: 'text', price_set_id: 'text' }],
  ['inventory_item', { id: 'text', sku: 'text', title: 'text' }],
  ['inventory_level', { id: 'text', inventory_item_id: 'text', location_id: 'text', stocked_quantity: 'int' }],
  ['product_variant_inventory_item', { variant_id: 'text', inventory_item_id: 'text', required_quantity: 'int' }],
];

const ANALYZED_TABLES = [...BATCH_TABLES.map(([table]) => table), 'product_category', 'product_tag', 'product_collection', 'product_type'];
/**
 * The search-vector triggers look up each product's variants (`product_id = ? and deleted_at is
 * null`) and update the products of each batch. On tables never analyzed the planner believes
 * `deleted_at is null` is selective and scans the whole deleted_at index for every product: the run
 * slows down quadratically. Analyzing these after the first batch and whenever they doubled keeps
 * the plans on the product_id and primary-key indexes.
 */
const TRIGGER_TABLES = ['product', 'product_variant'];

const quote = (identifier: string): string => `"${identifier}"`;

/**
 * One INSERT for many rows: the rows travel as one JSON document that PostgreSQL expands with
 * json_to_recordset (the same on PGlite and PostgreSQL, and no 65,535-parameter limit). The document
 * goes as a bound parameter on the transaction's own connection: `em.execute` would inline it into
 * the SQL text, and escaping megabytes character by character cost more than the inserts.
 */
async function insertRows(em: EntityManager, table: string, columns: Record<string, string>, rows: object[], onConflict = ''): Promise<void> {
  if (!rows.length) return;
  const transaction = em.getTransactionContext<Knex.Transaction>();
  if (!transaction) throw new Error('insertRows runs inside a transaction (it uses its connection)');
  const names = Object.keys(columns).map(quote).join(', ');
  const shape = Object.entries(columns).map(([name, type]) => `${quote(name)} ${type}`).join(', ');
  await transaction.raw(`insert into ${quote(table)} (${names}) select ${names} from json_to_recordset(?::json) as r(${shape}) ${onConflict}`, [
    JSON.stringify(rows),
  ]);
}

async function idsByKey(em: EntityManager, table: string, key: string, values: readonly string[]): Promise<Map<string, string>> {
  const found = await em.execute<Array<{ id: string; key: string }>>(
    `select id, ${quote(key)} as key from ${quote(table)} where deleted_at is null and ${quote(key)} in (?)`,
    [values],
  );
  return new Map(found.map((row) => [row.key, row.id]));
}

/** Inserts the rows whose key is free (partial unique index on live rows) and returns key → id for all. */
async function ensureByKey(em: EntityManager, table: string, key: string, rows: Array<Record<string, string | number | boolean>>): Promise<Map<string, string>> {
  const columns = Object.fromEntries(Object.entries(rows[0]).map(([name, value]) => [name, typeof value === 'number' ? 'int' : typeof value === 'boolean' ? 'boolean' : 'text']));
  await insertRows(em, table, columns, rows, `on conflict (${quote(key)}) where deleted_at is null do nothing`);
  return idsByKey(em, table, key, rows.map((row) => String(row[key])));
}

/** The category tree, level by level: a child's mpath is its parent's (existing or new) plus its id. */
async function ensureCategories(em: EntityManager): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  const mpaths = new Map<string, string>();
  let level: Array<{ node: CategoryNode; parentHandle: string | null; rank: number }> = CATEGORY_TREE.map((node, rank) => ({ node, parentHandle: null, rank }));
  while (level.length) {
    const rows = level.map(({ node, parentHandle, rank }) => {
      const id = generateId('pcat');
      const parentId = parentHandle ? ids[parentHandle] : null;
      return {
        id, name: node.name, description: node.description, handle: node.handle, is_active: true, is_internal: false, rank,
        parent_category_id: parentId, mpath: parentHandle ? `${mpaths.get(parentHandle)}.${id}` : id,
      };
    });
    await insertRows(
      em,
      'product_category',
      { id: 'text', name: 'text', description: 'text', handle: 'text', is_active: 'boolean', is_internal: 'boolean', rank: 'int', parent_category_id: 'text', mpath: 'text' },
      rows,
      'on conflict ("handle") where deleted_at is null do nothing',
    );
    const stored = await em.execute<Array<{ id: string; handle: string; mpath: string }>>(
      'select id, handle, mpath from product_category where deleted_at is null and handle in (?)',
      [rows.map((row) => row.handle)],
    );
    for (const row of stored) {
      ids[row.handle] = row.id;
      mpaths.set(row.handle, row.mpath);
    }
    level = level.flatMap(({ node }) => (node.children ?? []).map((child, rank) => ({ node: child, parentHandle: node.handle, rank })));
  }
  return ids;
}

async function defaultSalesChannel(em: EntityManager): Promise<string> {
  const [row] = await em.execute<Array<{ id: string }>>(
    `select c.id from sales_channel c
      left join store s on s.default_sales_channel_id = c.id and s.deleted_at is null
     where c.deleted_at is null
     order by (s.id is null), (c.name <> 'Default Sales Channel'), c.created_at limit 1`,
  );
  if (!row) throw new CatalogSeedError('No sales channel to sell the catalog in: run `stheno seed` (or create one) first.');
  return row.id;
}

/** The "European Warehouse" stock location (created with its address when missing), stocked for `salesChannelId`. */
async function ensureWarehouse(em: EntityManager, salesChannelId: string): Promise<string> {
  const [existing] = await em.execute<Array<{ id: string }>>(
    'select id from stock_location where name = ? and deleted_at is null order by created_at limit 1',
    [WAREHOUSE],
  );
  let locationId = existing?.id;
  if (!locationId) {
    const addressId = generateId('laddr');
    locationId = generateId('sloc');
    await em.execute(
      `insert into stock_location_address (id, address_1, city, country_code, postal_code) values (?, 'Lagervej 12', 'Copenhagen', 'dk', '2600')`,
      [addressId],
    );
    await em.execute('insert into stock_location (id, name, address_id) values (?, ?, ?)', [locationId, WAREHOUSE, addressId]);
  }
  await em.execute('insert into sales_channel_stock_location (sales_channel_id, stock_location_id) values (?, ?) on conflict do nothing', [
    salesChannelId,
    locationId,
  ]);
  return locationId;
}

/** Everything the products point to: taxonomy, sales channel, warehouse, regions and the sale price list. */
async function prepareReferences(ctx: Context, seed: number): Promise<CatalogRefs> {
  return inTransaction(ctx, async ({ em }) => {
    const firstHandle = catalogHandle(previewCatalogTitles(seed, 1)[0], seed, 1);
    const [taken] = await em.execute<Array<{ id: string }>>('select id from product where handle = ? and deleted_at is null', [firstHandle]);
    if (taken) {
      throw new CatalogSeedError(`Seed ${seed} was already generated here (product ${firstHandle} exists): choose another --seed.`);
    }
    const salesChannelId = await defaultSalesChannel(em);
    const collections = await ensureByKey(em, 'product_collection', 'handle', COLLECTIONS.map((c) => ({ id: generateId('pcol'), title: c.title, handle: c.handle })));
    const types = await ensureByKey(em, 'product_type', 'value', PRODUCT_TYPES.map((value) => ({ id: generateId('ptyp'), value })));
    const tags = await ensureByKey(em, 'product_tag', 'value', TAGS.map((value) => ({ id: generateId('ptag'), value })));
    const categoryIds = await ensureCategories(em);
    const locationId = await ensureWarehouse(em, salesChannelId);
    const regions = await em.execute<Array<{ id: string; currency_code: string }>>(
      'select id, currency_code from region where deleted_at is null order by created_at, id',
    );
    const priceListId = generateId('plist');
    await em.execute(`insert into price_list (id, title, description, status, type) values (?, ?, ?, 'active', 'sale')`, [
      priceListId,
      'Catalog Sale',
      `Sale prices generated by seed:catalog (seed ${seed})`,
    ]);
    return {
      seed,
      collectionIds: COLLECTIONS.map((c) => collections.get(c.handle)!),
      typeIds: Object.fromEntries(PRODUCT_TYPES.map((t) => [t, types.get(t)!])) as Record<ProductTypeName, string>,
      tagIds: TAGS.map((t) => tags.get(t)!),
      categoryIds,
      salesChannelId,
      locationId,
      priceListId,
      regions: regions.map((r) => ({ id: r.id, currency_code: r.currency_code })),
    };
  });
}

async function writeBatch(ctx: Context, rows: CatalogRows): Promise<void> {
  await inTransaction({ ...ctx, em: ctx.em.fork() }, async ({ em }) => {
    // demo data: a crash may lose the last batches, never corrupt; not waiting for each flush saves time
    await em.execute('set local synchronous_commit = off');
    for (const [table, columns] of BATCH_TABLES) await insertRows(em, table, columns, rows[table]);
  });
}

/**
 * Generates `products` products in batches of `batchSize`, each batch in its own transaction (a
 * failure keeps the batches already committed), then refreshes the planner statistics.
 */
export async function generateCatalog(ctx: Context, options: CatalogOptions): Promise<CatalogSummary> {
  // each batch commits on its own (forked) connection: inside a caller's transaction they could not
  if (ctx.em.isInTransaction()) throw new Error('generateCatalog commits batch by batch: call it outside a transaction');
  const started = performance.now();
  const refs = await prepareReferences(ctx, options.seed);
  const builder = new CatalogBatchBuilder(refs);
  const concurrency = Math.max(1, options.concurrency ?? 1);
  const writing = new Set<Promise<void>>();
  const failures: unknown[] = [];
  let done = 0;
  let analyzedAt = Math.max(1, options.batchSize / 2);
  let variants = 0;
  let prices = 0;
  options.onProgress?.(0, options.products);
  for (let built = 0; built < options.products && !failures.length; ) {
    const count = Math.min(options.batchSize, options.products - built);
    // built while the previous batches are being written
    const rows = builder.build(built + 1, count);
    built += count;
    if (writing.size >= concurrency) await Promise.race(writing);
    if (failures.length) break;
    if (done >= analyzedAt * 2) {
      // on one connection (embedded) nothing is writing here: concurrency is 1 and the last write is done
      await ctx.em.fork().execute(`analyze ${TRIGGER_TABLES.map(quote).join(', ')}`);
      analyzedAt = done;
    }
    const write: Promise<void> = writeBatch(ctx, rows).then(
      () => {
        done += count;
        variants += rows.product_variant.length;
        prices += rows.price.length;
        options.onProgress?.(done, options.products);
      },
      (error: unknown) => void failures.push(error),
    );
    writing.add(write);
    void write.finally(() => writing.delete(write));
  }
  // never return (and let the caller close the pool) while a batch is still writing
  await Promise.all(writing);
  if (failures.length) throw failures[0];
  // fresh statistics, or the planner keeps estimating the catalog tables as empty
  await ctx.em.execute(`analyze ${ANALYZED_TABLES.map(quote).join(', ')}`);
  return {
    products: options.products,
    variants,
    prices,
    seconds: (performance.now() - started) / 1000,
    priceListId: refs.priceListId,
    locationId: refs.locationId,
  };
}

/** The titles a seed produces, without a database (what determinism is checked against). */
export function previewCatalogTitles(seed: number, products: number): string[] {
  const fake = (prefix: string) => `${prefix}_preview`;
  const builder = new CatalogBatchBuilder({
    seed,
    collectionIds: COLLECTIONS.map(() => fake('pcol')),
    typeIds: Object.fromEntries(PRODUCT_TYPES.map((t) => [t, fake('ptyp')])) as Record<ProductTypeName, string>,
    tagIds: TAGS.map(() => fake('ptag')),
    categoryIds: new Proxy({}, { get: () => fake('pcat') }),
    salesChannelId: fake('sc'),
    locationId: fake('sloc'),
    priceListId: fake('plist'),
    regions: [],
  });
  return builder.build(1, products).product.map((p) => p.title);
}
