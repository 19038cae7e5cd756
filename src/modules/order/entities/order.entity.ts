import { Entity, Index, Property } from '@mikro-orm/core';
import { Metadata, SthenoEntity } from '../../../framework/database/base.entity';

export const ORDER_STATUSES = ['pending', 'completed', 'draft', 'archived', 'canceled', 'requires_action'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/**
 * A placed order. `display_id` is a PostgreSQL sequence (a `serial` column): unique and increasing
 * under any number of concurrent checkouts, in any number of processes, with no lock of our own.
 * References to other modules (region, customer, sales channel) are plain indexed ids.
 */
@Entity({ tableName: 'order' })
export class Order extends SthenoEntity {
  static override readonly idPrefix = 'order';

  @Property({ type: 'integer', autoincrement: true, unique: true })
  display_id?: number;

  @Property({ type: 'text', nullable: true })
  custom_display_id: string | null = null;

  /** The order version; order changes (edits, claims) are not built, so every order stays at 1. */
  @Property({ type: 'integer', default: 1 })
  version: number = 1;

  @Index()
  @Property({ type: 'text', default: 'pending' })
  status: OrderStatus = 'pending';

  @Index()
  @Property({ type: 'text', nullable: true })
  region_id: string | null = null;

  @Index()
  @Property({ type: 'text', nullable: true })
  customer_id: string | null = null;

  @Index()
  @Property({ type: 'text', nullable: true })
  sales_channel_id: string | null = null;

  @Index()
  @Property({ type: 'text', nullable: true })
  email: string | null = null;

  @Property({ type: 'text' })
  currency_code!: string;

  @Property({ type: 'text', nullable: true })
  locale: string | null = null;

  @Property({ type: 'text', nullable: true })
  shipping_address_id: string | null = null;

  @Property({ type: 'text', nullable: true })
  billing_address_id: string | null = null;

  @Property({ type: 'boolean', default: false })
  no_notification: boolean = false;

  @Property({ type: 'boolean', default: false })
  is_draft_order: boolean = false;

  @Property({ type: 'jsonb', nullable: true })
  metadata: Metadata = null;

  @Property({ type: 'timestamptz', nullable: true })
  canceled_at: Date | null = null;
}

/** A postal address copied onto the order (never shared with the customer's address book). */
@Entity({ tableName: 'order_address' })
export class OrderAddress extends SthenoEntity {
  static override readonly idPrefix = 'ordaddr';

  @Property({ type: 'text', nullable: true }) customer_id: string | null = null;
  @Property({ type: 'text', nullable: true }) company: string | null = null;
  @Property({ type: 'text', nullable: true }) first_name: string | null = null;
  @Property({ type: 'text', nullable: true }) last_name: string | null = null;
  @Property({ type: 'text', nullable: true }) address_1: string | null = null;
  @Property({ type: 'text', nullable: true }) address_2: string | null = null;
  @Property({ type: 'text', nullable: true }) city: string | null = null;
  @Property({ type: 'text', nullable: true }) country_code: string | null = null;
  @Property({ type: 'text', nullable: true }) province: string | null = null;
  @Property({ type: 'text', nullable: true }) postal_code: string | null = null;
  @Property({ type: 'text', nullable: true }) phone: string | null = null;
  @Property({ type: 'jsonb', nullable: true }) metadata: Metadata = null;
}

/** Medusa's order summary: the order's money position, `totals` holding decimal strings. */
@Entity({ tableName: 'order_summary' })
export class OrderSummary extends SthenoEntity {
  static override readonly idPrefix = 'ordsum';

  @Index()
  @Property({ type: 'text' })
  order_id!: string;

  @Property({ type: 'integer', default: 1 })
  version: number = 1;

  @Property({ type: 'jsonb' })
  totals!: Record<string, string>;
}

export const TRANSACTION_REFERENCES = ['capture', 'refund'] as const;
export type TransactionReference = (typeof TRANSACTION_REFERENCES)[number];

/** Money that moved for the order: captures positive, refunds negative (as Medusa stores them). */
@Entity({ tableName: 'order_transaction' })
export class OrderTransaction extends SthenoEntity {
  static override readonly idPrefix = 'ordtrx';

  @Index()
  @Property({ type: 'text' })
  order_id!: string;

  @Property({ type: 'integer', default: 1 })
  version: number = 1;

  @Property({ type: 'numeric', precision: 20, scale: 6 })
  amount!: string;

  @Property({ type: 'text' })
  currency_code!: string;

  @Property({ type: 'text' })
  reference!: TransactionReference;

  @Index()
  @Property({ type: 'text', nullable: true })
  reference_id: string | null = null;
}

/** Credit granted on the order (store credit, refunds as credit); lowers what the customer owes. */
@Entity({ tableName: 'order_credit_line' })
export class OrderCreditLine extends SthenoEntity {
  static override readonly idPrefix = 'ordcl';

  @Index()
  @Property({ type: 'text' })
  order_id!: string;

  @Property({ type: 'text', nullable: true }) reference: string | null = null;
  @Property({ type: 'text', nullable: true }) reference_id: string | null = null;
  @Property({ type: 'numeric', precision: 20, scale: 6 }) amount!: string;
  @Property({ type: 'jsonb', nullable: true }) metadata: Metadata = null;
}
