import { Entity, Index, Property } from '@mikro-orm/core';
import { SthenoEntity } from '../../../framework/database/base.entity';

/**
 * How an identity logs in with one provider: for `emailpass`, `entity_id` is the lower-cased email
 * and `provider_metadata.password` the scrypt hash (never serialised to a client or a log).
 */
@Entity({ tableName: 'provider_identity' })
@Index({
  name: 'provider_identity_entity_provider_unique',
  expression: 'create unique index "provider_identity_entity_provider_unique" on "provider_identity" ("entity_id", "provider") where "deleted_at" is null',
})
export class ProviderIdentity extends SthenoEntity {
  static override readonly idPrefix = 'provid';

  @Property({ type: 'text' })
  entity_id!: string;

  @Property({ type: 'text' })
  provider!: string;

  @Index()
  @Property({ type: 'text' })
  auth_identity_id!: string;

  @Property({ type: 'jsonb', nullable: true })
  user_metadata: Record<string, unknown> | null = null;

  @Property({ type: 'jsonb', nullable: true, hidden: true })
  provider_metadata: Record<string, unknown> | null = null;
}
