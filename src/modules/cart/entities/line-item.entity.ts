import { Entity, Index, Property } from '@mikro-orm/core';
import { Metadata, SthenoEntity } from '../../../framework/database/base.entity';

/**
 * A line of a cart with Medusa's snapshot of the product and variant at the time it was added, so
 * that the cart (and the order made from it) keeps its wording when the catalog changes.
 */
@Entity({ tableName: 'cart_line_item' })
export class CartLineItem extends SthenoEntity {
  static override readonly idPrefix = 'cali';

  @Index()
  @Property({ type: 'text' })
  cart_id!: string;

  @Property({ type: 'text' }) title!: string;
  @Property({ type: 'text', nullable: true }) subtitle: string | null = null;
  @Property({ type: 'text', nullable: true }) thumbnail: string | null = null;
  @Property({ type: 'integer' }) quantity!: number;
  @Index()
  @Property({ type: 'text', nullable: true }) variant_id: string | null = null;
  @Index()
  @Property({ type: 'text', nullable: true }) product_id: string | null = null;
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
  @Property({ type: 'boolean', default: true }) is_discountable: boolean = true;
  @Property({ type: 'boolean', default: false }) is_giftcard: boolean = false;
  @Property({ type: 'boolean', default: false }) is_tax_inclusive: boolean = false;
  @Property({ type: 'boolean', default: false }) is_custom_price: boolean = false;
  @Property({ type: 'numeric', precision: 20, scale: 6, nullable: true }) compare_at_unit_price: string | null = null;
  @Property({ type: 'numeric', precision: 20, scale: 6 }) unit_price!: string;
  @Property({ type: 'jsonb', nullable: true }) metadata: Metadata = null;
}

/** A discount on a line (a promotion's share of it), on the line's tax basis. */
@Entity({ tableName: 'cart_line_item_adjustment' })
export class CartLineItemAdjustment extends SthenoEntity {
  static override readonly idPrefix = 'caliadj';

  @Index()
  @Property({ type: 'text' })
  item_id!: string;

  @Property({ type: 'text', nullable: true }) code: string | null = null;
  @Property({ type: 'numeric', precision: 20, scale: 6 }) amount!: string;
  @Property({ type: 'text', nullable: true }) description: string | null = null;
  @Index()
  @Property({ type: 'text', nullable: true }) promotion_id: string | null = null;
  @Property({ type: 'text', nullable: true }) provider_id: string | null = null;
  @Property({ type: 'boolean', default: false }) is_tax_inclusive: boolean = false;
}

/** A tax applied to a line (rate in percent). */
@Entity({ tableName: 'cart_line_item_tax_line' })
export class CartLineItemTaxLine extends SthenoEntity {
  static override readonly idPrefix = 'calitxl';

  @Index()
  @Property({ type: 'text' })
  item_id!: string;

  @Property({ type: 'text' }) code!: string;
  @Property({ type: 'numeric', precision: 20, scale: 6 }) rate!: string;
  @Property({ type: 'text', nullable: true }) description: string | null = null;
  @Property({ type: 'text', nullable: true }) tax_rate_id: string | null = null;
  @Property({ type: 'text', nullable: true }) provider_id: string | null = null;
}
