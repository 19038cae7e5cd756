import type Redis from 'ioredis';
import { CacheService, decodeCacheValue, encodeCacheValue, patternPrefix } from './cache.service';

/** Redis glob characters, escaped so that a key's own `*`, `?`, `[` or `\` match only themselves. */
const escapeGlob = (text: string) => text.replace(/[*?[\]\\]/g, '\\$&');

/**
 * `modules.cache: 'redis'`: entries in Redis under `<REDIS_PREFIX>:cache:<key>`, shared by every
 * process on that Redis, expiring by Redis itself (PX). Uses the app's shared client, which fails
 * fast while Redis is down: calls then reject, and callers decide how to do without the cache.
 * Pattern invalidation walks the key space with SCAN (never KEYS, which blocks Redis) and removes
 * matches with UNLINK (freed in the background).
 */
export class RedisCacheService extends CacheService {
  private readonly namespace: string;

  constructor(
    private readonly redis: Redis,
    redisPrefix: string,
    private readonly defaultTtlSeconds: number,
  ) {
    super();
    this.namespace = `${redisPrefix}:cache:`;
  }

  async get<T>(key: string): Promise<T | null> {
    const stored = await this.redis.get(this.namespace + key);
    return stored === null ? null : decodeCacheValue<T>(stored);
  }

  async set(key: string, value: unknown, ttlSeconds: number = this.defaultTtlSeconds): Promise<void> {
    const stored = encodeCacheValue(value);
    if (stored === undefined || !(ttlSeconds > 0)) {
      await this.redis.unlink(this.namespace + key);
      return;
    }
    await this.redis.set(this.namespace + key, stored, 'PX', Math.max(1, Math.round(ttlSeconds * 1000)));
  }

  async invalidate(keyOrPattern: string): Promise<void> {
    const prefix = patternPrefix(keyOrPattern);
    if (prefix === undefined) {
      await this.redis.unlink(this.namespace + keyOrPattern);
      return;
    }
    const match = `${escapeGlob(this.namespace + prefix)}*`;
    let cursor = '0';
    do {
      const [next, keys] = await this.redis.scan(cursor, 'MATCH', match, 'COUNT', 500);
      if (keys.length) await this.redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  }
}
