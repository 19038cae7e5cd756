import { Entity, Index, Property } from '@mikro-orm/core';
import { Metadata, SthenoEntity } from '../../../framework/database/base.entity';

/** An amount captured on a payment. */
@Entity({ tableName: 'capture' })
export class Capture extends SthenoEntity {
  static override readonly idPrefix = 'capt';

  @Property({ type: 'numeric', precision: 20, scale: 6 })
  amount!: string;

  @Index()
  @Property({ type: 'text' })
  payment_id!: string;

  /** The user (or other actor) who captured, when known. */
  @Property({ type: 'text', nullable: true })
  created_by: string | null = null;

  @Property({ type: 'jsonb', nullable: true })
  metadata: Metadata = null;
}
