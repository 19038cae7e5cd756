import { Entity, Index, Property } from '@mikro-orm/core';
import { Metadata, SthenoEntity } from '../../../framework/database/base.entity';

/** Why money was given back (`Damaged goods`), chosen on refunds. */
@Entity({ tableName: 'refund_reason' })
@Index({
  name: 'refund_reason_code_unique',
  expression: 'create unique index "refund_reason_code_unique" on "refund_reason" ("code") where "deleted_at" is null',
})
export class RefundReason extends SthenoEntity {
  static override readonly idPrefix = 'refr';

  @Property({ type: 'text' })
  label!: string;

  @Property({ type: 'text', nullable: true })
  code: string | null = null;

  @Property({ type: 'text', nullable: true })
  description: string | null = null;

  @Property({ type: 'jsonb', nullable: true })
  metadata: Metadata = null;
}
