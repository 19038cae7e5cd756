import { Entity, Index, Property } from '@mikro-orm/core';
import { Metadata, SthenoEntity } from '../../../framework/database/base.entity';

@Entity({ tableName: 'sales_channel' })
export class SalesChannel extends SthenoEntity {
  static override readonly idPrefix = 'sc';

  @Index()
  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text', nullable: true })
  description: string | null = null;

  @Property({ type: 'boolean', default: false })
  is_disabled: boolean = false;

  @Property({ type: 'jsonb', nullable: true })
  metadata: Metadata = null;
}
