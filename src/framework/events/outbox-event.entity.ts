import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { generateId } from '../database/ids';

/**
 * A domain event recorded in the same transaction as the change it describes (the outbox pattern):
 * a rolled-back change leaves no event, and a committed one stays here until the relay has handed
 * it to every subscriber (in-process) or to Bull, even across crashes.
 */
@Entity({ tableName: 'event_outbox' })
@Index({
  name: 'event_outbox_pending_idx',
  expression: 'create index "event_outbox_pending_idx" on "event_outbox" ("created_at") where "dispatched_at" is null',
})
export class OutboxEvent {
  @PrimaryKey({ type: 'text' })
  id: string = generateId('evt');

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'jsonb' })
  data!: Record<string, unknown>;

  @Property({ type: 'jsonb', nullable: true })
  metadata: Record<string, unknown> | null = null;

  // Both timestamps come from the database clock (the column default), the clock the relay
  // compares them with: an application clock running ahead would hide fresh events from it.
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  created_at?: Date;

  /** Earliest time of the next dispatch attempt (moved forward after a failed attempt). */
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  available_at?: Date;

  /** Set while a relay holds the event; an expired lease makes it claimable again (crash recovery). */
  @Property({ type: 'timestamptz', nullable: true })
  locked_until: Date | null = null;

  @Property({ type: 'integer', default: 0 })
  attempts: number = 0;

  @Property({ type: 'timestamptz', nullable: true })
  dispatched_at: Date | null = null;

  @Property({ type: 'text', nullable: true })
  last_error: string | null = null;
}
