import { Entity, Index, Property } from '@mikro-orm/core';
import { Metadata, SthenoEntity } from '../../../framework/database/base.entity';

@Entity({ tableName: 'invite' })
@Index({ name: 'invite_email_unique', expression: 'create unique index "invite_email_unique" on "invite" ("email") where "deleted_at" is null' })
export class Invite extends SthenoEntity {
  static override readonly idPrefix = 'invite';

  @Property({ type: 'text' })
  email!: string;

  @Property({ type: 'boolean', default: false })
  accepted: boolean = false;

  /** A JWT naming this invite, valid until `expires_at`; replaced on resend. */
  @Index()
  @Property({ type: 'text' })
  token!: string;

  @Property({ type: 'timestamptz' })
  expires_at!: Date;

  @Property({ type: 'jsonb', nullable: true })
  metadata: Metadata = null;
}
