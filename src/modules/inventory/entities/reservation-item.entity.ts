import { Entity, Index, ManyToOne, Property, Rel } from '@mikro-orm/core';
import { Metadata, SthenoEntity } from '../../../framework/database/base.entity';
import { InventoryItem } from './inventory-item.entity';

/** Stock held at a location for a line item (or by hand), counted in the level's `reserved_quantity`. */
@Entity({ tableName: 'reservation_item' })
@Index({ properties: ['location_id'] })
@Index({ properties: ['line_item_id'] })
export class ReservationItem extends SthenoEntity {
  static override readonly idPrefix = 'resitem';

  @ManyToOne(() => InventoryItem, { fieldName: 'inventory_item_id', deleteRule: 'cascade', index: 'reservation_item_inventory_item_id_index' })
  inventory_item!: Rel<InventoryItem>;

  @Property({ type: 'text' })
  location_id!: string;

  @Property({ type: 'integer' })
  quantity!: number;

  @Property({ type: 'text', nullable: true })
  line_item_id: string | null = null;

  @Property({ type: 'boolean', default: false })
  allow_backorder: boolean = false;

  @Property({ type: 'text', nullable: true })
  description: string | null = null;

  @Property({ type: 'text', nullable: true })
  external_id: string | null = null;

  @Property({ type: 'text', nullable: true })
  created_by: string | null = null;

  @Property({ type: 'jsonb', nullable: true })
  metadata: Metadata = null;
}
