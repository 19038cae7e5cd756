import { Entity, Index, Property } from '@mikro-orm/core';
import { Metadata, SthenoEntity } from '../../../framework/database/base.entity';
import type { PaymentSessionStatus } from '../payment.types';

/** One attempt to pay a collection through one provider (`data` is the provider's own state). */
@Entity({ tableName: 'payment_session' })
export class PaymentSession extends SthenoEntity {
  static override readonly idPrefix = 'payses';

  @Property({ type: 'text' })
  currency_code!: string;

  @Property({ type: 'numeric', precision: 20, scale: 6 })
  amount!: string;

  @Index()
  @Property({ type: 'text' })
  provider_id!: string;

  @Property({ type: 'jsonb', default: '{}' })
  data: Record<string, unknown> = {};

  @Property({ type: 'jsonb', default: '{}' })
  context: Record<string, unknown> = {};

  @Property({ type: 'text', default: 'pending' })
  status: PaymentSessionStatus = 'pending';

  @Property({ type: 'timestamptz', nullable: true })
  authorized_at: Date | null = null;

  @Index()
  @Property({ type: 'text' })
  payment_collection_id!: string;

  @Property({ type: 'jsonb', nullable: true })
  metadata: Metadata = {};
}
