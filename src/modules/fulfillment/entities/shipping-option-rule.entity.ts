import { Entity, ManyToOne, Property, Rel } from '@mikro-orm/core';
import { SthenoEntity } from '../../../framework/database/base.entity';
import { ShippingOption } from './shipping-option.entity';

export type RuleOperator = 'eq' | 'ne' | 'in' | 'nin' | 'gt' | 'gte' | 'lt' | 'lte';
export const RULE_OPERATORS: readonly RuleOperator[] = ['eq', 'ne', 'in', 'nin', 'gt', 'gte', 'lt', 'lte'];

/** A condition on the cart context an option needs (`enabled_in_store eq "true"`); every rule must hold. */
@Entity({ tableName: 'shipping_option_rule' })
export class ShippingOptionRule extends SthenoEntity {
  static override readonly idPrefix = 'sorul';

  @Property({ type: 'text' })
  attribute!: string;

  @Property({ type: 'text' })
  operator!: RuleOperator;

  /** A string, or an array of strings for `in`/`nin`. */
  @Property({ type: 'jsonb' })
  value!: string | string[];

  @ManyToOne(() => ShippingOption, { fieldName: 'shipping_option_id', deleteRule: 'cascade', index: 'shipping_option_rule_shipping_option_id_index' })
  shipping_option!: Rel<ShippingOption>;
}
