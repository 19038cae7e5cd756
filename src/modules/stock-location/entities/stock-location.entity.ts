import { Entity, Index, OneToOne, Property, Rel } from '@mikro-orm/core';
import { Metadata, SthenoEntity } from '../../../framework/database/base.entity';
import { StockLocationAddress } from './stock-location-address.entity';

/** A warehouse or store that holds stock. */
@Entity({ tableName: 'stock_location' })
export class StockLocation extends SthenoEntity {
  static override readonly idPrefix = 'sloc';

  @Index()
  @Property({ type: 'text' })
  name!: string;

  @OneToOne(() => StockLocationAddress, { fieldName: 'address_id', nullable: true, owner: true, deleteRule: 'set null' })
  address: Rel<StockLocationAddress> | null = null;

  @Property({ type: 'jsonb', nullable: true })
  metadata: Metadata = null;
}
