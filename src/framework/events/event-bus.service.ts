import { Injectable } from '@nestjs/common';
import { Context } from '../context/context';
import { OutboxEvent } from './outbox-event.entity';

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
    event.metadata = {
      occurred_at: new Date().toISOString(),
      ...(ctx.requestId ? { request_id: ctx.requestId } : {}),
      ...(ctx.actor ? { actor_type: ctx.actor.type, actor_id: ctx.actor.id } : {}),
    };
    ctx.em.persist(event);
    return event;
  }

  recordMany(ctx: Context, events: Array<{ name: string; data: Record<string, unknown> }>): OutboxEvent[] {
    return events.map((e) => this.record(ctx, e.name, e.data));
  }
}
