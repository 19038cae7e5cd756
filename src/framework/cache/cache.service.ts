/**
 * Medusa's cache API (`@medusajs/medusa/cache-inmemory`, `cache-redis`): values kept under string
 * keys for a time, in this process (`memory`) or in Redis for every process (`redis`), chosen by the
 * configuration file's `modules.cache`. Inject `CacheService`; the module picks the implementation.
 *
 * Values are stored as JSON under both implementations, so what `get` returns is the same whichever
 * is configured (a copy, never the object given to `set`; a Date comes back as its ISO string), and
 * Buffers round-trip as Buffers.
 */
export abstract class CacheService {
  /** The value stored under `key`, or null when there is none or it has expired. */
  abstract get<T>(key: string): Promise<T | null>;

  /**
   * Stores `value` under `key` for `ttlSeconds` (default: the module's `options.ttl`, 30 s). A ttl of
   * 0 or less, or an `undefined` value, stores nothing and removes what `key` held.
   */
  abstract set(key: string, value: unknown, ttlSeconds?: number): Promise<void>;

  /** Removes `key`, or with a trailing `*` every key starting with what precedes it (`product:*`). */
  abstract invalidate(keyOrPattern: string): Promise<void>;
}

/** How a Buffer is written inside the stored JSON (base64). */
const BUFFER_TAG = '$stheno_buffer';

/** The stored form of `value`; undefined when JSON has none (`undefined`, a function). */
export function encodeCacheValue(value: unknown): string | undefined {
  return JSON.stringify(value, function (this: Record<string, unknown>, key: string, replaced: unknown) {
    // JSON.stringify has already called Buffer's toJSON on `replaced`: look at the holder's own value
    const raw = this[key];
    return Buffer.isBuffer(raw) ? { [BUFFER_TAG]: raw.toString('base64') } : replaced;
  });
}

export function decodeCacheValue<T>(stored: string): T {
  return JSON.parse(stored, (_key, value: unknown) => {
    if (value !== null && typeof value === 'object' && typeof (value as Record<string, unknown>)[BUFFER_TAG] === 'string' && Object.keys(value).length === 1) {
      return Buffer.from((value as Record<string, string>)[BUFFER_TAG], 'base64');
    }
    return value;
  }) as T;
}

/** `product:*` → `product:`; undefined for a plain key. */
export function patternPrefix(keyOrPattern: string): string | undefined {
  return keyOrPattern.endsWith('*') ? keyOrPattern.slice(0, -1) : undefined;
}
