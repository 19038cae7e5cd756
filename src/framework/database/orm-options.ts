import { Migrator } from '@mikro-orm/migrations';
import { defineConfig, Options } from '@mikro-orm/postgresql';
import { AppConfig } from '../config/app-config';
import { mergedMigrationsList, MIGRATIONS_SOURCE_DIR } from './migrations-list';
import { OrmLogger } from './orm-logger';

export const MIGRATIONS_TABLE = 'mikro_orm_migrations';

/**
 * MikroORM options for a resolved database URL. Entities are registered by each module through
 * `ormFeature` (entity-registry.ts), so the same options serve the server, the worker, the CLI and
 * the tests. `pluginMigrations` are the migration folders of the loaded plugins (framework/plugins):
 * they run with the app's own, ordered by name.
 */
export function buildOrmOptions(config: AppConfig, url: string, pluginMigrations: string[] = []): Options {
  const { pool, ssl, embedded, schema, logging } = config.database;
  const connection: Record<string, unknown> = {};
  if (ssl) connection.ssl = ssl;
  // JIT compiles any plan estimated above jit_above_cost, counting branches that never run (the
  // store read's CASE of a ranked and a broad search page): 50–80 ms of compiling for a statement
  // that executes in 5 ms. Short OLTP statements never win it back. PGlite has no JIT.
  if (!embedded) connection.options = '-c jit=off';
  return defineConfig({
    clientUrl: url,
    driverOptions: {
      ...(Object.keys(connection).length ? { connection } : {}),
      // knex sets it on every new connection, before the pool hands it out (see searchPath)
      searchPath: searchPath(schema),
    },
    pool: {
      min: pool.min,
      max: pool.max,
      acquireTimeoutMillis: pool.acquireTimeoutMs,
      // a connection that sits idle is given back, so an idle server holds no PostgreSQL backends
      idleTimeoutMillis: pool.idleTimeoutMs,
    },
    extensions: [Migrator],
    migrations: {
      // qualified: MikroORM would otherwise keep its bookkeeping in `public` whatever the search_path
      // (migrate.ts reads the schema back from this name)
      tableName: `${schema}.${MIGRATIONS_TABLE}`,
      path: MIGRATIONS_SOURCE_DIR,
      pathTs: MIGRATIONS_SOURCE_DIR,
      migrationsList: mergedMigrationsList(pluginMigrations),
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      emit: 'ts',
      silent: !(logging && logging.includes('migration')),
    },
    // Entities are known at boot; validate them strictly so convention mistakes fail fast.
    discovery: { warnWhenNoEntities: false, requireEntitiesArray: false },
    validateRequired: true,
    forceUtcTimezone: true,
    ignoreUndefinedInQuery: true,
    allowGlobalContext: false,
    debug: false,
    colors: false,
    ...(logging ? { loggerFactory: OrmLogger.factory(logging) } : {}),
  });
}

/**
 * Every statement, the ORM's and the raw SQL alike, names its tables unqualified and finds them
 * through the connection's search_path: the configured schema first, then `public`, where the
 * extensions the migrations use (pg_trgm's operators and operator classes) are installed. Set even
 * for `public`: PGlite serves one session to every connection, so a path left behind by an earlier
 * app on the same embedded server must not survive. MikroORM's own `schema` option stays unset for
 * the same reason: the ORM's statements name no schema either, so they and the raw SQL cannot
 * disagree; only the migrations table is qualified, because MikroORM would put it in `public`.
 */
export function searchPath(schema: string): string[] {
  return schema === 'public' ? ['public'] : [schema, 'public'];
}
