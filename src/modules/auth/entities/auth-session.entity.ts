import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * Cookie sessions (`POST /auth/session`), kept in PostgreSQL so that every server process — and the
 * embedded mode — sees them; the cookie carries only the signed id.
 */
@Entity({ tableName: 'auth_session' })
export class AuthSession {
  @PrimaryKey({ type: 'text' })
  id!: string;

  @Property({ type: 'jsonb' })
  auth_context!: Record<string, unknown>;

  /** Lets a password change or a removed user end every session of the identity. */
  @Index()
  @Property({ type: 'text' })
  auth_identity_id!: string;

  @Index()
  @Property({ type: 'timestamptz' })
  expires_at!: Date;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  created_at?: Date;
}
