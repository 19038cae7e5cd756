import { Module } from '@nestjs/common';
import { ormFeature } from '../../framework/database/entity-registry';
import { CurrencyService } from './currency.service';
import { Currency } from './entities/currency.entity';
import { AdminCurrenciesController, StoreCurrenciesController } from './http/currencies.controllers';

@Module({
  imports: [ormFeature([Currency])],
  controllers: [StoreCurrenciesController, AdminCurrenciesController],
  providers: [CurrencyService],
  exports: [CurrencyService],
})
export class CurrencyModule {}
