import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Product } from '../../../src/modules/product/entities/product.entity';
import { TestApp } from '../../utils/create-test-app';

/** Raw SQL against the test database, outside any request. */
export async function sql<T>(t: TestApp, query: string, params: unknown[] = []): Promise<T[]> {
  return (t.app.get(MikroORM).em.fork() as EntityManager).getConnection().execute<T[]>(query, params);
}

/** Products written straight through the ORM (the product routes belong to another suite). */
export async function insertProducts(t: TestApp, titles: string[]): Promise<string[]> {
  const em = t.app.get(MikroORM).em.fork() as EntityManager;
  const products = titles.map((title) => em.create(Product, { title, handle: `${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${Math.random().toString(36).slice(2, 8)}` }));
  await em.flush();
  return products.map((p) => p.id);
}

/** How many outbox events of `name` were recorded for `id`. */
export async function eventCount(t: TestApp, name: string, id: string): Promise<number> {
  const [row] = await sql<{ n: string }>(t, 'select count(*) as n from event_outbox where name = ? and data->>\'id\' = ?', [name, id]);
  return Number(row.n);
}

/** A fingerprint of a table's rows, to prove a refused request wrote nothing. */
export async function snapshot(t: TestApp, table: string, columns: string): Promise<unknown[]> {
  return sql(t, `select ${columns} from ${table} order by 1, 2`);
}
