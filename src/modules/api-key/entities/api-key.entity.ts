import { Entity, Enum, Index, Property } from '@mikro-orm/core';
import { SthenoEntity } from '../../../framework/database/base.entity';

export type ApiKeyType = 'publishable' | 'secret';

/**
 * Publishable keys (`pk_…`) are stored in clear: storefronts send them in every request and they
 * grant nothing beyond the storefront's view. Secret keys (`sk_…`) grant admin access: only their
 * scrypt hash is stored, with a `redacted` form for display.
 */
@Entity({ tableName: 'api_key' })
@Index({ properties: ['type', 'revoked_at'] })
export class ApiKey extends SthenoEntity {
  static override readonly idPrefix = 'apk';

  /** The publishable token, or the secret token's scrypt hash. */
  @Index()
  @Property({ type: 'text' })
  token!: string;

  @Property({ type: 'text' })
  redacted!: string;

  @Property({ type: 'text' })
  title!: string;

  @Enum({ items: ['publishable', 'secret'], nativeEnumName: undefined })
  type!: ApiKeyType;

  @Property({ type: 'timestamptz', nullable: true })
  last_used_at: Date | null = null;

  @Property({ type: 'text', default: '' })
  created_by: string = '';

  @Property({ type: 'text', nullable: true })
  revoked_by: string | null = null;

  /** Revoked from this moment on; a future time schedules the revocation. */
  @Property({ type: 'timestamptz', nullable: true })
  revoked_at: Date | null = null;
}
