import { DynamicModule, Global, Module } from '@nestjs/common';
import type Redis from 'ioredis';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { REDIS_CLIENT } from '../redis/redis.module';
import { CacheService } from './cache.service';
import { MemoryCacheService } from './memory-cache.service';
import { RedisCacheService } from './redis-cache.service';

/** `CacheService` for every module, as the configuration file's `modules.cache` chose (module-selection.ts). */
@Global()
@Module({})
export class CacheModule {
  static forRoot(): DynamicModule {
    return {
      module: CacheModule,
      providers: [
        {
          provide: CacheService,
          useFactory: (config: AppConfig, redis: Redis | null): CacheService => {
            const { kind, ttlSeconds } = config.modules.cache;
            if (kind === 'memory') return new MemoryCacheService(ttlSeconds);
            // the configuration refuses 'redis' without REDIS_URL; a client missing here is a wiring bug
            if (!redis) throw new Error("modules.cache is 'redis' but no Redis client was created");
            return new RedisCacheService(redis, config.redis.prefix, ttlSeconds);
          },
          inject: [APP_CONFIG, REDIS_CLIENT],
        },
      ],
      exports: [CacheService],
    };
  }
}
