import type Redis from 'ioredis';
import type { LockingProvider } from './locking-provider';

/** SET NX PX, or extend the owner's own lock; 1 when the owner holds the key afterwards. */
const ACQUIRE = `
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return 1 end
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return 1
end
return 0`;

/** Compare and delete: only the owner frees a lock (an expired one may belong to someone else now). */
const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

/**
 * Locks as Redis keys `<REDIS_PREFIX>:lock:<key>` holding the owner's token, expiring by themselves
 * (PX), on the shared client: one round trip to take a lock, one to free it, across every process
 * that shares the Redis. While Redis is down, taking a lock fails at once (the client does not queue).
 */
export class RedisLockingProvider implements LockingProvider {
  readonly name = 'redis' as const;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async tryAcquire(key: string, owner: string, expireMs: number): Promise<boolean> {
    return (await this.redis.eval(ACQUIRE, 1, this.keyOf(key), owner, Math.max(1, Math.ceil(expireMs)))) === 1;
  }

  async release(key: string, owner: string): Promise<boolean> {
    return (await this.redis.eval(RELEASE, 1, this.keyOf(key), owner)) === 1;
  }

  private keyOf(key: string): string {
    return `${this.prefix}:lock:${key}`;
  }
}
