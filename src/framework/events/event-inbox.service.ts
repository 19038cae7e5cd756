import { Injectable } from '@nestjs/common';
import { MikroORM, QueryResult } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Context, SYSTEM_ACTOR } from '../context/context';
import { DomainEvent } from './domain-event';

export type InboxOutcome<T> = { applied: true; result: T } | { applied: false };

/**
 * Exactly-once effects for subscribers. Delivery is at least once (a worker that dies mid-job has the
 * job run again; a relay that cannot mark an event dispatched sends it again), so a subscriber whose
 * effect is a database change wraps it:
 *
 *   await this.inbox.once(event, 'loyalty-points-on-order-placed', (ctx) => this.points.award(ctx, …));
 *
 * The effect runs in one transaction with the insert of the (event, subscriber) inbox row. A second
 * delivery finds the row and skips; a concurrent one waits on the first's uncommitted row and then
 * skips, or runs if the first rolled back. Effects outside the database (an email, an API call)
 * cannot join the transaction: give them an idempotency key derived from the event id instead.
 */
@Injectable()
export class EventInbox {
  constructor(private readonly orm: MikroORM) {}

  async once<T>(event: Pick<DomainEvent, 'id' | 'metadata'>, subscriberId: string, effect: (ctx: Context) => Promise<T>): Promise<InboxOutcome<T>> {
    const em = this.orm.em.fork() as EntityManager;
    return em.transactional(async (txEm) => {
      const tx = txEm as EntityManager;
      const claimed = await tx.execute<Array<{ event_id: string }>>(
        'insert into event_inbox (event_id, subscriber_id) values (?, ?) on conflict do nothing returning event_id',
        [event.id, subscriberId],
      );
      if (claimed.length === 0) return { applied: false as const };
      const ctx: Context = { em: tx, actor: SYSTEM_ACTOR, requestId: event.metadata?.request_id };
      return { applied: true as const, result: await effect(ctx) };
    });
  }

  /** Whether a subscriber has applied an event already. */
  async processed(eventId: string, subscriberId: string): Promise<boolean> {
    const rows = await (this.orm.em.fork() as EntityManager)
      .getConnection()
      .execute('select 1 from event_inbox where event_id = ? and subscriber_id = ?', [eventId, subscriberId]);
    return rows.length > 0;
  }

  /**
   * Deletes inbox rows older than `olderThanHours`; returns how many. Keep rows for longer than an
   * event can be redelivered (Bull keeps completed job ids for 7 days; the relay redelivers within
   * minutes), so pruning never lets an old event apply twice.
   */
  async prune(olderThanHours: number): Promise<number> {
    if (!Number.isFinite(olderThanHours) || olderThanHours < 0) throw new Error(`prune needs a number of hours >= 0, got ${olderThanHours}`);
    const result = await (this.orm.em.fork() as EntityManager).execute<QueryResult>(
      `delete from event_inbox where processed_at < now() - (? * interval '1 hour')`,
      [olderThanHours],
      'run',
    );
    return result.affectedRows;
  }
}
