import { Entity, Enum, Index, Property } from '@mikro-orm/core';
import { Metadata, SthenoEntity } from '../../../framework/database/base.entity';
import { PROMOTION_STATUSES, PROMOTION_TYPES } from '../promotion.types';
import type { PromotionStatus, PromotionType } from '../promotion.types';

/**
 * A discount: a code (unique among undeleted promotions, case-insensitively: codes are matched the
 * way shoppers type them), rules on the cart, and one application method. `campaign_id` points into
 * this module's campaign table.
 */
@Entity({ tableName: 'promotion' })
@Index({ name: 'promotion_code_unique', expression: 'create unique index "promotion_code_unique" on "promotion" (lower("code")) where "deleted_at" is null' })
@Index({ properties: ['is_automatic', 'status'] })
export class Promotion extends SthenoEntity {
  static override readonly idPrefix = 'promo';

  @Property({ type: 'text' })
  code!: string;

  @Enum({ items: [...PROMOTION_TYPES] })
  type!: PromotionType;

  @Property({ type: 'boolean', default: false })
  is_automatic: boolean = false;

  @Property({ type: 'boolean', default: false })
  is_tax_inclusive: boolean = false;

  @Enum({ items: [...PROMOTION_STATUSES], default: 'draft' })
  status: PromotionStatus = 'draft';

  @Index()
  @Property({ type: 'text', nullable: true })
  campaign_id: string | null = null;

  @Property({ type: 'jsonb', nullable: true })
  metadata: Metadata = null;
}
