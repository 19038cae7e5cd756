import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { IdentityApp } from './identity';

/** SQL against the test database, outside any request (assertions on rows). */
export function sqlOf(t: IdentityApp) {
  const orm = t.app.get(MikroORM);
  return <T = Record<string, unknown>>(query: string, params: unknown[] = []) => (orm.em.fork() as EntityManager).getConnection().execute<T[]>(query, params);
}

/** Taxonomy rows inserted directly (their routes belong to another module of work). */
export async function seedTaxonomy(t: IdentityApp, suffix: string) {
  const sql = sqlOf(t);
  const ids = { type: `ptyp_${suffix}`, collection: `pcol_${suffix}`, tag: `ptag_${suffix}`, tag2: `ptag_${suffix}2`, category: `pcat_${suffix}` };
  await sql(`insert into product_type (id, value) values (?, ?)`, [ids.type, `type-${suffix}`]);
  await sql(`insert into product_collection (id, title, handle) values (?, ?, ?)`, [ids.collection, `Collection ${suffix}`, `collection-${suffix}`]);
  await sql(`insert into product_tag (id, value) values (?, ?), (?, ?)`, [ids.tag, `tag-${suffix}`, ids.tag2, `tag2-${suffix}`]);
  await sql(`insert into product_category (id, name, handle, mpath) values (?, ?, ?, ?)`, [ids.category, `Category ${suffix}`, `category-${suffix}`, ids.category]);
  return ids;
}

/** Row counts that a refused write must leave unchanged. */
export async function catalogCounts(t: IdentityApp): Promise<Record<string, number>> {
  const sql = sqlOf(t);
  const [row] = await sql<Record<string, string>>(`select
      (select count(*) from product) as products,
      (select count(*) from product_variant) as variants,
      (select count(*) from product_option) as options,
      (select count(*) from price_set) as price_sets,
      (select count(*) from price) as prices,
      (select count(*) from inventory_item) as inventory_items,
      (select count(*) from product_sales_channel) as channel_links,
      (select count(*) from product_variant_price_set) as price_links,
      (select count(*) from product_variant_inventory_item) as inventory_links,
      (select count(*) from event_outbox where name like 'product%') as events`);
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)]));
}

/** A product body with two options, four variants and prices in two currencies. */
export function shirtBody(handle: string, extra: Record<string, unknown> = {}) {
  const variants = ['S', 'M'].flatMap((size) =>
    ['Black', 'White'].map((color) => ({
      title: `${size} / ${color}`,
      sku: `${handle}-${size}-${color}`.toUpperCase(),
      options: { Size: size, Color: color },
      prices: [
        { currency_code: 'eur', amount: 10 },
        { currency_code: 'usd', amount: 12.5 },
      ],
    })),
  );
  return {
    title: `Shirt ${handle}`,
    handle,
    options: [
      { title: 'Size', values: ['S', 'M'] },
      { title: 'Color', values: ['Black', 'White'] },
    ],
    variants,
    ...extra,
  };
}

/** A JSON response body navigated in assertions (its shape is checked by the OpenAPI validator). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- bodies are read field by field in expectations
export type Body = any;
