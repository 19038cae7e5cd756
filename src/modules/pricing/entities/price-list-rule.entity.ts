import { Entity, ManyToOne, Property, Rel } from '@mikro-orm/core';
import { SthenoEntity } from '../../../framework/database/base.entity';
import { PriceList } from './price-list.entity';

/** A condition of a price list: the context's `attribute` must be one of `value` (e.g. customer groups). */
@Entity({ tableName: 'price_list_rule' })
export class PriceListRule extends SthenoEntity {
  static override readonly idPrefix = 'plrule';

  @Property({ type: 'text' })
  attribute!: string;

  @Property({ type: 'jsonb' })
  value!: string[];

  @ManyToOne(() => PriceList, { fieldName: 'price_list_id', deleteRule: 'cascade', index: 'price_list_rule_price_list_id_index' })
  price_list!: Rel<PriceList>;
}
