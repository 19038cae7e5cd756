import { MikroORM } from '@mikro-orm/postgresql';
import { loadConfig } from '../../../src/framework/config/load-config';
import { registeredEntities } from '../../../src/framework/database/entity-registry';
import { applyMigrations } from '../../../src/framework/database/migrate';
import { buildOrmOptions } from '../../../src/framework/database/orm-options';
import '../../../src/framework/events/events.module';
import '../../../src/framework/database/database.module';
import { isEmbeddedTestDatabase, resetDatabase, withClient, workerDatabaseUrl } from '../../utils/test-database';

/** Several processes migrating one database at once (replicas, a server and a worker) take turns. */
describe('applying migrations concurrently', () => {
  if (isEmbeddedTestDatabase()) {
    // the embedded database has one connection and one process by construction
    it('is not possible on the embedded database: one connection, one process', () => {
      expect(loadConfig({ NODE_ENV: 'test' }).database.pool).toEqual({ min: 0, max: 1, acquireTimeoutMs: 5000, idleTimeoutMs: 30000 });
    });
    return;
  }

  it('applies each migration exactly once when three ORMs race on an empty database', async () => {
    await resetDatabase();
    const url = workerDatabaseUrl();
    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: url, DATABASE_POOL_MAX: '3' });
    const orms = await Promise.all(
      [1, 2, 3].map(() => MikroORM.init({ ...buildOrmOptions(config, url), entities: registeredEntities() })),
    );
    try {
      const results = await Promise.all(orms.map((orm) => applyMigrations(orm, config.database.pool.max)));
      expect(results.filter((applied) => applied.length > 0)).toHaveLength(1);
      const rows = await withClient(url, (c) => c.query<{ n: string }>('select count(*) as n from mikro_orm_migrations'));
      expect(Number(rows.rows[0].n)).toBe(results.find((applied) => applied.length > 0)!.length);
    } finally {
      await Promise.all(orms.map((orm) => orm.close()));
    }
  });
});
