import { Module } from '@nestjs/common';
import { SESSION_STORE } from '../../framework/auth/auth-context';
import { ormFeature } from '../../framework/database/entity-registry';
import { AuthService } from './auth.service';
import { AuthIdentity } from './entities/auth-identity.entity';
import { AuthSession } from './entities/auth-session.entity';
import { ProviderIdentity } from './entities/provider-identity.entity';
import { AuthController } from './http/auth.controller';

@Module({
  imports: [ormFeature([AuthIdentity, ProviderIdentity, AuthSession])],
  controllers: [AuthController],
  providers: [AuthService, { provide: SESSION_STORE, useExisting: AuthService }],
  exports: [AuthService, SESSION_STORE],
})
export class AuthModule {}
