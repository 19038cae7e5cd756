import { DynamicModule, Global, Inject, Injectable, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import Redis, { RedisOptions } from 'ioredis';
import { APP_CONFIG, AppConfig, RedisConfig } from '../config/app-config';

export const REDIS_CLIENT = Symbol('REDIS_CLIENT');

/**
 * One shared Redis connection for health checks, caches, locks, sessions and rate limits (Bull
 * keeps its own). Commands fail fast while Redis is down instead of queueing, so callers can
 * degrade cleanly, and connection errors are logged once per outage rather than on every retry.
 * The operator's `redisOptions` apply, under the URL (which wins in ioredis) and under the
 * fail-fast settings (which `redis-options.ts` refuses to override).
 */
export function createRedisClient(url: string, options: Record<string, unknown>, name: string): Redis {
  const logger = new Logger(name);
  const client = new Redis(url, {
    connectTimeout: 2000,
    retryStrategy: (times) => Math.min(times * 200, 2000),
    ...(options as RedisOptions),
    lazyConnect: false,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
  });
  let down = false;
  client.on('error', (error: Error) => {
    if (!down) logger.warn({ err: error }, `Redis unavailable: ${error.message}`);
    down = true;
  });
  client.on('ready', () => {
    if (down) logger.log('Redis connection restored');
    down = false;
  });
  return client;
}

@Injectable()
class RedisShutdown implements OnApplicationShutdown {
  constructor(@Inject(REDIS_CLIENT) private readonly client: Redis | null) {}

  async onApplicationShutdown(): Promise<void> {
    if (!this.client) return;
    if (this.client.status !== 'ready') {
      this.client.disconnect();
      return;
    }
    await this.client.quit().catch(() => this.client?.disconnect());
  }
}

@Global()
@Module({})
export class RedisModule {
  static forRoot(): DynamicModule {
    return {
      module: RedisModule,
      providers: [
        {
          provide: REDIS_CLIENT,
          useFactory: (appConfig: AppConfig) =>
            appConfig.redis.url ? createRedisClient(appConfig.redis.url, appConfig.redis.options, 'Redis') : null,
          inject: [APP_CONFIG],
        },
        RedisShutdown,
      ],
      exports: [REDIS_CLIENT],
    };
  }
}

/**
 * Options of Bull's clients (client, subscriber, blocking client of every queue): the operator's
 * `redisOptions` and what Bull requires. Bull reads the URL itself but, unlike ioredis, not the
 * TLS of `rediss://`: it is added here unless `redisOptions.tls` says how.
 */
export function bullRedisOptions(redis: RedisConfig): RedisOptions {
  const tls = redis.url?.startsWith('rediss:') ? { tls: {} } : {};
  return { connectTimeout: 5000, ...tls, ...(redis.options as RedisOptions), maxRetriesPerRequest: null, enableReadyCheck: false };
}
