import { Entity, ManyToOne, Property, Rel } from '@mikro-orm/core';
import { SthenoEntity } from '../../../framework/database/base.entity';
import { Fulfillment } from './fulfillment.entity';

/** A quantity of one line item (snapshot of its title, sku, barcode) in a fulfillment. */
@Entity({ tableName: 'fulfillment_item' })
export class FulfillmentItem extends SthenoEntity {
  static override readonly idPrefix = 'fulit';

  @Property({ type: 'text' }) title!: string;
  @Property({ type: 'text', nullable: true }) sku: string | null = null;
  @Property({ type: 'text', nullable: true }) barcode: string | null = null;
  @Property({ type: 'integer' }) quantity!: number;
  @Property({ type: 'text', nullable: true, index: 'fulfillment_item_line_item_id_index' }) line_item_id: string | null = null;
  @Property({ type: 'text', nullable: true, index: 'fulfillment_item_inventory_item_id_index' }) inventory_item_id: string | null = null;

  @ManyToOne(() => Fulfillment, { fieldName: 'fulfillment_id', deleteRule: 'cascade', index: 'fulfillment_item_fulfillment_id_index' })
  fulfillment!: Rel<Fulfillment>;
}
