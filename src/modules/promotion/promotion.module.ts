import { Module } from '@nestjs/common';
import { ormFeature } from '../../framework/database/entity-registry';
import { CurrencyModule } from '../currency/currency.module';
import { ProductModule } from '../product/product.module';
import { RegionModule } from '../region/region.module';
import { CampaignService } from './campaign.service';
import { ApplicationMethod } from './entities/application-method.entity';
import { Campaign, CampaignBudget } from './entities/campaign.entity';
import { Promotion } from './entities/promotion.entity';
import { ApplicationMethodBuyRule, ApplicationMethodTargetRule, PromotionPromotionRule, PromotionRule, PromotionRuleValue } from './entities/promotion-rule.entity';
import { AdminCampaignsController } from './http/admin-campaigns.controller';
import { AdminPromotionsController } from './http/admin-promotions.controller';
import { PromotionService } from './promotion.service';
import { RuleValueOptionsService } from './rule-value-options.service';

export const PROMOTION_ENTITIES = [
  Promotion,
  ApplicationMethod,
  PromotionRule,
  PromotionRuleValue,
  PromotionPromotionRule,
  ApplicationMethodTargetRule,
  ApplicationMethodBuyRule,
  Campaign,
  CampaignBudget,
];

/** Promotions (standard and buy-get, codes and automatic), their rules, campaigns and budgets. */
@Module({
  imports: [ormFeature(PROMOTION_ENTITIES), CurrencyModule, RegionModule, ProductModule],
  controllers: [AdminPromotionsController, AdminCampaignsController],
  providers: [PromotionService, CampaignService, RuleValueOptionsService],
  exports: [PromotionService],
})
export class PromotionModule {}
