import { Injectable } from '@nestjs/common';
import { Context } from '../context/context';
import { generateId } from '../database/ids';
import { OutboxEvent } from './outbox-event.entity';

/** When and for whom an event happened: the request and the actor, when known. */
function metadataOf(ctx: Context): Record<string, unknown> {
  return {
    occurred_at: new Date().toISOString(),
    ...(ctx.requestId ? { request_id: ctx.requestId } : {}),
    ...(ctx.actor ? { actor_type: ctx.actor.type, actor_id: ctx.actor.id } : {}),
  };
}

/**
 * A data-modifying CTE that records events inside a caller's plain-SQL write, so an event costs no
 * statement of its own. Its one parameter is `EventBus.outboxRows` (an empty list records nothing).
 * `from` adds a CTE of the same statement to the rows it reads and `where` keeps only some events
 * (an event's extra fields, such as `on_change`, are readable as `e.<field>`).
 */
export function outboxCte(filter: { from?: string; where?: string } = {}): string {
  return `recorded_events as (
  insert into event_outbox (id, name, data, metadata)
  select e.id, e.name, e.data, e.metadata
    from ${filter.from ? `${filter.from}, ` : ''}jsonb_to_recordset(?::jsonb) as e(id text, name text, data jsonb, metadata jsonb, on_change text)${
      filter.where ? `
   where ${filter.where}` : ''
    })`;
}

/** `outboxCte()`: every event given (`with ${OUTBOX_CTE} update …`). */
export const OUTBOX_CTE = outboxCte();

/**
 * `outboxCte` recording its events only when `source`, a CTE of the same statement written before it
 * (`done as (update … returning id)`), answered a row: the events of a write that may find nothing to do.
 */
export function outboxCteIf(source: string): string {
  return outboxCte({ where: `exists (select 1 from ${source})` });
}

/**
 * Records domain events into the outbox through the caller's EntityManager, so the event is written
 * by the same flush/transaction as the change it describes. Nothing is published here: the relay
 * picks the row up only after it has committed.
 */
@Injectable()
export class EventBus {
  record(ctx: Context, name: string, data: Record<string, unknown>): OutboxEvent {
    const event = new OutboxEvent();
    event.name = name;
    event.data = data;
    event.metadata = metadataOf(ctx);
    ctx.em.persist(event);
    return event;
  }

  /**
   * Records the event with one INSERT now, in the caller's transaction, instead of at its next
   * flush: for hot paths that write with plain SQL and have nothing else to flush. Returns its id.
   */
  async recordNow(ctx: Context, name: string, data: Record<string, unknown>): Promise<string> {
    const id = generateId('evt');
    await ctx.em.execute('insert into event_outbox (id, name, data, metadata) values (?, ?, ?::jsonb, ?::jsonb)', [
      id,
      name,
      JSON.stringify(data),
      JSON.stringify(metadataOf(ctx)),
    ]);
    return id;
  }

  /**
   * The events as `OUTBOX_CTE` records them in the caller's statement (its parameter): each with its
   * id and metadata, and any other field given (for a statement that picks among them).
   */
  outboxRows(ctx: Context, events: Array<{ name: string; data: Record<string, unknown>; [field: string]: unknown }>): string {
    if (!events.length) return '[]';
    const metadata = metadataOf(ctx);
    return JSON.stringify(events.map((e) => ({ ...e, id: generateId('evt'), metadata })));
  }

  recordMany(ctx: Context, events: Array<{ name: string; data: Record<string, unknown> }>): OutboxEvent[] {
    return events.map((e) => this.record(ctx, e.name, e.data));
  }
}
