import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { SeedRunner } from '../../../src/framework/database/seeding';
import { seederRuns, SeedersFixtureModule } from '../../fixtures/seeders.fixture';
import { Widget } from '../../fixtures/widgets.fixture';
import { createWidgetsApp } from '../../fixtures/widgets';
import { TestApp } from '../../utils/create-test-app';

/** Seeders run once per database, each in its own transaction, on both databases (incl. one connection). */
describe('seeding', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createWidgetsApp({ imports: [SeedersFixtureModule] });
  });
  afterAll(() => t.close());

  const handles = async (): Promise<string[]> =>
    (await (t.app.get(MikroORM).em.fork() as EntityManager).find(Widget, {}, { orderBy: { handle: 'asc' } })).map((w) => w.handle);
  const recorded = async (): Promise<string[]> =>
    (
      await (t.app.get(MikroORM).em.fork() as EntityManager)
        .getConnection()
        .execute<Array<{ name: string }>>('select name from seed_run order by name')
    ).map((r) => r.name);

  it('runs pending seeders in order; a failing one leaves neither its data nor its record', async () => {
    await expect(t.app.get(SeedRunner).runPending()).rejects.toThrow('seeder failed half-way');
    expect(await handles()).toEqual(['demo']);
    // the demo store's own seeders ordered before the failure ran too, on either database (the demo
    // catalog as a no-op: tests run with SEED_DEMO_CATALOG=false); the demo checkout (order 30) waits
    expect(await recorded()).toEqual(['demo-catalog', 'identity-and-storefront-access', 'test-demo-widgets']);
  });

  it('runs the failed seeder again next time, then the ones after it', async () => {
    expect(await t.app.get(SeedRunner).runPending()).toEqual(['test-flaky-widgets', 'demo-checkout']);
    expect(seederRuns).toEqual({ demo: 1, flaky: 2 });
    expect(await handles()).toEqual(['demo', 'flaky']);
  });

  it('has nothing left to run once every seeder succeeded', async () => {
    expect(await t.app.get(SeedRunner).runPending()).toEqual([]);
    expect(seederRuns).toEqual({ demo: 1, flaky: 2 });
  });
});
