import { Module } from '@nestjs/common';
import { API_KEY_VERIFIER } from '../../framework/auth/auth-context';
import { ormFeature } from '../../framework/database/entity-registry';
import { LinksModule } from '../../links/links.module';
import { SalesChannelModule } from '../sales-channel/sales-channel.module';
import { ApiKeyCache } from './api-key.cache';
import { ApiKeyService } from './api-key.service';
import { ApiKeyVerifierService } from './api-key.verifier';
import { ApiKey } from './entities/api-key.entity';
import { AdminApiKeysController } from './http/admin-api-keys.controller';
import { SalesChannelDeletedSubscriber } from './sales-channel-deleted.subscriber';

@Module({
  imports: [ormFeature([ApiKey]), LinksModule, SalesChannelModule],
  controllers: [AdminApiKeysController],
  providers: [ApiKeyService, ApiKeyCache, ApiKeyVerifierService, SalesChannelDeletedSubscriber, { provide: API_KEY_VERIFIER, useExisting: ApiKeyVerifierService }],
  exports: [ApiKeyService, API_KEY_VERIFIER],
})
export class ApiKeyModule {}
