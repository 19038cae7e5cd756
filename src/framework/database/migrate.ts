import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';

/** Arbitrary, stable key of the advisory lock that serialises migrations across processes. */
const MIGRATIONS_LOCK_KEY = 727_151_001;

/**
 * Applies pending migrations. Several processes may start at once (a server and a worker in
 * development, replicas running `db:migrate`): on a pooled database a transaction-level advisory
 * lock makes them take turns, and each one re-reads what is applied once it holds the lock, so only
 * the first applies anything. A one-connection database (embedded) has a single process by
 * construction (the data-dir lock), and the migrator needs a second connection for its own
 * bookkeeping while a transaction is open, so it migrates without the lock.
 */
export async function applyMigrations(orm: MikroORM, poolMax: number): Promise<string[]> {
  const migrator = orm.getMigrator();
  if (poolMax <= 1) return (await migrator.up()).map((m) => m.name);
  const em = orm.em.fork() as EntityManager;
  return em.transactional(async (tx) => {
    await tx.execute('select pg_advisory_xact_lock(?)', [MIGRATIONS_LOCK_KEY]);
    const applied = await migrator.up({ transaction: tx.getTransactionContext() });
    return applied.map((m) => m.name);
  });
}
