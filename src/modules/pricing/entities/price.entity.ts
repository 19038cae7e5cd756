import { Collection, Entity, Index, ManyToOne, OneToMany, Property, Rel } from '@mikro-orm/core';
import { SthenoEntity } from '../../../framework/database/base.entity';
import { PriceList } from './price-list.entity';
import { PriceRule } from './price-rule.entity';
import { PriceSet } from './price-set.entity';

/**
 * One amount in one currency, optionally limited to a quantity tier, to contexts matching its rules
 * (region_id, customer_group_id …) and to a price list. `amount` is exact (numeric, major units).
 */
@Entity({ tableName: 'price' })
@Index({ properties: ['price_set', 'currency_code'] })
export class Price extends SthenoEntity {
  static override readonly idPrefix = 'price';

  @Property({ type: 'text', nullable: true })
  title: string | null = null;

  @Property({ type: 'text' })
  currency_code!: string;

  @Property({ type: 'numeric', precision: 20, scale: 6 })
  amount!: string;

  @Property({ type: 'numeric', precision: 20, scale: 6, nullable: true })
  min_quantity: string | null = null;

  @Property({ type: 'numeric', precision: 20, scale: 6, nullable: true })
  max_quantity: string | null = null;

  @Property({ type: 'integer', default: 0 })
  rules_count: number = 0;

  @ManyToOne(() => PriceSet, { fieldName: 'price_set_id', deleteRule: 'cascade' })
  price_set!: Rel<PriceSet>;

  @ManyToOne(() => PriceList, { fieldName: 'price_list_id', nullable: true, deleteRule: 'cascade', index: 'price_price_list_id_index' })
  price_list: Rel<PriceList> | null = null;

  @OneToMany(() => PriceRule, (rule) => rule.price)
  rules = new Collection<PriceRule>(this);
}
