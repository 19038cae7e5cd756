import { Entity, Index, ManyToOne, Property, Rel } from '@mikro-orm/core';
import { Metadata, SthenoEntity } from '../../../framework/database/base.entity';
import { ServiceZone } from './service-zone.entity';

export type GeoZoneType = 'country' | 'province' | 'city' | 'zip';

/**
 * A piece of a service zone: a whole country, a province, a city or a set of postal codes
 * (`postal_expression`, see geo-matcher.ts). The wider fields of a narrower zone must match too.
 */
@Entity({ tableName: 'geo_zone' })
@Index({ properties: ['country_code'] })
export class GeoZone extends SthenoEntity {
  static override readonly idPrefix = 'fgz';

  @Property({ type: 'text' })
  type!: GeoZoneType;

  /** Lower-case ISO 3166-1 alpha-2. */
  @Property({ type: 'text' })
  country_code!: string;

  @Property({ type: 'text', nullable: true })
  province_code: string | null = null;

  @Property({ type: 'text', nullable: true })
  city: string | null = null;

  @Property({ type: 'jsonb', nullable: true })
  postal_expression: Record<string, unknown> | null = null;

  @ManyToOne(() => ServiceZone, { fieldName: 'service_zone_id', deleteRule: 'cascade', index: 'geo_zone_service_zone_id_index' })
  service_zone!: Rel<ServiceZone>;

  @Property({ type: 'jsonb', nullable: true })
  metadata: Metadata = null;
}
