import { Module } from '@nestjs/common';
import { ormFeature } from '../../framework/database/entity-registry';
import { StockLocationAddress } from './entities/stock-location-address.entity';
import { StockLocation } from './entities/stock-location.entity';

/** Stock locations (warehouses, shops) and their addresses. */
@Module({
  imports: [ormFeature([StockLocation, StockLocationAddress])],
  controllers: [],
  providers: [],
  exports: [],
})
export class StockLocationModule {}
