import { Entity, Index, Property } from '@mikro-orm/core';
import { Metadata, SthenoEntity } from '../../../framework/database/base.entity';

/** A market: one currency and the countries it sells to (each country in at most one region). */
@Entity({ tableName: 'region' })
export class Region extends SthenoEntity {
  static override readonly idPrefix = 'reg';

  @Property({ type: 'text' })
  name!: string;

  /** Lower-case ISO 4217 code, as the currency module stores it. */
  @Index()
  @Property({ type: 'text' })
  currency_code!: string;

  @Property({ type: 'boolean', default: true })
  automatic_taxes: boolean = true;

  @Property({ type: 'jsonb', nullable: true })
  metadata: Metadata = null;
}
