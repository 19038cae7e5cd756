import { Module } from '@nestjs/common';
import { ormFeature } from '../../framework/database/entity-registry';
import { SalesChannel } from './entities/sales-channel.entity';
import { AdminSalesChannelsController } from './http/admin-sales-channels.controller';
import { SalesChannelService } from './sales-channel.service';

@Module({
  imports: [ormFeature([SalesChannel])],
  controllers: [AdminSalesChannelsController],
  providers: [SalesChannelService],
  exports: [SalesChannelService],
})
export class SalesChannelModule {}
