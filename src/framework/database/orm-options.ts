import { Migrator } from '@mikro-orm/migrations';
import { defineConfig, Options } from '@mikro-orm/postgresql';
import { AppConfig } from '../config/app-config';
import { mergedMigrationsList, MIGRATIONS_SOURCE_DIR } from './migrations-list';
import { OrmLogger } from './orm-logger';
import { PgConnection, servesOneSession } from './prepared';

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
    },
    pool: {
      // on every new connection, before the pool hands it out (see prepareSearchPath)
      afterCreate: afterCreate(schema),
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
 * through the connection's search_path. MikroORM's own `schema` option stays unset: the ORM's
 * statements name no schema either, so they and the raw SQL cannot disagree; only the migrations
 * table is qualified, because MikroORM would put it in `public`.
 *
 * - `public` (the default) on PostgreSQL: the path is left alone, so whatever the role, the database
 *   or the URL configure (`"$user", public` by default; managed services add schemas such as
 *   Supabase's `extensions`, where pg_trgm lives) keeps working.
 * - another schema (DATABASE_SCHEMA): put in front of the connection's own path, which it keeps;
 *   `public` is added at the end if that path lacks it, because migrate.ts installs the shared
 *   extension (pg_trgm's operators) there for every schema.
 * - PGlite (the embedded database) serves one session to every connection, so a path an earlier
 *   app on the same embedded server set would survive into this one: it is reset to the session's
 *   default first.
 */
export async function prepareSearchPath(connection: PgConnection, schema: string): Promise<void> {
  if (await servesOneSession(connection)) await connection.query({ text: 'reset search_path' });
  if (schema !== 'public') await connection.query({ text: prependSchemaStatement(schema) });
}

/** `schema` is a validated plain identifier (load-config.ts), so it is safe to quote into the statement. */
function prependSchemaStatement(schema: string): string {
  return (
    `select set_config('search_path', concat_ws(', ', '"${schema}"', nullif(current_setting('search_path'), ''), ` +
    `case when 'public' = any(current_schemas(false)) then null else 'public' end), false)`
  );
}

/** knex's pool hook (node-style callback): a connection whose path cannot be set is not handed out. */
function afterCreate(schema: string) {
  return (connection: PgConnection, done: (error: Error | null, connection: PgConnection) => void): void => {
    prepareSearchPath(connection, schema).then(
      () => done(null, connection),
      (error: Error) => done(error, connection),
    );
  };
}
