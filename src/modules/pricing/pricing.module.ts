import { Module } from '@nestjs/common';
import { ormFeature } from '../../framework/database/entity-registry';
import { LinksModule } from '../../links/links.module';
import { CurrencyModule } from '../currency/currency.module';
import { ProductModule } from '../product/product.module';
import { PriceListRule } from './entities/price-list-rule.entity';
import { PriceList } from './entities/price-list.entity';
import { PricePreference } from './entities/price-preference.entity';
import { PriceRule } from './entities/price-rule.entity';
import { PriceSet } from './entities/price-set.entity';
import { Price } from './entities/price.entity';
import { AdminPriceListsController } from './http/admin-price-lists.controller';
import { AdminPricePreferencesController } from './http/admin-price-preferences.controller';
import { PriceCandidates } from './price-candidates';
import { PriceListsService } from './price-lists.service';
import { PricePreferencesService } from './price-preferences.service';
import { PricingService } from './pricing.service';

/** Price sets, prices with rules and quantity tiers, price lists and tax-inclusive price preferences. */
@Module({
  imports: [ormFeature([PriceSet, Price, PriceRule, PriceList, PriceListRule, PricePreference]), CurrencyModule, LinksModule, ProductModule],
  controllers: [AdminPriceListsController, AdminPricePreferencesController],
  providers: [PricingService, PriceCandidates, PriceListsService, PricePreferencesService],
  exports: [PricingService],
})
export class PricingModule {}
