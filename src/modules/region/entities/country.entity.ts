import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import type { Metadata } from '../../../framework/database/base.entity';

/**
 * An ISO 3166-1 country. The list is data, inserted by a migration; the only thing that changes is
 * `region_id`, the region the country belongs to (at most one). Keyed by its lower-case alpha-2
 * code, as Medusa's `region_country`, hence not a SthenoEntity (no prefixed id).
 */
@Entity({ tableName: 'region_country' })
export class Country {
  @PrimaryKey({ type: 'text' })
  iso_2!: string;

  @Property({ type: 'text' })
  iso_3!: string;

  /** ISO 3166-1 numeric, zero-padded to three digits (`'040'`). */
  @Property({ type: 'text' })
  num_code!: string;

  /** Upper-case English short name (`'UNITED KINGDOM'`). */
  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text' })
  display_name!: string;

  @Index()
  @Property({ type: 'text', nullable: true })
  region_id: string | null = null;

  @Property({ type: 'jsonb', nullable: true })
  metadata: Metadata = null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  created_at?: Date;

  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updated_at?: Date;

  @Property({ type: 'timestamptz', nullable: true })
  deleted_at: Date | null = null;
}
