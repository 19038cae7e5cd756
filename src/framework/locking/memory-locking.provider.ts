import type { LockingProvider } from './locking-provider';

/**
 * Locks in this process's memory: no I/O, but they exclude nothing in another process. Right for a
 * single process (the embedded database's zero-setup mode, tests); several servers or workers
 * need `redis` or `postgres`.
 */
export class MemoryLockingProvider implements LockingProvider {
  readonly name = 'memory' as const;
  private readonly locks = new Map<string, { owner: string; expiresAt: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  async tryAcquire(key: string, owner: string, expireMs: number): Promise<boolean> {
    const held = this.locks.get(key);
    if (held && held.owner !== owner && held.expiresAt > this.now()) return false;
    this.locks.set(key, { owner, expiresAt: this.now() + expireMs });
    return true;
  }

  async release(key: string, owner: string): Promise<boolean> {
    const held = this.locks.get(key);
    if (!held || held.owner !== owner) return false;
    this.locks.delete(key);
    return true;
  }
}
