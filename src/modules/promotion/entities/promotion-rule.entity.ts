import { Entity, Enum, Index, PrimaryKeyProp, Property } from '@mikro-orm/core';
import { SthenoEntity } from '../../../framework/database/base.entity';
import { RULE_OPERATORS } from '../promotion.types';
import type { RuleOperator } from '../promotion.types';

/** A condition: the cart's (or a line's) `attribute` compared with `operator` to the rule's values. */
@Entity({ tableName: 'promotion_rule' })
@Index({ properties: ['attribute'] })
export class PromotionRule extends SthenoEntity {
  static override readonly idPrefix = 'prorul';

  @Property({ type: 'text', nullable: true })
  description: string | null = null;

  @Property({ type: 'text' })
  attribute!: string;

  @Enum({ items: [...RULE_OPERATORS] })
  operator!: RuleOperator;
}

@Entity({ tableName: 'promotion_rule_value' })
export class PromotionRuleValue extends SthenoEntity {
  static override readonly idPrefix = 'prorulval';

  @Index()
  @Property({ type: 'text' })
  promotion_rule_id!: string;

  @Property({ type: 'text' })
  value!: string;
}

/** The promotion's cart rules (Medusa's join). */
@Entity({ tableName: 'promotion_promotion_rule' })
@Index({ properties: ['promotion_rule_id'] })
export class PromotionPromotionRule {
  [PrimaryKeyProp]?: ['promotion_id', 'promotion_rule_id'];

  @Property({ type: 'text', primary: true })
  promotion_id!: string;

  @Property({ type: 'text', primary: true })
  promotion_rule_id!: string;
}

/** The application method's target rules: which lines (or shipping methods) get the discount. */
@Entity({ tableName: 'application_method_target_rules' })
@Index({ properties: ['promotion_rule_id'] })
export class ApplicationMethodTargetRule {
  [PrimaryKeyProp]?: ['application_method_id', 'promotion_rule_id'];

  @Property({ type: 'text', primary: true })
  application_method_id!: string;

  @Property({ type: 'text', primary: true })
  promotion_rule_id!: string;
}

/** The application method's buy rules (buy-get promotions): which lines count as bought. */
@Entity({ tableName: 'application_method_buy_rules' })
@Index({ properties: ['promotion_rule_id'] })
export class ApplicationMethodBuyRule {
  [PrimaryKeyProp]?: ['application_method_id', 'promotion_rule_id'];

  @Property({ type: 'text', primary: true })
  application_method_id!: string;

  @Property({ type: 'text', primary: true })
  promotion_rule_id!: string;
}
