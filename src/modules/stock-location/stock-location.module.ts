import { forwardRef, Module } from '@nestjs/common';
import { ormFeature } from '../../framework/database/entity-registry';
import { LinksModule } from '../../links/links.module';
import { InventoryModule } from '../inventory/inventory.module';
import { SalesChannelModule } from '../sales-channel/sales-channel.module';
import { StockLocationAddress } from './entities/stock-location-address.entity';
import { StockLocation } from './entities/stock-location.entity';
import { AdminStockLocationsController } from './http/admin-stock-locations.controller';
import { StockLocationViews } from './http/stock-location-views';
import { StockLocationService } from './stock-location.service';

/** Stock locations (warehouses, shops) and their addresses. */
@Module({
  imports: [ormFeature([StockLocation, StockLocationAddress]), LinksModule, SalesChannelModule, forwardRef(() => InventoryModule)],
  controllers: [AdminStockLocationsController],
  providers: [StockLocationService, StockLocationViews],
  exports: [StockLocationService],
})
export class StockLocationModule {}
