import { Entity, Enum, Index, Property } from '@mikro-orm/core';
import { SthenoEntity } from '../../../framework/database/base.entity';
import { APPLICATION_METHOD_ALLOCATIONS, APPLICATION_METHOD_TARGET_TYPES, APPLICATION_METHOD_TYPES } from '../promotion.types';
import type { ApplicationMethodAllocation, ApplicationMethodTargetType, ApplicationMethodType } from '../promotion.types';

/** How a promotion discounts: fixed or percentage, on items, shipping or the order; one per promotion. */
@Entity({ tableName: 'promotion_application_method' })
@Index({
  name: 'promotion_application_method_promotion_id_unique',
  expression: 'create unique index "promotion_application_method_promotion_id_unique" on "promotion_application_method" ("promotion_id") where "deleted_at" is null',
})
export class ApplicationMethod extends SthenoEntity {
  static override readonly idPrefix = 'proappmet';

  @Property({ type: 'numeric', precision: 20, scale: 6 })
  value!: string;

  @Property({ type: 'text', nullable: true })
  currency_code: string | null = null;

  @Property({ type: 'integer', nullable: true })
  max_quantity: number | null = null;

  @Enum({ items: [...APPLICATION_METHOD_TYPES] })
  type!: ApplicationMethodType;

  @Index()
  @Enum({ items: [...APPLICATION_METHOD_TARGET_TYPES] })
  target_type!: ApplicationMethodTargetType;

  @Enum({ items: [...APPLICATION_METHOD_ALLOCATIONS], nullable: true })
  allocation: ApplicationMethodAllocation | null = null;

  @Property({ type: 'integer', nullable: true })
  buy_rules_min_quantity: number | null = null;

  @Property({ type: 'integer', nullable: true })
  apply_to_quantity: number | null = null;

  @Property({ type: 'text' })
  promotion_id!: string;
}
