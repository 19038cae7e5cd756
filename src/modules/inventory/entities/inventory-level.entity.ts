import { Entity, Index, ManyToOne, Property, Rel } from '@mikro-orm/core';
import { Metadata, SthenoEntity } from '../../../framework/database/base.entity';
import { InventoryItem } from './inventory-item.entity';

/**
 * Stock of one item at one location. Available = stocked − reserved; reservations raise
 * `reserved_quantity` with a conditional update (`where stocked_quantity - reserved_quantity >= n`),
 * which is what keeps concurrent checkouts from overselling.
 */
@Entity({ tableName: 'inventory_level' })
@Index({
  name: 'inventory_level_item_location_unique',
  expression: 'create unique index "inventory_level_item_location_unique" on "inventory_level" ("inventory_item_id", "location_id") where "deleted_at" is null',
})
@Index({ properties: ['location_id'] })
export class InventoryLevel extends SthenoEntity {
  static override readonly idPrefix = 'ilev';

  @ManyToOne(() => InventoryItem, { fieldName: 'inventory_item_id', deleteRule: 'cascade', index: 'inventory_level_inventory_item_id_index' })
  inventory_item!: Rel<InventoryItem>;

  @Property({ type: 'text' })
  location_id!: string;

  @Property({ type: 'integer', default: 0 })
  stocked_quantity: number = 0;

  @Property({ type: 'integer', default: 0 })
  reserved_quantity: number = 0;

  @Property({ type: 'integer', default: 0 })
  incoming_quantity: number = 0;

  @Property({ type: 'jsonb', nullable: true })
  metadata: Metadata = null;
}
