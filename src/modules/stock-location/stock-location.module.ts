import { Module } from '@nestjs/common';
import { ormFeature } from '../../framework/database/entity-registry';
import { StockLocationAddress } from './entities/stock-location-address.entity';
import { StockLocation } from './entities/stock-location.entity';
import { StockLocationService } from './stock-location.service';

/**
 * Stock locations (warehouses, shops) and their addresses. It depends on no other module: the
 * inventory module validates level locations through this facade, and the admin routes, which
 * also need inventory and sales channels, live in StockLocationAdminModule.
 */
@Module({
  imports: [ormFeature([StockLocation, StockLocationAddress])],
  providers: [StockLocationService],
  exports: [StockLocationService],
})
export class StockLocationModule {}
