import { Entity, Enum, Index, Property, Unique } from '@mikro-orm/core';
import { SthenoEntity } from '../../../framework/database/base.entity';

export type NotificationStatus = 'pending' | 'success' | 'failure';
export const NOTIFICATION_STATUSES: readonly NotificationStatus[] = ['pending', 'success', 'failure'];

/**
 * One message sent (or being sent) through a notification provider, as Medusa's Notification
 * module stores it. The row is written before the provider is called, so a crash in between leaves
 * a `pending` row, and `idempotency_key` (unique) makes a repeated send find the row it already made.
 */
@Entity({ tableName: 'notification' })
@Index({ name: 'IDX_notification_channel_created_at', properties: ['channel', 'created_at'] })
export class Notification extends SthenoEntity {
  static override readonly idPrefix = 'noti';

  /** The receiver's address on the channel: an email address, a user id for the feed, … */
  @Index()
  @Property({ type: 'text' })
  to!: string;

  /** `email`, `feed`, or whatever channel a provider declares (`sms`, `slack`, …). */
  @Property({ type: 'text' })
  channel!: string;

  @Property({ type: 'text', nullable: true })
  template: string | null = null;

  @Property({ type: 'jsonb', nullable: true })
  data: Record<string, unknown> | null = null;

  /** What caused it: the event name for the built-in subscribers (`order.placed`). */
  @Property({ type: 'text', nullable: true })
  trigger_type: string | null = null;

  @Property({ type: 'text', nullable: true })
  resource_id: string | null = null;

  @Index()
  @Property({ type: 'text', nullable: true })
  resource_type: string | null = null;

  @Index()
  @Property({ type: 'text', nullable: true })
  receiver_id: string | null = null;

  /** Set on a re-send: the notification it repeats. */
  @Property({ type: 'text', nullable: true })
  original_notification_id: string | null = null;

  /** Unique (NULLs excepted): a second send with the same key returns this row instead of sending again. */
  @Unique({ name: 'IDX_notification_idempotency_key_unique' })
  @Property({ type: 'text', nullable: true })
  idempotency_key: string | null = null;

  /** The provider's own id for the message (a message id from the mail service, …). */
  @Property({ type: 'text', nullable: true })
  external_id: string | null = null;

  @Index()
  @Property({ type: 'text', nullable: true })
  provider_id: string | null = null;

  @Enum({ items: [...NOTIFICATION_STATUSES], default: 'pending' })
  status: NotificationStatus = 'pending';

  /** Why the provider failed (the last attempt's message); null unless `status` is `failure`. */
  @Property({ type: 'text', nullable: true })
  error: string | null = null;
}
