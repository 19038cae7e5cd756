import { Entity, Property } from '@mikro-orm/core';
import { SthenoEntity } from '../../../framework/database/base.entity';

/** One person's login, shared by the actors it belongs to (`app_metadata.user_id`, `customer_id`). */
@Entity({ tableName: 'auth_identity' })
export class AuthIdentity extends SthenoEntity {
  static override readonly idPrefix = 'authid';

  @Property({ type: 'jsonb', nullable: true })
  app_metadata: Record<string, unknown> | null = null;

  /** Tokens issued before this moment are refused (set on password change and actor removal). */
  @Property({ type: 'timestamptz', nullable: true })
  tokens_valid_after: Date | null = null;
}
