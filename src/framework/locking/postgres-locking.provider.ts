import type { EntityManager } from '@mikro-orm/postgresql';
import type { LockingProvider } from './locking-provider';

/**
 * Locks as rows of `locking_lock`, each taken or freed by one autocommitted statement: nothing is
 * held open between them (no session advisory lock, no transaction, no second connection), so it
 * works on the embedded database's single connection and across any number of processes. Expiry
 * is computed on the database's clock, so processes with skewed clocks agree.
 *
 * Never call it while the caller's own transaction is open on the embedded database: the statement
 * would wait for the one connection that transaction holds.
 */
export class PostgresLockingProvider implements LockingProvider {
  readonly name = 'postgres' as const;

  /** `em` is the root EntityManager; every statement runs on a fresh fork, outside any transaction. */
  constructor(private readonly em: EntityManager) {}

  async tryAcquire(key: string, owner: string, expireMs: number): Promise<boolean> {
    const rows = await this.em.fork().getConnection().execute<Array<{ key: string }>>(
      `insert into locking_lock (key, owner, expires_at)
       values (?, ?, clock_timestamp() + ? * interval '1 millisecond')
       on conflict (key) do update set owner = excluded.owner, expires_at = excluded.expires_at
       where locking_lock.expires_at <= clock_timestamp() or locking_lock.owner = excluded.owner
       returning key`,
      [key, owner, Math.max(1, Math.ceil(expireMs))],
    );
    return rows.length === 1;
  }

  async release(key: string, owner: string): Promise<boolean> {
    const rows = await this.em.fork().getConnection().execute<Array<{ key: string }>>(
      'delete from locking_lock where key = ? and owner = ? returning key',
      [key, owner],
    );
    return rows.length === 1;
  }
}
