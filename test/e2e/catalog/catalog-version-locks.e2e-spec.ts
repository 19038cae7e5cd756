import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { CatalogFixture, seedCatalog } from '../../fixtures/catalog.fixture';
import { createIdentityApp, IdentityApp } from '../../utils/identity';
import { isEmbeddedTestDatabase, workerDatabaseUrl } from '../../utils/test-database';

/**
 * Catalog writers bump the catalog version rows before a statement locks anything, so two
 * transactions writing catalog rows in opposite orders wait for each other instead of deadlocking.
 * Needs two real connections: PostgreSQL only (the embedded database serves one).
 */
describe('catalog version rows and concurrent catalog writers', () => {
  let t: IdentityApp;
  let c: CatalogFixture;
  const versions = async (client: Client) =>
    (await client.query<{ id: number; version: string }>('select id, version::text as version from catalog_version order by id')).rows.map((r) => Number(r.version));

  beforeAll(async () => {
    t = await createIdentityApp();
    c = await seedCatalog(t.app, t.salesChannelId);
  });
  afterAll(() => t.close());

  if (!isEmbeddedTestDatabase()) {
    it('lets two transactions update products in opposite orders without a deadlock', async () => {
      const [a, b] = [new Client({ connectionString: workerDatabaseUrl() }), new Client({ connectionString: workerDatabaseUrl() })];
      await Promise.all([a.connect(), b.connect()]);
      try {
        const before = await versions(a);
        await a.query('begin');
        await b.query('begin');
        await a.query(`update product set subtitle = 'a' where id = $1`, [c.ids.shirt]);
        // b waits here, on the version rows, holding no product row
        const second = (async () => {
          await b.query(`update product set subtitle = 'b' where id = $1`, [c.ids.mug]);
          await b.query(`update product set subtitle = 'b' where id = $1`, [c.ids.shirt]);
          await b.query('commit');
        })();
        await new Promise((resolve) => setTimeout(resolve, 200));
        await a.query(`update product set subtitle = 'a' where id = $1`, [c.ids.mug]);
        await a.query('commit');
        await second;
        const subtitles = await a.query<{ subtitle: string }>('select subtitle from product where id = any($1) order by id', [[c.ids.mug, c.ids.shirt]]);
        expect(subtitles.rows.map((r) => r.subtitle)).toEqual(['b', 'b']);
        const after = await versions(a);
        expect(after[0] - before[0]).toBe(4);
        expect(after[1] - before[1]).toBe(4);
      } finally {
        await Promise.all([a.end(), b.end()]);
      }
    });
  }

  it('moves both versions on any catalog, price or region write, and neither on stock', async () => {
    const em = t.app.get(MikroORM).em.fork() as EntityManager;
    const run = (query: string, params: unknown[] = []) => em.getConnection().execute(query, params);
    const read = async () => ((await run('select version::text as version from catalog_version order by id')) as Array<{ version: string }>).map((r) => Number(r.version));
    const start = await read();
    await run(`update price set amount = amount where id = 'price_s_base'`);
    expect(await read()).toEqual([start[0] + 1, start[1] + 1]);
    await run(`update region set name = name where id = ?`, [c.regionId]);
    const afterRegion = await read();
    expect(afterRegion).toEqual([start[0] + 2, start[1] + 2]);
    await run(`update inventory_level set stocked_quantity = stocked_quantity where id = 'ilev_s_main'`);
    expect(await read()).toEqual(afterRegion);
  });
});
