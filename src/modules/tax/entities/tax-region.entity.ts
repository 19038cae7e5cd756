import { Entity, Index, Property } from '@mikro-orm/core';
import { Metadata, SthenoEntity } from '../../../framework/database/base.entity';

/**
 * Where taxes apply: a country (`province_code` null, top level, with the provider that computes its
 * taxes) or a province of it (`parent_id` its country's region; it uses the parent's provider).
 * At most one undeleted region per (country, province): the index treats a missing province as ''
 * so that two country-level regions collide too.
 */
@Entity({ tableName: 'tax_region' })
@Index({
  name: 'tax_region_country_province_unique',
  expression:
    `create unique index "tax_region_country_province_unique" on "tax_region" ("country_code", coalesce("province_code", '')) where "deleted_at" is null`,
})
export class TaxRegion extends SthenoEntity {
  static override readonly idPrefix = 'txreg';

  /** Lower-case ISO 3166-1 alpha-2. */
  @Property({ type: 'text' })
  country_code!: string;

  /** Lower-case; null for the country itself. */
  @Property({ type: 'text', nullable: true })
  province_code: string | null = null;

  @Index()
  @Property({ type: 'text', nullable: true })
  parent_id: string | null = null;

  /** Only on country regions; provinces use their parent's. */
  @Property({ type: 'text', nullable: true })
  provider_id: string | null = null;

  @Property({ type: 'jsonb', nullable: true })
  metadata: Metadata = null;

  @Property({ type: 'text', nullable: true })
  created_by: string | null = null;
}
