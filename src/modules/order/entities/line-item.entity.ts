import { Entity, Index, Property } from '@mikro-orm/core';
import { Metadata, SthenoEntity } from '../../../framework/database/base.entity';

/** A line of the order: the product snapshot taken from the cart at checkout, and its price. */
@Entity({ tableName: 'order_line_item' })
export class OrderLineItem extends SthenoEntity {
  static override readonly idPrefix = 'ordli';

  @Property({ type: 'text' }) title!: string;
  @Property({ type: 'text', nullable: true }) subtitle: string | null = null;
  @Property({ type: 'text', nullable: true }) thumbnail: string | null = null;
  @Index() @Property({ type: 'text', nullable: true }) variant_id: string | null = null;
  @Index() @Property({ type: 'text', nullable: true }) product_id: string | null = null;
  @Property({ type: 'text', nullable: true }) product_title: string | null = null;
  @Property({ type: 'text', nullable: true }) product_description: string | null = null;
  @Property({ type: 'text', nullable: true }) product_subtitle: string | null = null;
  @Property({ type: 'text', nullable: true }) product_type: string | null = null;
  @Property({ type: 'text', nullable: true }) product_type_id: string | null = null;
  @Property({ type: 'text', nullable: true }) product_collection: string | null = null;
  @Property({ type: 'text', nullable: true }) product_handle: string | null = null;
  @Property({ type: 'text', nullable: true }) variant_sku: string | null = null;
  @Property({ type: 'text', nullable: true }) variant_barcode: string | null = null;
  @Property({ type: 'text', nullable: true }) variant_title: string | null = null;
  @Property({ type: 'jsonb', nullable: true }) variant_option_values: Record<string, unknown> | null = null;
  @Property({ type: 'boolean', default: true }) requires_shipping: boolean = true;
  @Property({ type: 'boolean', default: false }) is_giftcard: boolean = false;
  @Property({ type: 'boolean', default: true }) is_discountable: boolean = true;
  @Property({ type: 'boolean', default: false }) is_tax_inclusive: boolean = false;
  @Property({ type: 'boolean', default: false }) is_custom_price: boolean = false;
  @Property({ type: 'numeric', precision: 20, scale: 6, nullable: true }) compare_at_unit_price: string | null = null;
  @Property({ type: 'numeric', precision: 20, scale: 6 }) unit_price!: string;
  @Property({ type: 'jsonb', nullable: true }) metadata: Metadata = null;
}

/** A discount on a whole line (promotion), in the line's tax basis. */
@Entity({ tableName: 'order_line_item_adjustment' })
export class OrderLineItemAdjustment extends SthenoEntity {
  static override readonly idPrefix = 'ordliadj';

  @Index() @Property({ type: 'text' }) item_id!: string;
  @Property({ type: 'text', nullable: true }) code: string | null = null;
  @Property({ type: 'numeric', precision: 20, scale: 6 }) amount!: string;
  @Property({ type: 'text', nullable: true }) description: string | null = null;
  @Index() @Property({ type: 'text', nullable: true }) promotion_id: string | null = null;
  @Property({ type: 'text', nullable: true }) provider_id: string | null = null;
}

/** A tax applied to a line, `rate` in percent. */
@Entity({ tableName: 'order_line_item_tax_line' })
export class OrderLineItemTaxLine extends SthenoEntity {
  static override readonly idPrefix = 'ordlitxl';

  @Index() @Property({ type: 'text' }) item_id!: string;
  @Property({ type: 'text' }) code!: string;
  @Property({ type: 'numeric', precision: 10, scale: 4 }) rate!: string;
  @Property({ type: 'text', nullable: true }) description: string | null = null;
  @Property({ type: 'text', nullable: true }) tax_rate_id: string | null = null;
  @Property({ type: 'text', nullable: true }) provider_id: string | null = null;
}

/**
 * The order's quantities of a line, per order version (Medusa's `order_item`): ordered, fulfilled,
 * shipped, delivered, and the return counters. Every change is a conditional UPDATE that checks
 * what remains in the same statement, so concurrent fulfilments can never over-fulfil a line.
 */
@Entity({ tableName: 'order_item' })
@Index({ properties: ['order_id', 'version'] })
export class OrderItem extends SthenoEntity {
  static override readonly idPrefix = 'orditem';

  @Property({ type: 'text' }) order_id!: string;
  @Property({ type: 'integer', default: 1 }) version: number = 1;
  @Index() @Property({ type: 'text' }) item_id!: string;
  @Property({ type: 'numeric', precision: 20, scale: 6 }) quantity!: string;
  @Property({ type: 'numeric', precision: 20, scale: 6, default: 0 }) fulfilled_quantity: string = '0';
  @Property({ type: 'numeric', precision: 20, scale: 6, default: 0 }) delivered_quantity: string = '0';
  @Property({ type: 'numeric', precision: 20, scale: 6, default: 0 }) shipped_quantity: string = '0';
  @Property({ type: 'numeric', precision: 20, scale: 6, default: 0 }) return_requested_quantity: string = '0';
  @Property({ type: 'numeric', precision: 20, scale: 6, default: 0 }) return_received_quantity: string = '0';
  @Property({ type: 'numeric', precision: 20, scale: 6, default: 0 }) return_dismissed_quantity: string = '0';
  @Property({ type: 'numeric', precision: 20, scale: 6, default: 0 }) written_off_quantity: string = '0';
  /** Price overrides of an order version (order edits); null = the line item's. */
  @Property({ type: 'numeric', precision: 20, scale: 6, nullable: true }) unit_price: string | null = null;
  @Property({ type: 'numeric', precision: 20, scale: 6, nullable: true }) compare_at_unit_price: string | null = null;
  @Property({ type: 'jsonb', nullable: true }) metadata: Metadata = null;
}
