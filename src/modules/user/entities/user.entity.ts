import { Entity, Index, Property } from '@mikro-orm/core';
import { Metadata, SthenoEntity } from '../../../framework/database/base.entity';

@Entity({ tableName: 'user' })
@Index({ name: 'user_email_unique', expression: 'create unique index "user_email_unique" on "user" ("email") where "deleted_at" is null' })
export class User extends SthenoEntity {
  static override readonly idPrefix = 'user';

  /** Stored lower-case: emails compare case-insensitively. */
  @Property({ type: 'text' })
  email!: string;

  @Property({ type: 'text', nullable: true })
  first_name: string | null = null;

  @Property({ type: 'text', nullable: true })
  last_name: string | null = null;

  @Property({ type: 'text', nullable: true })
  avatar_url: string | null = null;

  @Property({ type: 'jsonb', nullable: true })
  metadata: Metadata = null;
}
