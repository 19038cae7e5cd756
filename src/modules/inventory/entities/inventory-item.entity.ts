import { Entity, Index, Property } from '@mikro-orm/core';
import { Metadata, SthenoEntity } from '../../../framework/database/base.entity';

/** A stock-keeping unit, stocked at locations through inventory levels. */
@Entity({ tableName: 'inventory_item' })
@Index({ name: 'inventory_item_sku_unique', expression: 'create unique index "inventory_item_sku_unique" on "inventory_item" ("sku") where "deleted_at" is null' })
export class InventoryItem extends SthenoEntity {
  static override readonly idPrefix = 'iitem';

  @Property({ type: 'text', nullable: true })
  sku: string | null = null;

  @Property({ type: 'text', nullable: true })
  origin_country: string | null = null;

  @Property({ type: 'text', nullable: true })
  hs_code: string | null = null;

  @Property({ type: 'text', nullable: true })
  mid_code: string | null = null;

  @Property({ type: 'text', nullable: true })
  material: string | null = null;

  @Property({ type: 'integer', nullable: true })
  weight: number | null = null;

  @Property({ type: 'integer', nullable: true })
  length: number | null = null;

  @Property({ type: 'integer', nullable: true })
  height: number | null = null;

  @Property({ type: 'integer', nullable: true })
  width: number | null = null;

  @Property({ type: 'boolean', default: true })
  requires_shipping: boolean = true;

  @Property({ type: 'text', nullable: true })
  description: string | null = null;

  @Property({ type: 'text', nullable: true })
  title: string | null = null;

  @Property({ type: 'text', nullable: true })
  thumbnail: string | null = null;

  @Property({ type: 'jsonb', nullable: true })
  metadata: Metadata = null;
}
