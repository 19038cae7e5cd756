import type { Queue } from 'bull';
import { DispatchOutcome, DomainEvent, EventDispatcher, RegisteredSubscriber } from './domain-event';

export interface EventJobData {
  subscriber_id: string;
  event: DomainEvent;
}

const ADD_TIMEOUT_MS = 5000;

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The Bull job id of one delivery: adding it twice is a no-op, which makes re-dispatch idempotent. */
export function deliveryJobId(eventId: string, subscriberId: string): string {
  return `${eventId}:${subscriberId}`;
}

/**
 * Redis delivery: one Bull job per subscriber per event, so each subscriber retries on its own with
 * exponential backoff and failed jobs stay in the failed set. Resolves once Redis has every job;
 * rejects (and the relay retries later) when Redis is unreachable.
 */
export class BullDispatcher implements EventDispatcher {
  readonly kind = 'bull' as const;

  constructor(private readonly queue: Queue<EventJobData>) {}

  async dispatch(event: DomainEvent, subscribers: RegisteredSubscriber[]): Promise<DispatchOutcome> {
    await Promise.all(
      subscribers.map((subscriber) =>
        withTimeout(
          this.queue.add(
            // named after the subscriber: its named processor runs it with the subscriber's concurrency
            subscriber.options.id,
            { subscriber_id: subscriber.options.id, event },
            {
              jobId: deliveryJobId(event.id, subscriber.options.id),
              attempts: subscriber.options.attempts,
              backoff: { type: 'exponential', delay: subscriber.options.backoffMs },
              removeOnComplete: { age: 7 * 24 * 3600, count: 50000 },
              removeOnFail: false,
            },
          ),
          ADD_TIMEOUT_MS,
          'Adding an event job to Redis',
        ),
      ),
    );
    return { failed: [] };
  }

  async close(): Promise<void> {
    // the queue itself is closed by @nestjs/bull on shutdown
  }
}
