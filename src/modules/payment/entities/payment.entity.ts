import { Entity, Index, Property } from '@mikro-orm/core';
import { Metadata, SthenoEntity } from '../../../framework/database/base.entity';

/** An authorized payment: what a session became once its provider authorized it. */
@Entity({ tableName: 'payment' })
@Index({ properties: ['created_at', 'id'] })
@Index({
  name: 'payment_payment_session_id_unique',
  expression: 'create unique index "payment_payment_session_id_unique" on "payment" ("payment_session_id") where "deleted_at" is null',
})
export class Payment extends SthenoEntity {
  static override readonly idPrefix = 'pay';

  @Property({ type: 'numeric', precision: 20, scale: 6 })
  amount!: string;

  @Property({ type: 'text' })
  currency_code!: string;

  @Index()
  @Property({ type: 'text' })
  provider_id!: string;

  @Property({ type: 'jsonb', default: '{}' })
  data: Record<string, unknown> = {};

  /** Set once captures reach the amount. */
  @Property({ type: 'timestamptz', nullable: true })
  captured_at: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  canceled_at: Date | null = null;

  @Index()
  @Property({ type: 'text' })
  payment_collection_id!: string;

  @Property({ type: 'text' })
  payment_session_id!: string;

  @Property({ type: 'jsonb', nullable: true })
  metadata: Metadata = null;
}
