import { Module } from '@nestjs/common';
import { ormFeature } from '../../framework/database/entity-registry';
import { CurrencyModule } from '../currency/currency.module';
import { RegionModule } from '../region/region.module';
import { SalesChannelModule } from '../sales-channel/sales-channel.module';
import { StockLocationModule } from '../stock-location/stock-location.module';
import { StoreCurrency } from './entities/store-currency.entity';
import { Store } from './entities/store.entity';
import { AdminStoresController } from './http/admin-stores.controller';
import { StoreService } from './store.service';

@Module({
  imports: [ormFeature([Store, StoreCurrency]), CurrencyModule, SalesChannelModule, RegionModule, StockLocationModule],
  controllers: [AdminStoresController],
  providers: [StoreService],
  exports: [StoreService],
})
export class StoreModule {}
