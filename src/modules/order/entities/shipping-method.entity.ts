import { Entity, Index, Property } from '@mikro-orm/core';
import { Metadata, SthenoEntity } from '../../../framework/database/base.entity';

/** A shipping method chosen at checkout, with its price as charged. */
@Entity({ tableName: 'order_shipping_method' })
export class OrderShippingMethod extends SthenoEntity {
  static override readonly idPrefix = 'ordsm';

  @Property({ type: 'text' }) name!: string;
  @Property({ type: 'text', nullable: true }) description: string | null = null;
  @Property({ type: 'numeric', precision: 20, scale: 6 }) amount!: string;
  @Property({ type: 'boolean', default: false }) is_tax_inclusive: boolean = false;
  @Property({ type: 'boolean', default: false }) is_custom_amount: boolean = false;
  @Index() @Property({ type: 'text', nullable: true }) shipping_option_id: string | null = null;
  @Property({ type: 'jsonb', nullable: true }) data: Record<string, unknown> | null = null;
  @Property({ type: 'jsonb', nullable: true }) metadata: Metadata = null;
}

@Entity({ tableName: 'order_shipping_method_adjustment' })
export class OrderShippingMethodAdjustment extends SthenoEntity {
  static override readonly idPrefix = 'ordsmadj';

  @Index() @Property({ type: 'text' }) shipping_method_id!: string;
  @Property({ type: 'text', nullable: true }) code: string | null = null;
  @Property({ type: 'numeric', precision: 20, scale: 6 }) amount!: string;
  @Property({ type: 'text', nullable: true }) description: string | null = null;
  @Index() @Property({ type: 'text', nullable: true }) promotion_id: string | null = null;
  @Property({ type: 'text', nullable: true }) provider_id: string | null = null;
}

@Entity({ tableName: 'order_shipping_method_tax_line' })
export class OrderShippingMethodTaxLine extends SthenoEntity {
  static override readonly idPrefix = 'ordsmtxl';

  @Index() @Property({ type: 'text' }) shipping_method_id!: string;
  @Property({ type: 'text' }) code!: string;
  @Property({ type: 'numeric', precision: 10, scale: 4 }) rate!: string;
  @Property({ type: 'text', nullable: true }) description: string | null = null;
  @Property({ type: 'text', nullable: true }) tax_rate_id: string | null = null;
  @Property({ type: 'text', nullable: true }) provider_id: string | null = null;
}

/** Ties a shipping method to an order version (or to a return, claim or exchange of it). */
@Entity({ tableName: 'order_shipping' })
@Index({ properties: ['order_id', 'version'] })
export class OrderShipping extends SthenoEntity {
  static override readonly idPrefix = 'ordspmv';

  @Property({ type: 'text' }) order_id!: string;
  @Property({ type: 'integer', default: 1 }) version: number = 1;
  @Index() @Property({ type: 'text' }) shipping_method_id!: string;
  @Property({ type: 'text', nullable: true }) return_id: string | null = null;
  @Property({ type: 'text', nullable: true }) exchange_id: string | null = null;
  @Property({ type: 'text', nullable: true }) claim_id: string | null = null;
}
