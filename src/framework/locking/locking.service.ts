import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { SthenoError } from '../errors/stheno-error';
import { LOCKING_PROVIDER, LockingProvider } from './locking-provider';

export interface LockOptions {
  /** How long to wait for every key before giving up with a 409 conflict (default 5 s). */
  timeoutMs?: number;
  /** How long a taken lock lasts if it is never released (its holder died), default 30 s. */
  expireMs?: number;
}

export const DEFAULT_LOCK_TIMEOUT_MS = 5_000;
export const DEFAULT_LOCK_EXPIRE_MS = 30_000;
const FIRST_RETRY_MS = 5;
const MAX_RETRY_MS = 100;

/**
 * Named locks across requests (Medusa's Locking module): `execute(keys, job)` takes every key,
 * runs the job and always frees them. The implementation (memory, Redis, PostgreSQL) is chosen by
 * `modules.locking`; the waiting is the same for all of them:
 *
 * - several keys are taken one by one in sorted order, so two callers asking for overlapping keys
 *   in different orders never wait for each other forever;
 * - a busy key is retried with a growing backoff (5 ms doubling to 100 ms, jittered), and at once
 *   when this process frees it; past `timeoutMs` the keys taken so far are freed and the call
 *   fails with `conflict` (409);
 * - a lock lasts `expireMs` at most, so a crashed holder blocks nobody for longer; a job that runs
 *   longer than that may overlap with the next holder, so choose it above the job's worst case.
 *
 * Take locks before opening a transaction, never inside one: on the embedded database the
 * `postgres` provider's statements need the single connection that an open transaction holds.
 */
@Injectable()
export class LockingService {
  private readonly logger = new Logger(LockingService.name);
  /** Callers of this process waiting for a key, woken when this process frees it. */
  private readonly waiters = new Map<string, Set<() => void>>();

  constructor(@Inject(LOCKING_PROVIDER) private readonly provider: LockingProvider) {}

  /** Which implementation runs: `memory`, `redis` or `postgres`. */
  get implementation(): LockingProvider['name'] {
    return this.provider.name;
  }

  /** Runs `job` while holding every key; the keys are freed however the job ends. */
  async execute<T>(keys: string | string[], job: () => Promise<T>, options: LockOptions = {}): Promise<T> {
    const owner = await this.acquire(keys, options);
    try {
      return await job();
    } finally {
      await this.release(keys, owner).catch((error: unknown) => {
        // the job's outcome stands; the lock expires by itself
        this.logger.warn({ err: error }, `Could not release the lock on ${describeKeys(normalizeKeys(keys))}; it expires by itself`);
      });
    }
  }

  /**
   * Takes every key for `owner` (a new token when none is given), waiting up to `timeoutMs`.
   * Returns the owner token, which `release` needs. Taking a key the owner holds already extends it.
   */
  async acquire(keys: string | string[], options: LockOptions & { owner?: string } = {}): Promise<string> {
    const sorted = normalizeKeys(keys);
    const owner = options.owner ?? randomUUID();
    const timeoutMs = options.timeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS;
    const expireMs = options.expireMs ?? DEFAULT_LOCK_EXPIRE_MS;
    const deadline = Date.now() + timeoutMs;
    const taken: string[] = [];
    let trying: string | undefined;
    try {
      for (const key of sorted) {
        trying = key;
        for (let delay = FIRST_RETRY_MS; !(await this.provider.tryAcquire(key, owner, expireMs)); delay = Math.min(delay * 2, MAX_RETRY_MS)) {
          const left = deadline - Date.now();
          if (left <= 0) {
            throw SthenoError.conflict(`Could not acquire the lock on ${describeKeys([key])} within ${timeoutMs} ms: another request holds it. Retry later.`);
          }
          await this.waitForRelease(key, Math.min(left, delay / 2 + Math.random() * delay));
        }
        taken.push(key);
        trying = undefined;
      }
    } catch (error) {
      // the key being tried too: a store may have taken it and lost the reply (a dropped
      // connection); release checks the owner, so a key this owner does not hold is left alone
      await this.release(trying ? [...taken, trying] : taken, owner).catch(() => undefined);
      throw error;
    }
    return owner;
  }

  /** Frees the keys `owner` holds; true when it held every one of them. */
  async release(keys: string | string[], owner: string): Promise<boolean> {
    let all = true;
    for (const key of normalizeKeys(keys).reverse()) {
      all = (await this.provider.release(key, owner)) && all;
      this.wake(key);
    }
    return all;
  }

  private waitForRelease(key: string, ms: number): Promise<void> {
    return new Promise((resolve) => {
      const waiters = this.waiters.get(key) ?? new Set<() => void>();
      this.waiters.set(key, waiters);
      const done = (): void => {
        clearTimeout(timer);
        waiters.delete(done);
        if (!waiters.size && this.waiters.get(key) === waiters) this.waiters.delete(key);
        resolve();
      };
      const timer = setTimeout(done, ms);
      waiters.add(done);
    });
  }

  private wake(key: string): void {
    for (const done of [...(this.waiters.get(key) ?? [])]) done();
  }
}

function normalizeKeys(keys: string | string[]): string[] {
  const list = typeof keys === 'string' ? [keys] : keys;
  if (!list.length || list.some((key) => typeof key !== 'string' || !key)) {
    throw SthenoError.unexpectedState('Lock keys must be non-empty strings');
  }
  return [...new Set(list)].sort();
}

function describeKeys(keys: string[]): string {
  return keys.map((key) => `"${key}"`).join(', ');
}
