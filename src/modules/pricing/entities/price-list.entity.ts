import { Collection, Entity, Enum, Index, OneToMany, Property } from '@mikro-orm/core';
import { SthenoEntity } from '../../../framework/database/base.entity';
import { PriceListRule } from './price-list-rule.entity';
import { Price } from './price.entity';

export const PRICE_LIST_TYPES = ['sale', 'override'] as const;
export type PriceListType = (typeof PRICE_LIST_TYPES)[number];
export const PRICE_LIST_STATUSES = ['active', 'draft'] as const;
export type PriceListStatus = (typeof PRICE_LIST_STATUSES)[number];

/** A sale (applies when lower) or override (replaces) list of prices, with a date window and rules. */
@Entity({ tableName: 'price_list' })
@Index({ properties: ['status', 'starts_at', 'ends_at'] })
export class PriceList extends SthenoEntity {
  static override readonly idPrefix = 'plist';

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'text', default: '' })
  description: string = '';

  @Enum({ items: [...PRICE_LIST_STATUSES], default: 'draft' })
  status: PriceListStatus = 'draft';

  @Enum({ items: [...PRICE_LIST_TYPES], default: 'sale' })
  type: PriceListType = 'sale';

  @Property({ type: 'timestamptz', nullable: true })
  starts_at: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  ends_at: Date | null = null;

  @Property({ type: 'integer', default: 0 })
  rules_count: number = 0;

  @OneToMany(() => Price, (price) => price.price_list)
  prices = new Collection<Price>(this);

  @OneToMany(() => PriceListRule, (rule) => rule.price_list)
  rules = new Collection<PriceListRule>(this);
}
