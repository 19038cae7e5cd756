import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { CacheService, decodeCacheValue, encodeCacheValue } from './cache.service';
import { MemoryCacheService } from './memory-cache.service';
import { RedisCacheService } from './redis-cache.service';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What Medusa's cache API promises, whichever implementation keeps the entries. */
function behavesAsMedusasCache(make: () => CacheService): void {
  let cache: CacheService;
  beforeEach(() => {
    cache = make();
  });

  it('gives back what was set, as a copy, with Buffers as Buffers, and null for what was never set', async () => {
    const value = { title: 'Shirt', prices: [10.5, 12], body: Buffer.from('{"ok":true}'), nested: { none: null } };
    await cache.set('product:1', value);
    const got = await cache.get<typeof value>('product:1');
    expect(got).toEqual(value);
    expect(got).not.toBe(value);
    expect(Buffer.isBuffer(got?.body)).toBe(true);
    expect(got?.body.toString()).toBe('{"ok":true}');
    expect(await cache.get('product:2')).toBeNull();
    await cache.set('count', 0);
    expect(await cache.get('count')).toBe(0);
  });

  it('forgets an entry once its ttl has passed, and the default ttl is the module’s', async () => {
    // generous margins: the suite runs on a loaded machine (CI runs two Jest workers)
    await cache.set('short', 'a', 0.5);
    await cache.set('default', 'b');
    expect(await cache.get('short')).toBe('a');
    await sleep(900);
    expect(await cache.get('short')).toBeNull();
    expect(await cache.get('default')).toBe('b');
  });

  it('stores nothing for a ttl of 0 or an undefined value, and removes what the key held', async () => {
    await cache.set('k', 'old');
    await cache.set('k', 'new', 0);
    expect(await cache.get('k')).toBeNull();
    await cache.set('k', 'old');
    await cache.set('k', undefined);
    expect(await cache.get('k')).toBeNull();
  });

  it('invalidates one key, or every key under a trailing-* pattern, and nothing else', async () => {
    for (const key of ['product:1', 'product:2', 'product:1:variants', 'productx', 'region:1', 'odd*[key]?']) await cache.set(key, key);
    await cache.invalidate('region:1');
    expect(await cache.get('region:1')).toBeNull();
    await cache.invalidate('product:*');
    for (const key of ['product:1', 'product:2', 'product:1:variants']) expect(await cache.get(key)).toBeNull();
    expect(await cache.get('productx')).toBe('productx');
    // glob characters in a key are that key's own characters
    await cache.invalidate('odd?*');
    await cache.invalidate('od[d]*');
    await cache.invalidate('odd*[key]');
    expect(await cache.get('odd*[key]?')).toBe('odd*[key]?');
    await cache.invalidate('odd*[k*');
    expect(await cache.get('odd*[key]?')).toBeNull();
    await cache.invalidate('*');
    expect(await cache.get('productx')).toBeNull();
  });
}

describe('the memory cache', () => {
  behavesAsMedusasCache(() => new MemoryCacheService(30));

  it('stays within its bounds, dropping the oldest written first', async () => {
    const cache = new MemoryCacheService(30, { maxEntries: 3, maxChars: 1000 });
    for (const key of ['a', 'b', 'c', 'd']) await cache.set(key, key);
    expect(await cache.get('a')).toBeNull();
    expect(await cache.get('d')).toBe('d');
    await cache.set('big', 'x'.repeat(600));
    await cache.set('bigger', 'y'.repeat(600));
    expect(await cache.get('big')).toBeNull();
    expect(await cache.get('bigger')).toHaveLength(600);
    await cache.set('too-big', 'z'.repeat(2000));
    expect(await cache.get('too-big')).toBeNull();
  });
});

if (process.env.REDIS_URL) {
  describe('the Redis cache', () => {
    const prefix = `stheno-cache-spec-${randomBytes(4).toString('hex')}`;
    let redis: Redis;
    beforeAll(() => {
      redis = new Redis(process.env.REDIS_URL!, { maxRetriesPerRequest: 1 });
    });
    afterAll(async () => {
      await new RedisCacheService(redis, prefix, 30).invalidate('*');
      await redis.quit();
    });

    behavesAsMedusasCache(() => new RedisCacheService(redis, prefix, 30));

    it('keeps entries under <prefix>:cache:, as JSON, expiring in Redis itself', async () => {
      await new RedisCacheService(redis, prefix, 7).set('product:1', { id: 'prod_1' });
      expect(await redis.get(`${prefix}:cache:product:1`)).toBe('{"id":"prod_1"}');
      const ttl = await redis.pttl(`${prefix}:cache:product:1`);
      expect(ttl).toBeGreaterThan(6000);
      expect(ttl).toBeLessThanOrEqual(7000);
    });

    it('is shared: what one process sets, another reads and invalidates', async () => {
      const other = new Redis(process.env.REDIS_URL!, { maxRetriesPerRequest: 1 });
      try {
        await new RedisCacheService(redis, prefix, 30).set('shared', [1, 2]);
        const elsewhere = new RedisCacheService(other, prefix, 30);
        expect(await elsewhere.get('shared')).toEqual([1, 2]);
        await elsewhere.invalidate('sha*');
        expect(await new RedisCacheService(redis, prefix, 30).get('shared')).toBeNull();
      } finally {
        await other.quit();
      }
    });
  });
}

describe('the stored form', () => {
  it('is plain JSON, with a Buffer tagged and base64-encoded wherever it sits', () => {
    expect(encodeCacheValue({ a: 1 })).toBe('{"a":1}');
    expect(encodeCacheValue(Buffer.from('hi'))).toBe('{"$stheno_buffer":"aGk="}');
    expect(decodeCacheValue<Buffer>('{"$stheno_buffer":"aGk="}').toString()).toBe('hi');
    expect(encodeCacheValue(undefined)).toBeUndefined();
  });
});
