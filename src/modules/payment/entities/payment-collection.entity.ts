import { Entity, Index, Property } from '@mikro-orm/core';
import { Metadata, SthenoEntity } from '../../../framework/database/base.entity';
import type { PaymentCollectionStatus } from '../payment.types';

/**
 * What is to be paid for one cart or order. The authorized, captured and refunded amounts and the
 * status are derived from the sessions, captures and refunds, recomputed in the transaction that
 * changes them (payment-collection-state.ts).
 */
@Entity({ tableName: 'payment_collection' })
export class PaymentCollection extends SthenoEntity {
  static override readonly idPrefix = 'pay_col';

  /** Lower-case ISO 4217. */
  @Property({ type: 'text' })
  currency_code!: string;

  @Property({ type: 'numeric', precision: 20, scale: 6 })
  amount!: string;

  @Property({ type: 'numeric', precision: 20, scale: 6, default: 0 })
  authorized_amount: string = '0';

  @Property({ type: 'numeric', precision: 20, scale: 6, default: 0 })
  captured_amount: string = '0';

  @Property({ type: 'numeric', precision: 20, scale: 6, default: 0 })
  refunded_amount: string = '0';

  @Index()
  @Property({ type: 'text', default: 'not_paid' })
  status: PaymentCollectionStatus = 'not_paid';

  @Property({ type: 'timestamptz', nullable: true })
  completed_at: Date | null = null;

  @Property({ type: 'jsonb', nullable: true })
  metadata: Metadata = null;
}
