import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * One row per event a subscriber has applied with `EventInbox.once`: the primary key is what makes
 * a redelivered event (a stalled Bull job run again, a relay dispatching again after a crash) find
 * its effect already done. Rows are pruned by age (`EventInbox.prune`).
 */
@Entity({ tableName: 'event_inbox' })
@Index({ name: 'event_inbox_processed_at_idx', properties: ['processed_at'] })
export class EventInboxEntry {
  @PrimaryKey({ type: 'text' })
  event_id!: string;

  @PrimaryKey({ type: 'text' })
  subscriber_id!: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  processed_at?: Date;
}
