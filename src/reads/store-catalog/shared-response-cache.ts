import type { Provider } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Response } from 'express';
import { CacheService } from '../../framework/cache/cache.service';
import { APP_CONFIG, AppConfig } from '../../framework/config/app-config';
import { CachedResponse, StoreResponseCache } from './response-cache';

/** What one process leaves in the shared cache for the others. */
interface SharedEntry {
  version: string;
  body: Buffer;
  etag: string;
  /** Epoch ms of the next price-list start or end; null for none (JSON has no Infinity). */
  expiresAt: number | null;
}

const NAMESPACE = 'store-response:';

/**
 * The store response cache with `modules.cache: 'redis'`: a body built by any server process is
 * served by every other one. Entries are exact the same way as in one process: the shared entry
 * carries the content version it was built under and the next price-list boundary, and a process
 * serves it only while its own read of the version matches and the boundary has not passed.
 *
 * Each process keeps its in-process copies as before (STORE_RESPONSE_CACHE_MB), so a hot page costs
 * the version read and nothing from Redis; Redis is asked when this process has no copy, and every
 * body built here is written there (before the response is sent, so a request that follows on
 * another process finds it). Shared entries live `modules.cache.options.ttl` seconds (or until the
 * price boundary); a Redis error is a miss, never a failed request.
 */
export class SharedStoreResponseCache extends StoreResponseCache {
  protected override readonly isShared = true;
  private readonly ttlSeconds: number;

  constructor(
    config: AppConfig,
    private readonly shared: CacheService,
  ) {
    super(config);
    this.ttlSeconds = config.modules.cache.ttlSeconds;
  }

  override async serveIfFresh(em: EntityManager, key: string, res: Response): Promise<boolean> {
    if (!this.enabled) return false;
    const local = this.entries.has(key);
    const shared = local ? undefined : await this.fetch(key);
    if (!local && !shared) return false;
    const version = await this.currentVersion(em);
    const hit = this.fresh(key, version) ?? this.adopt(key, shared, version);
    if (!hit) return false;
    this.send(res, hit, 'hit');
    return true;
  }

  /** The shared entry, kept here too, when it was built under `version` and its prices still hold. */
  private adopt(key: string, shared: SharedEntry | undefined, version: string): CachedResponse | undefined {
    if (!shared || shared.version !== version) return undefined;
    const expiresAt = shared.expiresAt ?? Number.POSITIVE_INFINITY;
    if (Date.now() >= expiresAt) return undefined;
    const entry = this.entryOf(key, version, expiresAt, shared.body, shared.etag);
    this.store(key, entry);
    return entry;
  }

  protected override async fromShared(key: string, version: string): Promise<CachedResponse | undefined> {
    return this.adopt(key, await this.fetch(key), version);
  }

  private async fetch(key: string): Promise<SharedEntry | undefined> {
    try {
      return (await this.shared.get<SharedEntry>(NAMESPACE + key)) ?? undefined;
    } catch {
      // Redis unavailable: this process builds the response itself (the client logs the outage)
      return undefined;
    }
  }

  protected override async toShared(key: string, entry: CachedResponse): Promise<void> {
    const ttlSeconds = Math.min(this.ttlSeconds, (entry.expiresAt - Date.now()) / 1000);
    if (!(ttlSeconds > 0)) return;
    const shared: SharedEntry = {
      version: entry.version,
      body: entry.body,
      etag: entry.etag,
      expiresAt: Number.isFinite(entry.expiresAt) ? entry.expiresAt : null,
    };
    await this.shared.set(NAMESPACE + key, shared, ttlSeconds).catch(() => undefined);
  }
}

/** The store response cache `modules.cache` asks for, chosen once when the app is built. */
export const storeResponseCacheProvider: Provider = {
  provide: StoreResponseCache,
  useFactory: (config: AppConfig, cache: CacheService) =>
    config.modules.cache.kind === 'redis' ? new SharedStoreResponseCache(config, cache) : new StoreResponseCache(config),
  inject: [APP_CONFIG, CacheService],
};
