import { Entity, Property } from '@mikro-orm/core';
import { Metadata, SthenoEntity } from '../../../framework/database/base.entity';

@Entity({ tableName: 'stock_location_address' })
export class StockLocationAddress extends SthenoEntity {
  static override readonly idPrefix = 'laddr';

  @Property({ type: 'text' })
  address_1!: string;

  @Property({ type: 'text', nullable: true })
  address_2: string | null = null;

  @Property({ type: 'text', nullable: true })
  company: string | null = null;

  @Property({ type: 'text', nullable: true })
  city: string | null = null;

  @Property({ type: 'text' })
  country_code!: string;

  @Property({ type: 'text', nullable: true })
  phone: string | null = null;

  @Property({ type: 'text', nullable: true })
  province: string | null = null;

  @Property({ type: 'text', nullable: true })
  postal_code: string | null = null;

  @Property({ type: 'jsonb', nullable: true })
  metadata: Metadata = null;
}
