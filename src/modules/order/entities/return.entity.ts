import { Entity, Index, Property } from '@mikro-orm/core';
import { Metadata, SthenoEntity } from '../../../framework/database/base.entity';

export const RETURN_STATUSES = ['requested', 'received', 'partially_received', 'canceled'] as const;
export type ReturnStatus = (typeof RETURN_STATUSES)[number];

/** Items coming back from a customer; `display_id` is a sequence as the order's. */
@Entity({ tableName: 'return' })
export class Return extends SthenoEntity {
  static override readonly idPrefix = 'return';

  @Index() @Property({ type: 'text' }) order_id!: string;
  @Property({ type: 'integer', default: 1 }) order_version: number = 1;
  @Property({ type: 'integer', autoincrement: true, unique: true }) display_id?: number;
  @Index() @Property({ type: 'text', default: 'requested' }) status: ReturnStatus = 'requested';
  @Property({ type: 'numeric', precision: 20, scale: 6, nullable: true }) refund_amount: string | null = null;
  @Property({ type: 'text', nullable: true }) location_id: string | null = null;
  @Property({ type: 'boolean', default: false }) no_notification: boolean = false;
  @Property({ type: 'text', nullable: true }) created_by: string | null = null;
  @Property({ type: 'jsonb', nullable: true }) metadata: Metadata = null;
  @Property({ type: 'timestamptz', nullable: true }) requested_at: Date | null = null;
  @Property({ type: 'timestamptz', nullable: true }) received_at: Date | null = null;
  @Property({ type: 'timestamptz', nullable: true }) canceled_at: Date | null = null;
}

@Entity({ tableName: 'return_item' })
export class ReturnItem extends SthenoEntity {
  static override readonly idPrefix = 'retitem';

  @Index() @Property({ type: 'text' }) return_id!: string;
  @Index() @Property({ type: 'text' }) item_id!: string;
  @Property({ type: 'numeric', precision: 20, scale: 6 }) quantity!: string;
  @Property({ type: 'numeric', precision: 20, scale: 6, default: 0 }) received_quantity: string = '0';
  @Property({ type: 'text', nullable: true }) reason_id: string | null = null;
  @Property({ type: 'text', nullable: true }) note: string | null = null;
  @Property({ type: 'jsonb', nullable: true }) metadata: Metadata = null;
}

/** Why something comes back; `value` is unique among live reasons, reasons nest one level. */
@Entity({ tableName: 'return_reason' })
@Index({ name: 'return_reason_value_unique', expression: 'create unique index "return_reason_value_unique" on "return_reason" ("value") where "deleted_at" is null' })
export class ReturnReason extends SthenoEntity {
  static override readonly idPrefix = 'rr';

  @Property({ type: 'text' }) value!: string;
  @Property({ type: 'text' }) label!: string;
  @Property({ type: 'text', nullable: true }) description: string | null = null;
  @Index() @Property({ type: 'text', nullable: true }) parent_return_reason_id: string | null = null;
  @Property({ type: 'jsonb', nullable: true }) metadata: Metadata = null;
}
