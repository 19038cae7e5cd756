import { Entity, Index, OneToOne, Property, Rel } from '@mikro-orm/core';
import { Metadata, SthenoEntity } from '../../../framework/database/base.entity';
import { FulfillmentAddress } from './fulfillment-address.entity';

/**
 * Items leaving one stock location through one provider. Its life: created (packed) → shipped →
 * delivered, or canceled before it ships.
 */
@Entity({ tableName: 'fulfillment' })
export class Fulfillment extends SthenoEntity {
  static override readonly idPrefix = 'ful';

  @Index()
  @Property({ type: 'text' })
  location_id!: string;

  @Property({ type: 'timestamptz', nullable: true })
  packed_at: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  shipped_at: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  delivered_at: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  canceled_at: Date | null = null;

  @Property({ type: 'jsonb', nullable: true })
  data: Record<string, unknown> | null = null;

  @Index()
  @Property({ type: 'text' })
  provider_id!: string;

  @Index()
  @Property({ type: 'text', nullable: true })
  shipping_option_id: string | null = null;

  @Property({ type: 'jsonb', nullable: true })
  metadata: Metadata = null;

  @OneToOne(() => FulfillmentAddress, { fieldName: 'delivery_address_id', nullable: true, owner: true, deleteRule: 'set null' })
  delivery_address: Rel<FulfillmentAddress> | null = null;
}
