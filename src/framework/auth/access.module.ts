import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule, JwtSignOptions } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
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
      ],
      providers: [TokenService, JwtBearerStrategy, { provide: APP_GUARD, useClass: RouteAccessGuard }],
      exports: [TokenService, JwtModule],
    };
  }
}
