import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { MIGRATIONS_TABLE } from './orm-options';

/** Arbitrary, stable key of the advisory lock that serialises migrations across processes. */
const MIGRATIONS_LOCK_KEY = 727_151_001;

/**
 * Extensions the migrations create that must live in `public`, where every schema's search_path
 * reaches them (orm-options.ts `prepareSearchPath`). Created there before the migrations of a non-public
 * schema run: the migration's own `create extension` would otherwise install it in the first schema
 * of the path, and every other schema on the database would then miss its operators.
 */
const SHARED_EXTENSIONS = ['pg_trgm'];

/**
 * Applies pending migrations. Several processes may start at once (a server and a worker in
 * development, replicas running `db:migrate`): on a pooled database a transaction-level advisory
 * lock makes them take turns, and each one re-reads what is applied once it holds the lock, so only
 * the first applies anything. A one-connection database (embedded) has a single process by
 * construction (the data-dir lock), and the migrator needs a second connection for its own
 * bookkeeping while a transaction is open, so it migrates without the lock.
 *
 * With a `schema` other than `public` (DATABASE_SCHEMA), the schema and the shared extensions are
 * created first, in a transaction of their own: the migrator looks for its table from another
 * connection, which must see them.
 */
export async function applyMigrations(orm: MikroORM, poolMax: number): Promise<string[]> {
  const schema = migrationsSchema(orm);
  const migrator = orm.getMigrator();
  if (poolMax <= 1) {
    if (schema !== 'public') await prepareSchema(orm.em.fork() as EntityManager, schema);
    return (await migrator.up()).map((m) => m.name);
  }
  if (schema !== 'public') {
    await (orm.em.fork() as EntityManager).transactional(async (tx) => {
      await tx.execute('select pg_advisory_xact_lock(?)', [MIGRATIONS_LOCK_KEY]);
      await prepareSchema(tx, schema);
    });
  }
  const em = orm.em.fork() as EntityManager;
  return em.transactional(async (tx) => {
    await tx.execute('select pg_advisory_xact_lock(?)', [MIGRATIONS_LOCK_KEY]);
    const applied = await migrator.up({ transaction: tx.getTransactionContext() });
    return applied.map((m) => m.name);
  });
}

/** The schema the ORM was configured for, read back from its migrations table (`<schema>.<table>`, orm-options.ts). */
function migrationsSchema(orm: MikroORM): string {
  const table = orm.config.get('migrations').tableName ?? '';
  return table.includes('.') ? table.split('.')[0] : 'public';
}

/** `schema` is a validated plain identifier (load-config.ts), so it is safe to quote into the statement. */
async function prepareSchema(em: EntityManager, schema: string): Promise<void> {
  // looked up first: `create schema if not exists` checks the privilege to create before existence,
  // and a role that may not create schemas can still be given one made for it
  const [existing] = await em.execute<Array<{ nspname: string }>>('select nspname from pg_namespace where nspname = ?', [schema]);
  if (!existing) await em.execute(`create schema "${schema}"`);
  for (const extension of SHARED_EXTENSIONS) await em.execute(`create extension if not exists ${extension} with schema public`);
}

/** A non-public DATABASE_SCHEMA whose migrations are missing or behind: serving it would read another schema's tables. */
export class SchemaNotMigratedError extends Error {
  override name = 'SchemaNotMigratedError';
}

/**
 * Refuses a non-public schema (DATABASE_SCHEMA) that is not fully migrated. Its search_path ends
 * in the connection's default path (orm-options.ts `prepareSearchPath`), and PostgreSQL looks a
 * table up in every schema on it: a table missing from the schema, because the schema does not
 * exist or a migration has not run there, is silently found in `public`, which may hold another
 * instance's data. Production does not migrate at boot (`db:migrate` does), so the server checks
 * here, from the migrations table, that every migration it knows has been applied to its schema.
 * `public` needs no check: nothing lies behind it on the path to fall through to.
 */
export async function assertSchemaMigrated(orm: MikroORM): Promise<void> {
  const schema = migrationsSchema(orm);
  if (schema === 'public') return;
  const table = `"${schema}".${MIGRATIONS_TABLE}`;
  const fix = `run \`stheno db:migrate\` with DATABASE_SCHEMA=${schema} (and this server's DATABASE_URL and PLUGINS) first`;
  const em = orm.em.fork() as EntityManager;
  const [found] = await em.execute<Array<{ regclass: string | null }>>('select to_regclass(?)::text as regclass', [table]);
  if (!found?.regclass) {
    throw new SchemaNotMigratedError(
      `DATABASE_SCHEMA=${schema}: the schema has no migrations table (${schema}.${MIGRATIONS_TABLE}), it was never migrated; ${fix}. ` +
        `Starting would read and write the tables of the public schema instead.`,
    );
  }
  const rows = await em.execute<Array<{ name: string }>>(`select name from ${table}`);
  const applied = new Set(rows.map((row) => row.name.replace(/\.(js|ts)$/, '')));
  const pending = (orm.config.get('migrations').migrationsList ?? []).map((m) => m.name).filter((name) => !applied.has(name));
  if (pending.length) {
    throw new SchemaNotMigratedError(
      `DATABASE_SCHEMA=${schema}: ${pending.length} migration(s) not applied to the schema (${pending.join(', ')}); ${fix}. ` +
        `Starting would find the tables they create in the public schema instead.`,
    );
  }
}
