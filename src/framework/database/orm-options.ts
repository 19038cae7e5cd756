import { Migrator } from '@mikro-orm/migrations';
import { defineConfig, Options } from '@mikro-orm/postgresql';
import { AppConfig } from '../config/app-config';
import { loadMigrationsList, MIGRATIONS_SOURCE_DIR } from './migrations-list';

export const MIGRATIONS_TABLE = 'mikro_orm_migrations';

/**
 * MikroORM options for a resolved database URL. Entities are registered by each module through
 * `ormFeature` (entity-registry.ts), so the same options serve the server, the worker, the CLI and
 * the tests.
 */
export function buildOrmOptions(config: AppConfig, url: string): Options {
  const { pool, ssl } = config.database;
  return defineConfig({
    clientUrl: url,
    driverOptions: ssl ? { connection: { ssl } } : {},
    pool: {
      min: pool.min,
      max: pool.max,
      acquireTimeoutMillis: pool.acquireTimeoutMs,
      // a connection that sits idle is given back, so an idle server holds no PostgreSQL backends
      idleTimeoutMillis: 30000,
    },
    extensions: [Migrator],
    migrations: {
      tableName: MIGRATIONS_TABLE,
      path: MIGRATIONS_SOURCE_DIR,
      pathTs: MIGRATIONS_SOURCE_DIR,
      migrationsList: loadMigrationsList(),
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      emit: 'ts',
      silent: true,
    },
    // Entities are known at boot; validate them strictly so convention mistakes fail fast.
    discovery: { warnWhenNoEntities: false, requireEntitiesArray: false },
    validateRequired: true,
    forceUtcTimezone: true,
    ignoreUndefinedInQuery: true,
    allowGlobalContext: false,
    debug: false,
    colors: false,
  });
}
