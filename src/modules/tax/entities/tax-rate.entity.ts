import { Entity, Index, Property } from '@mikro-orm/core';
import { Metadata, SthenoEntity } from '../../../framework/database/base.entity';

/**
 * A rate of a tax region, in percent (`25` is 25 %). The region's default rate applies to whatever
 * no rule-specific rate covers; at most one undeleted default per region.
 */
@Entity({ tableName: 'tax_rate' })
@Index({
  name: 'tax_rate_single_default_per_region',
  expression:
    'create unique index "tax_rate_single_default_per_region" on "tax_rate" ("tax_region_id") where "is_default" = true and "deleted_at" is null',
})
export class TaxRate extends SthenoEntity {
  static override readonly idPrefix = 'txr';

  /** Null: a rate only used as a lookup key by a provider; the system provider reads it as 0. */
  @Property({ type: 'numeric', precision: 10, scale: 4, nullable: true })
  rate: string | null = null;

  @Property({ type: 'text' })
  code!: string;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'boolean', default: false })
  is_default: boolean = false;

  /** A province rate that adds its country's rate instead of replacing it. */
  @Property({ type: 'boolean', default: false })
  is_combinable: boolean = false;

  @Index()
  @Property({ type: 'text' })
  tax_region_id!: string;

  @Property({ type: 'jsonb', nullable: true })
  metadata: Metadata = null;

  @Property({ type: 'text', nullable: true })
  created_by: string | null = null;
}
