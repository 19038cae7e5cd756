import { CacheService, decodeCacheValue, encodeCacheValue, patternPrefix } from './cache.service';

interface Entry {
  stored: string;
  expiresAt: number;
}

export interface MemoryCacheBounds {
  /** Most entries kept; the least recently written go first. */
  maxEntries: number;
  /** Most characters of stored JSON kept (a JavaScript string holds two bytes per character). */
  maxChars: number;
}

const DEFAULT_BOUNDS: MemoryCacheBounds = { maxEntries: 10_000, maxChars: 32 * 1024 * 1024 };

/**
 * `modules.cache: 'memory'`: entries in this process, gone on restart and not seen by other
 * processes. Bounded (entries and size), oldest written out first; an expired entry is dropped when
 * it is next read or when room is needed.
 */
export class MemoryCacheService extends CacheService {
  private readonly entries = new Map<string, Entry>();
  private chars = 0;

  constructor(
    private readonly defaultTtlSeconds: number,
    private readonly bounds: MemoryCacheBounds = DEFAULT_BOUNDS,
  ) {
    super();
  }

  async get<T>(key: string): Promise<T | null> {
    const entry = this.entries.get(key);
    if (!entry) return null;
    if (Date.now() >= entry.expiresAt) {
      this.remove(key);
      return null;
    }
    return decodeCacheValue<T>(entry.stored);
  }

  async set(key: string, value: unknown, ttlSeconds: number = this.defaultTtlSeconds): Promise<void> {
    this.remove(key);
    const stored = encodeCacheValue(value);
    if (stored === undefined || !(ttlSeconds > 0) || stored.length > this.bounds.maxChars) return;
    this.entries.set(key, { stored, expiresAt: Date.now() + ttlSeconds * 1000 });
    this.chars += stored.length;
    for (const [oldest] of this.entries) {
      if (this.entries.size <= this.bounds.maxEntries && this.chars <= this.bounds.maxChars) break;
      this.remove(oldest);
    }
  }

  async invalidate(keyOrPattern: string): Promise<void> {
    const prefix = patternPrefix(keyOrPattern);
    if (prefix === undefined) {
      this.remove(keyOrPattern);
      return;
    }
    // deleting the current key while iterating a Map is safe
    for (const key of this.entries.keys()) if (key.startsWith(prefix)) this.remove(key);
  }

  private remove(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.chars -= entry.stored.length;
  }
}
