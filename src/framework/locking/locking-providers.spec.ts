import { MikroORM } from '@mikro-orm/core';
import { EntityManager, PostgreSqlDriver } from '@mikro-orm/postgresql';
import { randomBytes } from 'node:crypto';
import { workerDatabaseUrl } from '../../../test/utils/test-database';
import { createRedisClient } from '../redis/redis.module';
import { LockingLock } from './locking-lock.entity';
import type { LockingProvider } from './locking-provider';
import { LockingService } from './locking.service';
import { MemoryLockingProvider } from './memory-locking.provider';
import { PostgresLockingProvider } from './postgres-locking.provider';
import { RedisLockingProvider } from './redis-locking.provider';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The same behaviour from every implementation: the provider's own contract (mutual exclusion, only
 * the owner releases, expiry is taken over) and LockingService on top of it (waiting, timeouts,
 * sorted keys). The Redis one runs when REDIS_URL is set.
 */
function describeProvider(name: string, setUp: () => Promise<{ provider: LockingProvider; close: () => Promise<void> }>): void {
  describe(`the ${name} locking provider`, () => {
    let provider: LockingProvider;
    let close: () => Promise<void>;
    let locking: LockingService;
    let n = 0;
    /** A key of its own per test: the stores outlive a test. */
    const key = (label = 'k'): string => `${label}-${process.pid}-${++n}-${randomBytes(3).toString('hex')}`;

    beforeAll(async () => {
      ({ provider, close } = await setUp());
      locking = new LockingService(provider);
    });
    afterAll(() => close());

    it('gives a key to one owner at a time, and again to the same owner (extending it)', async () => {
      const k = key();
      expect(await provider.tryAcquire(k, 'a', 10_000)).toBe(true);
      expect(await provider.tryAcquire(k, 'b', 10_000)).toBe(false);
      expect(await provider.tryAcquire(k, 'a', 10_000)).toBe(true);
      expect(await provider.release(k, 'a')).toBe(true);
      expect(await provider.tryAcquire(k, 'b', 10_000)).toBe(true);
    });

    it('only the owner releases: another token leaves the lock held', async () => {
      const k = key();
      await provider.tryAcquire(k, 'a', 10_000);
      expect(await provider.release(k, 'b')).toBe(false);
      expect(await provider.tryAcquire(k, 'b', 10_000)).toBe(false);
      expect(await provider.release(k, 'a')).toBe(true);
      expect(await provider.release(k, 'a')).toBe(false);
    });

    it('an expired lock is taken over, and its old owner can no longer release it', async () => {
      const k = key();
      await provider.tryAcquire(k, 'dead', 60);
      await sleep(150);
      expect(await provider.tryAcquire(k, 'b', 10_000)).toBe(true);
      expect(await provider.release(k, 'dead')).toBe(false);
      expect(await provider.tryAcquire(k, 'c', 10_000)).toBe(false);
    });

    it('execute serializes jobs on one key: never two at once, every job runs', async () => {
      const k = key('cart');
      let running = 0;
      let overlap = false;
      const order: number[] = [];
      await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          locking.execute(k, async () => {
            running += 1;
            if (running > 1) overlap = true;
            await sleep(5);
            order.push(i);
            running -= 1;
          }),
        ),
      );
      expect(overlap).toBe(false);
      expect(order.sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
      // and everything was released
      expect(await provider.tryAcquire(k, 'after', 1000)).toBe(true);
    });

    it('releases the keys when the job throws, and passes its error on', async () => {
      const k = key();
      await expect(locking.execute(k, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
      expect(await provider.tryAcquire(k, 'next', 1000)).toBe(true);
    });

    it('a key held past the timeout → conflict (409) naming the key, and nothing left held', async () => {
      const [held, free] = [key('b-held'), key('a-free')];
      await provider.tryAcquire(held, 'other', 10_000);
      const started = Date.now();
      const error = await locking.execute([held, free], async () => 'ran', { timeoutMs: 120 }).catch((e: unknown) => e);
      expect(error).toMatchObject({ type: 'conflict', message: expect.stringContaining(`"${held}"`) });
      expect(Date.now() - started).toBeGreaterThanOrEqual(100);
      // the key taken before the busy one was freed again
      expect(await provider.tryAcquire(free, 'someone', 1000)).toBe(true);
    });

    it('takes several keys in sorted order, so callers naming them in opposite orders never deadlock', async () => {
      const [x, y] = [key('x'), key('y')];
      const results = await Promise.all(
        Array.from({ length: 6 }, (_, i) => locking.execute(i % 2 ? [x, y] : [y, x], async () => { await sleep(3); return i; }, { timeoutMs: 5000 })),
      );
      expect(results).toEqual([0, 1, 2, 3, 4, 5]);
    });

    it('acquire and release for callers that hold a lock across calls', async () => {
      const k = key();
      const owner = await locking.acquire(k, { expireMs: 10_000 });
      await expect(locking.acquire(k, { timeoutMs: 30 })).rejects.toMatchObject({ type: 'conflict' });
      expect(await locking.acquire(k, { owner })).toBe(owner);
      expect(await locking.release(k, 'not-the-owner')).toBe(false);
      expect(await locking.release(k, owner)).toBe(true);
      expect(await locking.acquire(k, { timeoutMs: 30 })).toEqual(expect.any(String));
    });
  });
}

describeProvider('memory', async () => ({ provider: new MemoryLockingProvider(), close: async () => undefined }));

describeProvider('postgres (one connection, as on the embedded database)', async () => {
  const orm = await MikroORM.init({
    driver: PostgreSqlDriver,
    clientUrl: workerDatabaseUrl(),
    entities: [LockingLock],
    // the embedded database's pool: whatever the provider does must fit in one connection
    pool: { min: 0, max: 1, acquireTimeoutMillis: 3000 },
    debug: false,
  });
  await orm.em.getConnection().execute('create table if not exists locking_lock (key text primary key, owner text not null, expires_at timestamptz not null)');
  return { provider: new PostgresLockingProvider(orm.em as EntityManager), close: () => orm.close(true) };
});

if (process.env.REDIS_URL) {
  describeProvider('redis', async () => {
    const redis = createRedisClient(process.env.REDIS_URL!, {}, 'LockingSpec');
    await new Promise<void>((resolve, reject) => { redis.once('ready', () => resolve()); redis.once('error', reject); });
    const prefix = `stheno-locking-spec-${randomBytes(4).toString('hex')}`;
    return {
      provider: new RedisLockingProvider(redis, prefix),
      close: async () => {
        const keys = await redis.keys(`${prefix}:*`);
        if (keys.length) await redis.del(...keys);
        await redis.quit();
      },
    };
  });
}

describe('LockingService, whatever the provider', () => {
  it('asks the provider for the keys sorted and once each, and frees them in reverse', async () => {
    const calls: string[] = [];
    const memory = new MemoryLockingProvider();
    const recording: LockingProvider = {
      name: 'memory',
      tryAcquire: (key, owner, expireMs) => (calls.push(`take ${key}`), memory.tryAcquire(key, owner, expireMs)),
      release: (key, owner) => (calls.push(`free ${key}`), memory.release(key, owner)),
    };
    await new LockingService(recording).execute(['variant:b', 'cart:z', 'variant:b', 'cart:a'], async () => calls.push('job'));
    expect(calls).toEqual(['take cart:a', 'take cart:z', 'take variant:b', 'job', 'free variant:b', 'free cart:z', 'free cart:a']);
  });

  it('refuses empty keys', async () => {
    const locking = new LockingService(new MemoryLockingProvider());
    await expect(locking.execute([], async () => 1)).rejects.toMatchObject({ type: 'unexpected_state' });
    await expect(locking.execute('', async () => 1)).rejects.toMatchObject({ type: 'unexpected_state' });
  });
});
