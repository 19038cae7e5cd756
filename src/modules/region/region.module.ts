import { Module } from '@nestjs/common';
import { ormFeature } from '../../framework/database/entity-registry';
import { CurrencyModule } from '../currency/currency.module';
import { Country } from './entities/country.entity';
import { Region } from './entities/region.entity';
import { StoreRegionsController } from './http/store-regions.controller';
import { RegionService } from './region.service';

@Module({
  imports: [ormFeature([Region, Country]), CurrencyModule],
  controllers: [StoreRegionsController],
  providers: [RegionService],
  exports: [RegionService],
})
export class RegionModule {}
