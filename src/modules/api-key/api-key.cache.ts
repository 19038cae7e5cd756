import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import type Redis from 'ioredis';
import { APP_CONFIG, AppConfig } from '../../framework/config/app-config';
import { REDIS_CLIENT } from '../../framework/redis/redis.module';

const TTL_MS = 30_000;
/** Bounds memory when clients send many distinct (invalid) keys. */
const MAX_ENTRIES = 10_000;

/**
 * Key lookups cached per process, so a storefront's publishable key costs no query per request and
 * a secret key no scrypt per request. Any change to keys or their sales channels clears the cache
 * here and, through Redis pub/sub, in every other process, so a revoked key stops working at once;
 * the TTL bounds staleness if a message is lost.
 */
@Injectable()
export class ApiKeyCache implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('ApiKeyCache');
  private readonly entries = new Map<string, { value: unknown; expires: number }>();
  /** Bumped by every invalidation: a load that overlapped one is not cached (it may be stale). */
  private generation = 0;
  private subscriber?: Redis;
  private readonly channel: string;

  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis | null,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.channel = `${config.redis.prefix}:api-key-cache`;
  }

  onModuleInit(): void {
    if (!this.redis) return;
    this.subscriber = this.redis.duplicate({ enableOfflineQueue: true });
    this.subscriber.on('error', () => undefined);
    this.subscriber.on('message', () => this.clearLocal());
    this.subscriber.subscribe(this.channel).catch((error: unknown) => this.logger.warn({ err: error }, 'Cannot subscribe to key invalidations'));
  }

  async onApplicationShutdown(): Promise<void> {
    this.subscriber?.disconnect();
  }

  async remember<T>(key: string, load: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit && hit.expires > Date.now()) return hit.value as T;
    const generation = this.generation;
    const value = await load();
    if (generation !== this.generation) return value;
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(key, { value, expires: Date.now() + TTL_MS });
    return value;
  }

  private clearLocal(): void {
    this.generation++;
    this.entries.clear();
  }

  async invalidate(): Promise<void> {
    this.clearLocal();
    if (this.redis) {
      await this.redis.publish(this.channel, 'clear').catch((error: unknown) =>
        this.logger.warn({ err: error }, 'Could not broadcast a key invalidation; other processes expire it within 30 s'),
      );
    }
  }
}
