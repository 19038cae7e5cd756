import { Module } from '@nestjs/common';
import { ormFeature } from '../../framework/database/entity-registry';
import { CurrencyModule } from '../currency/currency.module';
import { PriceListRule } from './entities/price-list-rule.entity';
import { PriceList } from './entities/price-list.entity';
import { PricePreference } from './entities/price-preference.entity';
import { PriceRule } from './entities/price-rule.entity';
import { PriceSet } from './entities/price-set.entity';
import { Price } from './entities/price.entity';
import { PriceCandidates } from './price-candidates';
import { PricingService } from './pricing.service';

/** Price sets, prices with rules and quantity tiers, price lists and tax-inclusive price preferences. */
@Module({
  imports: [ormFeature([PriceSet, Price, PriceRule, PriceList, PriceListRule, PricePreference]), CurrencyModule],
  controllers: [],
  providers: [PricingService, PriceCandidates],
  exports: [PricingService],
})
export class PricingModule {}
