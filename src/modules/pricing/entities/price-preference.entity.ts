import { Entity, Index, Property } from '@mikro-orm/core';
import { SthenoEntity } from '../../../framework/database/base.entity';

/** Whether prices for a region or a currency are entered tax-inclusive. */
@Entity({ tableName: 'price_preference' })
@Index({
  name: 'price_preference_attribute_value_unique',
  expression: 'create unique index "price_preference_attribute_value_unique" on "price_preference" ("attribute", "value") where "deleted_at" is null',
})
export class PricePreference extends SthenoEntity {
  static override readonly idPrefix = 'prpref';

  /** `region_id` or `currency_code`. */
  @Property({ type: 'text' })
  attribute!: string;

  @Property({ type: 'text' })
  value!: string;

  @Property({ type: 'boolean', default: false })
  is_tax_inclusive: boolean = false;
}
