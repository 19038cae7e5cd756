import { Entity, Index, Property } from '@mikro-orm/core';
import { SthenoEntity } from '../../../framework/database/base.entity';

/** A currency the store sells in; exactly one of a store's currencies is its default. */
@Entity({ tableName: 'store_currency' })
@Index({
  name: 'store_currency_store_id_currency_code_unique',
  expression: 'create unique index "store_currency_store_id_currency_code_unique" on "store_currency" ("store_id", "currency_code") where "deleted_at" is null',
})
export class StoreCurrency extends SthenoEntity {
  static override readonly idPrefix = 'stocur';

  @Index()
  @Property({ type: 'text' })
  store_id!: string;

  /** Lower-case ISO 4217 code, as the currency module stores it. */
  @Property({ type: 'text' })
  currency_code!: string;

  @Property({ type: 'boolean', default: false })
  is_default: boolean = false;
}
