import { Entity, Enum, Index, Property } from '@mikro-orm/core';
import { SthenoEntity } from '../../../framework/database/base.entity';
import { CAMPAIGN_BUDGET_TYPES } from '../promotion.types';
import type { CampaignBudgetType } from '../promotion.types';

/** A group of promotions with a shared window and budget. */
@Entity({ tableName: 'promotion_campaign' })
@Index({
  name: 'promotion_campaign_identifier_unique',
  expression: 'create unique index "promotion_campaign_identifier_unique" on "promotion_campaign" ("campaign_identifier") where "deleted_at" is null',
})
export class Campaign extends SthenoEntity {
  static override readonly idPrefix = 'procamp';

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text', nullable: true })
  description: string | null = null;

  @Property({ type: 'text' })
  campaign_identifier!: string;

  @Property({ type: 'timestamptz', nullable: true })
  starts_at: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  ends_at: Date | null = null;
}

/**
 * What a campaign may give: `spend` (sum of discounts, in `currency_code`) or `usage` (number of
 * orders). `used` only ever changes through one conditional UPDATE (see CampaignBudgets).
 */
@Entity({ tableName: 'promotion_campaign_budget' })
@Index({
  name: 'promotion_campaign_budget_campaign_id_unique',
  expression: 'create unique index "promotion_campaign_budget_campaign_id_unique" on "promotion_campaign_budget" ("campaign_id") where "deleted_at" is null',
})
export class CampaignBudget extends SthenoEntity {
  static override readonly idPrefix = 'probudg';

  @Enum({ items: [...CAMPAIGN_BUDGET_TYPES] })
  type!: CampaignBudgetType;

  @Property({ type: 'text', nullable: true })
  currency_code: string | null = null;

  @Property({ type: 'numeric', precision: 20, scale: 6, nullable: true })
  limit: string | null = null;

  @Property({ type: 'numeric', precision: 20, scale: 6, default: 0 })
  used: string = '0';

  @Property({ type: 'text' })
  campaign_id!: string;
}
