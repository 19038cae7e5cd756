import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { generateId } from '../../../src/framework/database/ids';
import { TestApp } from '../../utils/create-test-app';

/** Raw SQL against the test database, outside any request. */
export async function sql<T>(t: TestApp, query: string, params: unknown[] = []): Promise<T[]> {
  return (t.app.get(MikroORM).em.fork() as EntityManager).getConnection().execute<T[]>(query, params);
}

/** Draft products written with SQL (the product routes and entities belong to another part of the module). */
export async function insertProducts(t: TestApp, titles: string[]): Promise<string[]> {
  const ids = titles.map(() => generateId('prod'));
  await sql(
    t,
    `insert into product (id, title, handle) values ${titles.map(() => '(?, ?, ?)').join(', ')}`,
    titles.flatMap((title, i) => [ids[i], title, `${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${ids[i].slice(-6).toLowerCase()}`]),
  );
  return ids;
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
