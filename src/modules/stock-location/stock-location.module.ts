import { forwardRef, Module } from '@nestjs/common';
import { ormFeature } from '../../framework/database/entity-registry';
import { LinksModule } from '../../links/links.module';
import { InventoryModule } from '../inventory/inventory.module';
import { SalesChannelModule } from '../sales-channel/sales-channel.module';
import { StockLocationAddress } from './entities/stock-location-address.entity';
import { StockLocation } from './entities/stock-location.entity';
import { StockLocationService } from './stock-location.service';

/** Stock locations (warehouses, shops) and their addresses. */
@Module({
  imports: [ormFeature([StockLocation, StockLocationAddress]), LinksModule, SalesChannelModule, forwardRef(() => InventoryModule)],
  controllers: [],
  providers: [StockLocationService],
  exports: [StockLocationService],
})
export class StockLocationModule {}
