import { Entity, Index, ManyToOne, Property, Rel } from '@mikro-orm/core';
import { SthenoEntity } from '../../../framework/database/base.entity';
import { Price } from './price.entity';

export const PRICE_RULE_OPERATORS = ['eq', 'gt', 'gte', 'lt', 'lte'] as const;
export type PriceRuleOperator = (typeof PRICE_RULE_OPERATORS)[number];

/** A condition on the pricing context (`region_id eq reg_…`) that a price needs to apply. */
@Entity({ tableName: 'price_rule' })
@Index({ properties: ['attribute', 'value'] })
export class PriceRule extends SthenoEntity {
  static override readonly idPrefix = 'prule';

  @Property({ type: 'text' })
  attribute!: string;

  @Property({ type: 'text', default: 'eq' })
  operator: PriceRuleOperator = 'eq';

  @Property({ type: 'text' })
  value!: string;

  @Property({ type: 'integer', default: 0 })
  priority: number = 0;

  @ManyToOne(() => Price, { fieldName: 'price_id', deleteRule: 'cascade', index: 'price_rule_price_id_index' })
  price!: Rel<Price>;
}
