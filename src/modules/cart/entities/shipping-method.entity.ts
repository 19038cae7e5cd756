import { Entity, Index, Property } from '@mikro-orm/core';
import { Metadata, SthenoEntity } from '../../../framework/database/base.entity';

/** A shipping option chosen for a cart, with the amount it was priced at. */
@Entity({ tableName: 'cart_shipping_method' })
export class CartShippingMethod extends SthenoEntity {
  static override readonly idPrefix = 'casm';

  @Index()
  @Property({ type: 'text' })
  cart_id!: string;

  @Property({ type: 'text' }) name!: string;
  @Property({ type: 'text', nullable: true }) description: string | null = null;
  @Property({ type: 'numeric', precision: 20, scale: 6 }) amount!: string;
  @Property({ type: 'boolean', default: false }) is_tax_inclusive: boolean = false;
  @Property({ type: 'text', nullable: true }) shipping_option_id: string | null = null;
  @Property({ type: 'jsonb', nullable: true }) data: Record<string, unknown> | null = null;
  @Property({ type: 'jsonb', nullable: true }) metadata: Metadata = null;
}

@Entity({ tableName: 'cart_shipping_method_adjustment' })
export class CartShippingMethodAdjustment extends SthenoEntity {
  static override readonly idPrefix = 'casmadj';

  @Index()
  @Property({ type: 'text' })
  shipping_method_id!: string;

  @Property({ type: 'text', nullable: true }) code: string | null = null;
  @Property({ type: 'numeric', precision: 20, scale: 6 }) amount!: string;
  @Property({ type: 'text', nullable: true }) description: string | null = null;
  @Index()
  @Property({ type: 'text', nullable: true }) promotion_id: string | null = null;
  @Property({ type: 'text', nullable: true }) provider_id: string | null = null;
}

@Entity({ tableName: 'cart_shipping_method_tax_line' })
export class CartShippingMethodTaxLine extends SthenoEntity {
  static override readonly idPrefix = 'casmtxl';

  @Index()
  @Property({ type: 'text' })
  shipping_method_id!: string;

  @Property({ type: 'text' }) code!: string;
  @Property({ type: 'numeric', precision: 20, scale: 6 }) rate!: string;
  @Property({ type: 'text', nullable: true }) description: string | null = null;
  @Property({ type: 'text', nullable: true }) tax_rate_id: string | null = null;
  @Property({ type: 'text', nullable: true }) provider_id: string | null = null;
}

/** Credit applied to a cart (store credit, a refund carried over), lowering what is due. */
@Entity({ tableName: 'credit_line' })
export class CartCreditLine extends SthenoEntity {
  static override readonly idPrefix = 'cacl';

  @Index()
  @Property({ type: 'text' })
  cart_id!: string;

  @Property({ type: 'text', nullable: true }) reference: string | null = null;
  @Property({ type: 'text', nullable: true }) reference_id: string | null = null;
  @Property({ type: 'numeric', precision: 20, scale: 6 }) amount!: string;
  @Property({ type: 'jsonb', nullable: true }) metadata: Metadata = null;
}
