import { Module } from '@nestjs/common';
import { ormFeature } from '../../framework/database/entity-registry';
import { AuthModule } from '../auth/auth.module';
import { Invite } from './entities/invite.entity';
import { User } from './entities/user.entity';
import { AdminInvitesController } from './http/admin-invites.controller';
import { AdminUsersController } from './http/admin-users.controller';
import { UserService } from './user.service';

@Module({
  imports: [ormFeature([User, Invite]), AuthModule],
  controllers: [AdminUsersController, AdminInvitesController],
  providers: [UserService],
  exports: [UserService],
})
export class UserModule {}
