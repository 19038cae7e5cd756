import { Module } from '@nestjs/common';
import { ormFeature } from '../../framework/database/entity-registry';
import { PriceListRule } from './entities/price-list-rule.entity';
import { PriceList } from './entities/price-list.entity';
import { PricePreference } from './entities/price-preference.entity';
import { PriceRule } from './entities/price-rule.entity';
import { PriceSet } from './entities/price-set.entity';
import { Price } from './entities/price.entity';

/** Price sets, prices with rules and quantity tiers, price lists and tax-inclusive price preferences. */
@Module({
  imports: [ormFeature([PriceSet, Price, PriceRule, PriceList, PriceListRule, PricePreference])],
  controllers: [],
  providers: [],
  exports: [],
})
export class PricingModule {}
