import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/** Which payment providers a region offers at checkout (region ↔ payment module, owned by neither). */
@Entity({ tableName: 'region_payment_provider' })
@Index({ properties: ['payment_provider_id'] })
export class RegionPaymentProvider {
  @PrimaryKey({ type: 'text' })
  region_id!: string;

  @PrimaryKey({ type: 'text' })
  payment_provider_id!: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  created_at?: Date;
}
