import { MikroORM } from '@mikro-orm/core';
import { Module } from '@nestjs/common';
import type Redis from 'ioredis';
import { SESSION_STORE } from '../../framework/auth/auth-context';
import { APP_CONFIG, AppConfig } from '../../framework/config/app-config';
import { ormFeature } from '../../framework/database/entity-registry';
import { REDIS_CLIENT } from '../../framework/redis/redis.module';
import { AuthService } from './auth.service';
import { AuthIdentity } from './entities/auth-identity.entity';
import { AuthSession } from './entities/auth-session.entity';
import { ProviderIdentity } from './entities/provider-identity.entity';
import { AuthController } from './http/auth.controller';
import { DatabaseSessionStore } from './sessions/database-session-store';
import { RedisSessionStore } from './sessions/redis-session-store';
import { AUTH_SESSION_STORE } from './sessions/session-store';

@Module({
  imports: [ormFeature([AuthIdentity, ProviderIdentity, AuthSession])],
  controllers: [AuthController],
  providers: [
    AuthService,
    { provide: SESSION_STORE, useExisting: AuthService },
    {
      // Redis when configured (as Medusa), PostgreSQL otherwise (the embedded mode)
      provide: AUTH_SESSION_STORE,
      useFactory: (config: AppConfig, redis: Redis | null, orm: MikroORM) =>
        redis ? new RedisSessionStore(redis, config.redis.prefix) : new DatabaseSessionStore(orm),
      inject: [APP_CONFIG, REDIS_CLIENT, MikroORM],
    },
  ],
  exports: [AuthService, SESSION_STORE],
})
export class AuthModule {}
