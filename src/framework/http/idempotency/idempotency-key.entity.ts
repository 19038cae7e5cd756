import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * One `Idempotency-Key` a client sent to an idempotent route, and the first response it got. The key
 * is scoped (route and caller), so two storefronts choosing the same key never see each other's
 * answers. A row is `started` while its first request runs and `completed` once the response is
 * stored; a started row whose lease ran out (the process died mid-request) may be taken over.
 */
@Entity({ tableName: 'idempotency_key' })
export class IdempotencyKey {
  /** sha256 of scope and key: fixed length whatever the client sends. */
  @PrimaryKey({ type: 'text' })
  id!: string;

  @Property({ type: 'text' })
  scope!: string;

  @Property({ type: 'text' })
  key!: string;

  /** sha256 of method, URL and body: the same key with another request is refused. */
  @Property({ type: 'text' })
  request_fingerprint!: string;

  @Property({ type: 'text' })
  status!: 'started' | 'completed';

  @Property({ type: 'integer', nullable: true })
  response_status: number | null = null;

  @Property({ type: 'jsonb', nullable: true })
  response_body: unknown = null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  created_at?: Date;

  @Property({ type: 'timestamptz' })
  locked_until!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  completed_at: Date | null = null;
}
