import type { LockingChoice } from '../config/module-selection';

export const LOCKING_PROVIDER = Symbol('LOCKING_PROVIDER');

/**
 * One implementation of locks (memory, Redis or PostgreSQL), chosen by `modules.locking`. A
 * provider only tries, once, without waiting: waiting, backoff, timeouts and the order of several
 * keys are LockingService's, the same for every implementation.
 */
export interface LockingProvider {
  readonly name: LockingChoice;
  /**
   * Takes `key` for `owner` until `expireMs` from now, unless another owner holds it unexpired.
   * An expired lock is taken over; a lock the same owner holds already is extended. True when taken.
   */
  tryAcquire(key: string, owner: string, expireMs: number): Promise<boolean>;
  /** Frees `key` when `owner` holds it; false when it does not (never taken, or expired and taken over). */
  release(key: string, owner: string): Promise<boolean>;
}
