import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule, JwtSignOptions } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { ThrottlerModule } from '@nestjs/throttler';
import type Redis from 'ioredis';
import { REDIS_CLIENT } from '../redis/redis.module';
import { AuthThrottlerGuard, clientIp, RedisThrottlerStorage, submittedEmail } from './throttling';
import { AppConfig } from '../config/app-config';
import { RouteAccessGuard } from './route-access.guard';
import { JwtBearerStrategy, TokenService } from './tokens';

/** Authentication plumbing: JWT issuing and verification, and the global route-access guard. */
@Global()
@Module({})
export class AccessModule {
  static forRoot(config: AppConfig): DynamicModule {
    const expiresIn = /^\d+$/.test(config.auth.jwtExpiresIn) ? Number(config.auth.jwtExpiresIn) : (config.auth.jwtExpiresIn as JwtSignOptions['expiresIn']);
    return {
      module: AccessModule,
      imports: [
        PassportModule,
        JwtModule.register({ secret: config.auth.jwtSecret, signOptions: { algorithm: 'HS256', expiresIn } }),
        ThrottlerModule.forRootAsync({
          inject: [REDIS_CLIENT],
          useFactory: (redis: Redis | null) => ({
            throttlers: [
              // per client IP, whatever the emails: one address cannot spray many accounts
              { name: 'default', ttl: config.auth.throttle.windowMs, limit: config.auth.throttle.ipLimit, getTracker: clientIp },
              // per email, whatever the address: many addresses cannot hammer one account
              { name: 'email', ttl: config.auth.throttle.windowMs, limit: config.auth.throttle.limit, getTracker: submittedEmail },
            ],
            storage: redis ? new RedisThrottlerStorage(redis, config.redis.prefix) : undefined,
          }),
        }),
      ],
      providers: [TokenService, JwtBearerStrategy, AuthThrottlerGuard, { provide: APP_GUARD, useClass: RouteAccessGuard }],
      exports: [TokenService, JwtModule, AuthThrottlerGuard],
    };
  }
}
