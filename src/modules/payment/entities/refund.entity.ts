import { Entity, Index, Property } from '@mikro-orm/core';
import { Metadata, SthenoEntity } from '../../../framework/database/base.entity';

/** An amount refunded on a payment (never more than it has captured). */
@Entity({ tableName: 'refund' })
export class Refund extends SthenoEntity {
  static override readonly idPrefix = 'ref';

  @Property({ type: 'numeric', precision: 20, scale: 6 })
  amount!: string;

  @Index()
  @Property({ type: 'text' })
  payment_id!: string;

  @Index()
  @Property({ type: 'text', nullable: true })
  refund_reason_id: string | null = null;

  @Property({ type: 'text', nullable: true })
  note: string | null = null;

  @Property({ type: 'text', nullable: true })
  created_by: string | null = null;

  @Property({ type: 'jsonb', nullable: true })
  metadata: Metadata = null;
}
