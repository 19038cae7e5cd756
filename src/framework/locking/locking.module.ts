import { DynamicModule, Global, Module } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type Redis from 'ioredis';
import type { AppConfig } from '../config/app-config';
import { ormFeature } from '../database/entity-registry';
import { REDIS_CLIENT } from '../redis/redis.module';
import { LockingLock } from './locking-lock.entity';
import { LOCKING_PROVIDER, LockingProvider } from './locking-provider';
import { LockingService } from './locking.service';
import { MemoryLockingProvider } from './memory-locking.provider';
import { PostgresLockingProvider } from './postgres-locking.provider';
import { RedisLockingProvider } from './redis-locking.provider';

/**
 * LockingService for every module, with the implementation `modules.locking` chose
 * (config/module-selection.ts). The `locking_lock` table is part of the schema whatever the choice,
 * so the migrations are the same for every configuration.
 */
@Global()
@Module({})
export class LockingModule {
  static forRoot(config: AppConfig): DynamicModule {
    const choice = config.modules.locking;
    return {
      module: LockingModule,
      imports: [ormFeature([LockingLock])],
      providers: [
        {
          provide: LOCKING_PROVIDER,
          inject: [MikroORM, REDIS_CLIENT],
          useFactory: (orm: MikroORM, redis: Redis | null): LockingProvider => {
            if (choice === 'memory') return new MemoryLockingProvider();
            if (choice === 'postgres') return new PostgresLockingProvider(orm.em as EntityManager);
            // the configuration refuses `redis` without REDIS_URL; this guards a hand-built config
            if (!redis) throw new Error("modules.locking: 'redis' needs projectConfig.redisUrl (REDIS_URL)");
            return new RedisLockingProvider(redis, config.redis.prefix);
          },
        },
        LockingService,
      ],
      exports: [LockingService],
    };
  }
}
