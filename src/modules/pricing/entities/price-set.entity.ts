import { Collection, Entity, OneToMany } from '@mikro-orm/core';
import { SthenoEntity } from '../../../framework/database/base.entity';
import { Price } from './price.entity';

/** The prices of one sellable thing (a variant, a shipping option), across currencies, rules and price lists. */
@Entity({ tableName: 'price_set' })
export class PriceSet extends SthenoEntity {
  static override readonly idPrefix = 'pset';

  @OneToMany(() => Price, (price) => price.price_set)
  prices = new Collection<Price>(this);
}
